import { controlledPolicy } from "@arbetsliv/core";
import { SeededRandom } from "@arbetsliv/core/testing";
import {
  AccompanyingChild,
  Placement,
  PlacementBudget,
  PlacementChildDecision,
  PlacementClient,
  PlacementProvider,
  ProviderDailyFee,
  ServiceFeeAgreement,
  controlPlacementCostReport,
  controlPlacementStatistics,
  budgetStatements,
  placementCostStatement,
  placementStatisticsStatements,
  serviceFeeStatement,
  statsDialect,
  type PlacementType,
} from "@arbetsliv/relationsvald";
import type { Connection, Pool } from "mysql2/promise";
import type { BenchDomain, BenchOperation, FloorDb, FloorHandler, FloorRequest, Scale, SeedContext } from "./types";
import { addDaysIso } from "../seed/random";
import { accessLogInsert, money, personnummer, subjectKey, firstPage } from "./common";
import { tableOf } from "./schema";

/** The package's tables, named by its entities. */
const RV = {
  placement: tableOf(Placement),
  client: tableOf(PlacementClient),
  child: tableOf(AccompanyingChild),
  placementChild: tableOf(PlacementChildDecision),
  provider: tableOf(PlacementProvider),
  fee: tableOf(ProviderDailyFee),
  agreement: tableOf(ServiceFeeAgreement),
  budget: tableOf(PlacementBudget),
};

/**
 * Relationsvåld — placements (insatser) over ten years. Tables from the RelationsvaldInit
 * migration: rv_provider, rv_provider_fee, rv_service_fee_agreement, rv_budget, rv_client,
 * rv_child, rv_placement, rv_placement_child (invoices stay empty).
 */

const SIZES: Record<Scale, { placements: number; years: number }> = {
  small: { placements: 2_000, years: 10 },
  medium: { placements: 5_000, years: 10 },
  full: { placements: 10_000, years: 10 },
};
/** The package's PLACEMENT_TYPES order (the report's). */
const TYPES = [
  "PROTECTED_HOUSING",
  "INTERNAL_OUTPATIENT",
  "EXTERNAL_OUTPATIENT",
  "EMERGENCY_HOUSING",
  "SOCIAL_CONTRACT",
  "FAMILY_HOME",
] as const;
/** Nights per type (min, max) and the daily fee in öre. */
const LENGTH: Record<string, [number, number]> = {
  PROTECTED_HOUSING: [20, 150],
  EMERGENCY_HOUSING: [1, 14],
  INTERNAL_OUTPATIENT: [30, 180],
  EXTERNAL_OUTPATIENT: [30, 180],
  SOCIAL_CONTRACT: [180, 720],
  FAMILY_HOME: [30, 240],
};
const PROVIDERS: { name: string; kind: string; types: string[]; fee: number }[] = [
  {
    name: "Relationsvåldsenheten (egen verksamhet)",
    kind: "OWN_UNIT",
    types: ["INTERNAL_OUTPATIENT", "EMERGENCY_HOUSING"],
    fee: 45_000,
  },
  {
    name: "Kvinno- och tjejjouren Borås",
    kind: "NON_PROFIT",
    types: ["PROTECTED_HOUSING", "EMERGENCY_HOUSING"],
    fee: 120_000,
  },
  { name: "Skyddat boende Väst", kind: "PROTECTED_HOUSING", types: ["PROTECTED_HOUSING"], fee: 210_000 },
  { name: "Skyddat boende Syd", kind: "PROTECTED_HOUSING", types: ["PROTECTED_HOUSING"], fee: 190_000 },
  {
    name: "Skyddat boende Öst",
    kind: "PROTECTED_HOUSING",
    types: ["PROTECTED_HOUSING", "EMERGENCY_HOUSING"],
    fee: 230_000,
  },
  { name: "Boråshem socialt kontrakt", kind: "MUNICIPAL", types: ["SOCIAL_CONTRACT"], fee: 25_000 },
  { name: "Behandlingshemmet Sjöhagen", kind: "TREATMENT", types: ["EXTERNAL_OUTPATIENT"], fee: 150_000 },
  { name: "Öppenvården Nova", kind: "TREATMENT", types: ["EXTERNAL_OUTPATIENT"], fee: 95_000 },
  { name: "Familjehem A", kind: "FAMILY_HOME", types: ["FAMILY_HOME"], fee: 80_000 },
  { name: "Familjehem B", kind: "FAMILY_HOME", types: ["FAMILY_HOME"], fee: 85_000 },
  { name: "Familjehem C", kind: "FAMILY_HOME", types: ["FAMILY_HOME"], fee: 90_000 },
];
const VIOLENCE = [
  "CLOSE_RELATIONSHIP",
  "CLOSE_RELATIONSHIP",
  "CLOSE_RELATIONSHIP",
  "HONOUR_RELATED",
  "PROSTITUTION_TRAFFICKING",
];

