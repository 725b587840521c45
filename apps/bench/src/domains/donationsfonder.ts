import { controlledPolicy } from "@arbetsliv/core";
import { SeededRandom } from "@arbetsliv/core/testing";
import {
  Allocation,
  Application,
  Fund,
  FundBudget,
  Payout,
  PayoutPayment,
  Round,
  RoundSchedule,
  controlDonationReport,
  distinctReachStatement,
  fundRowsStatement,
  rebuildDonationSummaries,
  statusRowsStatement,
} from "@arbetsliv/donationsfonder";
import type { Connection, Pool } from "mysql2/promise";
import type { BenchDomain, BenchOperation, FloorDb, FloorHandler, FloorRequest, Scale, SeedContext } from "./types";
import { addDaysIso } from "../seed/random";
import { accessLogInsert, money, personnummer, personnummerOut, subjectKey, firstPage } from "./common";
import { tableOf } from "./schema";

/** The package's tables, named by its entities. */
const DF = {
  allocation: tableOf(Allocation),
  application: tableOf(Application),
  fund: tableOf(Fund),
  fundBudget: tableOf(FundBudget),
  payout: tableOf(Payout),
  payoutPayment: tableOf(PayoutPayment),
  round: tableOf(Round),
  roundSchedule: tableOf(RoundSchedule),
};

/**
 * Donationsfonder — the social donation funds. Tables from the DonationsfonderInit migration:
 * ${DF.fund}, ${DF.round}, ${DF.fundBudget}, ${DF.application}, ${DF.allocation},
 * ${DF.payout}, ${DF.payoutPayment} (${DF.roundSchedule} and adjustments stay empty);
 * the package's summary tables are then rebuilt from those rows by its own function.
 */

const SIZES: Record<Scale, { applications: number; years: number; persons: number }> = {
  small: { applications: 20_000, years: 10, persons: 15_013 },
  medium: { applications: 100_000, years: 10, persons: 60_013 },
  full: { applications: 500_000, years: 10, persons: 200_003 },
};

const FUNDS = [
  {
    code: "PENSIONARER",
    name: "Fonden för äldre",
    order: 1,
    minAge: 65,
    purposes: "GLASSES,DENTAL_CARE,HEALTH_CARE,HOUSEHOLD_EQUIPMENT",
  },
  {
    code: "BARNFAMILJER",
    name: "Fonden för barnfamiljer",
    order: 2,
    minHousehold: 2,
    purposes: "CLOTHES,SHOES,CHILDREN_LEISURE,RECREATION",
  },
  {
    code: "ARBETSFOR",
    name: "Fonden för personer i arbetsför ålder",
    order: 3,
    minAge: 18,
    maxAge: 64,
    purposes: "GLASSES,DENTAL_CARE,CLOTHES,SHOES",
  },
  {
    code: "SAMFOND_1",
    name: "Samfond 1",
    order: 4,
    purposes: "GLASSES,DENTAL_CARE,CLOTHES,SHOES,HOUSEHOLD_EQUIPMENT,HEALTH_CARE",
  },
  {
    code: "SAMFOND_2",
    name: "Samfond 2",
    order: 5,
    purposes: "GLASSES,DENTAL_CARE,CLOTHES,SHOES,HOUSEHOLD_EQUIPMENT,HEALTH_CARE,RECREATION",
  },
  { code: "BJORNSSON", name: "Edvard Björnssons donation", order: 6, purposes: "GLASSES,HEALTH_CARE" },
  { code: "SJUKA", name: "Fonden för sjuka", order: 7, purposes: "HEALTH_CARE,DENTAL_CARE" },
  { code: "ALLMAN", name: "Allmänna fonden", order: 8, purposes: "OTHER,CLOTHES,SHOES,GLASSES" },
];
const PURPOSES = [
  "GLASSES",
  "DENTAL_CARE",
  "CLOTHES",
  "SHOES",
  "HOUSEHOLD_EQUIPMENT",
  "HEALTH_CARE",
  "CHILDREN_LEISURE",
  "RECREATION",
  "RENT_OR_DEBT",
  "OTHER",
];
const INELIGIBLE = [
  "NOT_RESIDENT",
  "AGE_OUTSIDE_TARGET",
  "HOUSEHOLD_OUTSIDE_TARGET",
  "INCOME_ABOVE_LIMIT",
  "PURPOSE_NOT_COVERED",
];
const REFUSED = ["LATE", "BEFORE_WINDOW", "DUPLICATE"];

