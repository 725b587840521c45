import { defineModule } from "@arbetsliv/core";

/**
 * Fields that link domains (the gateway owns them; domain packages never import each other).
 */
export const crossDomainModule = defineModule({
  name: "cross-domain",
  description: "Links between domains, resolved in the gateway.",
  entities: [],
  resolvers: [],
  migrations: [],
  scopes: [],
});
