import type { Message } from "@arbetsliv/core";
import { ageOn, type LocalDate, type Ore } from "@arbetsliv/core/values";
import {
  CalculationLineKind as K,
  ChildAgeGroup,
  COST_LABELS,
  CostType,
  DecisionOutcome,
  INCOME_LABELS,
  IncomeType,
  LUNCH_AGE_GROUPS,
  MemberRole,
} from "../enums";
import { ageGroupFor, commonCostFor, type RiksnormTable } from "../riksnorm/riksnorm-table";
import { addMonthsTo, lastDayOf, monthsBetween, roundHalfUpDiv, type YearMonth } from "../shared/month";
import { formatKronor } from "@arbetsliv/core/values";
import { capFor, type CostCapRule } from "./cost-caps";

/**
 * Försörjningsstöd for one household and month — a pure function.
 *
 *   norm (riksnorm: personal costs of every member + common household costs)
 * + reasonable costs (claimed, each capped by the municipality's cap for its type)
 * − incomes (+ the work-income disregard and children's earnings disregard)
 * = assistance, never below zero.
 *
 * All amounts are integer öre. The only divisions are a non-partner adult's share of the common
 * costs (common ÷ persons) and the 25 % work-income disregard; both are rounded half up to whole
 * öre, and the household's own common-cost line takes the remainder, so the lines always add up
 * to exactly the common cost of the household size.
 *
 * A member's age is the age on the LAST day of the month concerned: a child belongs to the age
 * group it reaches during that month (a child turning 7 on 14 March counts as 7–10 for March).
 */

export const WORK_INCOME_DISREGARD_PERCENT = 25;
export const WORK_INCENTIVE_QUALIFYING_MONTHS = 6;
export const WORK_INCENTIVE_DURATION_MONTHS = 24;

export interface CalcMember {
  id: number;
  role: MemberRole;
  birthDate: LocalDate;
  name?: string | null;
  /** Under 7: eats lunch at preschool 5 days a week (the lower "ej lunch" amount). */
  lunchAtPreschool?: boolean;
  /** 19–20: still in upper-secondary school and living at home (otherwise counted as an adult). */
  inUpperSecondary?: boolean;
  /** OTHER_ADULT only: false when the adult shares the household but is not part of this application. */
  includedInNorm?: boolean;
}

export interface CalcCost {
  type: CostType;
  claimed: Ore;
  note?: string | null;
}

export interface CalcIncome {
  type: IncomeType;
  amount: Ore;
  /** The member who has the income; required for employment income (disregards are per person). */
  memberId?: number | null;
}

export interface WorkIncentive {
  /** Whether the 25 % disregard of employment income applies this month. */
  applies: boolean;
  /** The first month it was applied (start of the 24-month period), for the line text. */
  since: YearMonth | null;
}

export interface CalculationInput {
  month: YearMonth;
  table: RiksnormTable;
  members: CalcMember[];
  costs: CalcCost[];
  incomes: CalcIncome[];
  caps: CostCapRule[];
  workIncentive: WorkIncentive;
  /** Children's earnings already disregarded earlier this calendar year, per member id. */
  childEarningsDisregardedThisYear?: Record<number, Ore>;
}

export interface CalculationLineData {
  kind: K;
  memberId: number | null;
  label: string;
  basis: string;
  /** Signed öre: norm and costs positive, incomes negative, disregards positive. */
  amount: Ore;
}

export interface CalculationResult {
  lines: CalculationLineData[];
  householdSize: number;
  norm: Ore;
  reasonableCosts: Ore;
  /** Incomes counted after disregards (positive). */
  countedIncome: Ore;
  /** norm + reasonable costs − counted income (may be negative: no need). */
  balance: Ore;
  /** max(0, balance). */
  assistance: Ore;
  anyCostCapped: boolean;
  workIncomeDisregarded: Ore;
  childEarningsDisregarded: Record<number, Ore>;
  suggestedOutcome: DecisionOutcome;
}

/** Input the caller must fix, with the input path; `message` is the English of `text`. */
export class CalculationInputError extends Error {
  constructor(
    readonly field: string,
    readonly text: Message,
  ) {
    super(text.en);
  }
}