interface RoundRow {
  id: number;
  year: number;
  term: string;
  opens: string;
  closes: string;
  decision: string;
  payout: string;
  decided: boolean;
}

function rounds(endDate: string, years: number): RoundRow[] {
  const endYear = Number(endDate.slice(0, 4));
  const out: RoundRow[] = [];
  for (let y = endYear - years + 1; y <= endYear; y++) {
    const terms: [string, string, string, string, string][] =
      y <= 2021
        ? [
            ["SPRING", `${y}-03-01`, `${y}-03-31`, `${y}-05-20`, `${y}-06-10`],
            ["AUTUMN", `${y}-09-01`, `${y}-09-30`, `${y}-11-20`, `${y}-12-10`],
          ]
        : [["ANNUAL", `${y}-03-01`, `${y}-03-31`, `${y}-05-20`, `${y}-06-10`]];
    for (const [term, opens, closes, decision, payout] of terms) {
      if (opens > endDate) continue;
      out.push({ id: out.length + 1, year: y, term, opens, closes, decision, payout, decided: decision <= endDate });
    }
  }
  return out;
}

async function seed(ctx: SeedContext, sizes: Record<string, number>): Promise<void> {
  const random = new SeededRandom(2016_03_01);
  const n = sizes.applications;
  const pool = sizes.persons;
  const rs = rounds(ctx.endDate, sizes.years);
  ctx.progress(`donationsfonder (${n.toLocaleString("en-US")} applications)`, Math.round(n * 2.9));

  const funds = ctx.inserter(DF.fund, [
    "id",
    "code",
    "name",
    "statutes",
    "publishedOrder",
    "capital",
    "residentRequired",
    "minAge",
    "maxAge",
    "minHouseholdSize",
    "incomeLimitBasePercent",
    "incomeLimitPerExtraPercent",
    "purposes",
    "active",
    "version",
  ]);
  for (const [i, f] of FUNDS.entries()) {
    await funds.add([
      i + 1,
      f.code,
      f.name,
      `Ändamål enligt stadgarna för ${f.name}.`,
      f.order,
      50_000_000 + i * 10_000_000,
      true,
      f.minAge ?? null,
      f.maxAge ?? null,
      f.minHousehold ?? null,
      150,
      50,
      f.purposes,
      true,
      1,
    ]);
  }
  await funds.close();
  const roundIns = ctx.inserter(DF.round, [
    "id",
    "year",
    "term",
    "name",
    "applicationOpens",
    "applicationCloses",
    "plannedDecisionDate",
    "plannedPayoutDate",
    "priceBaseAmount",
    "policy",
    "remainderRule",
    "maxPerApplication",
    "status",
    "allocatedAt",
    "decisionDate",
    "decisionReference",
    "version",
  ]);
  const budgets = ctx.inserter(DF.fundBudget, ["roundId", "fundId", "available", "version"]);
  for (const r of rs) {
    const termName = r.term === "ANNUAL" ? "" : r.term === "SPRING" ? " vår" : " höst";
    await roundIns.add([
      r.id,
      r.year,
      r.term,
      `Utdelning ${r.year}${termName}`,
      r.opens,
      r.closes,
      r.decision,
      r.payout,
      4_830_000 + (r.year - 2016) * 100_000,
      "EQUAL",
      "DISTRIBUTE_IN_ORDER",
      500_000,
      r.decided ? "DECIDED" : "OPEN",
      r.decided ? `${r.closes} 12:00:00` : null,
      r.decided ? r.decision : null,
      r.decided ? `ALN ${r.decision} § ${r.id}` : null,
      r.decided ? 3 : 1,
    ]);
    for (let f = 1; f <= FUNDS.length; f++) await budgets.add([r.id, f, 40_000_000 + f * 5_000_000, 1]);
  }
  await roundIns.close();
  await budgets.close();

  const apps = ctx.inserter(DF.application, [
    "id",
    "roundId",
    "personnummer",
    "personKey",
    "activePersonnummer",
    "receivedDate",
    "registeredBy",
    "resident",
    "householdSize",
    "yearlyIncome",
    "purposes",
    "amountRequested",
    "status",
    "rejectionReason",
    "rejectionText",
    "assessment",
    "fundId",
    "duplicateOfId",
    "anonymisedDate",
    "version",
    "createdAt",
  ]);
  const allocs = ctx.inserter(DF.allocation, [
    "id",
    "roundId",
    "fundId",
    "applicationId",
    "personKey",
    "proposedAmount",
    "amount",
    "explanation",
    "version",
  ]);
  const payouts = ctx.inserter(DF.payout, [
    "id",
    "roundId",
    "fundId",
    "allocationId",
    "applicationId",
    "personnummer",
    "amount",
    "scheduledDate",
  ]);
  const payments = ctx.inserter(DF.payoutPayment, [
    "payoutId",
    "roundId",
    "paidOn",
    "recordedAt",
    "paidBy",
    "reference",
  ]);
  // One person, one personnummer: (birth day, serial) is a bijection of the person index.
  const pnrOf = (p: number) => personnummer(addDaysIso("1940-01-01", p % 27_000), Math.floor(p / 27_000) * 7 + 1);
  let id = 0;
  let allocId = 0;
  const perRound = Math.ceil(n / rs.length);
  for (const r of rs) {
    const lastActive = new Map<number, number>();
    for (let k = 0; k < perRound && id < n; k++) {
      id++;
      const person = (k * 7919 + r.id * 104_729) % pool;
      const pnr = pnrOf(person);
      const received = addDaysIso(r.opens, random.int(0, 29));
      const refused = random.chance(0.05);
      const purposes = [random.pick(PURPOSES), random.pick(PURPOSES)].filter((p, i, a) => a.indexOf(p) === i).join(",");
      const asked = random.int(5, 60) * 10_000;
      let status = "RECEIVED";
      let reason: string | null = null;
      let fundId: number | null = null;
      if (refused) {
        status = "REFUSED";
        reason = random.pick(REFUSED);
      } else if (r.decided) {
        if (random.chance(0.3)) {
          status = "INELIGIBLE";
          reason = random.pick(INELIGIBLE);
        } else {
          status = "ELIGIBLE";
          fundId = random.int(1, FUNDS.length);
        }
      }
      lastActive.set(person, id);
      const personKey = subjectKey(pnr);
      await apps.add([
        id,
        r.id,
        pnr,
        personKey,
        refused ? null : pnr,
        received,
        random.chance(0.5) ? "handlaggare-01" : "handlaggare-02",
        reason !== "NOT_RESIDENT",
        random.int(1, 5),
        random.int(0, 400) * 100_000,
        purposes,
        asked,
        status,
        reason,
        reason ? `Skäl: ${reason}` : null,
        r.decided && !refused ? `${FUNDS[0].code}: prövad; ${FUNDS[3].code}: prövad.` : null,
        fundId,
        reason === "DUPLICATE" ? Math.max(1, id - 1) : null,
        null,
        r.decided ? 2 : 1,
        `${received} 10:00:00.000000`,
      ]);
      if (fundId !== null) {
        allocId++;
        const amount = random.chance(0.1) ? 0 : Math.min(asked, random.int(5, 30) * 10_000);
        await allocs.add([
          allocId,
          r.id,
          fundId,
          id,
          personKey,
          amount,
          amount,
          `Lika belopp (EQUAL): ${FUNDS[fundId - 1].name}; ${money(amount)} kr (asked ${money(asked)} kr).`,
          1,
        ]);
        if (amount > 0) {
          await payouts.add([allocId, r.id, fundId, allocId, id, pnr, amount, r.payout]);
          if (random.chance(0.95))
            await payments.add([allocId, r.id, r.payout, `${r.payout} 14:00:00`, "ekonomi-01", `BG-${allocId}`]);
        }
      }
    }
  }
  await apps.close();
  await allocs.close();
  await payouts.close();
  await payments.close();
  // The records were bulk-loaded around the services: compute the package's summary rows from them.
  await ctx.dataSource.transaction((m) => rebuildDonationSummaries(m));
}

