import { controlledPolicy } from "@arbetsliv/core";
import { pageCursor } from "@arbetsliv/core/data";
import { SeededRandom } from "@arbetsliv/core/testing";
import {
  BusinessArea,
  COUNTER_SUMS_SQL,
  FeedbackEvent,
  FeedbackItem,
  FeedbackMonthClosed,
  FeedbackMonthHandling,
  FeedbackMonthSummary,
  FeedbackReply,
  SUMMARY_COUNTERS,
  controlFeedbackStatistics,
  municipalToday,
  rebuildFeedbackSummaries,
  splitPeriod,
} from "@arbetsliv/synpunkter";
import type { Connection, Pool } from "mysql2/promise";
import type { BenchDomain, BenchOperation, FloorDb, FloorHandler, FloorRequest, Scale, SeedContext } from "./types";
import { addDaysIso, daysBetweenIso } from "../seed/random";
import { accessLogInsert, firstPage } from "./common";
import { columnsOf, tableOf } from "./schema";

// The package's tables, named by its entities.
const ITEM = tableOf(FeedbackItem);
const AREA = tableOf(BusinessArea);
const REPLY = tableOf(FeedbackReply);
const EVENT = tableOf(FeedbackEvent);

/**
 * Synpunkter — citizen feedback. Tables (from the SynpunkterInit migration): feedback_business_area,
 * feedback_item, feedback_reply, feedback_event, and the statistics' summary rows
 * feedback_month_summary, feedback_month_closed, feedback_month_handling (rebuilt after the load).
 */

const SIZES: Record<Scale, { feedbackItems: number; businessAreas: number; years: number }> = {
  small: { feedbackItems: 20_000, businessAreas: 12, years: 10 },
  medium: { feedbackItems: 200_000, businessAreas: 12, years: 10 },
  full: { feedbackItems: 1_000_000, businessAreas: 12, years: 10 },
};

const AREA_NAMES = [
  "IFO Försörjningsstöd",
  "Trygghetsinsatser/Stadsdelsvärdar",
  "Jobb Borås",
  "Fixartjänst",
  "Integration och nationella minoriteter",
  "Relationsvåldsenheten",
  "Daglig verksamhet",
  "Vuxenutbildning",
  "Arbetsmarknadsenheten",
  "Budget- och skuldrådgivning",
  "Samhällsorientering",
  "Feriejobb",
];
const KINDS = ["COMPLAINT", "COMPLAINT", "COMPLAINT", "COMPLAINT", "SUGGESTION", "QUESTION", "PRAISE"];
const CRITERIA = ["SERVICES", "SERVICES", "SERVICES", "TREATMENT", "INFORMATION", "PHYSICAL_ENVIRONMENT"];
const CHANNELS = ["E_SERVICE", "E_SERVICE", "EMAIL", "PHONE", "LETTER", "VISIT"];
const IMPROVEMENTS = ["ROUTINE_CHANGE", "INFORMATION_EFFORT", "OTHER"];
const HANDLERS = Array.from({ length: 40 }, (_, i) => `handlaggare-${String(i + 1).padStart(2, "0")}`);
const PHRASES = [
  "Klagomål på handläggningen av min ansökan: beslutet dröjde.",
  "Svårt att nå handläggaren på telefon under telefontiden.",
  "Förslag: öppna mottagningen även en kväll i veckan.",
  "Fråga om hur lång tid en ansökan tar att handlägga.",
  "Beröm till personalen för ett gott bemötande.",
  "Informationen på webbplatsen är svår att förstå.",
  "Lokalen är trång och saknar ramp vid entrén.",
  "Utbetalningen kom senare än utlovat.",
];

