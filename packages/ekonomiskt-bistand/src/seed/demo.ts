import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { addDays, type LocalDate } from "@arbetsliv/core/values";
import { inTransaction } from "@arbetsliv/core/data";
import { SeededRandom, makePersonnummer } from "@arbetsliv/core/testing";
import { Application, ApplicationCost, ApplicationIncome } from "../application/application.entity";
import { DEFAULT_LEGAL_BASIS } from "../application/application.service";
import { calculateAssistance } from "../calculation/assistance-calculation";
import { Calculation, CalculationLine } from "../calculation/calculation.entity";
import { CostCap } from "../calculation/cost-cap.entity";
import type { CostCapRule } from "../calculation/cost-caps";
import { Decision } from "../decision/decision.entity";
import { Payout } from "../decision/payout.entity";
import {
  ApplicationChannel,
  ApplicationStatus,
  ApplicationType,
  CapBasis,
  CostType,
  DecisionOutcome,
  EmploymentType,
  HousingType,
  IncomeType,
  IncorrectPaymentStatus,
  MemberRole,
  PayoutType,
  RecoveryKind,
} from "../enums";
import { IncorrectPaymentCase, IncorrectPaymentCasePayout } from "../fut/incorrect-payment-case.entity";
import { Recovery } from "../fut/recovery.entity";
import { HouseholdMember } from "../household/household-member.entity";
import { Household } from "../household/household.entity";
import { RIKSNORM_YEARS } from "../riksnorm/riksnorm-data";
import { insertMissingRiksnormYears } from "../riksnorm/riksnorm-reference";
import { tableFromSource } from "../riksnorm/riksnorm-table";
import { lastDayOf } from "../shared/month";
import { rebuildAssistanceSummaries } from "../statistics/assistance-summaries";
import { AssistanceBudgetYear } from "../statistics/budget-year.entity";
import { WageSubsidyEmployment, WageSubsidyMonth } from "../wage-subsidy/wage-subsidy.entity";
import {
  FIRST_STORED_INDEX,
  MONTHS,
  REPORT,
  TAG,
  apportion,
  monthAt,
  simulateHouseholds,
  simulateWageSubsidy,
  spellsOf,
  u,
  yearOf,
} from "./demo-model";

const SEEDER = "demo-seed";
const CASEWORKERS = Array.from({ length: 14 }, (_, i) => `handlaggare-${String(i + 1).padStart(2, "0")}`);
const FIRST_NAMES = [
  "Anna",
  "Ali",
  "Maria",
  "Mohammed",
  "Sara",
  "Erik",
  "Fatima",
  "Johan",
  "Leila",
  "Karl",
  "Amina",
  "Lars",
  "Zainab",
  "Peter",
  "Hanna",
  "Ahmad",
  "Elin",
  "Omar",
  "Sofia",
  "Nils",
  "Yasmin",
  "Mikael",
  "Hodan",
  "Jonas",
  "Emma",
  "Hassan",
  "Linnea",
  "Samir",
  "Ida",
  "Abdi",
];
const LAST_NAMES = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Hassan",
  "Ali",
  "Larsson",
  "Olsson",
  "Persson",
  "Mohamed",
  "Svensson",
  "Gustafsson",
  "Ahmadi",
  "Pettersson",
  "Jonsson",
  "Yusuf",
  "Lindberg",
  "Abdullahi",
  "Berg",
];
const STREETS = [
  "Hässlehusgatan",
  "Sandwalls plats",
  "Norrbyvägen",
  "Sjöbovägen",
  "Hulta Torg",
  "Göteborgsvägen",
  "Allégatan",
  "Åsbogatan",
  "Druveforsvägen",
  "Trandaredsgatan",
  "Kristinebergsgatan",
  "Alingsåsvägen",
];

