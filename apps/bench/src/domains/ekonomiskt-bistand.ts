import { controlledPolicy } from "@arbetsliv/core";
import { SeededRandom } from "@arbetsliv/core/testing";
import { sqlDialect } from "@arbetsliv/core/data";
import {
  AssistanceBudgetYear,
  Household,
  HouseholdMember,
  MonthSummary,
  PaidMonth,
  PaymentDay,
  Payout,
  Recovery,
  budgetYearsStatement,
  childrenInAssistedHouseholdsStatement,
  controlChildren,
  controlHouseholdTable,
  monthFiguresStatement,
  paidPerMonthStatement,
  rebuildAssistanceSummaries,
  recoveredPerMonthStatement,
} from "@arbetsliv/ekonomiskt-bistand";
import type { Connection, Pool } from "mysql2/promise";
import type { BenchDomain, BenchOperation, FloorDb, FloorHandler, FloorRequest, Scale, SeedContext } from "./types";
import { addDaysIso, addMonthsIso } from "../seed/random";
import { accessLogInsert, money, personnummer, personnummerOut, subjectKey, firstPage } from "./common";
import { tableOf } from "./schema";

/** The package's tables, named by its entities. */
const EB = {
  budgetYear: tableOf(AssistanceBudgetYear),
  household: tableOf(Household),
  householdMember: tableOf(HouseholdMember),
  monthFigures: tableOf(MonthSummary),
  paidMonth: tableOf(PaidMonth),
  paymentDay: tableOf(PaymentDay),
  payout: tableOf(Payout),
  recovery: tableOf(Recovery),
};

/**
 * Ekonomiskt bistånd — households, members and 36 months of payouts (with corrections),
 * recoveries and yearly budgets. Tables from the package's migrations: ${EB.household},
 * ${EB.householdMember}, ${EB.payout}, ${EB.recovery}, ${EB.budgetYear} (applications, calculations and
 * decisions stay empty: the payouts carry a decision id the statistics never read), then the
 * summary rows (${EB.paidMonth}, ${EB.monthFigures}, ${EB.paymentDay}) rebuilt from the payouts.
 */

const SIZES: Record<Scale, { households: number; months: number }> = {
  small: { households: 5_000, months: 36 },
  medium: { households: 30_000, months: 36 },
  full: { households: 100_000, months: 36 },
};
const HOUSING = ["RENTAL", "RENTAL", "RENTAL", "SUBLET", "LODGER", "SOCIAL_CONTRACT", "TEMPORARY", "HOMELESS", "OWNED"];
const NAMES = ["Anna", "Erik", "Sara", "Mohammed", "Maria", "Ali", "Lena", "Johan", "Fatima", "Karl"];
const SURNAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Hassan", "Ahmed", "Larsson", "Olsson"];

const ym = (iso: string) => iso.slice(0, 7);

/** The seeded period: `months` whole months ending with the month before the seeder's "today". */
function period(endDate: string, months: number): { first: string; last: string; from: string; to: string } {
  const last = ym(addMonthsIso(`${ym(endDate)}-01`, -1));
  const first = ym(addMonthsIso(`${last}-01`, -(months - 1)));
  return { first, last, from: `${first}-01`, to: addDaysIso(`${ym(addMonthsIso(`${last}-01`, 1))}-01`, -1) };
}

