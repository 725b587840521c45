import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FirstArgs, type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { IopAgreement, IopScopes } from "@arbetsliv/iop";
import {
  PartnershipPlacementCosts,
  PlacementProvider,
  PLACEMENT_COSTS_DESCRIPTION,
  PLACEMENT_COSTS_FROM_DESCRIPTION,
  PLACEMENT_COSTS_TO_DESCRIPTION,
  RelationsvaldScopes,
} from "@arbetsliv/relationsvald";
import { partnershipsOfProvider, placementCostsOfAgreement } from "./cross-domain.service";

/**
 * A relationsvåld provider that is an IOP partner links to its partnerships (same
 * organisationsnummer). Needs an IOP scope: the agreements are the IOP domain's data.
 */
@Resolver(() => PlacementProvider)
export class ProviderPartnershipResolver {
  @Authorized(IopScopes.READ, IopScopes.STATS)
  @FieldResolver(() => [IopAgreement], {
    description:
      "IOP partnerships with this provider (same organisationsnummer), newest first: the first `first` (default 25, at most 100). Needs iop:read or iop:stats.",
  })
  iopPartnerships(
    @Root() provider: PlacementProvider,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<IopAgreement[]> | IopAgreement[] {
    return partnershipsOfProvider(ctx, provider, first);
  }
}

/**
 * The partnership shows what placements under it cost, from the relationsvåld register (the
 * computation is relationsvåld's own, which answers the same field in the federated topology).
 */
@Resolver(() => IopAgreement)
export class PartnershipPlacementCostsResolver {
  @Authorized(RelationsvaldScopes.STATS, RelationsvaldScopes.STATS_EXACT, RelationsvaldScopes.READ)
  @FieldResolver(() => PartnershipPlacementCosts, { description: PLACEMENT_COSTS_DESCRIPTION })
  placementCosts(
    @Root() agreement: IopAgreement,
    @Ctx() ctx: RequestContext,
    @Arg("from", () => LocalDateScalar, { nullable: true, description: PLACEMENT_COSTS_FROM_DESCRIPTION })
    from?: LocalDate,
    @Arg("to", () => LocalDateScalar, { nullable: true, description: PLACEMENT_COSTS_TO_DESCRIPTION })
    to?: LocalDate,
  ): Promise<PartnershipPlacementCosts> {
    return placementCostsOfAgreement(ctx, agreement, from, to);
  }
}
