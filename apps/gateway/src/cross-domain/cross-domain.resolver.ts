import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FirstArgs, LocalDateScalar, takeFirst, ValidationError, addDays, addMonths, assertWholeMonths, disclosurePolicy, logExactStatisticsRead, todayLocalDate, type DisclosurePolicy, type LocalDate, type RequestContext } from "@arbetsliv/core";
import { IopAgreement, IopScopes, partnersOfAgreements, partnershipsByOrganisationsnummer } from "@arbetsliv/iop";
import { PlacementProvider, RelationsvaldScopes, controlProviderCosts, placementCostsByProviders, type ProviderCostSummary } from "@arbetsliv/relationsvald";
import { MAX_PLACEMENT_COST_YEARS, PartnershipPlacementCosts } from "./placement-costs.types";

/**
 * A relationsvåld provider that is an IOP partner links to its partnerships (same
 * organisationsnummer). Needs an IOP scope: the agreements are the IOP domain's data.
 */
@Resolver(() => PlacementProvider)
export class ProviderPartnershipResolver {
  @Authorized(IopScopes.READ, IopScopes.STATS)
  @FieldResolver(() => [IopAgreement], {
    description: "IOP partnerships with this provider (same organisationsnummer), newest first: the first `first` (default 25, at most 100). Needs iop:read or iop:stats.",
  })
  iopPartnerships(@Root() provider: PlacementProvider, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext): Promise<IopAgreement[]> | IopAgreement[] {
    if (!provider.organisationsnummer) return [];
    return takeFirst(
      ctx.loader<string, IopAgreement[]>("gateway.iopPartnershipsByOrgnr", (keys) => partnershipsByOrganisationsnummer(ctx.ds, keys)).load(provider.organisationsnummer),
      first,
    );
  }
}

/** The package's names (amounts in öre) → this type's field names. */
const FIELD_NAMES: Record<string, string> = { amountOre: "amount", placementCostOre: "placementCost", totalOre: "total" };
const fieldName = (f: string) => FIELD_NAMES[f] ?? f;

function toType(summary: ProviderCostSummary, policy: DisclosurePolicy): PartnershipPlacementCosts {
  const c = controlProviderCosts(summary, policy);
  return {
    from: c.from,
    to: c.to,
    registeredProvider: c.registered,
    lines: c.lines.map((l) => ({ month: l.month, type: l.type, chargedNights: l.chargedNights, chargedPersonNights: l.chargedPersonNights, amount: l.amountOre, suppressed: l.suppressed.map(fieldName) })),
    serviceFees: c.serviceFees.map((f) => ({ month: f.month, amount: f.amountOre })),
    placementCost: c.placementCostOre,
    serviceFee: c.serviceFeeOre,
    total: c.totalOre,
    suppressed: c.suppressed.map(fieldName),
    disclosure: c.disclosure,
  };
}

/** The default period without the exact scope: widened to whole months, as every controlled statistic is. */
function wholeMonths(from: LocalDate, to: LocalDate): [LocalDate, LocalDate] {
  return [`${from.slice(0, 7)}-01`, addDays(addMonths(`${to.slice(0, 7)}-01`, 1), -1)];
}

/** The partnership shows what placements under it cost, from the relationsvåld register. */
@Resolver(() => IopAgreement)
export class PartnershipPlacementCostsResolver {
  @Authorized(RelationsvaldScopes.STATS, RelationsvaldScopes.STATS_EXACT, RelationsvaldScopes.READ)
  @FieldResolver(() => PartnershipPlacementCosts, {
    description:
      `Relationsvåld placement costs invoiced by this partner in the period (at most ${MAX_PLACEMENT_COST_YEARS} years; default: the agreement's period up to today, its last ${MAX_PLACEMENT_COST_YEARS} years, in whole months without relationsvald:stats:exact). Aggregates only, under disclosure control; needs relationsvald:stats, relationsvald:stats:exact or relationsvald:read.`,
  })
  async placementCosts(
    @Root() agreement: IopAgreement,
    @Ctx() ctx: RequestContext,
    @Arg("from", () => LocalDateScalar, { nullable: true }) from?: LocalDate,
    @Arg("to", () => LocalDateScalar, { nullable: true }) to?: LocalDate,
  ): Promise<PartnershipPlacementCosts> {
    const today = todayLocalDate();
    const policy = disclosurePolicy(ctx, "relationsvald");
    const end = agreement.finalEndDate ?? agreement.endDate;
    let periodFrom = from ?? agreement.startDate;
    let periodTo = to ?? (end && end < today ? end : today);
    // A bounded period keeps the lines (one per month and type) within their declared maximum.
    const earliest = addDays(addMonths(periodTo, -12 * MAX_PLACEMENT_COST_YEARS), 1);
    if (from === undefined && periodFrom < earliest) periodFrom = earliest;
    if (periodFrom > periodTo) throw new ValidationError("to", "order", "must not be before from");
    if (periodFrom < earliest) throw new ValidationError("from", "range", `the period may cover at most ${MAX_PLACEMENT_COST_YEARS} years`);
    if (!policy.exact) {
      const [wholeFrom, wholeTo] = wholeMonths(periodFrom, periodTo);
      if (from === undefined) periodFrom = wholeFrom;
      if (to === undefined) periodTo = wholeTo;
      assertWholeMonths(policy, periodFrom, periodTo);
    }
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
    await logExactStatisticsRead(ctx, policy, "relationsvald", "IopAgreement.placementCosts", `${periodFrom}..${periodTo}`);
    return toType(summary, policy);
  }
}