/** Demo guideline caps (skälighetsnivåer) — the municipality's own numbers, invented for the demo. */
export const DEMO_CAPS: Array<Omit<CostCap, "id">> = [
  {
    costType: CostType.RENT,
    validFrom: "2019-01-01",
    basis: CapBasis.CHILDREN,
    threshold: 0,
    amount: 650000,
    perAdditional: 0,
  },
  {
    costType: CostType.RENT,
    validFrom: "2019-01-01",
    basis: CapBasis.CHILDREN,
    threshold: 1,
    amount: 780000,
    perAdditional: 0,
  },
  {
    costType: CostType.RENT,
    validFrom: "2019-01-01",
    basis: CapBasis.CHILDREN,
    threshold: 2,
    amount: 910000,
    perAdditional: 130000,
  },
  {
    costType: CostType.HOME_INSURANCE,
    validFrom: "2019-01-01",
    basis: CapBasis.HOUSEHOLD_SIZE,
    threshold: 1,
    amount: 18000,
    perAdditional: 3000,
  },
  {
    costType: CostType.RENT,
    validFrom: "2021-01-01",
    basis: CapBasis.CHILDREN,
    threshold: 0,
    amount: 680000,
    perAdditional: 0,
  },
  {
    costType: CostType.RENT,
    validFrom: "2021-01-01",
    basis: CapBasis.CHILDREN,
    threshold: 1,
    amount: 810000,
    perAdditional: 0,
  },
  {
    costType: CostType.RENT,
    validFrom: "2021-01-01",
    basis: CapBasis.CHILDREN,
    threshold: 2,
    amount: 950000,
    perAdditional: 140000,
  },
  {
    costType: CostType.HOME_INSURANCE,
    validFrom: "2021-01-01",
    basis: CapBasis.HOUSEHOLD_SIZE,
    threshold: 1,
    amount: 20000,
    perAdditional: 3000,
  },
];

/** Barnbidrag per child and month, 2021 (for the December calculations' incomes). */
const CHILD_ALLOWANCE_KR = 1250;

interface DemoMember {
  id: number;
  role: MemberRole;
  name: string;
  personnummer: string;
  birthDate: LocalDate;
  lunchAtPreschool: boolean;
  inUpperSecondary: boolean;
  joinedOn: LocalDate;
}

interface DemoHousehold {
  id: number;
  entry: number;
  members: DemoMember[];
  couple: boolean;
  otherAdult: boolean;
  rentKr: number;
  incomeShare: number;
  protectedIdentity: boolean;
  row: Partial<Household>;
}

const pad = (n: number) => String(n).padStart(2, "0");
const day = (month: string, d: number) => `${month}-${pad(d)}`;

/**
 * Inserts rows in chunks of 500 as multi-row INSERT statements in the caller's transaction.
 * Values go through the driver's own conversion (dates, booleans); ids are explicit, nothing is
 * read back — TypeORM's insert builder was ten times slower for the ~80 000 demo rows.
 */