// ---------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;
const APP_FIELDS: [string, (r: Row) => unknown][] = [
  ["id", (r) => String(r.id)],
  ["roundId", (r) => String(r.roundId)],
  ["personnummer", (r) => personnummerOut(r.personnummer)],
  ["receivedDate", (r) => r.receivedDate],
  ["registeredBy", (r) => r.registeredBy],
  ["resident", (r) => Boolean(Number(r.resident))],
  ["householdSize", (r) => r.householdSize],
  ["yearlyIncome", (r) => money(r.yearlyIncome)],
  ["purposes", (r) => String(r.purposes).split(",")],
  ["amountRequested", (r) => money(r.amountRequested)],
  ["status", (r) => r.status],
  ["rejectionReason", (r) => r.rejectionReason],
  ["rejectionText", (r) => r.rejectionText],
  ["assessment", (r) => r.assessment],
  ["duplicateOfId", (r) => (r.duplicateOfId === null ? null : String(r.duplicateOfId))],
  ["anonymisedDate", (r) => r.anonymisedDate],
  ["version", (r) => r.version],
  ["createdAt", (r) => (r.createdAt as Date).toISOString()],
];
const APP_SELECTION = APP_FIELDS.map(([f]) => f).join(" ");
const APP_COLUMNS =
  "id, roundId, personnummer, personKey, activePersonnummer, receivedDate, registeredBy, resident, householdSize, yearlyIncome, purposes, amountRequested, status, rejectionReason, rejectionText, assessment, fundId, duplicateOfId, anonymisedDate, version, createdAt";
