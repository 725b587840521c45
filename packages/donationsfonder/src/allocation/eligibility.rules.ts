import { ageOn, parsePersonnummer, type LocalDate, type Ore } from "@arbetsliv/core/values";
import { Purpose, RejectionReason } from "../shared/enums";
import { times } from "../shared/format";
import { formatKronor } from "@arbetsliv/core/values";

/** A fund's statutes as rules, with what it has to distribute in the round. */
export interface FundRules {
  id: number;
  name: string;
  publishedOrder: number;
  residentRequired: boolean;
  minAge: number | null;
  maxAge: number | null;
  minHouseholdSize: number | null;
  incomeLimitBasePercent: number | null;
  incomeLimitPerExtraPercent: number;
  purposes: readonly Purpose[];
  /** Öre available in the round (0 when the fund has no budget). */
  available: Ore;
}

/** What the assessment looks at in an application. */
export interface ApplicantFacts {
  personnummer: string;
  resident: boolean;
  householdSize: number;
  yearlyIncome: Ore;
  purposes: readonly Purpose[];
}

/** The round's part of the rules. */
export interface RoundRules {
  /** Prisbasbelopp of the year, öre. */
  priceBaseAmount: Ore;
  /** Ages are taken on this day (the last application day). */
  ageOn: LocalDate;
}

/** The checks in the order they are made; a later step means the application came closer to the fund. */
const STEPS: readonly RejectionReason[] = [
  RejectionReason.NOT_RESIDENT,
  RejectionReason.AGE_OUTSIDE_TARGET,
  RejectionReason.HOUSEHOLD_OUTSIDE_TARGET,
  RejectionReason.INCOME_ABOVE_LIMIT,
  RejectionReason.PURPOSE_NOT_COVERED,
  RejectionReason.NO_FUNDS_THIS_ROUND,
];

export type FundCheck =
  | { fundId: number; ok: true; text: string }
  | { fundId: number; ok: false; reason: RejectionReason; step: number; text: string };

export type Assessment =
  | { eligible: true; fundId: number; checks: FundCheck[]; explanation: string }
  | { eligible: false; reason: RejectionReason; text: string; checks: FundCheck[]; explanation: string };

/** Income limit in öre: prisbasbelopp × (base + perExtra × (household − 1)) percent, rounded down to whole öre. */
export function incomeLimit(
  priceBaseAmount: Ore,
  basePercent: number,
  perExtraPercent: number,
  householdSize: number,
): Ore {
  const percent = basePercent + perExtraPercent * Math.max(0, householdSize - 1);
  return Math.floor((priceBaseAmount * percent) / 100);
}

function fail(fund: FundRules, reason: RejectionReason, text: string): FundCheck {
  return { fundId: fund.id, ok: false, reason, step: STEPS.indexOf(reason), text: `${fund.name}: ${text}` };
}

/** One fund's statutes against one application: the first rule it fails, or ok. */
export function checkFund(app: ApplicantFacts, fund: FundRules, round: RoundRules): FundCheck {
  if (fund.residentRequired && !app.resident)
    return fail(fund, RejectionReason.NOT_RESIDENT, "only for people resident in the municipality");
  const age = ageOn(parsePersonnummer(app.personnummer).birthDate, round.ageOn);
  if ((fund.minAge !== null && age < fund.minAge) || (fund.maxAge !== null && age > fund.maxAge)) {
    const range =
      fund.maxAge === null
        ? `${fund.minAge} or older`
        : fund.minAge === null
          ? `${fund.maxAge} or younger`
          : `${fund.minAge}–${fund.maxAge}`;
    return fail(fund, RejectionReason.AGE_OUTSIDE_TARGET, `for ages ${range}; the applicant is ${age}`);
  }
  if (fund.minHouseholdSize !== null && app.householdSize < fund.minHouseholdSize) {
    return fail(
      fund,
      RejectionReason.HOUSEHOLD_OUTSIDE_TARGET,
      `for households of ${fund.minHouseholdSize} or more; the household is ${app.householdSize}`,
    );
  }
  if (fund.incomeLimitBasePercent !== null) {
    const limit = incomeLimit(
      round.priceBaseAmount,
      fund.incomeLimitBasePercent,
      fund.incomeLimitPerExtraPercent,
      app.householdSize,
    );
    if (app.yearlyIncome > limit) {
      const factor = fund.incomeLimitBasePercent + fund.incomeLimitPerExtraPercent * (app.householdSize - 1);
      return fail(
        fund,
        RejectionReason.INCOME_ABOVE_LIMIT,
        `household income ${formatKronor(app.yearlyIncome)} is above the limit ${formatKronor(limit)} (${times(factor)} × prisbasbelopp ${formatKronor(round.priceBaseAmount)} for a household of ${app.householdSize})`,
      );
    }
  }
  const covered = app.purposes.filter((p) => fund.purposes.includes(p));
  if (covered.length === 0) {
    return fail(
      fund,
      RejectionReason.PURPOSE_NOT_COVERED,
      `pays for ${fund.purposes.join(", ")}; applied for ${app.purposes.join(", ")}`,
    );
  }
  if (fund.available <= 0)
    return fail(fund, RejectionReason.NO_FUNDS_THIS_ROUND, "has nothing to distribute this round");
  return { fundId: fund.id, ok: true, text: `${fund.name}: meets the statutes, covers ${covered.join(", ")}` };
}

/** Funds in their published order (ties by id), the order applications are matched in. */
export function inPublishedOrder<F extends { publishedOrder: number; id: number }>(funds: readonly F[]): F[] {
  return [...funds].sort((a, b) => a.publishedOrder - b.publishedOrder || a.id - b.id);
}

/**
 * Prövning — an application draws from the FIRST fund in the published order whose statutes
 * it meets (residence, age, household, income limit), that covers at least one purpose
 * applied for, and that has money this round. Funds after that one are not tried.
 * When no fund qualifies, the recorded reason is the one from the fund the application
 * came closest to (the rule checked latest; ties: the earlier fund), and the assessment
 * lists every fund's outcome.
 */
export function assessEligibility(app: ApplicantFacts, funds: readonly FundRules[], round: RoundRules): Assessment {
  const checks: FundCheck[] = [];
  for (const fund of inPublishedOrder(funds)) {
    const check = checkFund(app, fund, round);
    checks.push(check);
    if (check.ok) {
      return { eligible: true, fundId: fund.id, checks, explanation: checks.map((c) => c.text).join("\n") };
    }
  }
  if (checks.length === 0) {
    const text = "No fund distributes money in this round.";
    return { eligible: false, reason: RejectionReason.NO_FUNDS_THIS_ROUND, text, checks, explanation: text };
  }
  let closest = checks[0] as Extract<FundCheck, { ok: false }>;
  for (const c of checks as Extract<FundCheck, { ok: false }>[]) if (c.step > closest.step) closest = c;
  return {
    eligible: false,
    reason: closest.reason,
    text: `No fund can grant the application. Closest: ${closest.text}.`.slice(0, 500),
    checks,
    explanation: checks.map((c) => c.text).join("\n"),
  };
}
