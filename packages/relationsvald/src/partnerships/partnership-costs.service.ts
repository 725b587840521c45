import {
  assertWholeMonths,
  disclosurePolicy,
  groupByKeys,
  logExactStatisticsRead,
  ValidationError,
  type DisclosurePolicy,
  type RequestContext,
} from "@arbetsliv/core";
import { addDays, addMonths, todayLocalDate, type LocalDate } from "@arbetsliv/core/values";
import { defineLoader, loaderOf } from "@arbetsliv/core/read";
import {
  controlProviderCosts,
  placementCostsByProviders,
  type ProviderCostSummary,
} from "../statistics/provider-costs";
import { MAX_PLACEMENT_COST_YEARS, type PartnershipPlacementCosts } from "./partnership-costs.types";

/**
 * What relationsvåld needs of an IOP partnership to show what placements under it cost: its
 * period and its partner's organisationsnummer. The monolith's gateway reads them from IOP; in the
 * federated topology the gateway sends them with the agreement's reference (`@requires`).
 */
export interface PartnershipTerms {
  startDate: LocalDate;
  endDate: LocalDate | null;
  finalEndDate: LocalDate | null;
  partnerOrganisationsnummer: string;
}

const costKey = (organisationsnummer: string, from: LocalDate, to: LocalDate) => `${from}|${to}|${organisationsnummer}`;

/** Placement costs by provider and period: one batch per period, so the agreements of a page asking for the same period share three SQL statements. */
const placementCostsByProviderAndPeriod = defineLoader<string, ProviderCostSummary>(
  "placement costs by provider and period",
  async (ctx, keys) => {
    const periods = groupByKeys([...new Set(keys.map((k) => k.slice(0, 21)))], keys, (k) => k.slice(0, 21));
    const byKey = new Map<string, ProviderCostSummary>();
    for (const periodKeys of periods) {
      const [from, to] = periodKeys[0].split("|") as [LocalDate, LocalDate];
      const orgnrs = periodKeys.map((k) => k.slice(22));
      const summaries = await placementCostsByProviders(ctx.ds, { organisationsnummer: orgnrs, from, to });
      periodKeys.forEach((k, i) => byKey.set(k, summaries[i]));
    }
    return keys.map((k) => byKey.get(k)!);
  },
);

/** The package's names (amounts in öre) → this type's field names. */
const FIELD_NAMES: Record<string, string> = {
  amountOre: "amount",
  placementCostOre: "placementCost",
  totalOre: "total",
};
const fieldName = (f: string) => FIELD_NAMES[f] ?? f;

function toType(summary: ProviderCostSummary, policy: DisclosurePolicy): PartnershipPlacementCosts {
  const c = controlProviderCosts(summary, policy);
  return {
    from: c.from,
    to: c.to,
    registeredProvider: c.registered,
    lines: c.lines.map((l) => ({
      month: l.month,
      type: l.type,
      chargedNights: l.chargedNights,
      chargedPersonNights: l.chargedPersonNights,
      amount: l.amountOre,
      suppressed: l.suppressed.map(fieldName),
    })),
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

/**
 * What placements under the partnership cost in a period: the agreement's own period up to today
 * by default (its last MAX_PLACEMENT_COST_YEARS years), in whole months without the exact scope.
 */
export async function placementCostsOfPartnership(
  ctx: RequestContext,
  terms: PartnershipTerms,
  from: LocalDate | undefined,
  to: LocalDate | undefined,
): Promise<PartnershipPlacementCosts> {
  const today = todayLocalDate();
  const policy = disclosurePolicy(ctx, "relationsvald");
  const end = terms.finalEndDate ?? terms.endDate;
  let periodFrom = from ?? terms.startDate;
  let periodTo = to ?? (end && end < today ? end : today);
  // A bounded period keeps the lines (one per month and type) within their declared maximum.
  const earliest = addDays(addMonths(periodTo, -12 * MAX_PLACEMENT_COST_YEARS), 1);
  if (from === undefined && periodFrom < earliest) periodFrom = earliest;
  if (periodFrom > periodTo)
    throw new ValidationError("to", "order", { en: "must not be before from", sv: "får inte vara före from" });
  if (periodFrom < earliest)
    throw new ValidationError("from", "range", {
      en: `the period may cover at most ${MAX_PLACEMENT_COST_YEARS} years`,
      sv: `perioden får omfatta högst ${MAX_PLACEMENT_COST_YEARS} år`,
    });
  if (!policy.exact) {
    const [wholeFrom, wholeTo] = wholeMonths(periodFrom, periodTo);
    if (from === undefined) periodFrom = wholeFrom;
    if (to === undefined) periodTo = wholeTo;
    assertWholeMonths(policy, periodFrom, periodTo);
  }
  // One batch per period: the agreements of a page asking for the same period share three SQL statements.
  const summary = await loaderOf(ctx, placementCostsByProviderAndPeriod).get(
    costKey(terms.partnerOrganisationsnummer, periodFrom, periodTo),
  );
  await logExactStatisticsRead(
    ctx,
    policy,
    "relationsvald",
    "IopAgreement.placementCosts",
    `${periodFrom}..${periodTo}`,
  );
  return toType(summary, policy);
}