const renderApp = (r: Row): Row => {
  const out: Row = {};
  for (const [f, conv] of APP_FIELDS) out[f] = conv(r);
  return out;
};
const NESTED = `${APP_SELECTION} round { id name status plannedPayoutDate } fund { id code name } allocation { id amount explanation }`;
const renderRound = (r: Row) => ({
  id: String(r.id),
  name: r.name,
  status: r.status,
  plannedPayoutDate: r.plannedPayoutDate,
});
const renderFund = (f: Row) => ({ id: String(f.id), code: f.code, name: f.name });
const renderAlloc = (a: Row) => ({ id: String(a.id), amount: money(a.amount), explanation: a.explanation });

const LIST = (sel: string) =>
  `query DonationApplications($roundId: ID!, $first: Int) { donationApplications(roundId: $roundId, first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { ${sel} } } }`;
const REPORT = `query DonationReport($from: Date!, $to: Date!) { donationReport(from: $from, to: $to) {
  from to applications amountDistributed amountPaid personsReachedInRounds distinctPersonsReached
  rounds { roundId name year term status plannedPayoutDate applications refused awaitingAssessment eligible ineligible
    rejectedByReason { reason count } granted amountAvailable amountAllocated amountDistributed amountPaid personsReached
    funds { fundId fundCode fundName amountAvailable applications granted amountAllocated amountDistributed amountPaid amountRemaining personsReached } } } }`;

async function one<T>(conn: Connection | Pool, sql: string, params: unknown[] = []): Promise<T> {
  const [rows] = await conn.query(sql, params);
  return (rows as T[])[0];
}

async function operations(conn: Connection | Pool): Promise<BenchOperation[]> {
  const round = await one<{ id: number; n: number }>(
    conn,
    `SELECT r.id, (SELECT COUNT(*) FROM ${DF.application} a WHERE a.roundId = r.id) AS n FROM ${DF.round} r WHERE r.status = 'DECIDED' ORDER BY r.id DESC LIMIT 1`,
  );
  const app = await one<{ id: number }>(
    conn,
    `SELECT id FROM ${DF.application} WHERE roundId = ? AND status = 'ELIGIBLE' ORDER BY id LIMIT 1`,
    [round.id],
  );
  const span = await one<{ from: string; to: string; n: number }>(
    conn,
    `SELECT MIN(plannedPayoutDate) AS \`from\`, MAX(plannedPayoutDate) AS \`to\`, (SELECT COUNT(*) FROM ${DF.application}) AS n FROM ${DF.round}`,
  );
  const READ = ["donationsfonder:read"];
  return [
    {
      name: "donationsfonder.donationApplication",
      domain: "donationsfonder",
      kind: "single",
      description: "one application with round, fund and allocation",
      query: `query DonationApplication($id: ID!) { donationApplication(id: $id) { ${NESTED} } }`,
      variables: { id: String(app.id) },
      scopes: READ,
      rows: 1,
    },
    {
      name: "donationsfonder.donationApplications.flat",
      domain: "donationsfonder",
      kind: "flat",
      description: `page of 100 of a round's ${Number(round.n).toLocaleString("en-US")} applications (18 fields), total count`,
      query: LIST(APP_SELECTION),
      variables: { roundId: String(round.id), first: 100 },
      scopes: READ,
      rows: 100,
    },
    {
      name: "donationsfonder.donationApplications.nested",
      domain: "donationsfonder",
      kind: "nested",
      description: "the same page + round, fund, allocation (one level)",
      query: LIST(NESTED),
      variables: { roundId: String(round.id), first: 100 },
      scopes: READ,
      rows: 100,
    },
    {
      name: "donationsfonder.donationReport",
      domain: "donationsfonder",
      kind: "stats",
      description: `report per round and fund over all rounds (${Number(span.n).toLocaleString("en-US")} applications)`,
      query: REPORT,
      variables: { from: span.from, to: span.to },
      scopes: ["donationsfonder:stats"],
      rows: Number(span.n),
    },
  ];
}