async function seed(ctx: SeedContext, sizes: Record<string, number>): Promise<void> {
  const random = new SeededRandom(2024_01_01);
  const n = sizes.households;
  const p = period(ctx.endDate, sizes.months);
  ctx.progress(
    `ekonomiskt-bistand (${n.toLocaleString("en-US")} households × ${sizes.months} months)`,
    Math.round(n * (2.6 + sizes.months * 0.62)),
  );
  const households = ctx.inserter(EB.household, [
    "id",
    "street",
    "postalCode",
    "city",
    "housingType",
    "monthlyRent",
    "protectedIdentity",
    "createdAt",
    "anonymisedDate",
    "version",
  ]);
  const members = ctx.inserter(EB.householdMember, [
    "id",
    "householdId",
    "role",
    "personnummer",
    "name",
    "birthDate",
    "lunchAtPreschool",
    "inUpperSecondary",
    "includedInNorm",
    "joinedOn",
    "leftOn",
    "version",
  ]);
  const payouts = ctx.inserter(EB.payout, [
    "id",
    "householdId",
    "decisionId",
    "month",
    "type",
    "amount",
    "paymentDate",
    "recipient",
    "onceKey",
    "correctsPayoutId",
    "reason",
    "createdBy",
    "createdAt",
  ]);
  const recoveries = ctx.inserter(EB.recovery, [
    "householdId",
    "kind",
    "amount",
    "receivedDate",
    "incorrectPaymentCaseId",
    "note",
    "registeredBy",
  ]);
  let memberId = 0;
  let payoutId = 0;
  let decisionId = 0;
  const adultPnr = (i: number, k: number) =>
    personnummer(addDaysIso("1955-01-01", (i * 7 + k * 3) % 16_000), Math.floor(i / 2_000) * 2 + k);
  const childPnr = (i: number, k: number) =>
    personnummer(addDaysIso(addMonthsIso(p.to, -17 * 12), (i * 11 + k * 400) % 6_200), Math.floor(i / 2_000) * 3 + k);
  for (let h = 1; h <= n; h++) {
    const joined = addDaysIso(p.from, -random.int(0, 900));
    const prot = random.chance(0.01);
    const rent = random.int(30, 120) * 10_000;
    await households.add([
      h,
      prot ? null : `Storgatan ${h % 200}`,
      prot ? null : `50${String(h % 1000).padStart(3, "0")}`,
      prot ? null : "Borås",
      random.pick(HOUSING),
      rent,
      prot,
      `${joined} 09:00:00`,
      null,
      1,
    ]);
    const applicant = adultPnr(h, 0);
    await members.add([
      ++memberId,
      h,
      "APPLICANT",
      applicant,
      `${random.pick(NAMES)} ${random.pick(SURNAMES)}`,
      `${applicant.slice(0, 4)}-${applicant.slice(4, 6)}-${applicant.slice(6, 8)}`,
      false,
      false,
      true,
      joined,
      null,
      1,
    ]);
    if (random.chance(0.3)) {
      const co = adultPnr(h, 1);
      await members.add([
        ++memberId,
        h,
        "CO_APPLICANT",
        co,
        `${random.pick(NAMES)} ${random.pick(SURNAMES)}`,
        `${co.slice(0, 4)}-${co.slice(4, 6)}-${co.slice(6, 8)}`,
        false,
        false,
        true,
        joined,
        null,
        1,
      ]);
    }
    const children = random.chance(0.45) ? random.int(1, 3) : 0;
    for (let k = 0; k < children; k++) {
      const c = childPnr(h, k);
      const birth = `${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)}`;
      await members.add([
        ++memberId,
        h,
        "CHILD",
        c,
        `${random.pick(NAMES)} ${random.pick(SURNAMES)}`,
        birth,
        false,
        false,
        true,
        birth > joined ? birth : joined,
        null,
        1,
      ]);
    }
    // A spell of assistance inside the period: long-term households (a third) are paid most months.
    const longTerm = random.chance(0.35);
    const start = longTerm ? random.int(0, 6) : random.int(0, sizes.months - 1);
    const length = longTerm ? random.int(sizes.months - 12, sizes.months) : random.int(1, 10);
    const base = random.int(30, 150) * 10_000;
    for (let m = start; m < Math.min(sizes.months, start + length); m++) {
      if (!longTerm && random.chance(0.15)) continue;
      const month = ym(addMonthsIso(`${p.first}-01`, m));
      const paid = addDaysIso(`${month}-01`, -random.int(2, 8));
      decisionId++;
      const amount = base + random.int(0, 20) * 1_000;
      const id = ++payoutId;
      await payouts.add([
        id,
        h,
        decisionId,
        month,
        "REGULAR",
        amount,
        paid,
        "Sökande",
        null,
        null,
        null,
        "handlaggare-01",
        `${paid} 08:00:00`,
      ]);
      if (random.chance(0.04)) {
        const corr = random.chance(0.3) ? -amount : -random.int(1, 20) * 1_000;
        const on = addDaysIso(paid, random.int(5, 20));
        await payouts.add([
          ++payoutId,
          h,
          decisionId,
          month,
          "CORRECTION",
          corr,
          on,
          "Sökande",
          null,
          id,
          "Ändrad inkomst",
          "handlaggare-02",
          `${on} 08:00:00`,
        ]);
      }
      if (random.chance(0.01))
        await recoveries.add([
          h,
          "REPAYMENT",
          random.int(1, 50) * 10_000,
          addDaysIso(paid, random.int(30, 60)),
          null,
          null,
          "ekonomi-01",
        ]);
    }
  }
  await households.close();
  await members.close();
  await payouts.close();
  await recoveries.close();
  const budgets = ctx.inserter(EB.budgetYear, ["year", "netCostBudget", "setBy"]);
  for (let y = Number(p.first.slice(0, 4)); y <= Number(p.last.slice(0, 4)); y++)
    await budgets.add([y, Math.round(n * 4_500_000), "admin"]);
  await budgets.close();
  // The payouts were bulk-loaded around PayoutService: compute the package's summary rows from them.
  await ctx.dataSource.transaction((m) => rebuildAssistanceSummaries(m));
}