async function seed(ctx: SeedContext, sizes: Record<string, number>): Promise<void> {
  const random = new SeededRandom(2013_12_01);
  const n = sizes.feedbackItems;
  const areas = sizes.businessAreas;
  const years = sizes.years;
  const end = ctx.endDate;
  const start = addDaysIso(end, -Math.round(years * 365.25));
  const span = daysBetweenIso(start, end);

  ctx.progress(`synpunkter (${n.toLocaleString("en-US")} items)`, areas + Math.round(n * 4.9));
  const areaIns = ctx.inserter(AREA, ["id", "name", "handlingDays", "active"]);
  const handlingDays: number[] = [0];
  for (let a = 1; a <= areas; a++) {
    handlingDays.push(a % 3 === 0 ? 21 : 14);
    await areaIns.add([
      a,
      AREA_NAMES[(a - 1) % AREA_NAMES.length] + (a > AREA_NAMES.length ? ` ${a}` : ""),
      handlingDays[a],
      a !== areas,
    ]);
  }
  await areaIns.close();

  const items = ctx.inserter(ITEM, [
    "id",
    "kind",
    "criterion",
    "businessAreaId",
    "channel",
    "registeredBy",
    "receivedDate",
    "description",
    "submitterName",
    "submitterEmail",
    "submitterPhone",
    "wantsReply",
    "status",
    "dueDate",
    "assignedTo",
    "closedDate",
    "reopenedCount",
    "duplicateOfId",
    "forwardedTo",
    "improvementKind",
    "improvementDescription",
    "anonymisedDate",
    "version",
    "createdAt",
    "updatedAt",
    "replyCount",
  ]);
  const replies = ctx.inserter(REPLY, ["feedbackId", "repliedDate", "text", "repliedBy"]);
  const events = ctx.inserter(EVENT, ["feedbackId", "type", "date", "actor", "note"]);
  const retentionCutoff = addDaysIso(end, -3 * 365);

  for (let id = 1; id <= n; id++) {
    const received = addDaysIso(start, Math.min(span, Math.floor(((id - 1) * span) / n)));
    const area = random.int(1, areas);
    const kind = random.pick(KINDS);
    const channel = random.pick(CHANNELS);
    const named = random.chance(0.6);
    const withPhone = named && random.chance(0.3);
    const wantsReply = named && random.chance(0.7);
    const due = addDaysIso(received, handlingDays[area]);
    const age = daysBetweenIso(received, end);
    const handled = random.chance(0.88) ? random.int(1, handlingDays[area]) : random.int(handlingDays[area] + 1, 60);
    const closed = handled <= age ? addDaysIso(received, handled) : null;
    const assigned = age >= 1 || random.chance(0.5) ? random.pick(HANDLERS) : null;
    const status = closed ? "CLOSED" : assigned ? "IN_PROGRESS" : "RECEIVED";
    const duplicate = id > 10 && random.chance(0.05) ? id - random.int(1, 10) : null;
    const reopened = closed && random.chance(0.03) ? 1 : 0;
    const forwarded = random.chance(0.04) ? "Borås Energi och Miljö AB" : null;
    const improvement = kind !== "PRAISE" && closed && random.chance(0.1) ? random.pick(IMPROVEMENTS) : null;
    const anonymised = closed && closed < retentionCutoff;
    const createdAt = `${received} 09:${String(id % 60).padStart(2, "0")}:00.000000`;
    await items.add([
      id,
      kind,
      random.pick(CRITERIA),
      area,
      channel,
      channel === "E_SERVICE" ? "e-tjanst" : random.pick(HANDLERS),
      received,
      anonymised ? "[gallrad]" : `${random.pick(PHRASES)} Ärende ${id}.`,
      named && !anonymised ? `Person ${id}` : null,
      named && !withPhone && !anonymised ? `person.${id}@example.se` : null,
      withPhone && !anonymised ? `033-${String(100000 + (id % 900000)).slice(0, 6)}` : null,
      wantsReply,
      status,
      due,
      assigned,
      closed,
      reopened,
      duplicate,
      forwarded,
      improvement,
      improvement ? "Rutinen ändrades efter synpunkten." : null,
      anonymised ? addDaysIso(closed!, 3 * 365) : null,
      1 + (assigned ? 1 : 0) + (closed ? 1 : 0),
      createdAt,
      closed ? `${closed} 15:00:00.000000` : createdAt,
      wantsReply && closed ? 1 : 0,
    ]);
    const actor = assigned ?? "e-tjanst";
    await events.add([id, "REGISTERED", received, channel === "E_SERVICE" ? "e-tjanst" : actor, null]);
    if (assigned) await events.add([id, "ASSIGNED", received, actor, assigned]);
    if (wantsReply && closed) {
      await replies.add([
        id,
        closed,
        anonymised ? "[gallrad]" : "Tack för din synpunkt. Vi har tagit del av den och återkommer.",
        actor,
      ]);
      await events.add([id, "REPLIED", closed, actor, null]);
    }
    if (forwarded) await events.add([id, "FORWARDED", received, actor, forwarded]);
    if (duplicate) await events.add([id, "MARKED_DUPLICATE", closed ?? received, actor, `duplicate of ${duplicate}`]);
    if (closed) await events.add([id, "CLOSED", closed, actor, null]);
  }
  await items.close();
  await replies.close();
  await events.close();
  // The items were bulk-loaded around the service: compute the package's summary rows from them.
  await ctx.dataSource.transaction((m) => rebuildFeedbackSummaries(m));
}