async function growth(conn: Connection | Pool) {
  const rows = await conn.query(
    `SELECT plannedPayoutDate AS d, (SELECT COUNT(*) FROM ${DF.application} a WHERE a.roundId = r.id) AS n FROM ${DF.round} r ORDER BY plannedPayoutDate`,
  );
  const list = rows[0] as { d: string; n: number }[];
  const half = list.slice(0, Math.ceil(list.length / 2));
  return [
    {
      operation: "donationsfonder.donationReport",
      share: "first half of the rounds",
      rows: half.reduce((s, r) => s + Number(r.n), 0),
      variables: { from: list[0].d, to: half[half.length - 1].d },
    },
  ];
}

// ---------------------------------------------------------------------------------------------

async function logRead(db: FloorDb, req: FloorRequest, operation: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = [...new Set(rows.map((r) => subjectKey(String(r.personnummer))))];
  await db.execute(accessLogInsert(), [
    new Date(),
    req.actor,
    req.requestId,
    "READ",
    operation,
    "donationsfonder",
    "Application",
    [...new Set(rows.map((r) => String(r.id)))].join(","),
    keys.length ? `,${keys.join(",")},` : null,
  ]);
}

async function nestedOf(db: FloorDb, rows: Row[]): Promise<Row[]> {
  const uniq = (xs: unknown[]) => [...new Set(xs.map(Number))];
  const roundIds = uniq(rows.map((r) => r.roundId));
  const fundIds = uniq(rows.filter((r) => r.fundId !== null).map((r) => r.fundId));
  const [rounds, funds, allocs] = await Promise.all([
    db.query(`SELECT * FROM ${DF.round} WHERE id IN (?)`, [roundIds]),
    fundIds.length ? db.query(`SELECT * FROM ${DF.fund} WHERE id IN (?)`, [fundIds]) : Promise.resolve([] as Row[]),
    db.query(`SELECT * FROM ${DF.allocation} WHERE applicationId IN (?)`, [uniq(rows.map((r) => r.id))]),
  ]);
  const byId = (xs: Row[], k = "id") => new Map(xs.map((x) => [Number(x[k]), x]));
  const R = byId(rounds);
  const F = byId(funds);
  const A = byId(allocs, "applicationId");
  return rows.map((r) => {
    const out = renderApp(r);
    out.round = renderRound(R.get(Number(r.roundId))!);
    out.fund = r.fundId === null ? null : renderFund(F.get(Number(r.fundId))!);
    const a = A.get(Number(r.id));
    out.allocation = a ? renderAlloc(a) : null;
    return out;
  });
}

async function page(db: FloorDb, req: FloorRequest, nested: boolean): Promise<unknown> {
  const v = req.variables as { roundId: string; first: number };
  const roundId = Number(v.roundId);
  const fetched = await db.query(
    `SELECT ${APP_COLUMNS} FROM ${DF.application} a WHERE a.roundId = ? ORDER BY a.receivedDate ASC, a.id ASC LIMIT ${Number(v.first) + 1}`,
    [roundId],
  );
  const { rows, more, endCursor } = firstPage(fetched, Number(v.first), {
    table: DF.application,
    order: [
      ["a.receivedDate", "ASC"],
      ["a.id", "ASC"],
    ],
    keyOf: (r) => [r.receivedDate as string, Number(r.id)],
  });
  const totalCount = Number(
    (
      await db.query<{ cnt: string }>(
        `SELECT COUNT(DISTINCT(a.id)) AS cnt FROM ${DF.application} a WHERE a.roundId = ?`,
        [roundId],
      )
    )[0].cnt,
  );
  await logRead(db, req, "Query.donationApplications", rows);
  const nodes = nested ? await nestedOf(db, rows) : rows.map(renderApp);
  return {
    donationApplications: {
      totalCount,
      pageInfo: { hasNextPage: more, endCursor },
      nodes,
    },
  };
}

