import type { DataSource, EntityManager } from "typeorm";
import { subjectKey } from "@arbetsliv/core";
import { ageOn, type LocalDate } from "@arbetsliv/core/values";
import { inTransaction, insertChunked } from "@arbetsliv/core/data";
import { SeededRandom, makePersonnummer } from "@arbetsliv/core/testing";
import { fundRulesFor } from "../allocation/allocation.service";
import { incomeLimit } from "../allocation/eligibility.rules";
import { planRound } from "../allocation/round-plan.rules";
import { Allocation } from "../allocation/allocation.entity";
import { rebuildDonationSummaries } from "../statistics/summary";
import { Application } from "../application/application.entity";
import { receiptOutcome } from "../application/receipt.rules";
import { Fund } from "../fund/fund.entity";
import { FundBudget } from "../fund/fund-budget.entity";
import { PayoutPayment } from "../payout/payout-payment.entity";
import { Payout } from "../payout/payout.entity";
import { RoundSchedule } from "../round/round-schedule.entity";
import { Round } from "../round/round.entity";
import { roundDates, roundName } from "../round/schedule.rules";
import { AllocationPolicy, ApplicationStatus, Purpose, RemainderRule, RoundStatus, RoundTerm } from "../shared/enums";
import { PRICE_BASE_AMOUNT, REFERENCE_FUNDS, REFERENCE_SCHEDULE } from "./reference-data";

/** Deterministic PRNG (core SeededRandom, mulberry32): the demo is the same on every run. */
type Rng = SeededRandom;

interface Person {
  personnummer: string;
  birthDate: LocalDate;
}

/** Eligible applications per fund code (the published order's target groups), and rejections by kind, per round. */
interface RoundDemo {
  year: number;
  term: RoundTerm;
  policy: AllocationPolicy;
  maxPerApplication: number | null;
  decision: { date: LocalDate; reference: string };
  /** Whole kronor per fund code. For 2021 the budgets sum to 469 718 kr, the total distributed in 2021. */
  budgets: Record<string, number>;
  eligible: Record<string, number>;
  rejected: { notResident: number; income: number; purpose: number; late: number; early: number; duplicate: number };
}

const ROUNDS: RoundDemo[] = [
  {
    year: 2021,
    term: RoundTerm.SPRING,
    policy: AllocationPolicy.EQUAL,
    maxPerApplication: null,
    decision: { date: "2021-04-22", reference: "Demo: nämndens beslut 2021-04-22" },
    budgets: {
      SA_WASSBERG: 31_200,
      FINN_RIEMAN: 27_450,
      SVENSSON_FAGERSTROM: 14_800,
      EDVARD_BJORNSSON: 29_600,
      PALMQVIST: 22_380,
      SAMFOND_1: 42_100,
      SAMFOND_A: 24_900,
      SAMFOND_II: 32_100,
    },
    eligible: {
      SA_WASSBERG: 52,
      FINN_RIEMAN: 47,
      SVENSSON_FAGERSTROM: 28,
      EDVARD_BJORNSSON: 45,
      PALMQVIST: 38,
      SAMFOND_1: 60,
      SAMFOND_A: 36,
      SAMFOND_II: 42,
    },
    rejected: { notResident: 7, income: 12, purpose: 6, late: 5, early: 1, duplicate: 3 },
  },
  {
    year: 2021,
    term: RoundTerm.AUTUMN,
    policy: AllocationPolicy.EQUAL,
    maxPerApplication: null,
    decision: { date: "2021-11-18", reference: "Demo: nämndens beslut 2021-11-18" },
    budgets: {
      SA_WASSBERG: 33_900,
      FINN_RIEMAN: 30_250,
      SVENSSON_FAGERSTROM: 16_100,
      EDVARD_BJORNSSON: 32_400,
      PALMQVIST: 24_438,
      SAMFOND_1: 45_600,
      SAMFOND_A: 27_300,
      SAMFOND_II: 35_200,
    },
    eligible: {
      SA_WASSBERG: 56,
      FINN_RIEMAN: 52,
      SVENSSON_FAGERSTROM: 31,
      EDVARD_BJORNSSON: 49,
      PALMQVIST: 41,
      SAMFOND_1: 66,
      SAMFOND_A: 39,
      SAMFOND_II: 47,
    },
    rejected: { notResident: 8, income: 14, purpose: 7, late: 6, early: 2, duplicate: 4 },
  },
  {
    year: 2022,
    term: RoundTerm.ANNUAL,
    policy: AllocationPolicy.NEED_BASED,
    maxPerApplication: 3_000,
    decision: { date: "2022-05-19", reference: "Demo: nämndens beslut 2022-05-19" },
    budgets: {
      SA_WASSBERG: 64_000,
      FINN_RIEMAN: 57_500,
      SVENSSON_FAGERSTROM: 31_000,
      EDVARD_BJORNSSON: 61_000,
      PALMQVIST: 47_250,
      SAMFOND_1: 93_600,
      SAMFOND_A: 55_000,
      SAMFOND_II: 77_000,
    },
    eligible: {
      SA_WASSBERG: 60,
      FINN_RIEMAN: 55,
      SVENSSON_FAGERSTROM: 33,
      EDVARD_BJORNSSON: 52,
      PALMQVIST: 45,
      SAMFOND_1: 70,
      SAMFOND_A: 42,
      SAMFOND_II: 55,
    },
    rejected: { notResident: 9, income: 15, purpose: 8, late: 7, early: 1, duplicate: 5 },
  },
];