// ---------------------------------------------------------------------------------------------
// Operations. Each selection is written once and used for both the GraphQL query and the floor.

type Conv = (row: Record<string, unknown>, today: string) => unknown;

/** The item's own fields, in selection order, with how the floor renders each from a row. */
const ITEM_FIELDS: [string, Conv | null][] = [
  ["id", (r) => String(r.id)],
  ["kind", null],
  ["criterion", null],
  ["channel", null],
  ["registeredBy", null],
  ["receivedDate", null],
  ["description", null],
  ["submitterName", null],
  ["submitterEmail", null],
  ["submitterPhone", null],
  ["wantsReply", (r) => Boolean(Number(r.wantsReply))],
  ["status", null],
  ["dueDate", null],
  ["assignedTo", null],
  ["closedDate", null],
  ["reopenedCount", null],
  ["forwardedTo", null],
  ["improvementKind", null],
  ["improvementDescription", null],
  ["anonymisedDate", null],
  ["version", null],
  ["createdAt", (r) => (r.createdAt as Date).toISOString()],
  ["updatedAt", (r) => (r.updatedAt as Date).toISOString()],
  ["handledInTime", (r) => r.closedDate !== null && (r.closedDate as string) <= (r.dueDate as string)],
  ["overdue", (r, today) => r.closedDate === null && (r.dueDate as string) < today],
];
const ITEM_SELECTION = ITEM_FIELDS.map(([f]) => f).join(" ");
/** Every column of the entity, as the gateway's reads select them. */
const ITEM_COLUMNS = columnsOf(FeedbackItem).join(", ");

function renderItem(
  row: Record<string, unknown>,
  today: string,
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [field, conv] of ITEM_FIELDS) out[field] = conv ? conv(row, today) : row[field];
  return out;
}

const AREA_SELECTION = "id name handlingDays active";
const AREA_COLUMNS = columnsOf(BusinessArea).join(", ");
const renderArea = (a: Record<string, unknown>) => ({
  id: String(a.id),
  name: a.name,
  handlingDays: a.handlingDays,
  active: Boolean(Number(a.active)),
});
const REPLY_SELECTION = "id repliedDate text repliedBy";
const renderReply = (r: Record<string, unknown>) => ({
  id: String(r.id),
  repliedDate: r.repliedDate,
  text: r.text,
  repliedBy: r.repliedBy,
});
const EVENT_SELECTION = "type date";
const renderEvent = (e: Record<string, unknown>) => ({ type: e.type, date: e.date });
const ORIGINAL_SELECTION = "id kind status receivedDate";
const renderOriginal = (o: Record<string, unknown>) => ({
  id: String(o.id),
  kind: o.kind,
  status: o.status,
  receivedDate: o.receivedDate,
});

// Sized to stay under the gateway's cost limit (25 000) at first: 100 — each nested list counts 25 per row.
const NESTED = `${ITEM_SELECTION} businessArea { ${AREA_SELECTION} } replies { ${REPLY_SELECTION} } history { ${EVENT_SELECTION} }`;
const DEEP = `${NESTED} duplicateOf { ${ORIGINAL_SELECTION} businessArea { id name } replies { repliedDate } }`;

const LIST_QUERY = (selection: string) =>
  `query FeedbackPage($first: Int, $after: String, $filter: FeedbackFilter) { feedbackItems(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } nodes { ${selection} } } }`;

const STATS_QUERY = `query FeedbackStatistics($from: Date!, $to: Date!) { feedbackStatistics(from: $from, to: $to) {
  from to received closed notClosed handledInTime handledLate openOverdue forwarded improvements duplicates reopened
  wantedReply repliedToWhoWanted averageHandlingDays medianHandlingDays
  kinds { praise question suggestion complaint total }
  byBusinessArea { businessArea { id name } praise question suggestion complaint total mostCommonKinds }
  byCriterion { criterion praise question suggestion complaint total }
  byMonth { month received closed } } }`;