const REASONS = [
  "LATE",
  "BEFORE_WINDOW",
  "DUPLICATE",
  "NOT_RESIDENT",
  "AGE_OUTSIDE_TARGET",
  "HOUSEHOLD_OUTSIDE_TARGET",
  "INCOME_ABOVE_LIMIT",
  "PURPOSE_NOT_COVERED",
  "NO_FUNDS_THIS_ROUND",
];
const int = (x: unknown) => (x === null || x === undefined ? 0 : Math.round(Number(x)));

async function report(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const { from, to } = req.variables as { from: string; to: string };
  const rounds = await db.query(
    `SELECT * FROM ${DF.round} WHERE plannedPayoutDate BETWEEN ? AND ? ORDER BY plannedPayoutDate ASC, id ASC`,
    [from, to],
  );
  if (rounds.length === 0)
    return {
      donationReport: {
        from,
        to,
        applications: 0,
        amountDistributed: "0.00",
        amountPaid: "0.00",
        personsReachedInRounds: 0,
        distinctPersonsReached: 0,
        rounds: [],
      },
    };
  const ids = rounds.map((r) => Number(r.id));
  // The package's statements (report.statements.ts): the summary rows kept on write (distinct persons from the reach rows).
  const byStatus = await db.query(statusRowsStatement(ids.length), ids);
  const byFund = await db.query(fundRowsStatement(ids.length), ids);
  const decidedIds = rounds.filter((r) => r.status === "DECIDED").map((r) => Number(r.id));
  const distinct = decidedIds.length
    ? int((await db.query(distinctReachStatement(decidedIds.length), [...decidedIds, ...decidedIds]))[0]?.n)
    : 0;
  const budgets = await db.query(`SELECT * FROM ${DF.fundBudget} WHERE roundId IN (?)`, [ids]);
  const fundIds = [...new Set([...budgets.map((b) => Number(b.fundId)), ...byFund.map((r) => int(r.fundId))])];
  const funds = (fundIds.length ? await db.query(`SELECT * FROM ${DF.fund} WHERE id IN (?)`, [fundIds]) : []).sort(
    (a, b) => Number(a.publishedOrder) - Number(b.publishedOrder) || Number(a.id) - Number(b.id),
  );
  const key = (r: unknown, f: unknown) => `${int(r)}:${int(f)}`;
  const fundRows = new Map(byFund.map((r) => [key(r.roundId, r.fundId), r]));
  const budgetOf = new Map(budgets.map((b) => [key(b.roundId, b.fundId), Number(b.available)]));
  const persons = new Map<number, number>();
  for (const r of byFund) persons.set(int(r.roundId), (persons.get(int(r.roundId)) ?? 0) + int(r.granted));
  const reports = rounds.map((round) => {
    const rid = Number(round.id);
    const decided = round.status === "DECIDED";
    const statusRows = byStatus.filter((r) => int(r.roundId) === rid);
    const count = (s: string) => statusRows.filter((r) => r.status === s).reduce((acc, r) => acc + int(r.n), 0);
    const reasons = new Map<string, number>();
    for (const r of statusRows)
      if (r.reason) reasons.set(r.reason as string, (reasons.get(r.reason as string) ?? 0) + int(r.n));
    const fr = funds
      .filter((f) => budgetOf.has(key(rid, f.id)) || fundRows.has(key(rid, f.id)))
      .map((f) => {
        const row = fundRows.get(key(rid, f.id));
        const allocated = int(row?.allocated);
        const available = budgetOf.get(key(rid, f.id)) ?? 0;
        return {
          fundId: Number(f.id),
          fundCode: f.code as string,
          fundName: f.name as string,
          amountAvailable: available,
          applications: int(row?.applications),
          granted: int(row?.granted),
          amountAllocated: allocated,
          amountDistributed: decided ? allocated : 0,
          amountPaid: int(row?.paid),
          amountRemaining: available - allocated,
          personsReached: decided ? int(row?.granted) : 0,
          suppressed: [] as string[],
        };
      });
    const total = (pick: (f: (typeof fr)[number]) => number) => fr.reduce((s, f) => s + pick(f), 0);
    return {
      roundId: rid,
      name: round.name,
      year: round.year,
      term: round.term,
      status: round.status,
      plannedPayoutDate: round.plannedPayoutDate,
      applications: statusRows.reduce((s, r) => s + int(r.n), 0),
      refused: count("REFUSED"),
      awaitingAssessment: count("RECEIVED"),
      eligible: count("ELIGIBLE"),
      ineligible: count("INELIGIBLE"),
      rejectedByReason: REASONS.filter((r) => reasons.has(r)).map((reason) => ({
        reason,
        count: reasons.get(reason)!,
        suppressed: [] as string[],
      })),
      granted: total((f) => f.granted),
      amountAvailable: total((f) => f.amountAvailable),
      amountAllocated: total((f) => f.amountAllocated),
      amountDistributed: total((f) => f.amountDistributed),
      amountPaid: total((f) => f.amountPaid),
      personsReached: decided ? (persons.get(rid) ?? 0) : 0,
      funds: fr,
      suppressed: [] as string[],
    };
  });
  const sum = (pick: (r: (typeof reports)[number]) => number) => reports.reduce((s, r) => s + pick(r), 0);
  // The report in the package's numeric shape, then the package's disclosure control (the bench calls as donationsfonder:stats).
  const r = controlDonationReport(
    {
      from,
      to,
      applications: sum((x) => x.applications),
      amountDistributed: sum((x) => x.amountDistributed),
      amountPaid: sum((x) => x.amountPaid),
      personsReachedInRounds: sum((x) => x.personsReached),
      distinctPersonsReached: distinct,
      rounds: reports,
      suppressed: [],
    } as never,
    controlledPolicy(),
  );
  return {
    donationReport: {
      from,
      to,
      applications: r.applications,
      amountDistributed: money(r.amountDistributed),
      amountPaid: money(r.amountPaid),
      personsReachedInRounds: r.personsReachedInRounds,
      distinctPersonsReached: r.distinctPersonsReached,
      rounds: r.rounds.map((x) => ({
        roundId: String(x.roundId),
        name: x.name,
        year: x.year,
        term: x.term,
        status: x.status,
        plannedPayoutDate: x.plannedPayoutDate,
        applications: x.applications,
        refused: x.refused,
        awaitingAssessment: x.awaitingAssessment,
        eligible: x.eligible,
        ineligible: x.ineligible,
        rejectedByReason: x.rejectedByReason.map((y) => ({ reason: y.reason, count: y.count })),
        granted: x.granted,
        amountAvailable: money(x.amountAvailable),
        amountAllocated: money(x.amountAllocated),
        amountDistributed: money(x.amountDistributed),
        amountPaid: money(x.amountPaid),
        personsReached: x.personsReached,
        funds: x.funds.map((f) => ({
          fundId: String(f.fundId),
          fundCode: f.fundCode,
          fundName: f.fundName,
          amountAvailable: money(f.amountAvailable),
          applications: f.applications,
          granted: f.granted,
          amountAllocated: money(f.amountAllocated),
          amountDistributed: money(f.amountDistributed),
          amountPaid: money(f.amountPaid),
          amountRemaining: money(f.amountRemaining),
          personsReached: f.personsReached,
        })),
      })),
    },
  };
}

const floor: Record<string, FloorHandler> = {
  "donationsfonder.donationApplication": async (db, req) => {
    const id = Number((req.variables as { id: string }).id);
    const rows = await db.query(`SELECT ${APP_COLUMNS} FROM ${DF.application} WHERE id = ? LIMIT 1`, [id]);
    await logRead(db, req, "Query.donationApplication", rows);
    return { donationApplication: (await nestedOf(db, rows))[0] };
  },
  "donationsfonder.donationApplications.flat": (db, req) => page(db, req, false),
  "donationsfonder.donationApplications.nested": (db, req) => page(db, req, true),
  "donationsfonder.donationReport": report,
};

export const donationsfonder: BenchDomain = {
  module: "donationsfonder",
  sizes: (s) => ({ ...SIZES[s] }),
  seed,
  operations,
  floor,
  growth,
};