const NO_APPLICANT: Message = { en: "the household has no applicant", sv: "hushållet har ingen sökande" };
const ZERO_OR_MORE: Message = { en: "must be 0 or more", sv: "måste vara 0 eller mer" };

const AGE_GROUP_LABEL: Record<ChildAgeGroup, string> = {
  UNDER_1: "under 1 år",
  AGE_1_2: "1–2 år",
  AGE_3: "3 år",
  AGE_4_6: "4–6 år",
  AGE_7_10: "7–10 år",
  AGE_11_14: "11–14 år",
  AGE_15_18: "15–18 år",
  AGE_19_20: "19–20 år",
};

type Classified =
  | { member: CalcMember; as: "adult" }
  | { member: CalcMember; as: "child"; group: ChildAgeGroup; age: number }
  | { member: CalcMember; as: "nonPartner"; why: string };

/** How a member counts in the norm for the month. Null: not a member that month (not yet born). */
export function classifyMember(member: CalcMember, month: YearMonth): Classified | null {
  const on = lastDayOf(month);
  if (member.birthDate > on) return null;
  const age = ageOn(member.birthDate, on);
  if (member.role === MemberRole.APPLICANT || member.role === MemberRole.CO_APPLICANT) return { member, as: "adult" };
  if (member.role === MemberRole.OTHER_ADULT)
    return { member, as: "nonPartner", why: "vuxen i hushållet som inte är sambo" };
  const group = ageGroupFor(age);
  if (group === null) return { member, as: "nonPartner", why: `barn som fyllt ${age} år räknas som vuxen i hushållet` };
  if (group === ChildAgeGroup.AGE_19_20 && !member.inUpperSecondary) {
    return { member, as: "nonPartner", why: `${age} år och inte i gymnasieskolan: räknas som vuxen i hushållet` };
  }
  return { member, as: "child", group, age };
}