const READ = ["synpunkter:read"];
const STATS = ["synpunkter:stats"];

async function firstRow<T>(conn: Connection | Pool, sql: string, params: unknown[] = []): Promise<T> {
  const [rows] = await conn.query(sql, params);
  return (rows as T[])[0];
}

async function operations(
  conn: Connection | Pool,
  sizes: Record<string, number>,
  endDate: string,
): Promise<BenchOperation[]> {
  // A full month shortly before the end of the data (items there are mostly closed, some duplicates).
  const monthStart = `${addDaysIso(endDate, -75).slice(0, 7)}-01`;
  const monthEnd = addDaysIso(`${addDaysIso(monthStart, 40).slice(0, 7)}-01`, -1);
  const filter = { receivedFrom: monthStart, receivedTo: monthEnd };
  const inMonth = await firstRow<{ n: number }>(
    conn,
    `SELECT COUNT(*) AS n FROM ${ITEM} WHERE receivedDate BETWEEN ? AND ?`,
    [monthStart, monthEnd],
  );
  const single = await firstRow<{ id: number }>(
    conn,
    `SELECT id FROM ${ITEM} WHERE receivedDate BETWEEN ? AND ? AND duplicateOfId IS NOT NULL ORDER BY id LIMIT 1`,
    [monthStart, monthEnd],
  );
  // The page of 10 for the statement count starts at the month's first duplicate (newest first, as
  // the list), so it follows duplicateOf like the page of 100 does.
  const [preceding] = await conn.query(
    `SELECT f.receivedDate AS d, f.id FROM ${ITEM} f, (SELECT receivedDate AS d, id FROM ${ITEM}
       WHERE receivedDate BETWEEN ? AND ? AND duplicateOfId IS NOT NULL ORDER BY receivedDate DESC, id DESC LIMIT 1) x
      WHERE f.receivedDate BETWEEN ? AND ? AND (f.receivedDate > x.d OR (f.receivedDate = x.d AND f.id > x.id))
      ORDER BY f.receivedDate ASC, f.id ASC LIMIT 1`,
    [monthStart, monthEnd, monthStart, monthEnd],
  );
  const before = (preceding as unknown as { d: string; id: number }[])[0];
  const duplicatePage = before ? { after: itemCursor(before.d, Number(before.id)) } : {};
  const span = await firstRow<{ from: string; to: string; n: number }>(
    conn,
    `SELECT MIN(receivedDate) AS \`from\`, MAX(receivedDate) AS \`to\`, COUNT(*) AS n FROM ${ITEM}`,
  );
  return [
    {
      name: "synpunkter.feedbackItem",
      domain: "synpunkter",
      kind: "single",
      description: "one feedback item with its business area",
      query: `query FeedbackItem($id: ID!) { feedbackItem(id: $id) { ${ITEM_SELECTION} businessArea { ${AREA_SELECTION} } } }`,
      variables: { id: String(single.id) },
      scopes: READ,
      rows: 1,
    },
    {
      name: "synpunkter.feedbackItems.flat",
      domain: "synpunkter",
      kind: "flat",
      description: "page of 100 items of one month (25 fields each), total count",
      query: LIST_QUERY(ITEM_SELECTION),
      variables: { first: 100, filter },
      scopes: READ,
      rows: Math.min(100, Number(inMonth.n)),
    },
    {
      name: "synpunkter.feedbackItems.nested",
      domain: "synpunkter",
      kind: "nested",
      description: "the same page + businessArea (4), replies (4), history (2) per item (one level)",
      query: LIST_QUERY(NESTED),
      variables: { first: 100, filter },
      scopes: READ,
      rows: Math.min(100, Number(inMonth.n)),
    },
    {
      name: "synpunkter.feedbackItems.deep",
      domain: "synpunkter",
      kind: "deep",
      description: "nested page + duplicateOf { 4 fields, businessArea, replies } (two levels)",
      query: LIST_QUERY(DEEP),
      variables: { first: 100, filter },
      smallPageVariables: { first: 10, filter, ...duplicatePage },
      scopes: READ,
      rows: Math.min(100, Number(inMonth.n)),
    },
    {
      name: "synpunkter.feedbackStatistics",
      domain: "synpunkter",
      kind: "stats",
      description: `board report over all ${Number(span.n).toLocaleString("en-US")} items (${span.from}–${span.to})`,
      query: STATS_QUERY,
      variables: wholeMonths(span.from, span.to),
      scopes: STATS,
      rows: Number(span.n),
    },
  ];
  void sizes;
}