// ---------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;
const bool = (v: unknown) => Boolean(Number(v));
const MEMBER = "id role personnummer name birthDate joinedOn leftOn version";
const HOUSEHOLD = `id housingType monthlyRent protectedIdentity anonymisedDate version address { street postalCode city } members { ${MEMBER} }`;
const renderMember = (m: Row) => ({
  id: String(m.id),
  role: m.role,
  personnummer: personnummerOut(m.personnummer),
  name: m.name,
  birthDate: m.birthDate,
  joinedOn: m.joinedOn,
  leftOn: m.leftOn,
  version: m.version,
});
const renderHousehold = (h: Row, members: Row[]) => ({
  id: String(h.id),
  housingType: h.housingType,
  monthlyRent: money(h.monthlyRent),
  protectedIdentity: bool(h.protectedIdentity),
  anonymisedDate: h.anonymisedDate,
  version: h.version,
  address:
    bool(h.protectedIdentity) || h.street === null
      ? null
      : { street: h.street, postalCode: h.postalCode ?? "", city: h.city ?? "" },
  members: members.map(renderMember),
});
const LIST = `query AssistanceHouseholds($first: Int) { assistanceHouseholds(first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { ${HOUSEHOLD} } } }`;
const INDICATORS = `query AssistanceIndicators($from: Date!, $to: Date!) { assistanceIndicators(from: $from, to: $to) {
  from to householdsAtEnd averageHouseholdsPerMonth longTermHouseholds grossPaid recovered netCost budget childrenInAssistedHouseholds
  months { month households longTermHouseholds grossPaid recovered netCost budget } } }`;

async function one<T>(conn: Connection | Pool, sql: string, params: unknown[] = []): Promise<T> {
  const [rows] = await conn.query(sql, params);
  return (rows as T[])[0];
}

async function operations(
  conn: Connection | Pool,
  sizes: Record<string, number>,
  endDate: string,
): Promise<BenchOperation[]> {
  const h = await one<{ id: number }>(
    conn,
    `SELECT h.id FROM ${EB.household} h WHERE h.protectedIdentity = 0 AND (SELECT COUNT(*) FROM ${EB.householdMember} m WHERE m.householdId = h.id) >= 3 ORDER BY h.id LIMIT 1`,
  );
  const total = await one<{ n: number; p: number }>(
    conn,
    `SELECT (SELECT COUNT(*) FROM ${EB.household}) AS n, (SELECT COUNT(*) FROM ${EB.payout}) AS p`,
  );
  const p = period(endDate, sizes.months);
  const READ = ["ekonomiskt-bistand:read"];
  return [
    {
      name: "ekonomiskt-bistand.assistanceHousehold",
      domain: "ekonomiskt-bistand",
      kind: "single",
      description: "one household with address and members",
      query: `query AssistanceHousehold($id: ID!) { assistanceHousehold(id: $id) { ${HOUSEHOLD} } }`,
      variables: { id: String(h.id) },
      scopes: READ,
      rows: 1,
    },
    {
      name: "ekonomiskt-bistand.assistanceHouseholds.nested",
      domain: "ekonomiskt-bistand",
      kind: "nested",
      description: `page of 100 of ${Number(total.n).toLocaleString("en-US")} households + address + members (one level)`,
      query: LIST,
      variables: { first: 100 },
      scopes: READ,
      rows: 100,
    },
    {
      name: "ekonomiskt-bistand.assistanceIndicators",
      domain: "ekonomiskt-bistand",
      kind: "stats",
      description: `indicators over ${sizes.months} months (${Number(total.p).toLocaleString("en-US")} payouts), long-term households per month`,
      query: INDICATORS,
      variables: { from: p.from, to: p.to },
      scopes: ["ekonomiskt-bistand:stats"],
      rows: Number(total.p),
    },
  ];
}