async function bulkInsert<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Partial<E>[],
): Promise<void> {
  if (!rows.length) return;
  const meta = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = meta.columns.filter((c) => c.isVersion || rows[0][c.propertyName as keyof E] !== undefined);
  const head = `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const params: unknown[] = [];
    for (const row of chunk) {
      for (const c of columns) {
        let v = row[c.propertyName as keyof E] as unknown;
        if (v === undefined && c.isVersion) v = 1;
        params.push(v === undefined || v === null ? null : driver.preparePersistentValue(v, c));
      }
    }
    await manager.query(head + chunk.map(() => tuple).join(", "), params);
  }
}

async function maxId(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<number> {
  const row = await manager.createQueryBuilder(entity, "x").select("MAX(x.id)", "max").getRawOne<{ max: unknown }>();
  return Number(row?.max ?? 0);
}

function composeHousehold(id: number, entry: number, serials: { n: number }): DemoHousehold {
  const r = new SeededRandom(Math.floor(u(TAG.comp, id) * 2 ** 31));
  const entryYear = yearOf(entry);
  const entryDate = `${monthAt(entry)}-01`;
  const kidsShare = entryYear <= 2019 ? 0.2 : entryYear === 2020 ? 0.29 : 0.4;
  const hasKids = r.chance(kidsShare);
  const couple = hasKids ? r.chance(0.4) : r.chance(0.08);
  const otherAdult = !hasKids && !couple && r.chance(0.07);
  const family = r.pick(LAST_NAMES);
  const person = (
    role: MemberRole,
    birthDate: LocalDate,
    joinedOn: LocalDate,
    lunch = false,
    school = false,
  ): DemoMember => ({
    id: 0,
    role,
    name: `${r.pick(FIRST_NAMES)} ${role === MemberRole.OTHER_ADULT ? r.pick(LAST_NAMES) : family}`,
    personnummer: makePersonnummer(birthDate, serials.n++ % 1000),
    birthDate,
    lunchAtPreschool: lunch,
    inUpperSecondary: school,
    joinedOn,
  });
  const adultBirth = () => addDays(`${r.int(1956, 2000)}-01-01`, r.int(0, 364));
  const members: DemoMember[] = [person(MemberRole.APPLICANT, adultBirth(), entryDate)];
  if (couple) members.push(person(MemberRole.CO_APPLICANT, adultBirth(), entryDate));
  if (otherAdult) members.push(person(MemberRole.OTHER_ADULT, adultBirth(), entryDate));
  if (hasKids) {
    const n = r.pick([1, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
    for (let k = 0; k < n; k++) {
      const ageDays = r.int(-200, 17 * 365);
      const birthDate = addDays(entryDate, -ageDays);
      const joinedOn = birthDate > entryDate ? birthDate : entryDate;
      const age = ageDays / 365;
      members.push(
        person(MemberRole.CHILD, birthDate, joinedOn, age < 6 && r.chance(0.75), age >= 17 && r.chance(0.8)),
      );
    }
  }
  const kids = members.filter((m) => m.role === MemberRole.CHILD).length;
  const rentKr = kids
    ? r.int(6400, 9300) + 700 * Math.max(0, kids - 2)
    : couple
      ? r.int(5400, 7400)
      : r.int(4300, 6900);
  const protectedIdentity = r.chance(0.012);
  const housingType = r.pick([
    HousingType.RENTAL,
    HousingType.RENTAL,
    HousingType.RENTAL,
    HousingType.RENTAL,
    HousingType.RENTAL,
    HousingType.RENTAL,
    HousingType.SUBLET,
    HousingType.SOCIAL_CONTRACT,
    HousingType.LODGER,
    HousingType.TEMPORARY,
  ]);
  return {
    id,
    entry,
    members,
    couple,
    otherAdult,
    rentKr,
    incomeShare: r.chance(0.55) ? 0 : 0.15 + r.next() * 0.5,
    protectedIdentity,
    row: {
      id,
      street: `${r.pick(STREETS)} ${r.int(1, 80)}`,
      postalCode: `50${r.int(1, 7)}${pad(r.int(30, 99))}`,
      city: "Borås",
      housingType,
      monthlyRent: rentKr * 100,
      protectedIdentity,
      createdAt: new Date(`${entryDate}T08:00:00Z`),
      version: 1,
    },
  };
}

/** Unscaled monthly need of a household in kronor (the payout level before the yearly scaling). */
function modelNeedKr(h: DemoHousehold, t: number): number {
  const kids = h.members.filter((m) => m.role === MemberRole.CHILD && m.birthDate <= lastDayOf(monthAt(t))).length;
  const need = 4200 + (h.couple ? 2600 : 0) + (h.otherAdult ? 3600 : 0) + kids * 2800 + h.rentKr;
  return need * (1 - h.incomeShare * (0.9 + 0.2 * u(TAG.amount, h.id, t)));
}

/** Loads the demo municipality into an empty database, in one transaction. */
export async function seedEkonomisktBistandDemo(ds: DataSource): Promise<void> {
  await inTransaction(ds, async (manager) => {
    if ((await manager.count(Household)) > 0) return;
    await seedInto(manager);
  });
}

async function seedInto(manager: EntityManager): Promise<void> {
  // Reference data: the verified riksnorm years are loaded at every start (the module's
  // `referenceData`); the same insert-only loader here keeps a seed on its own complete and never
  // loads a year twice. Then demo caps and the 2021 budget.
  await insertMissingRiksnormYears(manager);
  if ((await manager.count(CostCap)) === 0) await bulkInsert(manager, CostCap, DEMO_CAPS);
  if (!(await manager.exists(AssistanceBudgetYear, { where: { year: 2021 } }))) {
    await manager.insert(AssistanceBudgetYear, {
      year: 2021,
      netCostBudget: REPORT.budget2021Tkr * 100_000,
      setBy: SEEDER,
    });
  }

  const ids = {
    household: await maxId(manager, Household),
    member: await maxId(manager, HouseholdMember),
    application: await maxId(manager, Application),
    decision: await maxId(manager, Decision),
    payout: await maxId(manager, Payout),
    calculation: await maxId(manager, Calculation),
    futCase: await maxId(manager, IncorrectPaymentCase),
    employment: await maxId(manager, WageSubsidyEmployment),
  };

  const sim = simulateHouseholds();
  const serials = { n: 0 };
  const households = new Map<number, DemoHousehold>();
  for (const [simId, months] of sim.paid) {
    const h = composeHousehold(ids.household + simId, months[0], serials);
    for (const m of h.members) m.id = ++ids.member;
    households.set(simId, h);
  }

  // Payout levels per household-month (kronor, unscaled), scaled per year to the report's gross cost.
  interface Paid {
    h: DemoHousehold;
    t: number;
    unscaled: number;
    kr: number;
    applicationId: number;
    decisionId: number;
    payoutId: number;
    paymentDate: LocalDate;
  }
  const paid: Paid[] = [];
  for (const [simId, months] of sim.paid) {
    const h = households.get(simId)!;
    for (const t of months)
      if (t >= FIRST_STORED_INDEX)
        paid.push({
          h,
          t,
          unscaled: modelNeedKr(h, t),
          kr: 0,
          applicationId: 0,
          decisionId: 0,
          payoutId: 0,
          paymentDate: day(monthAt(t), 1 + Math.floor(u(TAG.amount, h.id, t, 3) * 5)),
        });
  }
  paid.sort((a, b) => a.t - b.t || a.h.id - b.h.id);
  const scale: Record<number, number> = {};
  for (const y of [2019, 2020, 2021]) {
    const unscaled = paid.filter((p) => yearOf(p.t) === y).reduce((s, p) => s + p.unscaled, 0);
    scale[y] = (REPORT.grossCostTkr[y] * 1000) / unscaled;
  }
  scale[2018] = scale[2019]; // the three months of 2018 kept for the rolling indicator are paid at the 2019 level

  // December 2021 is the demo's current month: full applications with claims and stored calculations.
  const table2021 = tableFromSource(2021, RIKSNORM_YEARS[2021]);
  const caps2021: CostCapRule[] = DEMO_CAPS.filter((c) => c.validFrom === "2021-01-01");
  const december = paid.filter((p) => p.t === MONTHS - 1);
  const decCalc = new Map<
    Paid,
    {
      result: ReturnType<typeof calculateAssistance>;
      costs: Array<{ type: CostType; claimed: number }>;
      incomes: Array<{ type: IncomeType; amount: number }>;
    }
  >();
  for (const p of december) {
    const r = new SeededRandom(Math.floor(u(TAG.amount, p.h.id, 99) * 2 ** 31));
    const costs = [
      { type: CostType.RENT, claimed: p.h.rentKr * 100 },
      { type: CostType.HOUSEHOLD_ELECTRICITY, claimed: r.int(250, 650) * 100 },
      { type: CostType.HOME_INSURANCE, claimed: r.int(120, 260) * 100 },
    ];
    const members = p.h.members.map((m) => ({
      id: m.id,
      role: m.role,
      birthDate: m.birthDate,
      lunchAtPreschool: m.lunchAtPreschool,
      inUpperSecondary: m.inUpperSecondary,
    }));
    const base = {
      month: "2021-12",
      table: table2021,
      members,
      costs,
      caps: caps2021,
      workIncentive: { applies: false, since: null },
    };
    const need = calculateAssistance({ ...base, incomes: [] }).assistance;
    const under16 = p.h.members.filter(
      (m) => m.role === MemberRole.CHILD && m.birthDate > "2005-12-31" && m.birthDate <= "2021-12-31",
    ).length;
    const incomes: Array<{ type: IncomeType; amount: number }> = [];
    if (under16) incomes.push({ type: IncomeType.CHILD_ALLOWANCE, amount: under16 * CHILD_ALLOWANCE_KR * 100 });
    const target = Math.round(p.unscaled * scale[2021]) * 100;
    const other = need - target - under16 * CHILD_ALLOWANCE_KR * 100;
    if (other > 0)
      incomes.push({
        type: r.pick([
          IncomeType.SICKNESS_BENEFIT,
          IncomeType.UNEMPLOYMENT_BENEFIT,
          IncomeType.HOUSING_ALLOWANCE,
          IncomeType.ACTIVITY_SUPPORT,
          IncomeType.PARENTAL_BENEFIT,
        ]),
        amount: Math.round(other / 100) * 100,
      });
    const result = calculateAssistance({ ...base, incomes });
    decCalc.set(p, { result, costs, incomes });
    p.kr = result.assistance / 100;
  }

  // Corrections: about 1 % of payouts get a later correction entry (never an edit).
  interface Corr {
    p: Paid;
    share: number;
    t: number;
    kr: number;
  }
  const corrections: Corr[] = paid
    .filter((p) => p.t < MONTHS - 1 && u(TAG.amount, p.h.id, p.t, 5) < 0.012)
    .map((p) => ({
      p,
      t: p.t + 1,
      share: (u(TAG.amount, p.h.id, p.t, 6) < 0.6 ? -1 : 1) * (0.05 + 0.1 * u(TAG.amount, p.h.id, p.t, 7)),
      kr: 0,
    }));
  const applyScale = () => {
    for (const p of paid) if (p.t !== MONTHS - 1) p.kr = Math.max(1, Math.round(p.unscaled * scale[yearOf(p.t)]));
    for (const c of corrections) c.kr = Math.round(c.p.kr * c.share);
  };
  applyScale();
  for (const y of [2019, 2020, 2021]) {
    const fixed = y === 2021 ? december.reduce((s, p) => s + p.kr, 0) : 0;
    const actual =
      paid.filter((p) => yearOf(p.t) === y).reduce((s, p) => s + p.kr, 0) +
      corrections.filter((c) => yearOf(c.t) === y).reduce((s, c) => s + c.kr, 0);
    scale[y] *= (REPORT.grossCostTkr[y] * 1000 - fixed) / (actual - fixed);
  }
  scale[2018] = scale[2019];
  applyScale();

  // Applications, decisions, payouts.
  const applications: Partial<Application>[] = [];
  const decisions: Partial<Decision>[] = [];
  const payouts: Partial<Payout>[] = [];
  const costs: Partial<ApplicationCost>[] = [];
  const incomes: Partial<ApplicationIncome>[] = [];
  const calculations: Partial<Calculation>[] = [];
  const lines: Partial<CalculationLine>[] = [];
  const paidSet = new Map<number, Set<number>>();
  for (const [simId, months] of sim.paid) paidSet.set(households.get(simId)!.id, new Set(months));
  const channelFor = (h: DemoHousehold, t: number) => {
    const eShare = yearOf(t) < 2021 ? 0 : 0.05 + (0.35 * (t - 36)) / 11;
    if (!h.protectedIdentity && u(TAG.amount, h.id, t, 11) < eShare) return ApplicationChannel.E_SERVICE;
    return u(TAG.amount, h.id, t, 12) < 0.8 ? ApplicationChannel.PAPER : ApplicationChannel.VISIT;
  };
  const addApplication = (h: DemoHousehold, t: number, status: ApplicationStatus) => {
    const month = monthAt(t);
    const prevMonth = monthAt(t - 1);
    const history = paidSet.get(h.id)!;
    const type = [1, 2, 3].some((k) => history.has(t - k)) ? ApplicationType.RENEWAL : ApplicationType.NEW;
    const receivedDate = day(prevMonth, 8 + Math.floor(u(TAG.amount, h.id, t, 8) * 12));
    const id = ++ids.application;
    applications.push({
      id,
      householdId: h.id,
      month,
      type,
      channel: channelFor(h, t),
      status,
      receivedDate,
      ordinaryKey: `${h.id}:${month}`,
      statusNote: null,
      claimsRevision: 1,
      registeredBy: SEEDER,
      createdAt: new Date(`${receivedDate}T09:00:00Z`),
      version: 1,
    });
    return { id, receivedDate, decidedOn: addDays(receivedDate, 3 + Math.floor(u(TAG.amount, h.id, t, 9) * 6)) };
  };
  for (const p of paid) {
    const current = p.t === MONTHS - 1;
    const a = addApplication(p.h, p.t, current ? ApplicationStatus.PAID : ApplicationStatus.CLOSED);
    p.applicationId = a.id;
    p.decisionId = ++ids.decision;
    let calculationId: number | null = null;
    let outcome = DecisionOutcome.GRANTED;
    const calc = decCalc.get(p);
    if (calc) {
      const cid = ++ids.calculation;
      calculationId = cid;
      const r = calc.result;
      outcome = r.suggestedOutcome;
      calculations.push({
        id: cid,
        applicationId: a.id,
        householdId: p.h.id,
        month: "2021-12",
        claimsRevision: 1,
        riksnormYear: 2021,
        householdSize: r.householdSize,
        norm: r.norm,
        reasonableCosts: r.reasonableCosts,
        countedIncome: r.countedIncome,
        balance: r.balance,
        assistance: r.assistance,
        workIncomeDisregarded: 0,
        workIncentiveSince: null,
        suggestedOutcome: r.suggestedOutcome,
        calculatedAt: new Date(`${a.decidedOn}T10:00:00Z`),
        calculatedBy: SEEDER,
      });
      r.lines.forEach((l, i) =>
        lines.push({
          calculationId: cid,
          position: i + 1,
          kind: l.kind,
          memberId: l.memberId,
          label: l.label,
          basis: l.basis,
          amount: l.amount,
        }),
      );
      calc.costs.forEach((c) => costs.push({ applicationId: a.id, costType: c.type, amount: c.claimed, note: null }));
      calc.incomes.forEach((c) =>
        incomes.push({ applicationId: a.id, incomeType: c.type, amount: c.amount, memberId: null }),
      );
    }
    decisions.push({
      id: p.decisionId,
      applicationId: a.id,
      householdId: p.h.id,
      month: monthAt(p.t),
      calculationId,
      outcome,
      amount: Math.round(p.kr * 100),
      reasons: calc
        ? outcome === DecisionOutcome.PARTLY_GRANTED
          ? "Boendekostnaden överstiger skälig nivå; bistånd till skälig nivå."
          : "Bifall enligt beräkning."
        : "Bifall enligt beräkning (överfört från tidigare verksamhetssystem).",
      legalBasis: DEFAULT_LEGAL_BASIS,
      decidedBy: CASEWORKERS[Math.floor(u(TAG.amount, p.h.id, 13) * CASEWORKERS.length)],
      decidedOn: a.decidedOn,
    });
    p.payoutId = ++ids.payout;
    payouts.push({
      id: p.payoutId,
      householdId: p.h.id,
      decisionId: p.decisionId,
      month: monthAt(p.t),
      type: PayoutType.ORIGINAL,
      amount: Math.round(p.kr * 100),
      paymentDate: p.paymentDate,
      recipient: p.h.members[0].name,
      onceKey: p.decisionId,
      correctsPayoutId: null,
      reason: null,
      createdBy: SEEDER,
      createdAt: new Date(`${p.paymentDate}T06:00:00Z`),
    });
  }
  for (const c of corrections) {
    const paymentDate = day(monthAt(c.t), 12 + Math.floor(u(TAG.amount, c.p.h.id, c.t, 14) * 8));
    payouts.push({
      id: ++ids.payout,
      householdId: c.p.h.id,
      decisionId: c.p.decisionId,
      month: monthAt(c.p.t),
      type: PayoutType.CORRECTION,
      amount: c.kr * 100,
      paymentDate,
      recipient: c.p.h.members[0].name,
      onceKey: null,
      correctsPayoutId: c.p.payoutId,
      reason: c.kr < 0 ? "Inkomst som inte var känd vid beslutet" : "Retroaktiv justering av boendekostnad",
      createdBy: SEEDER,
      createdAt: new Date(`${paymentDate}T06:00:00Z`),
    });
  }
  // About one in ten households that leave applies once more and is rejected (incomes above the norm).
  const exitsByMonth = new Map<number, number[]>();
  for (const [simId, months] of sim.paid) {
    const h = households.get(simId)!;
    for (const [, end] of spellsOf(months)) {
      const next = end + 1;
      if (next >= MONTHS) continue;
      const list = exitsByMonth.get(next);
      if (list) list.push(simId);
      else exitsByMonth.set(next, [simId]);
      if (next >= FIRST_STORED_INDEX && u(TAG.amount, h.id, next, 15) < 0.1) {
        const a = addApplication(h, next, ApplicationStatus.CLOSED);
        decisions.push({
          id: ++ids.decision,
          applicationId: a.id,
          householdId: h.id,
          month: monthAt(next),
          calculationId: null,
          outcome: DecisionOutcome.REJECTED,
          amount: 0,
          reasons: "Inkomsterna överstiger riksnormen och skäliga kostnader.",
          legalBasis: DEFAULT_LEGAL_BASIS,
          decidedBy: CASEWORKERS[Math.floor(u(TAG.amount, h.id, 16) * CASEWORKERS.length)],
          decidedOn: a.decidedOn,
        });
      }
    }
  }

  // FUT cases and recoveries: recoveries bring each year's payouts down to the report's net cost.
  const futCases: Partial<IncorrectPaymentCase>[] = [];
  const futLinks: Partial<IncorrectPaymentCasePayout>[] = [];
  const recoveries: Partial<Recovery>[] = [];
  const byYear = new Map<number, Paid[]>();
  for (const p of paid) {
    const list = byYear.get(yearOf(p.t));
    if (list) list.push(p);
    else byYear.set(yearOf(p.t), [p]);
  }
  for (const y of [2019, 2020, 2021]) {
    const r = new SeededRandom(7000 + y);
    const pool = byYear.get(y)!;
    const reclaimRepayments: Array<{ h: DemoHousehold; caseId: number; kr: number; date: LocalDate }> = [];
    for (let k = 0; k < 24; k++) {
      const first = r.pick(pool.filter((p) => p.t <= (y - 2018) * 12 + 8));
      const linked = paid.filter((p) => p.h === first.h && p.t >= first.t && p.t < first.t + r.int(2, 4));
      const sum = linked.reduce((s, p) => s + p.kr, 0);
      const openedOn = addDays(linked[linked.length - 1].paymentDate, r.int(30, 90));
      const caseId = ++ids.futCase;
      const roll = r.next();
      const wrong = roll < 0.85 ? Math.round(sum * (0.2 + 0.4 * r.next())) : null;
      const decidedOn = addDays(openedOn, r.int(30, 80));
      const reclaimed = wrong !== null && roll < 0.72 && decidedOn <= "2021-12-31";
      futCases.push({
        id: caseId,
        householdId: first.h.id,
        openedOn,
        status:
          wrong === null
            ? IncorrectPaymentStatus.NO_INCORRECT_PAYMENT
            : reclaimed
              ? IncorrectPaymentStatus.RECLAIM_DECIDED
              : IncorrectPaymentStatus.INVESTIGATING,
        reason: r.pick([
          "Ej redovisad inkomst av anställning",
          "Ej redovisat bostadsbidrag",
          "Oriktiga uppgifter om hushållets sammansättning",
          "Dubbel ersättning för samma period",
        ]),
        investigator: r.pick(["fut-utredare-1", "fut-utredare-2"]),
        amountWronglyPaid: wrong === null ? null : wrong * 100,
        reclaimAmount: reclaimed ? wrong! * 100 : null,
        reclaimDecidedOn: reclaimed ? decidedOn : null,
        reclaimLegalBasis: reclaimed ? "SoL 9 kap. 1 §" : null,
        notes: null,
        version: 1,
      });
      linked.forEach((p) => futLinks.push({ caseId, payoutId: p.payoutId }));
      if (reclaimed) {
        let left = Math.round(wrong! * (0.4 + 0.6 * r.next()));
        let date = addDays(decidedOn, 30);
        while (left > 0 && date <= `${y}-12-31`) {
          const kr = Math.min(left, r.int(500, 3000));
          reclaimRepayments.push({ h: first.h, caseId, kr, date });
          left -= kr;
          date = addDays(date, 30);
        }
      }
    }
    const totalKr = (REPORT.grossCostTkr[y] - REPORT.netCostTkr[y]) * 1000;
    const reclaimedKr = reclaimRepayments.reduce((s, x) => s + x.kr, 0);
    reclaimRepayments.forEach((x) =>
      recoveries.push({
        householdId: x.h.id,
        kind: RecoveryKind.RECLAIM_REPAYMENT,
        amount: x.kr * 100,
        receivedDate: x.date,
        incorrectPaymentCaseId: x.caseId,
        note: "Avbetalning på återkrav",
        registeredBy: SEEDER,
      }),
    );
    const others = Array.from({ length: y === 2021 ? 170 : 230 }, () => ({
      p: r.pick(pool),
      w: Math.exp(2.2 * r.next()),
      kind: r.chance(0.82) ? RecoveryKind.RETROACTIVE_BENEFIT : RecoveryKind.VOLUNTARY_REPAYMENT,
      dayOfYear: r.int(0, 364),
    }));
    apportion(
      totalKr - reclaimedKr,
      others.map((o) => o.w),
    ).forEach((kr, i) => {
      const o = others[i];
      recoveries.push({
        householdId: o.p.h.id,
        kind: o.kind,
        amount: kr * 100,
        receivedDate: addDays(`${y}-01-01`, o.dayOfYear),
        incorrectPaymentCaseId: null,
        note:
          o.kind === RecoveryKind.RETROACTIVE_BENEFIT
            ? "Återsökt retroaktiv ersättning från Försäkringskassan"
            : "Frivillig återbetalning",
        registeredBy: SEEDER,
      });
    });
  }

  // Växla bidrag mot lön: the applicant of a household leaving assistance takes a subsidised job.
  const employments: Partial<WageSubsidyEmployment>[] = [];
  const monthsRows: Array<Partial<WageSubsidyMonth> & { year: number; netRaw: number; savedRaw: number }> = [];
  const lastAmount = new Map<number, number>();
  for (const p of paid) lastAmount.set(p.h.id, p.kr);
  for (const s of simulateWageSubsidy(exitsByMonth)) {
    const r = new SeededRandom(9000 + s.serial);
    const h = s.householdId !== null ? households.get(s.householdId)! : null;
    const applicant = h?.members[0];
    const startYear = yearOf(s.start);
    const birth = addDays(`${r.int(1965, 1998)}-01-01`, r.int(0, 364));
    const id = ++ids.employment;
    const before = (h && lastAmount.get(h.id)) || r.int(5200, 8200);
    employments.push({
      id,
      personnummer: applicant?.personnummer ?? makePersonnummer(birth, serials.n++ % 1000),
      name: applicant?.name ?? `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`,
      householdId: h?.id ?? null,
      employmentType:
        startYear < 2021
          ? r.pick([
              EmploymentType.EXTRATJANST,
              EmploymentType.EXTRATJANST,
              EmploymentType.EXTRATJANST,
              EmploymentType.INTRODUKTIONSJOBB,
              EmploymentType.NYSTARTSJOBB,
              EmploymentType.TRYGGHETSANSTALLNING,
            ])
          : r.pick([
              EmploymentType.EXTRATJANST,
              EmploymentType.TRYGGHETSANSTALLNING,
              EmploymentType.TRYGGHETSANSTALLNING,
              EmploymentType.LONEBIDRAG,
              EmploymentType.NYSTARTSJOBB,
              EmploymentType.OTHER_SUBSIDISED,
            ]),
      employer: r.pick([
        "Borås Stad, Arbetslivsförvaltningen (Jobb Borås)",
        "Borås Stad, Återbruk",
        "Borås Stad, Stadsdelsvärdar",
        "Borås Stad, Förskoleförvaltningen",
      ]),
      startDate: `${monthAt(s.start)}-01`,
      endDate: s.ongoing ? null : lastDayOf(monthAt(s.end)),
      monthlyAssistanceBefore: before * 100,
      version: 1,
    });
    for (let t = s.start; t <= s.end; t++) {
      const personnelCost = r.int(21500, 26500);
      monthsRows.push({
        employmentId: id,
        month: monthAt(t),
        personnelCost,
        subsidy: 0,
        assistanceNotPaid: 0,
        year: yearOf(t),
        netRaw: 3000 + r.next() * 1200,
        savedRaw: before * (0.45 + 0.2 * r.next()),
      });
    }
  }
  for (const y of [2018, 2019, 2020, 2021]) {
    const rows = monthsRows.filter((m) => m.year === y);
    const nets =
      y === 2021
        ? apportion(
            REPORT.wageSubsidy2021.personnelCostMinusSubsidyKr,
            rows.map((m) => m.netRaw),
          )
        : rows.map((m) => Math.round(m.netRaw));
    const saved =
      y === 2021
        ? apportion(
            REPORT.wageSubsidy2021.assistanceNotPaidKr,
            rows.map((m) => m.savedRaw),
          )
        : rows.map((m) => Math.round(m.savedRaw));
    rows.forEach((m, i) => {
      m.subsidy = (m.personnelCost! - nets[i]) * 100;
      m.personnelCost = m.personnelCost! * 100;
      m.assistanceNotPaid = saved[i] * 100;
    });
  }

  // Write everything.
  const householdRows = [...households.values()];
  await bulkInsert(
    manager,
    Household,
    householdRows.map((h) => h.row),
  );
  await bulkInsert(
    manager,
    HouseholdMember,
    householdRows.flatMap((h) =>
      h.members.map((m) => ({
        id: m.id,
        householdId: h.id,
        role: m.role,
        personnummer: m.personnummer,
        name: m.name,
        birthDate: m.birthDate,
        lunchAtPreschool: m.lunchAtPreschool,
        inUpperSecondary: m.inUpperSecondary,
        includedInNorm: true,
        joinedOn: m.joinedOn,
        leftOn: null,
        version: 1,
      })),
    ),
  );
  await bulkInsert(manager, Application, applications);
  await bulkInsert(manager, ApplicationCost, costs);
  await bulkInsert(manager, ApplicationIncome, incomes);
  await bulkInsert(manager, Calculation, calculations);
  await bulkInsert(manager, CalculationLine, lines);
  await bulkInsert(manager, Decision, decisions);
  await bulkInsert(manager, Payout, payouts);
  await bulkInsert(manager, IncorrectPaymentCase, futCases);
  await bulkInsert(manager, IncorrectPaymentCasePayout, futLinks);
  await bulkInsert(manager, Recovery, recoveries);
  await bulkInsert(manager, WageSubsidyEmployment, employments);
  await bulkInsert(
    manager,
    WageSubsidyMonth,
    monthsRows.map(({ year: _y, netRaw: _n, savedRaw: _s, ...row }) => row),
  );
  // The payouts went in as bulk rows, past PayoutService: derive the statistics' summary rows from them.
  await rebuildAssistanceSummaries(manager);
}
