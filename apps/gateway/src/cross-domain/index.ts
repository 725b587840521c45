import { defineModule } from "@arbetsliv/core";
import { PartnershipPlacementCostsResolver, ProviderPartnershipResolver } from "./cross-domain.resolver";

/**
 * Fields that link domains. The gateway owns them, so domain packages never import each other:
 * a relationsvåld provider → its IOP partnerships; an IOP partnership → its placement costs.
 */
export const crossDomainModule = defineModule({
  name: "cross-domain",
  description: "Links between domains, resolved in the gateway.",
  entities: [],
  resolvers: [ProviderPartnershipResolver, PartnershipPlacementCostsResolver],
  migrations: [],
  scopes: [],
});