async function growth(conn: Connection | Pool, sizes: Record<string, number>, endDate: string) {
  const p = period(endDate, sizes.months);
  const half = ym(addMonthsIso(`${p.first}-01`, Math.floor(sizes.months / 2) - 1));
  const to = addDaysIso(`${ym(addMonthsIso(`${half}-01`, 1))}-01`, -1);
  const r = await one<{ n: number }>(conn, `SELECT COUNT(*) AS n FROM ${EB.payout} WHERE month <= ?`, [half]);
  return [
    {
      operation: "ekonomiskt-bistand.assistanceIndicators",
      share: "first half of the months",
      rows: Number(r.n),
      variables: { from: p.from, to },
    },
  ];
}

// ---------------------------------------------------------------------------------------------

async function logRead(
  db: FloorDb,
  req: FloorRequest,
  operation: string,
  ids: unknown[],
  members: Row[],
): Promise<void> {
  if (ids.length === 0) return;
  const keys = [
    ...new Set(members.filter((m) => m.personnummer !== null).map((m) => subjectKey(String(m.personnummer)))),
  ];
  await db.execute(accessLogInsert(), [
    new Date(),
    req.actor,
    req.requestId,
    "READ",
    operation,
    "ekonomiskt-bistand",
    "Household",
    [...new Set(ids.map(String))].join(","),
    keys.length ? `,${keys.join(",")},` : null,
  ]);
}

const HOUSEHOLD_COLUMNS =
  "id, street, postalCode, city, housingType, monthlyRent, protectedIdentity, createdAt, anonymisedDate, version";
const MEMBER_COLUMNS =
  "id, householdId, role, personnummer, name, birthDate, lunchAtPreschool, inUpperSecondary, includedInNorm, joinedOn, leftOn, version";

async function household(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const id = Number((req.variables as { id: string }).id);
  const [h] = await db.query(`SELECT ${HOUSEHOLD_COLUMNS} FROM ${EB.household} WHERE id = ? LIMIT 1`, [id]);
  const members = await db.query(
    `SELECT ${MEMBER_COLUMNS} FROM ${EB.householdMember} WHERE householdId IN (?) ORDER BY id ASC`,
    [[id]],
  );
  await logRead(db, req, "Query.assistanceHousehold", [id], members);
  return { assistanceHousehold: renderHousehold(h, members) };
}

async function households(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const first = Number((req.variables as { first: number }).first);
  const fetched = await db.query(
    `SELECT ${HOUSEHOLD_COLUMNS} FROM ${EB.household} h WHERE h.protectedIdentity = 0 ORDER BY h.id ASC LIMIT ${first + 1}`,
  );
  const { rows, more, endCursor } = firstPage(fetched, first, {
    table: EB.household,
    order: [["h.id", "ASC"]],
    keyOf: (r) => [Number(r.id)],
  });
  const totalCount = Number(
    (
      await db.query<{ cnt: string }>(
        `SELECT COUNT(DISTINCT(h.id)) AS cnt FROM ${EB.household} h WHERE h.protectedIdentity = 0`,
      )
    )[0].cnt,
  );
  const ids = rows.map((r) => Number(r.id));
  const members = ids.length
    ? await db.query(`SELECT ${MEMBER_COLUMNS} FROM ${EB.householdMember} WHERE householdId IN (?) ORDER BY id ASC`, [
        ids,
      ])
    : [];
  await logRead(db, req, "Query.assistanceHouseholds", ids, members);
  const byHousehold = new Map<number, Row[]>(ids.map((i) => [i, []]));
  for (const m of members) byHousehold.get(Number(m.householdId))?.push(m);
  const nodes = rows.map((h) => renderHousehold(h, byHousehold.get(Number(h.id)) ?? []));
  return {
    assistanceHouseholds: {
      totalCount,
      pageInfo: { hasNextPage: more, endCursor },
      nodes,
    },
  };
}