/** The last day of the date's month: statistics for a stats-only caller cover whole months. */
function monthEnd(date: string): string {
  const [y, m] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function span(endDate: string, years: number) {
  const endYear = Number(endDate.slice(0, 4));
  return {
    firstYear: endYear - years + 1,
    endYear,
    from: `${endYear - years + 1}-01-01`,
    to: endDate,
    monthEnd: monthEnd(endDate),
  };
}

async function seed(ctx: SeedContext, sizes: Record<string, number>): Promise<void> {
  const random = new SeededRandom(2021_09_08);
  const n = sizes.placements;
  const s = span(ctx.endDate, sizes.years);
  ctx.progress(`relationsvald (${n.toLocaleString("en-US")} placements)`, Math.round(n * 2.6));
  const providers = ctx.inserter(RV.provider, [
    "id",
    "name",
    "kind",
    "organisationsnummer",
    "location",
    "version",
    "createdAt",
  ]);
  const fees = ctx.inserter(RV.fee, [
    "providerId",
    "placementType",
    "validFrom",
    "validTo",
    "dailyFee",
    "iopDiscounted",
    "standardDailyFee",
  ]);
  for (const [i, p] of PROVIDERS.entries()) {
    await providers.add([i + 1, p.name, p.kind, null, `Adress ${i + 1}`, 1, `${s.from} 08:00:00`]);
    for (const type of p.types) {
      // A fee period every second year, the last one open.
      for (let y = s.firstYear; y <= s.endYear; y += 2) {
        const last = y + 2 > s.endYear;
        const fee = p.fee + (y - s.firstYear) * 2_000 + (type === "EMERGENCY_HOUSING" ? 10_000 : 0);
        await fees.add([
          i + 1,
          type,
          `${y}-01-01`,
          last ? null : `${y + 1}-12-31`,
          p.kind === "NON_PROFIT" ? Math.round(fee * 0.8) : fee,
          p.kind === "NON_PROFIT",
          p.kind === "NON_PROFIT" ? fee : null,
        ]);
      }
    }
  }
  await providers.close();
  await fees.close();
  const agreements = ctx.inserter(RV.agreement, [
    "providerId",
    "reference",
    "validFrom",
    "validTo",
    "amount",
    "acuteFreeNights",
  ]);
  const budgets = ctx.inserter(RV.budget, ["year", "amount", "note", "version"]);
  for (let y = s.firstYear; y <= s.endYear; y++) {
    await agreements.add([2, `IOP ${y}`, `${y}-01-01`, `${y}-12-31`, 55_000_000, 2]);
    await budgets.add([y, Math.round(n * 100_000 + (y - s.firstYear) * 5_000_000), null, 1]);
  }
  await agreements.close();
  await budgets.close();

  const clients = ctx.inserter(RV.client, [
    "id",
    "personnummer",
    "name",
    "violenceType",
    "protectedIdentity",
    "address",
    "anonymisedDate",
    "version",
    "createdAt",
  ]);
  const children = ctx.inserter(RV.child, [
    "id",
    "clientId",
    "personnummer",
    "name",
    "birthDate",
    "protectedIdentity",
    "retentionExempt",
    "anonymisedDate",
    "version",
    "createdAt",
  ]);
  const placements = ctx.inserter(RV.placement, [
    "id",
    "type",
    "clientId",
    "providerId",
    "startDate",
    "endDate",
    "plannedEndDate",
    "acute",
    "decisionReference",
    "decisionDate",
    "personCount",
    "movedFromId",
    "address",
    "version",
    "createdAt",
  ]);
  const placementChildren = ctx.inserter(RV.placementChild, [
    "placementId",
    "childId",
    "assessedOn",
    "decisionReference",
    "decisionDate",
  ]);
  const totalDays = Math.max(1, Math.round((Date.parse(s.to) - Date.parse(s.from)) / 86_400_000));
  let clientId = 0;
  let childId = 0;
  let id = 0;
  while (id < n) {
    clientId++;
    const prot = random.chance(0.05);
    const pnr = personnummer(addDaysIso("1960-01-01", clientId % 12_000), Math.floor(clientId / 12_000) * 2 + 1);
    await clients.add([
      clientId,
      pnr,
      `Klient ${clientId}`,
      random.pick(VIOLENCE),
      prot,
      null,
      null,
      1,
      `${s.from} 08:00:00`,
    ]);
    const kids: number[] = [];
    for (let k = random.chance(0.4) ? random.int(1, 3) : 0; k > 0; k--) {
      childId++;
      // (birth day, serial) is a bijection of the child's index: identity numbers stay unique.
      const birth = addDaysIso(s.to, -(200 + (childId % 5_800)));
      await children.add([
        childId,
        clientId,
        personnummer(birth, Math.floor(childId / 5_800) * 2 + 2),
        `Barn ${childId}`,
        birth,
        prot,
        false,
        null,
        1,
        `${s.from} 08:00:00`,
      ]);
      kids.push(childId);
    }
    // One to three consecutive placements per client (e.g. emergency housing, then protected housing, then a social contract).
    let start = addDaysIso(s.from, random.int(0, totalDays - 1));
    for (let q = random.int(1, 3); q > 0 && id < n && start <= s.to; q--) {
      id++;
      const type = q > 1 && random.chance(0.5) ? "EMERGENCY_HOUSING" : TYPES[random.int(0, TYPES.length - 1)];
      const candidates = PROVIDERS.map((p, i) => ({ p, i })).filter((x) => x.p.types.includes(type));
      const provider = candidates[random.int(0, candidates.length - 1)].i + 1;
      const [lo, hi] = LENGTH[type];
      const end = addDaysIso(start, random.int(lo, hi));
      const ongoing = end > s.to;
      const acute = (type === "PROTECTED_HOUSING" || type === "EMERGENCY_HOUSING") && random.chance(0.3);
      const decided = !ongoing || random.chance(0.7);
      const withKids = kids.length > 0 && type !== "INTERNAL_OUTPATIENT" && type !== "EXTERNAL_OUTPATIENT";
      await placements.add([
        id,
        type,
        clientId,
        provider,
        start,
        ongoing ? null : end,
        addDaysIso(start, hi),
        acute,
        decided ? `RV-${id}` : null,
        decided ? addDaysIso(start, acute ? 2 : 0) : null,
        1 + (withKids ? kids.length : 0),
        null,
        null,
        1,
        `${start} 09:00:00.000000`,
      ]);
      if (withKids)
        for (const c of kids)
          await placementChildren.add([
            id,
            c,
            addDaysIso(start, 3),
            decided ? `RVB-${id}-${c}` : null,
            decided ? addDaysIso(start, 5) : null,
          ]);
      if (ongoing) break;
      start = end;
    }
  }
  await clients.close();
  await children.close();
  await placements.close();
  await placementChildren.close();
}

// ---------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;
/** The package's placementNotProtectedSql("p"): hides placements concerning a protected client or child. */
const NOT_PROTECTED =
  `NOT EXISTS (SELECT 1 FROM ${RV.client} pc_c WHERE pc_c.id = p.clientId AND pc_c.protectedIdentity = 1)` +
  ` AND NOT EXISTS (SELECT 1 FROM ${RV.placementChild} pc_pc JOIN ${RV.child} pc_k ON pc_k.id = pc_pc.childId WHERE pc_pc.placementId = p.id AND pc_k.protectedIdentity = 1)`;
const PLACEMENT =
  "id type startDate endDate plannedEndDate acute decisionReference decisionDate personCount version createdAt nights awaitingDecision client { id name violenceType } provider { id name kind }";
const LIST = `query Placements($first: Int) { placements(first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { ${PLACEMENT} } } }`;
const PLACEMENT_COLUMNS =
  "p.id, p.type, p.clientId, p.providerId, p.startDate, p.endDate, p.plannedEndDate, p.acute, p.decisionReference, p.decisionDate, p.personCount, p.movedFromId, p.address, p.version, p.createdAt";
const FIGURES =
  "type placements started ended clients children persons nights personNights averageLength acuteStarted acutePastTwoNights acuteShareOverTwoNights";
const STATISTICS = `query PlacementStatistics($from: Date!, $to: Date!) { placementStatistics(from: $from, to: $to) { from to byType { ${FIGURES} } total { ${FIGURES} } } }`;
const COST = `query PlacementCostReport($from: Date!, $to: Date!) { placementCostReport(from: $from, to: $to) {
  from to placementCost serviceFees total budget difference
  rows { month type providerId providerName chargedNights chargedPersonNights amount }
  serviceFeeRows { month providerId providerName amount }
  byType { type chargedPersonNights amount }
  byProvider { providerId providerName placementCost serviceFees total }
  byMonth { month placementCost serviceFees total budget difference } } }`;

async function one<T>(conn: Connection | Pool, sql: string, params: unknown[] = []): Promise<T> {
  const [rows] = await conn.query(sql, params);
  return (rows as T[])[0];
}

async function operations(
  conn: Connection | Pool,
  sizes: Record<string, number>,
  endDate: string,
): Promise<BenchOperation[]> {
  const s = span(endDate, sizes.years);
  const total = await one<{ n: number }>(conn, `SELECT COUNT(*) AS n FROM ${RV.placement}`);
  const STATS = ["relationsvald:stats"];
  const rows = Number(total.n);
  const single = await one<{ id: number }>(
    conn,
    `SELECT p.id FROM ${RV.placement} p WHERE ${NOT_PROTECTED} ORDER BY p.startDate DESC, p.id DESC LIMIT 1`,
  );
  const READ = ["relationsvald:read"];
  return [
    {
      name: "relationsvald.placement",
      domain: "relationsvald",
      kind: "single",
      description: "one placement with client and provider",
      query: `query Placement($id: ID!) { placement(id: $id) { ${PLACEMENT} } }`,
      variables: { id: String(single.id) },
      scopes: READ,
      rows: 1,
    },
    {
      name: "relationsvald.placements.nested",
      domain: "relationsvald",
      kind: "nested",
      description: `page of 100 of ${rows.toLocaleString("en-US")} placements (latest first, protected hidden) + client, provider (one level)`,
      query: LIST,
      variables: { first: 100 },
      scopes: READ,
      rows: 100,
    },
    {
      name: "relationsvald.placementStatistics",
      domain: "relationsvald",
      kind: "stats",
      description: `statistics per type over ${sizes.years} years (${rows.toLocaleString("en-US")} placements)`,
      query: STATISTICS,
      variables: { from: s.from, to: s.monthEnd },
      scopes: STATS,
      rows,
    },
    {
      name: "relationsvald.placementCostReport",
      domain: "relationsvald",
      kind: "stats",
      description: `cost report by month, type and provider over ${sizes.years} years (${rows.toLocaleString("en-US")} placements)`,
      query: COST,
      variables: { from: s.from, to: s.monthEnd },
      scopes: STATS,
      rows,
    },
  ];
}

async function growth(conn: Connection | Pool, sizes: Record<string, number>, endDate: string) {
  const s = span(endDate, sizes.years);
  const half = `${s.firstYear + Math.floor(sizes.years / 2) - 1}-12-31`;
  const r = await one<{ n: number }>(conn, `SELECT COUNT(*) AS n FROM ${RV.placement} WHERE startDate <= ?`, [half]);
  const rows = Number(r.n);
  return [
    {
      operation: "relationsvald.placementStatistics",
      share: "first half of the years",
      rows,
      variables: { from: s.from, to: half },
    },
    {
      operation: "relationsvald.placementCostReport",
      share: "first half of the years",
      rows,
      variables: { from: s.from, to: half },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The package's statistics statements (statistics.statements.ts) in the MariaDB dialect.

const int = (x: unknown) => (x === null || x === undefined ? 0 : Math.round(Number(x)));
const d = statsDialect({ options: { type: "mariadb" } } as never);

function figures(type: string | null, row: Row | undefined, children: number) {
  if (!row)
    return {
      type,
      placements: 0,
      started: 0,
      ended: 0,
      clients: 0,
      children: 0,
      persons: 0,
      nights: 0,
      personNights: 0,
      averageLength: null as number | null,
      acuteStarted: 0,
      acutePastTwoNights: 0,
      acuteShareOverTwoNights: null as number | null,
    };
  const ended = int(row.ended);
  const acuteStarted = int(row.acuteStarted);
  const acutePast = int(row.acutePast);
  const clients = int(row.clients);
  return {
    type,
    placements: int(row.placements),
    started: int(row.started),
    ended,
    clients,
    children,
    persons: clients + children,
    nights: int(row.nights),
    personNights: int(row.personNights),
    averageLength: ended ? Math.round((int(row.endedNights) / ended) * 10) / 10 : null,
    acuteStarted,
    acutePastTwoNights: acutePast,
    acuteShareOverTwoNights: acuteStarted ? Math.round((acutePast / acuteStarted) * 1000) / 1000 : null,
  };
}

async function statistics(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const { from, to } = req.variables as { from: string; to: string };
  // The package's statements (statistics.statements.ts), MariaDB dialect.
  const q = placementStatisticsStatements(d, { from, to });
  const byType = await db.query(...q.byType);
  const [total] = await db.query(...q.total);
  const childRows = await db.query(...q.childrenByType);
  const [childTotal] = await db.query(...q.childrenTotal);
  const stats = {
    from,
    to,
    byType: TYPES.map((type) => {
      const row = byType.find((r) => r.type === type);
      return row
        ? figures(type, row, int(childRows.find((r) => r.type === type)?.children))
        : figures(type, undefined, 0);
    }),
    total: figures(null, total, int(childTotal?.children)),
  };
  // The package's disclosure control (the bench calls as relationsvald:stats): hidden figures become null in place.
  controlPlacementStatistics(stats as never, controlledPolicy());
  return { placementStatistics: stats };
}

async function costReport(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const { from, to } = req.variables as { from: string; to: string };
  // The package's statements (statistics.statements.ts): segments (placement × overlapping fee
  // period × period) materialised once, then split by month; service fees; the budget.
  const rows = await db.query(...placementCostStatement(d, { from, to }));
  const fees = await db.query(...serviceFeeStatement(d, { from, to }));
  const budgets = budgetStatements(d, { from, to });
  const monthly = await db.query(...budgets.byMonth);
  const [budgetTotal] = await db.query(...budgets.total);
  const providerIds = [...new Set([...rows.map((r) => int(r.providerId)), ...fees.map((r) => int(r.providerId))])];
  const providers = providerIds.length
    ? await db.query(`SELECT id, name FROM ${RV.provider} WHERE id IN (?)`, [providerIds])
    : [];
  const nameOf = (id: number) => (providers.find((p) => int(p.id) === id)?.name as string | undefined) ?? String(id);
  const costRows = rows.map((r) => ({
    month: r.month as string,
    type: r.type as string,
    providerId: int(r.providerId),
    providerName: nameOf(int(r.providerId)),
    chargedNights: int(r.chargedNights),
    chargedPersonNights: int(r.chargedPersonNights),
    amount: int(r.amount),
  }));
  const feeRows = fees.map((r) => ({
    month: r.month as string,
    providerId: int(r.providerId),
    providerName: nameOf(int(r.providerId)),
    amount: int(r.amount),
  }));
  const sumBy = <T>(xs: T[], key: (x: T) => string, amount: (x: T) => number) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + amount(x));
    return m;
  };
  const pByProvider = sumBy(
    costRows,
    (r) => String(r.providerId),
    (r) => r.amount,
  );
  const fByProvider = sumBy(
    feeRows,
    (r) => String(r.providerId),
    (r) => r.amount,
  );
  const pByMonth = sumBy(
    costRows,
    (r) => r.month,
    (r) => r.amount,
  );
  const fByMonth = sumBy(
    feeRows,
    (r) => r.month,
    (r) => r.amount,
  );
  const budgetByMonth = new Map(monthly.map((r) => [String(r.month), int(r.amount)]));
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    months.push(m);
    const [y, mo] = m.split("-").map(Number);
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
  }
  const placementCost = costRows.reduce((s, r) => s + r.amount, 0);
  const serviceFees = feeRows.reduce((s, r) => s + r.amount, 0);
  const budget = int(budgetTotal?.amount);
  // The report in the package's numeric shape, then the package's disclosure control, then the JSON.
  const report = controlPlacementCostReport(
    {
      from,
      to,
      placementCost,
      serviceFees,
      total: placementCost + serviceFees,
      budget,
      difference: budget - placementCost - serviceFees,
      suppressed: [],
      rows: costRows.map((r) => ({ ...r, type: r.type as PlacementType, suppressed: [] })),
      serviceFeeRows: feeRows,
      byType: TYPES.map((type) => {
        const of = costRows.filter((r) => r.type === type);
        return {
          type,
          chargedPersonNights: of.reduce((s, r) => s + r.chargedPersonNights, 0),
          amount: of.reduce((s, r) => s + r.amount, 0),
          suppressed: [],
        };
      }),
      byProvider: providerIds
        .sort((a, b) => a - b)
        .map((id) => {
          const pc = pByProvider.get(String(id)) ?? 0;
          const sf = fByProvider.get(String(id)) ?? 0;
          return {
            providerId: id,
            providerName: nameOf(id),
            placementCost: pc,
            serviceFees: sf,
            total: pc + sf,
            suppressed: [],
          };
        }),
      byMonth: months.map((month) => {
        const pc = pByMonth.get(month) ?? 0;
        const sf = fByMonth.get(month) ?? 0;
        const b = budgetByMonth.get(month) ?? 0;
        return {
          month,
          placementCost: pc,
          serviceFees: sf,
          total: pc + sf,
          budget: b,
          difference: b - pc - sf,
          suppressed: [],
        };
      }),
    } as never,
    rows.map((r) => String(r.placementIds).split(",").map(Number)),
    controlledPolicy(),
  );
  return {
    placementCostReport: {
      from,
      to,
      placementCost: money(report.placementCost),
      serviceFees: money(report.serviceFees),
      total: money(report.total),
      budget: money(report.budget),
      difference: money(report.difference),
      rows: report.rows.map((r) => ({
        month: r.month,
        type: r.type,
        providerId: String(r.providerId),
        providerName: r.providerName,
        chargedNights: r.chargedNights,
        chargedPersonNights: r.chargedPersonNights,
        amount: money(r.amount),
      })),
      serviceFeeRows: report.serviceFeeRows.map((r) => ({
        month: r.month,
        providerId: String(r.providerId),
        providerName: r.providerName,
        amount: money(r.amount),
      })),
      byType: report.byType.map((t) => ({
        type: t.type,
        chargedPersonNights: t.chargedPersonNights,
        amount: money(t.amount),
      })),
      byProvider: report.byProvider.map((p) => ({
        providerId: String(p.providerId),
        providerName: p.providerName,
        placementCost: money(p.placementCost),
        serviceFees: money(p.serviceFees),
        total: money(p.total),
      })),
      byMonth: report.byMonth.map((m) => ({
        month: m.month,
        placementCost: money(m.placementCost),
        serviceFees: money(m.serviceFees),
        total: money(m.total),
        budget: money(m.budget),
        difference: money(m.difference),
      })),
    },
  };
}

async function log(
  db: FloorDb,
  req: FloorRequest,
  operation: string,
  recordType: string,
  ids: unknown[],
  pnrs: unknown[],
): Promise<void> {
  if (ids.length === 0) return;
  const keys = [...new Set(pnrs.filter((x) => x !== null && x !== undefined).map((x) => subjectKey(String(x))))];
  await db.execute(accessLogInsert(), [
    new Date(),
    req.actor,
    req.requestId,
    "READ",
    operation,
    "relationsvald",
    recordType,
    [...new Set(ids.map(String))].join(","),
    keys.length ? `,${keys.join(",")},` : null,
  ]);
}

/** PlacementService.logRead: the clients' identity numbers, then one access-log row. */
async function logPlacements(db: FloorDb, req: FloorRequest, operation: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const clients = await db.query(`SELECT id, personnummer FROM ${RV.client} WHERE id IN (?)`, [
    [...new Set(rows.map((r) => Number(r.clientId)))],
  ]);
  await log(
    db,
    req,
    operation,
    "Placement",
    rows.map((r) => r.id),
    clients.map((c) => c.personnummer),
  );
}

async function renderPlacements(db: FloorDb, req: FloorRequest, rows: Row[]): Promise<Row[]> {
  const clientIds = [...new Set(rows.map((r) => Number(r.clientId)))];
  const providerIds = [...new Set(rows.map((r) => Number(r.providerId)))];
  const [clients, providers] = await Promise.all([
    db.query(`SELECT * FROM ${RV.client} WHERE id IN (?)`, [clientIds]).then(async (cs) => {
      await log(
        db,
        req,
        "Placement.client",
        "PlacementClient",
        cs.map((c) => c.id),
        cs.map((c) => c.personnummer),
      );
      return cs;
    }),
    db.query(`SELECT * FROM ${RV.provider} WHERE id IN (?)`, [providerIds]),
  ]);
  const C = new Map(clients.map((c) => [Number(c.id), c]));
  const P = new Map(providers.map((p) => [Number(p.id), p]));
  return rows.map((r) => {
    const c = C.get(Number(r.clientId))!;
    const pv = P.get(Number(r.providerId))!;
    return {
      id: String(r.id),
      type: r.type,
      startDate: r.startDate,
      endDate: r.endDate,
      plannedEndDate: r.plannedEndDate,
      acute: Boolean(Number(r.acute)),
      decisionReference: r.decisionReference,
      decisionDate: r.decisionDate,
      personCount: r.personCount,
      version: r.version,
      createdAt: (r.createdAt as Date).toISOString(),
      nights:
        r.endDate === null
          ? null
          : Math.max(0, Math.round((Date.parse(String(r.endDate)) - Date.parse(String(r.startDate))) / 86_400_000)),
      awaitingDecision: r.decisionReference === null,
      client: { id: String(c.id), name: c.name, violenceType: c.violenceType },
      provider: { id: String(pv.id), name: pv.name, kind: pv.kind },
    };
  });
}

async function placement(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const id = Number((req.variables as { id: string }).id);
  const rows = await db.query(
    `SELECT ${PLACEMENT_COLUMNS} FROM ${RV.placement} p WHERE p.id = ? AND ${NOT_PROTECTED} LIMIT 1`,
    [id],
  );
  await logPlacements(db, req, "Query.placement", rows);
  return { placement: (await renderPlacements(db, req, rows))[0] };
}

async function placements(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const first = Number((req.variables as { first: number }).first);
  const fetched = await db.query(
    `SELECT ${PLACEMENT_COLUMNS} FROM ${RV.placement} p WHERE ${NOT_PROTECTED} ORDER BY p.startDate DESC, p.id DESC LIMIT ${first + 1}`,
  );
  const { rows, more, endCursor } = firstPage(fetched, first, {
    table: RV.placement,
    order: [
      ["p.startDate", "DESC"],
      ["p.id", "DESC"],
    ],
    keyOf: (r) => [r.startDate as string, Number(r.id)],
  });
  const totalCount = Number(
    (
      await db.query<{ cnt: string }>(
        `SELECT COUNT(DISTINCT(p.id)) AS cnt FROM ${RV.placement} p WHERE ${NOT_PROTECTED}`,
      )
    )[0].cnt,
  );
  await logPlacements(db, req, "Query.placements", rows);
  const nodes = rows.length ? await renderPlacements(db, req, rows) : [];
  return {
    placements: {
      totalCount,
      pageInfo: { hasNextPage: more, endCursor },
      nodes,
    },
  };
}

const floor: Record<string, FloorHandler> = {
  "relationsvald.placement": placement,
  "relationsvald.placements.nested": placements,
  "relationsvald.placementStatistics": statistics,
  "relationsvald.placementCostReport": costReport,
};

export const relationsvald: BenchDomain = {
  module: "relationsvald",
  sizes: (s) => ({ ...SIZES[s] }),
  seed,
  operations,
  floor,
  growth,
};
