import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { LocalDateScalar, ValidationError, todayLocalDate, type LocalDate, type RequestContext } from "@arbetsliv/core";
import { IopAgreement, IopScopes, partnersOfAgreements, partnershipsByOrganisationsnummer } from "@arbetsliv/iop";
import { PlacementProvider, RelationsvaldScopes, placementCostsByProviders, type ProviderCostSummary } from "@arbetsliv/relationsvald";
import { PartnershipPlacementCosts } from "./placement-costs.types";

/**
 * A relationsvåld provider that is an IOP partner links to its partnerships (same
 * organisationsnummer). Needs an IOP scope: the agreements are the IOP domain's data.
 */
@Resolver(() => PlacementProvider)
export class ProviderPartnershipResolver {
  @Authorized(IopScopes.READ, IopScopes.STATS)
  @FieldResolver(() => [IopAgreement], { description: "IOP partnerships with this provider (same organisationsnummer), newest first. Needs iop:read or iop:stats." })
  iopPartnerships(@Root() provider: PlacementProvider, @Ctx() ctx: RequestContext): Promise<IopAgreement[]> | IopAgreement[] {
    if (!provider.organisationsnummer) return [];
    return ctx
      .loader<string, IopAgreement[]>("gateway.iopPartnershipsByOrgnr", (keys) => partnershipsByOrganisationsnummer(ctx.ds, keys))
      .load(provider.organisationsnummer);
  }
}

function toType(summary: ProviderCostSummary): PartnershipPlacementCosts {
  return {
    from: summary.from,
    to: summary.to,
    registeredProvider: summary.registered,
    lines: summary.lines.map((l) => ({ month: l.month, type: l.type, chargedNights: l.chargedNights, chargedPersonNights: l.chargedPersonNights, amount: l.amountOre })),
    serviceFees: summary.serviceFees.map((f) => ({ month: f.month, amount: f.amountOre })),
    placementCost: summary.placementCostOre,
    serviceFee: summary.serviceFeeOre,
    total: summary.totalOre,
  };
}

/** The partnership shows what placements under it cost, from the relationsvåld register. */
@Resolver(() => IopAgreement)
export class PartnershipPlacementCostsResolver {
  @Authorized(RelationsvaldScopes.STATS, RelationsvaldScopes.READ)
  @FieldResolver(() => PartnershipPlacementCosts, {
    description:
      "Relationsvåld placement costs invoiced by this partner in the period (default: the agreement's period up to today). Aggregates only; needs relationsvald:stats or relationsvald:read.",
  })
  async placementCosts(
    @Root() agreement: IopAgreement,
    @Ctx() ctx: RequestContext,
    @Arg("from", () => LocalDateScalar, { nullable: true }) from?: LocalDate,
    @Arg("to", () => LocalDateScalar, { nullable: true }) to?: LocalDate,
  ): Promise<PartnershipPlacementCosts> {
    const today = todayLocalDate();
    const periodFrom = from ?? agreement.startDate;
    const end = agreement.finalEndDate ?? agreement.endDate;
    const periodTo = to ?? (end && end < today ? end : today);
    if (periodFrom > periodTo) throw new ValidationError("to", "order", "must not be before from");
    const partner = await ctx
      .loader<number, Awaited<ReturnType<typeof partnersOfAgreements>>[number]>("gateway.partnerOfAgreement", (ids) => partnersOfAgreements(ctx.ds, ids))
      .load(agreement.id);
    if (!partner) throw new ValidationError("agreement", "partner", "has no partner");
    // One batch per period: the agreements of a page asking for the same period share three SQL statements.
    const summary = await ctx
      .loader<string, ProviderCostSummary>(`gateway.placementCosts:${periodFrom}:${periodTo}`, (orgnrs) =>
        placementCostsByProviders(ctx.ds, { organisationsnummer: orgnrs, from: periodFrom, to: periodTo }),
      )
      .load(partner.organisationsnummer);
    return toType(summary);
  }
}
