import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FirstArgs, type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { IopAgreement, IopScopes } from "@arbetsliv/iop";
import { PlacementProvider, RelationsvaldScopes } from "@arbetsliv/relationsvald";
import { partnershipsOfProvider, placementCostsOfPartnership } from "./cross-domain.service";
import { MAX_PLACEMENT_COST_YEARS, PartnershipPlacementCosts } from "./placement-costs.types";

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

/** The partnership shows what placements under it cost, from the relationsvåld register. */
@Resolver(() => IopAgreement)
export class PartnershipPlacementCostsResolver {
  @Authorized(RelationsvaldScopes.STATS, RelationsvaldScopes.STATS_EXACT, RelationsvaldScopes.READ)
  @FieldResolver(() => PartnershipPlacementCosts, {
    description: `Relationsvåld placement costs invoiced by this partner in the period (at most ${MAX_PLACEMENT_COST_YEARS} years; default: the agreement's period up to today, its last ${MAX_PLACEMENT_COST_YEARS} years, in whole months without relationsvald:stats:exact). Aggregates only, under disclosure control; needs relationsvald:stats, relationsvald:stats:exact or relationsvald:read.`,
  })
  placementCosts(
    @Root() agreement: IopAgreement,
    @Ctx() ctx: RequestContext,
    @Arg("from", () => LocalDateScalar, {
      nullable: true,
      description: `First day of the period (inclusive; a month's first day without relationsvald:stats:exact). Default: the agreement's start, but at most ${MAX_PLACEMENT_COST_YEARS} years before \`to\`.`,
    })
    from?: LocalDate,
    @Arg("to", () => LocalDateScalar, {
      nullable: true,
      description:
        "Last day of the period (inclusive; a month's last day without relationsvald:stats:exact), not before `from`. Default: the agreement's end if it has passed, else today.",
    })
    to?: LocalDate,
  ): Promise<PartnershipPlacementCosts> {
    return placementCostsOfPartnership(ctx, agreement, from, to);
  }
}