// The package's indicators (AssistanceStatistics) from its own statements.
const int = (x: unknown) => (x === null || x === undefined ? 0 : Math.round(Number(x)));
const addMonths = (m: string, k: number) => ym(addMonthsIso(`${m}-01`, k));
function monthlyBudget(yearly: number, month: string): number {
  const base = Math.floor(yearly / 12);
  return month.endsWith("-12") ? yearly - 11 * base : base;
}

const MARIADB = sqlDialect({ options: { type: "mariadb" } } as never);

async function indicators(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const { from, to } = req.variables as { from: string; to: string };
  const months: string[] = [];
  for (let m = ym(from); m <= ym(to); m = addMonths(m, 1)) months.push(m);
  const end = months[months.length - 1];
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  // The package's statements (indicator.statements.ts), MariaDB dialect.
  const [figures, paid, recovered, budgets, children] = await Promise.all([
    db.query(...monthFiguresStatement(months[0], end)),
    db.query(...paidPerMonthStatement(MARIADB, from, to)),
    db.query(...recoveredPerMonthStatement(MARIADB, from, to)),
    db.query(...budgetYearsStatement(years)),
    db.query(...childrenInAssistedHouseholdsStatement(to, end)),
  ]);
  const map = (rows: Row[], v: string) => new Map(rows.map((r) => [String(r.month), int(r[v])]));
  const H = map(figures, "households");
  const L = map(figures, "longTerm");
  const P = map(paid, "total");
  const R = map(recovered, "total");
  const B = new Map(budgets.map((b) => [Number(b.year), int(b.netCostBudget)]));
  const gross = [...P.values()].reduce((s, v) => s + v, 0);
  const rec = [...R.values()].reduce((s, v) => s + v, 0);
  let budget: number | null = 0;
  for (const m of months) {
    const yearly = B.get(Number(m.slice(0, 4)));
    if (yearly === undefined) {
      budget = null;
      break;
    }
    budget += monthlyBudget(yearly, m);
  }
  const sum = months.reduce((s, m) => s + (H.get(m) ?? 0), 0);
  const N = map(recovered, "n");
  // The package's household table and its disclosure control (the bench calls as ekonomiskt-bistand:stats).
  const policy = controlledPolicy();
  const table = controlHouseholdTable(
    {
      householdsAtEnd: H.get(end) ?? 0,
      averageHouseholdsPerMonth: Math.round((sum / months.length) * 10) / 10,
      longTermHouseholds: L.get(end) ?? 0,
      grossPaid: gross,
      recovered: rec,
      netCost: gross - rec,
      suppressed: [],
      months: months.map((month) => {
        const g = P.get(month) ?? 0;
        const r = R.get(month) ?? 0;
        const yearly = B.get(Number(month.slice(0, 4)));
        return {
          month,
          households: H.get(month) ?? 0,
          longTermHouseholds: L.get(month) ?? 0,
          grossPaid: g,
          recovered: r,
          netCost: g - r,
          budget: yearly === undefined ? null : monthlyBudget(yearly, month),
          suppressed: [],
        };
      }),
    },
    months.map((m) => N.get(m) ?? 0),
    policy,
  );
  const { children: childrenShown } = controlChildren({ children: int(children[0]?.n), suppressed: [] }, policy);
  return {
    assistanceIndicators: {
      from,
      to,
      householdsAtEnd: table.householdsAtEnd,
      averageHouseholdsPerMonth: table.averageHouseholdsPerMonth,
      longTermHouseholds: table.longTermHouseholds,
      grossPaid: money(table.grossPaid),
      recovered: money(table.recovered),
      netCost: money(table.netCost),
      budget: budget === null ? null : money(budget),
      childrenInAssistedHouseholds: childrenShown,
      months: table.months.map((m) => ({
        month: m.month,
        households: m.households,
        longTermHouseholds: m.longTermHouseholds,
        grossPaid: money(m.grossPaid),
        recovered: money(m.recovered),
        netCost: money(m.netCost),
        budget: money(m.budget),
      })),
    },
  };
}

const floor: Record<string, FloorHandler> = {
  "ekonomiskt-bistand.assistanceHousehold": household,
  "ekonomiskt-bistand.assistanceHouseholds.nested": households,
  "ekonomiskt-bistand.assistanceIndicators": indicators,
};

export const ekonomisktBistand: BenchDomain = {
  module: "ekonomiskt-bistand",
  sizes: (s) => ({ ...SIZES[s] }),
  seed,
  operations,
  floor,
  growth,
};