export function calculateAssistance(input: CalculationInput): CalculationResult {
  const { table, month } = input;
  if (Number(month.slice(0, 4)) !== table.year) {
    throw new CalculationInputError("month", {
      en: `the riksnorm table is for ${table.year}, the month is ${month}`,
      sv: `riksnormen gäller ${table.year}, månaden är ${month}`,
    });
  }
  const lines: CalculationLineData[] = [];
  const classified = input.members.map((m) => classifyMember(m, month)).filter((c): c is Classified => c !== null);
  const ids = new Set(classified.map((c) => c.member.id));
  const adults = classified.filter((c) => c.as === "adult");
  if (!adults.some((c) => c.member.role === MemberRole.APPLICANT)) {
    throw new CalculationInputError("members", NO_APPLICANT);
  }
  if (adults.length > 2)
    throw new CalculationInputError("members", {
      en: "a household has one applicant and at most one co-applicant",
      sv: "ett hushåll har en sökande och högst en medsökande",
    });

  const persons = classified.length;
  const childCount = classified.filter((c) => c.as === "child").length;
  const tableName = `riksnorm ${table.year}`;

  // Adults of the application unit: single, or the cohabiting pair once for the couple.
  if (adults.length === 2) {
    lines.push({
      kind: K.NORM_ADULTS_COHABITING,
      memberId: null,
      label: "Personliga kostnader, sambor (två vuxna)",
      basis: `${tableName}: ${formatKronor(table.adultCohabitingPair)}`,
      amount: table.adultCohabitingPair,
    });
  } else {
    lines.push({
      kind: K.NORM_ADULT_SINGLE,
      memberId: adults[0].member.id,
      label: "Personliga kostnader, ensamstående vuxen",
      basis: `${tableName}: ${formatKronor(table.adultSingle)}`,
      amount: table.adultSingle,
    });
  }

  // Children by age group on the month, with the lunch variant under 7.
  for (const c of classified) {
    if (c.as !== "child") continue;
    let amount = table.children[c.group];
    let basis = `${tableName}, ${AGE_GROUP_LABEL[c.group]}: ${formatKronor(amount)}`;
    if (c.member.lunchAtPreschool && LUNCH_AGE_GROUPS.includes(c.group)) {
      const lower = table.childrenLunchAtPreschool?.[c.group];
      if (lower !== undefined) {
        amount = lower;
        basis = `${tableName}, ${AGE_GROUP_LABEL[c.group]}, äter lunch i förskolan 5 dagar/vecka: ${formatKronor(amount)}`;
      } else {
        basis += ` (${table.year} har ingen lunchvariant; ordinarie belopp gäller)`;
      }
    }
    lines.push({
      kind: K.NORM_CHILD,
      memberId: c.member.id,
      label: `Personliga kostnader, barn ${c.age} år`,
      basis,
      amount,
    });
  }

  // Non-partner adults: single + their share of the common costs; the rest of the household
  // gets the common cost minus those shares.
  const common = commonCostFor(table, persons);
  const share = roundHalfUpDiv(common, persons);
  let sharesTaken = 0;
  for (const c of classified) {
    if (c.as !== "nonPartner") continue;
    sharesTaken += share;
    if (c.member.includedInNorm === false) continue;
    lines.push({
      kind: K.NORM_NON_PARTNER_ADULT,
      memberId: c.member.id,
      label: `Personliga kostnader + andel av gemensamma kostnader (${c.why})`,
      basis: `${formatKronor(table.adultSingle)} + ${formatKronor(common)} / ${persons} = ${formatKronor(table.adultSingle + share)}`,
      amount: table.adultSingle + share,
    });
  }
  const excluded = classified.filter((c) => c.as === "nonPartner" && c.member.includedInNorm === false).length;
  const sharers = classified.filter((c) => c.as === "nonPartner").length;
  lines.push({
    kind: K.NORM_COMMON,
    memberId: null,
    label: `Gemensamma hushållskostnader, ${persons} ${persons === 1 ? "person" : "personer"}`,
    basis:
      sharers === 0
        ? `${tableName}: ${formatKronor(common)}${persons > 7 ? ` (7 personer + ${persons - 7} × skillnaden mellan 6 och 7)` : ""}`
        : `${formatKronor(common)} − ${sharers} × ${formatKronor(share)} (andel för vuxen som inte är sambo${excluded ? ", varav " + excluded + " utanför ansökan" : ""})`,
    amount: common - sharesTaken,
  });
  const norm = lines.reduce((s, l) => s + l.amount, 0);

  // Reasonable costs, capped per type.
  let reasonableCosts = 0;
  let anyCostCapped = false;
  input.costs.forEach((cost, i) => {
    if (!Number.isInteger(cost.claimed) || cost.claimed < 0)
      throw new CalculationInputError(`costs.${i}.amount`, ZERO_OR_MORE);
    const cap = capFor(cost.type, input.caps, persons, childCount);
    const approved = cap ? Math.min(cost.claimed, cap.cap) : cost.claimed;
    if (approved < cost.claimed) anyCostCapped = true;
    reasonableCosts += approved;
    lines.push({
      kind: K.REASONABLE_COST,
      memberId: null,
      label: `${COST_LABELS[cost.type]}${cost.note ? ` (${cost.note})` : ""}`,
      basis: cap
        ? `yrkat ${formatKronor(cost.claimed)}, högst ${formatKronor(cap.cap)}${approved < cost.claimed ? " — begränsat till skälig nivå" : ""}`
        : `yrkat ${formatKronor(cost.claimed)}`,
      amount: approved,
    });
  });

  // Incomes, with disregards.
  let countedIncome = 0;
  let workIncomeDisregarded = 0;
  const childEarningsDisregarded: Record<number, Ore> = {};
  const byId = new Map(classified.map((c) => [c.member.id, c]));
  input.incomes.forEach((income, i) => {
    if (!Number.isInteger(income.amount) || income.amount < 0)
      throw new CalculationInputError(`incomes.${i}.amount`, ZERO_OR_MORE);
    const who = income.memberId ?? null;
    if (who !== null && !ids.has(who))
      throw new CalculationInputError(`incomes.${i}.memberId`, {
        en: "is not a member of the household this month",
        sv: "är inte medlem i hushållet denna månad",
      });
    const owner = who !== null ? byId.get(who)! : null;
    if (owner && owner.as === "nonPartner" && owner.member.includedInNorm === false) {
      throw new CalculationInputError(`incomes.${i}.memberId`, {
        en: "belongs to an adult outside the application",
        sv: "tillhör en vuxen som inte ingår i ansökan",
      });
    }
    if (income.type === IncomeType.EMPLOYMENT && who === null) {
      throw new CalculationInputError(`incomes.${i}.memberId`, {
        en: "employment income must name the member who earns it",
        sv: "inkomst av anställning måste ange vem i hushållet som har den",
      });
    }
    lines.push({
      kind: K.INCOME,
      memberId: who,
      label: INCOME_LABELS[income.type],
      basis: formatKronor(income.amount),
      amount: -income.amount,
    });
    countedIncome += income.amount;
    if (income.type !== IncomeType.EMPLOYMENT || !owner || income.amount === 0) return;
    if (owner.as === "child") {
      const year = table.year;
      const before =
        (input.childEarningsDisregardedThisYear?.[owner.member.id] ?? 0) +
        (childEarningsDisregarded[owner.member.id] ?? 0);
      const room = Math.max(0, table.prisbasbelopp - before);
      const free = Math.min(income.amount, room);
      if (free > 0) {
        childEarningsDisregarded[owner.member.id] = (childEarningsDisregarded[owner.member.id] ?? 0) + free;
        countedIncome -= free;
        lines.push({
          kind: K.CHILD_EARNINGS_DISREGARD,
          memberId: owner.member.id,
          label: "Barns arbetsinkomst som inte räknas (upp till ett prisbasbelopp per år)",
          basis: `prisbasbelopp ${year} ${formatKronor(table.prisbasbelopp)}, redan undantaget i år ${formatKronor(before)}`,
          amount: free,
        });
      }
    } else if (input.workIncentive.applies) {
      const free = roundHalfUpDiv(income.amount * WORK_INCOME_DISREGARD_PERCENT, 100);
      workIncomeDisregarded += free;
      countedIncome -= free;
      lines.push({
        kind: K.WORK_INCOME_DISREGARD,
        memberId: owner.member.id,
        label: "Jobbstimulans: 25 % av inkomst av anställning räknas inte",
        basis: `25 % av ${formatKronor(income.amount)}${input.workIncentive.since ? `, sedan ${input.workIncentive.since} (i 24 månader)` : ""}`,
        amount: free,
      });
    }
  });

  const balance = norm + reasonableCosts - countedIncome;
  const assistance = Math.max(0, balance);
  const suggestedOutcome =
    assistance === 0
      ? DecisionOutcome.REJECTED
      : anyCostCapped
        ? DecisionOutcome.PARTLY_GRANTED
        : DecisionOutcome.GRANTED;
  return {
    lines,
    householdSize: persons,
    norm,
    reasonableCosts,
    countedIncome,
    balance,
    assistance,
    anyCostCapped,
    workIncomeDisregarded,
    childEarningsDisregarded,
    suggestedOutcome,
  };
}

/**
 * Jobbstimulans (new SoL 2025:400 12 kap. 8 §; earlier SoL 4 kap. 1 b §): after 6 consecutive
 * months with försörjningsstöd, 25 % of employment income is disregarded, for 24 months from the
 * first month it was applied. `paidMonths` are the months the household was paid before `month`;
 * `firstAppliedMonth` is the first month a calculation applied the disregard, if any.
 */
export function workIncentiveFor(
  month: YearMonth,
  paidMonths: ReadonlySet<YearMonth>,
  firstAppliedMonth: YearMonth | null,
): WorkIncentive {
  if (firstAppliedMonth !== null && firstAppliedMonth < month) {
    const elapsed = monthsBetween(firstAppliedMonth, month);
    return elapsed < WORK_INCENTIVE_DURATION_MONTHS
      ? { applies: true, since: firstAppliedMonth }
      : { applies: false, since: firstAppliedMonth };
  }
  for (let i = 1; i <= WORK_INCENTIVE_QUALIFYING_MONTHS; i++) {
    if (!paidMonths.has(addMonthsTo(month, -i))) return { applies: false, since: null };
  }
  return { applies: true, since: firstAppliedMonth ?? month };
}
