import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FirstArgs, type RequestContext } from "@arbetsliv/core";
import { Agreement } from "../agreement/agreement.entity";
import { IopScopes } from "../scopes";
import { PlacementProviderReference } from "./provider-reference.type";
import { partnershipsOfOrganisation } from "./provider-partnerships.service";

/**
 * In the federated topology IOP owns a provider's partnerships: the provider comes by reference
 * with its organisationsnummer, the agreements are IOP's. Needs an IOP scope, as in the monolith.
 */
@Resolver(() => PlacementProviderReference)
export class ProviderPartnershipsResolver {
  @Authorized(IopScopes.READ, IopScopes.STATS)
  @FieldResolver(() => [Agreement], {
    description:
      "IOP partnerships with this provider (same organisationsnummer), newest first: the first `first` (default 25, at most 100). Needs iop:read or iop:stats.",
  })
  iopPartnerships(
    @Root() provider: PlacementProviderReference,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Agreement[]> | Agreement[] {
    return partnershipsOfOrganisation(ctx, provider.organisationsnummer, first);
  }
}