async function growth(conn: Connection | Pool) {
  const span = await firstRow<{ from: string; to: string }>(
    conn,
    `SELECT MIN(receivedDate) AS \`from\`, MAX(receivedDate) AS \`to\` FROM ${ITEM}`,
  );
  const mid = addDaysIso(span.from, Math.floor(daysBetweenIso(span.from, span.to) / 2));
  const half = await firstRow<{ n: number }>(
    conn,
    `SELECT COUNT(*) AS n FROM ${ITEM} WHERE receivedDate BETWEEN ? AND ?`,
    [span.from, mid],
  );
  return [
    {
      operation: "synpunkter.feedbackStatistics",
      share: "first half of the period",
      rows: Number(half.n),
      variables: wholeMonths(span.from, mid),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Floor: the same SQL as the gateway, through mysql2, rendered straight to the response shape.

/** The municipality's day (Europe/Stockholm), as the gateway's `overdue` counts it. */
function today(): string {
  return municipalToday();
}

async function logRead(db: FloorDb, req: FloorRequest, operation: string, ids: unknown[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(accessLogInsert(), [
    new Date(),
    req.actor,
    req.requestId,
    "READ",
    operation,
    "synpunkter",
    "FeedbackItem",
    [...new Set(ids.map(String))].join(","),
    null,
  ]);
}

/** Per-request batched loaders with DataLoader's cache semantics (only missing keys are fetched). */
class Loaders {
  areas = new Map<number, Record<string, unknown> | null>();
  replies = new Map<number, Record<string, unknown>[]>();
  events = new Map<number, Record<string, unknown>[]>();
  items = new Map<number, Record<string, unknown> | null>();
  constructor(private readonly db: FloorDb) {}

  private async one(cache: Map<number, Record<string, unknown> | null>, keys: number[], sql: string) {
    const missing = [...new Set(keys)].filter((k) => !cache.has(k));
    if (missing.length) {
      const rows = await this.db.query(sql, [missing]);
      for (const k of missing) cache.set(k, null);
      for (const r of rows) cache.set(Number(r.id), r);
    }
  }
  private async many(cache: Map<number, Record<string, unknown>[]>, keys: number[], sql: string) {
    const missing = [...new Set(keys)].filter((k) => !cache.has(k));
    if (missing.length) {
      const rows = await this.db.query(sql, [missing]);
      for (const k of missing) cache.set(k, []);
      for (const r of rows) cache.get(Number(r.feedbackId))!.push(r);
    }
  }
  loadAreas(keys: number[]) {
    return this.one(this.areas, keys, `SELECT ${AREA_COLUMNS} FROM ${AREA} WHERE id IN (?)`);
  }
  /** The originals of duplicates are person-level too: the batch is access-logged (as the gateway does). */
  async loadItems(keys: number[], req: FloorRequest) {
    const missing = [...new Set(keys)].filter((k) => !this.items.has(k));
    await this.one(this.items, keys, `SELECT ${ITEM_COLUMNS} FROM ${ITEM} WHERE id IN (?)`);
    await logRead(
      this.db,
      req,
      "FeedbackItem.duplicateOf",
      missing.filter((k) => this.items.get(k)),
    );
  }
  loadReplies(keys: number[]) {
    return this.many(
      this.replies,
      keys,
      `SELECT ${columnsOf(FeedbackReply).join(", ")} FROM ${REPLY} WHERE feedbackId IN (?) ORDER BY id ASC`,
    );
  }
  loadEvents(keys: number[]) {
    return this.many(
      this.events,
      keys,
      `SELECT ${columnsOf(FeedbackEvent).join(", ")} FROM ${EVENT} WHERE feedbackId IN (?) ORDER BY id ASC`,
    );
  }
}

async function page(db: FloorDb, req: FloorRequest, depth: 0 | 1 | 2): Promise<unknown> {
  const v = req.variables as { first: number; filter: { receivedFrom: string; receivedTo: string } };
  const where = "f.receivedDate >= ? AND f.receivedDate <= ?";
  const params = [v.filter.receivedFrom, v.filter.receivedTo];
  // One row more than the page tells whether another page follows (as the gateway's keyset page does).
  const fetched = await db.query(
    `SELECT ${ITEM_COLUMNS} FROM ${ITEM} f WHERE ${where} ORDER BY f.receivedDate DESC, f.id DESC LIMIT ${Number(v.first) + 1}`,
    params,
  );
  const { rows, more, endCursor } = firstPage(fetched, Number(v.first), {
    table: ITEM,
    order: ITEM_ORDER,
    keyOf: (r) => [r.receivedDate as string, Number(r.id)],
  });
  const totalCount = Number(
    (await db.query<{ cnt: string }>(`SELECT COUNT(DISTINCT(f.id)) AS cnt FROM ${ITEM} f WHERE ${where}`, params))[0]
      .cnt,
  );
  await logRead(
    db,
    req,
    "Query.feedbackItems",
    rows.map((r) => r.id),
  );
  const t = today();
  const loaders = new Loaders(db);
  const ids = rows.map((r) => Number(r.id));
  if (depth >= 1) {
    const dups = rows.filter((r) => r.duplicateOfId !== null).map((r) => Number(r.duplicateOfId));
    await Promise.all([
      loaders.loadAreas(rows.map((r) => Number(r.businessAreaId))),
      loaders.loadReplies(ids),
      loaders.loadEvents(ids),
      depth === 2 && dups.length ? loaders.loadItems(dups, req) : null,
    ]);
    if (depth === 2) {
      const originals = dups.map((d) => loaders.items.get(d)).filter((x): x is Record<string, unknown> => Boolean(x));
      await Promise.all([
        loaders.loadAreas(originals.map((o) => Number(o.businessAreaId))),
        loaders.loadReplies(originals.map((o) => Number(o.id))),
      ]);
    }
  }
  const nodes = rows.map((r) => {
    const node = renderItem(r, t);
    if (depth >= 1) {
      node.businessArea = renderArea(loaders.areas.get(Number(r.businessAreaId))!);
      node.replies = loaders.replies.get(Number(r.id))!.map(renderReply);
      node.history = loaders.events.get(Number(r.id))!.map(renderEvent);
    }
    if (depth === 2) {
      const o = r.duplicateOfId === null ? null : loaders.items.get(Number(r.duplicateOfId));
      node.duplicateOf = o
        ? Object.assign(renderOriginal(o), {
            businessArea: ((a) => ({ id: String(a.id), name: a.name }))(loaders.areas.get(Number(o.businessAreaId))!),
            replies: loaders.replies.get(Number(o.id))!.map((r) => ({ repliedDate: r.repliedDate })),
          })
        : null;
    }
    return node;
  });
  return { feedbackItems: { totalCount, pageInfo: { hasNextPage: more, endCursor }, nodes } };
}

/** The list's order, as the gateway's feedback list sorts (newest first). */
const ITEM_ORDER: [string, "ASC" | "DESC"][] = [
  ["f.receivedDate", "DESC"],
  ["f.id", "DESC"],
];

/** The list's keyset cursor for a row, as the gateway makes it (core's pageCursor: table, order, key). */
function itemCursor(receivedDate: string, id: number): string {
  return pageCursor(ITEM, ITEM_ORDER, [receivedDate, id]);
}

const KIND_FIELD: Record<string, string> = {
  PRAISE: "praise",
  QUESTION: "question",
  SUGGESTION: "suggestion",
  COMPLAINT: "complaint",
};
const KIND_ORDER = ["PRAISE", "QUESTION", "SUGGESTION", "COMPLAINT"];
const CRITERION_ORDER = ["TREATMENT", "PHYSICAL_ENVIRONMENT", "INFORMATION", "SERVICES"];
/** A stats-only caller asks for whole calendar months: the months around [from, to]. */
function wholeMonths(from: string, to: string): { from: string; to: string } {
  const [y, m] = to.split("-").map(Number);
  return { from: `${from.slice(0, 7)}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

const kinds = () => ({ praise: 0, question: 0, suggestion: 0, complaint: 0, total: 0 }) as Record<string, number>;

/**
 * The package's statistics SQL: whole months from the summary rows kept on write, the edge days
 * with the same sums over IDX_feedback_statistics, openOverdue through IDX_feedback_open_due.
 */
async function statistics(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const { from, to } = req.variables as { from: string; to: string };
  const { months: whole, edges } = splitPeriod(from, to);
  const groups: Record<string, unknown>[] = [];
  const monthRows: Record<string, unknown>[] = [];
  const histRows: Record<string, unknown>[] = [];
  if (whole) {
    const span = [whole.from, whole.to];
    groups.push(
      ...(await db.query(
        `SELECT s.businessAreaId AS areaId, s.kind AS kind, s.criterion AS criterion,
                ${SUMMARY_COUNTERS.map((c) => `SUM(s.${c}) AS ${c}`).join(", ")}
           FROM ${tableOf(FeedbackMonthSummary)} s WHERE s.receivedMonth BETWEEN ? AND ?
          GROUP BY s.businessAreaId, s.kind, s.criterion`,
        span,
      )),
    );
    monthRows.push(
      ...(await db.query(
        `SELECT c.receivedMonth AS receivedMonth, c.closedMonth AS closedMonth, SUM(c.n) AS n
           FROM ${tableOf(FeedbackMonthClosed)} c WHERE c.receivedMonth BETWEEN ? AND ? AND c.n > 0
          GROUP BY c.receivedMonth, c.closedMonth`,
        span,
      )),
    );
    histRows.push(
      ...(await db.query(
        `SELECT h.handlingDays AS d, SUM(h.n) AS n FROM ${tableOf(FeedbackMonthHandling)} h
          WHERE h.receivedMonth BETWEEN ? AND ? AND h.n > 0 GROUP BY h.handlingDays`,
        span,
      )),
    );
  }
  if (edges.length) {
    const inEdges = `(${edges.map(() => "f.receivedDate BETWEEN ? AND ?").join(" OR ")})`;
    const params = edges.flat();
    groups.push(
      ...(await db.query(
        `SELECT f.businessAreaId AS areaId, f.kind AS kind, f.criterion AS criterion,
                ${COUNTER_SUMS_SQL}
           FROM ${ITEM} f WHERE ${inEdges}
          GROUP BY f.businessAreaId, f.kind, f.criterion`,
        params,
      )),
    );
    const ym = "DATE_FORMAT(f.receivedDate, '%Y-%m')";
    const closedMonth = "COALESCE(DATE_FORMAT(f.closedDate, '%Y-%m'), '')";
    const days = "DATEDIFF(f.closedDate, f.receivedDate)";
    const closings = await db.query(
      `SELECT ${ym} AS receivedMonth, ${closedMonth} AS closedMonth, ${days} AS d, COUNT(*) AS n
         FROM ${ITEM} f WHERE ${inEdges}
        GROUP BY ${ym}, ${closedMonth}, ${days}`,
      params,
    );
    for (const r of closings) {
      monthRows.push(r);
      if (r.d !== null) histRows.push(r);
    }
  }
  const [overdue] = await db.query(
    `SELECT COUNT(*) AS n FROM ${ITEM} f WHERE f.closedDate IS NULL AND f.dueDate < ? AND f.receivedDate BETWEEN ? AND ?`,
    [today(), from, to],
  );
  const int = (x: unknown) => (x === null || x === undefined ? 0 : Math.round(Number(x)));
  const areaIds = [...new Set(groups.map((g) => int(g.areaId)))];
  const areaList = areaIds.length
    ? await db.query(`SELECT ${AREA_COLUMNS} FROM ${AREA} WHERE id IN (?)`, [areaIds])
    : [];
  const areaById = new Map(areaList.map((a) => [int(a.id), a]));

  const totals = Object.fromEntries(SUMMARY_COUNTERS.map((c) => [c, 0])) as Record<
    (typeof SUMMARY_COUNTERS)[number],
    number
  >;
  const all = kinds();
  const areas = new Map<number, { area: { id: string; name: string }; counts: Record<string, number> }>();
  const crit = new Map(CRITERION_ORDER.map((c) => [c, kinds()]));
  for (const g of groups) {
    for (const c of SUMMARY_COUNTERS) totals[c] += int(g[c]);
    const n = int(g.received);
    const id = int(g.areaId);
    let e = areas.get(id);
    if (!e) areas.set(id, (e = { area: { id: String(id), name: areaById.get(id)!.name as string }, counts: kinds() }));
    const f = KIND_FIELD[g.kind as string];
    e.counts[f] += n;
    e.counts.total += n;
    all[f] += n;
    all.total += n;
    const c = crit.get(g.criterion as string)!;
    c[f] += n;
    c.total += n;
  }
  const byBusinessArea = [...areas.values()]
    .sort((a, b) => b.counts.total - a.counts.total || a.area.name.localeCompare(b.area.name, "sv"))
    .map(({ area, counts }) => {
      const max = Math.max(...KIND_ORDER.map((k) => counts[KIND_FIELD[k]]));
      return {
        businessArea: area,
        ...counts,
        mostCommonKinds: KIND_ORDER.filter((k) => counts[KIND_FIELD[k]] === max),
      };
    });
  const months = new Map<string, { month: string; received: number; closed: number }>();
  const month = (m: string) => months.get(m) ?? months.set(m, { month: m, received: 0, closed: 0 }).get(m)!;
  for (const r of monthRows) {
    month(r.receivedMonth as string).received += int(r.n);
    if (r.closedMonth) month(r.closedMonth as string).closed += int(r.n);
  }
  // Average (one decimal) and median from the merged histogram, as the package computes them.
  const byDays = new Map<number, number>();
  for (const h of histRows) byDays.set(Number(h.d), (byDays.get(Number(h.d)) ?? 0) + int(h.n));
  const hist = [...byDays].map(([days, count]) => ({ days, count })).sort((a, b) => a.days - b.days);
  const count = hist.reduce((s, h) => s + h.count, 0);
  let average: number | null = null;
  let median: number | null = null;
  if (count > 0) {
    const sum = hist.reduce((s, h) => s + h.days * h.count, 0);
    const valueAt = (index: number) => {
      let seen = 0;
      for (const h of hist) {
        seen += h.count;
        if (index < seen) return h.days;
      }
      return hist[hist.length - 1].days;
    };
    median = count % 2 === 1 ? valueAt((count - 1) / 2) : (valueAt(count / 2 - 1) + valueAt(count / 2)) / 2;
    average = Math.round((sum / count) * 10) / 10;
  }
  const report = {
    feedbackStatistics: {
      from,
      to,
      received: totals.received,
      closed: totals.closed,
      notClosed: totals.received - totals.closed,
      handledInTime: totals.inTime,
      handledLate: totals.late,
      openOverdue: int(overdue.n),
      forwarded: totals.forwarded,
      improvements: totals.improvements,
      duplicates: totals.duplicates,
      reopened: totals.reopened,
      wantedReply: totals.wantedReply,
      repliedToWhoWanted: totals.replied,
      averageHandlingDays: average,
      medianHandlingDays: median,
      kinds: all,
      byBusinessArea,
      byCriterion: CRITERION_ORDER.map((criterion) => ({ criterion, ...crit.get(criterion)! })),
      byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    },
  };
  // The package's disclosure control (the bench calls as synpunkter:stats): hidden figures become null in place.
  controlFeedbackStatistics(report.feedbackStatistics as never, controlledPolicy());
  return report;
}

const floor: Record<string, FloorHandler> = {
  "synpunkter.feedbackItem": async (db, req) => {
    const id = Number((req.variables as { id: string }).id);
    const [row] = await db.query(`SELECT ${ITEM_COLUMNS} FROM ${ITEM} WHERE id = ? LIMIT 1`, [id]);
    await logRead(db, req, "Query.feedbackItem", [row.id]);
    const [area] = await db.query(`SELECT ${AREA_COLUMNS} FROM ${AREA} WHERE id IN (?)`, [[row.businessAreaId]]);
    const node = renderItem(row, today());
    node.businessArea = renderArea(area);
    return { feedbackItem: node };
  },
  "synpunkter.feedbackItems.flat": (db, req) => page(db, req, 0),
  "synpunkter.feedbackItems.nested": (db, req) => page(db, req, 1),
  "synpunkter.feedbackItems.deep": (db, req) => page(db, req, 2),
  "synpunkter.feedbackStatistics": statistics,
};

export const synpunkter: BenchDomain = {
  module: "synpunkter",
  sizes: (scale) => ({ ...SIZES[scale] }),
  seed,
  operations,
  floor,
  growth,
};