/** Typical amounts asked per purpose (kronor, min–max). */
const ASKED: Record<Purpose, [number, number]> = {
  GLASSES: [1_500, 4_500],
  DENTAL_CARE: [2_000, 9_000],
  CLOTHES: [800, 3_000],
  SHOES: [500, 1_500],
  HOUSEHOLD_EQUIPMENT: [1_000, 5_000],
  HEALTH_CARE: [500, 3_000],
  CHILDREN_LEISURE: [600, 2_500],
  RECREATION: [1_000, 4_000],
  RENT_OR_DEBT: [3_000, 12_000],
  OTHER: [500, 2_000],
};

interface Draft {
  personnummer: string;
  receivedDate: LocalDate;
  resident: boolean;
  householdSize: number;
  yearlyIncome: number;
  purposes: Purpose[];
  amountRequested: number;
}

function people(rng: Rng, count: number): Person[] {
  const seen = new Set<string>();
  const result: Person[] = [];
  while (result.length < count) {
    const y = rng.int(1932, 2002);
    const birthDate = `${y}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
    const pnr = makePersonnummer(birthDate, rng.int(1, 999));
    if (seen.has(pnr)) continue;
    seen.add(pnr);
    result.push({ personnummer: pnr, birthDate });
  }
  return result;
}

/** Drafts one round's applications: eligible profiles aimed at each fund's target group, then the rejected kinds. */
function draftRound(
  rng: Rng,
  demo: RoundDemo,
  dates: ReturnType<typeof roundDates>,
  pbbOre: number,
  pool: Person[],
): Draft[] {
  const used = new Set<string>();
  const ageAtClose = (p: Person) => ageOn(p.birthDate, dates.applicationCloses);
  const take = (minAge: number, maxAge: number): Person => {
    for (;;) {
      const p = rng.pick(pool);
      const age = ageAtClose(p);
      if (!used.has(p.personnummer) && age >= minAge && age <= maxAge) {
        used.add(p.personnummer);
        return p;
      }
    }
  };
  const days = Math.round((Date.parse(dates.applicationCloses) - Date.parse(dates.applicationOpens)) / 86_400_000);
  const inWindow = () =>
    new Date(Date.parse(dates.applicationOpens) + rng.int(0, days) * 86_400_000).toISOString().slice(0, 10);
  const shifted = (from: LocalDate, d: number) =>
    new Date(Date.parse(from) + d * 86_400_000).toISOString().slice(0, 10);
  /** Income as a share (in percent) of the household's limit at `basePercent` × pbb, in whole hundreds of kronor. */
  const income = (household: number, basePercent: number, minShare: number, maxShare: number) =>
    Math.floor((incomeLimit(pbbOre, basePercent, 75, household) * rng.int(minShare, maxShare)) / 100 / 10_000) * 10_000;
  const asked = (purposes: Purpose[]) =>
    purposes.reduce((s, p) => s + Math.round(rng.int(ASKED[p][0], ASKED[p][1]) / 100) * 100, 0) * 100;
  const draft = (
    p: Person,
    household: number,
    yearlyIncome: number,
    purposes: Purpose[],
    extra: Partial<Draft> = {},
  ): Draft => ({
    personnummer: p.personnummer,
    receivedDate: inWindow(),
    resident: true,
    householdSize: household,
    yearlyIncome,
    purposes,
    amountRequested: asked(purposes),
    ...extra,
  });
  const some = <T>(required: T, optional: T[]): T[] => [
    ...new Set([required, ...optional.filter(() => rng.next() < 0.25)]),
  ];

  const profiles: Record<string, () => Draft> = {
    SA_WASSBERG: () => {
      const h = rng.int(1, 2);
      return draft(
        take(66, 95),
        h,
        income(h, 250, 35, 90),
        some(rng.pick([Purpose.GLASSES, Purpose.DENTAL_CARE, Purpose.HEALTH_CARE, Purpose.RECREATION]), [
          Purpose.GLASSES,
        ]),
      );
    },
    FINN_RIEMAN: () => {
      const h = rng.int(2, 6);
      return draft(
        take(22, 58),
        h,
        income(h, 250, 30, 90),
        some(rng.pick([Purpose.CHILDREN_LEISURE, Purpose.CLOTHES, Purpose.SHOES]), [Purpose.SHOES]),
      );
    },
    SVENSSON_FAGERSTROM: () =>
      draft(take(19, 63), 1, income(1, 250, 30, 90), some(Purpose.HEALTH_CARE, [Purpose.DENTAL_CARE])),
    EDVARD_BJORNSSON: () =>
      draft(take(19, 63), 1, income(1, 200, 30, 95), some(rng.pick([Purpose.CLOTHES, Purpose.SHOES]), [Purpose.SHOES])),
    PALMQVIST: () => {
      const h = rng.int(1, 3);
      return draft(take(19, 63), h, income(h, 250, 30, 90), some(Purpose.GLASSES, [Purpose.DENTAL_CARE]));
    },
    SAMFOND_1: () => {
      const h = rng.int(1, 4);
      return draft(take(19, 63), h, income(h, 250, 25, 90), [Purpose.DENTAL_CARE]);
    },
    SAMFOND_A: () => {
      const h = rng.int(1, 4);
      return draft(take(19, 63), h, income(h, 250, 25, 90), [Purpose.HOUSEHOLD_EQUIPMENT]);
    },
    SAMFOND_II: () => {
      const p = take(19, 63);
      const kind = rng.int(0, 2);
      // clothes with an income above Edvard Björnsson's limit (2 × pbb) but within the samfond's (3 × pbb)
      if (kind === 0) return draft(p, 1, income(1, 300, 70, 95), [Purpose.CLOTHES]);
      return draft(p, 1, income(1, 250, 30, 90), [kind === 1 ? Purpose.RECREATION : Purpose.OTHER]);
    },
  };

  const drafts: Draft[] = [];
  for (const [code, n] of Object.entries(demo.eligible)) for (let i = 0; i < n; i++) drafts.push(profiles[code]());
  const r = demo.rejected;
  for (let i = 0; i < r.notResident; i++)
    drafts.push(draft(take(19, 63), 1, income(1, 250, 30, 90), [Purpose.DENTAL_CARE], { resident: false }));
  for (let i = 0; i < r.income; i++) {
    const h = rng.int(1, 4);
    drafts.push(
      draft(take(19, 63), h, income(h, 300, 115, 180), [
        rng.pick([Purpose.DENTAL_CARE, Purpose.GLASSES, Purpose.CLOTHES]),
      ]),
    );
  }
  for (let i = 0; i < r.purpose; i++)
    drafts.push(draft(take(19, 63), rng.int(1, 3), income(1, 250, 20, 60), [Purpose.RENT_OR_DEBT]));
  for (let i = 0; i < r.late; i++)
    drafts.push(
      draft(take(19, 63), 1, income(1, 250, 30, 80), [Purpose.DENTAL_CARE], {
        receivedDate: shifted(dates.applicationCloses, rng.int(1, 12)),
      }),
    );
  for (let i = 0; i < r.early; i++)
    drafts.push(
      draft(take(19, 63), 1, income(1, 250, 30, 80), [Purpose.GLASSES], {
        receivedDate: shifted(dates.applicationOpens, -rng.int(1, 5)),
      }),
    );
  // A second application from someone who already applied, a little later but within the window.
  const firsts = drafts.filter(
    (d) => d.resident && d.receivedDate < dates.applicationCloses && d.receivedDate >= dates.applicationOpens,
  );
  for (let i = 0; i < r.duplicate; i++) {
    const first = firsts[rng.int(0, firsts.length - 1)];
    drafts.push({
      ...first,
      receivedDate: shifted(first.receivedDate, 1),
      amountRequested: first.amountRequested + 50_000,
    });
  }
  // Registration order: by received date, then a shuffled position (stable for the seed).
  return drafts
    .map((d) => ({ d, k: rng.next() }))
    .sort((a, b) => (a.d.receivedDate < b.d.receivedDate ? -1 : a.d.receivedDate > b.d.receivedDate ? 1 : a.k - b.k))
    .map((x) => x.d);
}

/**
 * Demo data: the eight funds, the schedule, the two rounds of 2021 and the single round of
 * 2022, each run through the same receipt, eligibility and allocation rules the API uses;
 * decided and paid. The 2021 fund budgets sum to 469 718 kr, all of it distributed by the
 * EQUAL policy to 348 (spring) and 381 (autumn) eligible applicants — figures the
 * statistics queries recompute from the records. One transaction, bulk inserts.
 */
export async function seedDemo(ds: DataSource): Promise<void> {
  await inTransaction(ds, async (m) => {
    if (await m.exists(Fund, {})) return;
    await insertChunked(
      m,
      Fund,
      REFERENCE_FUNDS.map((f) => ({ ...f })),
    );
    await insertChunked(
      m,
      RoundSchedule,
      REFERENCE_SCHEDULE.map((s) => ({ ...s })),
    );
    const funds = await m.find(Fund, { order: { publishedOrder: "ASC" } });
    const byCode = new Map(funds.map((f) => [f.code, f]));
    const rng = new SeededRandom(20210469);
    const pool = people(rng, 1400);
    for (const demo of ROUNDS) await seedRound(m, demo, byCode, funds, rng, pool);
    // The records were written directly, not through the services: compute the summary rows from them.
    await rebuildDonationSummaries(m);
  });
}

async function seedRound(
  m: EntityManager,
  demo: RoundDemo,
  byCode: Map<string, Fund>,
  funds: Fund[],
  rng: Rng,
  pool: Person[],
): Promise<void> {
  const schedule = REFERENCE_SCHEDULE.find((s) => s.term === demo.term)!;
  const dates = roundDates(schedule, demo.year);
  const pbb = PRICE_BASE_AMOUNT[demo.year] * 100;
  await m.insert(Round, {
    year: demo.year,
    term: demo.term,
    name: roundName(demo.year, demo.term),
    ...dates,
    priceBaseAmount: pbb,
    policy: demo.policy,
    remainderRule: RemainderRule.DISTRIBUTE_IN_ORDER,
    maxPerApplication: demo.maxPerApplication === null ? null : demo.maxPerApplication * 100,
    status: RoundStatus.DECIDED,
    allocatedAt: new Date(`${dates.applicationCloses}T12:00:00Z`),
    decisionDate: demo.decision.date,
    decisionReference: demo.decision.reference,
  });
  const round = await m.findOneOrFail(Round, { where: { year: demo.year, term: demo.term } });
  await insertChunked(
    m,
    FundBudget,
    Object.entries(demo.budgets).map(([code, kronor]) => ({
      roundId: round.id,
      fundId: byCode.get(code)!.id,
      available: kronor * 100,
    })),
  );
  const budgets = await m.find(FundBudget, { where: { roundId: round.id } });

  // Receipt (late, early, duplicate) as registration does it, in registration order.
  const drafts = draftRound(rng, demo, dates, pbb, pool);
  const active = new Map<string, number>();
  const rows = drafts.map((d, i) => {
    const seq = i + 1;
    const outcome = receiptOutcome(dates, d.receivedDate, active.get(d.personnummer) ?? null);
    if (outcome.status === ApplicationStatus.RECEIVED) active.set(d.personnummer, seq);
    return { seq, d, outcome };
  });
  // Eligibility and allocation as allocateDonationRound does it (sequence numbers keep the application order).
  const plan = planRound(
    round,
    fundRulesFor(funds, budgets),
    rows.filter((r) => r.outcome.status === ApplicationStatus.RECEIVED).map((r) => ({ id: r.seq, ...r.d })),
  );
  const outcomes = new Map(plan.outcomes.map((o) => [o.applicationId, o]));
  await insertChunked(
    m,
    Application,
    rows.map(({ seq, d, outcome }) => {
      const o = outcomes.get(seq);
      return {
        roundId: round.id,
        ...d,
        personKey: subjectKey(d.personnummer),
        activePersonnummer: outcome.status === ApplicationStatus.RECEIVED ? d.personnummer : null,
        registeredBy: "demo-handlaggare",
        status: o?.status ?? outcome.status,
        rejectionReason: o ? o.rejectionReason : outcome.reason,
        rejectionText: o ? o.rejectionText : outcome.text,
        assessment: o?.assessment ?? null,
        fundId: o?.fundId ?? null,
        duplicateOfId: null,
      };
    }),
  );
  const saved = await m.find(Application, {
    where: { roundId: round.id },
    order: { id: "ASC" },
    select: { id: true, personnummer: true, personKey: true },
  });
  const idOf = (seq: number) => saved[seq - 1].id;
  for (const { seq, outcome } of rows) {
    if (outcome.duplicateOfId !== null)
      await m.update(Application, { id: idOf(seq) }, { duplicateOfId: idOf(outcome.duplicateOfId) });
  }
  await insertChunked(
    m,
    Allocation,
    plan.allocations.map((a) => ({
      roundId: round.id,
      fundId: a.fundId,
      applicationId: idOf(a.applicationId),
      personKey: saved[a.applicationId - 1].personKey,
      proposedAmount: a.amount,
      amount: a.amount,
      explanation: a.explanation,
    })),
  );
  // The board's decision: the payout list, all paid on the payout day.
  const allocations = await m.find(Allocation, { where: { roundId: round.id }, order: { id: "ASC" } });
  const pnr = new Map(saved.map((a) => [a.id, a.personnummer]));
  await insertChunked(
    m,
    Payout,
    allocations
      .filter((a) => a.amount > 0)
      .map((a) => ({
        roundId: round.id,
        fundId: a.fundId,
        allocationId: a.id,
        applicationId: a.applicationId,
        personnummer: pnr.get(a.applicationId)!,
        amount: a.amount,
        scheduledDate: dates.plannedPayoutDate,
      })),
  );
  const payouts = await m.find(Payout, { where: { roundId: round.id }, order: { id: "ASC" }, select: { id: true } });
  await insertChunked(
    m,
    PayoutPayment,
    payouts.map((p, i) => ({
      payoutId: p.id,
      roundId: round.id,
      paidOn: dates.plannedPayoutDate,
      recordedAt: new Date(`${dates.plannedPayoutDate}T09:00:00Z`),
      paidBy: "demo-ekonomi",
      reference: `${demo.year}${demo.term.slice(0, 1)}-${String(i + 1).padStart(4, "0")}`,
    })),
  );
}
