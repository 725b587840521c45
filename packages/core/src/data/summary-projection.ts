import type { EntityManager } from "typeorm";
import { chunks } from "./chunks";
import { sqlDialect, type SqlDialect } from "./sql-dialect";
import { addToSummary, mergeDeltas, type SummaryDelta, type SummaryKey } from "./summary-rows";
import { inTransaction } from "./transaction";

/*
 * Summary projections: a package declares, per kind of record, how one record contributes to its
 * summary rows (tables of figures kept on write so statistics read a few rows instead of scanning
 * the records), and per table how to compute the rows from the records. Core does the rest: a
 * change is "minus the contribution before, plus the contribution after", applied in the write's
 * transaction with addToSummary; a rebuild is DELETE + INSERT … SELECT per table. The rows kept on
 * write must always equal a rebuild (summariesAgainstRebuild checks that in each package's tests).
 */

/** A summary table: its key (the primary key) and counter columns, and the SELECT giving its rows from the records. */
export interface SummaryTable {
  readonly table: string;
  readonly keys: readonly string[];
  readonly counters: readonly string[];
  /**
   * A SELECT giving every row from the records, columns in the order keys, counters. The rebuild
   * (`rebuildSummaries`) runs it; it may read a summary table listed before this one.
   */
  readonly fromRecords: string | ((sql: SqlDialect) => string);
  /**
   * Delete a row when a change brings all its counters back to 0, so the rows kept on write are
   * exactly what the rebuild gives (its SELECT writes no such row). Otherwise such rows stay
   * (they count nothing, and the statistics read them as 0).
   */
  readonly dropZeroRows?: boolean;
}

/** One record's share of one summary row: the row's key and the amounts it adds to the counters. */
export interface SummaryContribution {
  readonly table: SummaryTable;
  readonly key: readonly SummaryKey[];
  readonly add: readonly number[];
}

/** The merged change of each table a change of records makes, in the projection's table order. */
export type SummaryChange = ReadonlyMap<SummaryTable, readonly SummaryDelta[]>;

/**
 * How one kind of record moves summary rows. `contribution` is a pure function of the record
 * (its rules in one place); core turns a change into deltas and writes them.
 */
export interface SummaryProjection<R> {
  /** For messages: what the record is, e.g. "FeedbackItem". */
  readonly name: string;
  /** The tables the records contribute to, in the order they are written (so concurrent writers lock rows in one order). */
  readonly tables: readonly SummaryTable[];
  /** The rows one record adds to. A record that is not there contributes nothing. */
  contribution(record: R): readonly SummaryContribution[];
  /**
   * A summary derived from this projection's rows rather than from single records (e.g. a
   * household's paid months → long-term households): called in the same transaction after the
   * change is written, with what changed, to apply that summary's own projection.
   */
  derived?: (manager: EntityManager, change: SummaryChange) => Promise<void>;
}

/** Declares a projection (an identity that fixes R from the contribution's parameter). */
export function summaryProjection<R>(projection: SummaryProjection<R>): SummaryProjection<R> {
  return projection;
}

/** The summary tables and projections of a module (DomainModule.summaries). */
export interface SummaryDeclaration {
  /** Every summary table of the module, in rebuild order (a table read by another's SELECT first). */
  readonly tables: readonly SummaryTable[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly projections: readonly SummaryProjection<any>[];
}

/**
 * The change of every summary row when records go from `before` to `after` (each record's
 * contribution subtracted, then added), merged per key; rows that do not change are left out.
 * Pure: what applySummaryChanges writes.
 */
export function summaryChange<R>(
  projection: SummaryProjection<R>,
  before: readonly R[],
  after: readonly R[],
): SummaryChange {
  const deltas = new Map<SummaryTable, SummaryDelta[]>(projection.tables.map((t) => [t, []]));
  for (const [records, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    for (const record of records) {
      for (const c of projection.contribution(record)) {
        const list = deltas.get(c.table);
        if (!list)
          throw new RangeError(`${projection.name}: contributes to ${c.table.table}, which is not among its tables`);
        if (c.key.length !== c.table.keys.length || c.add.length !== c.table.counters.length) {
          throw new RangeError(
            `${projection.name}: a row of ${c.table.table} needs ${c.table.keys.length} key values and ${c.table.counters.length} counters`,
          );
        }
        list.push({ key: c.key, add: sign === 1 ? c.add : c.add.map((n) => -n) });
      }
    }
  }
  return new Map([...deltas].map(([table, list]) => [table, mergeDeltas(list, table.counters.length)]));
}

/**
 * Moves the summary rows with one record's change (null: the record is not there before, or no
 * longer after). Call it in the transaction that writes the record, after the write, with the
 * record locked (so `before` is the state the write replaced).
 */
export function applySummaryChange<R>(
  manager: EntityManager,
  projection: SummaryProjection<R>,
  before: R | null,
  after: R | null,
): Promise<void> {
  return applySummaryChanges(manager, projection, before === null ? [] : [before], after === null ? [] : [after]);
}

/** applySummaryChange for many records at once (e.g. a round's allocations replaced). */
export async function applySummaryChanges<R>(
  manager: EntityManager,
  projection: SummaryProjection<R>,
  before: readonly R[],
  after: readonly R[],
): Promise<void> {
  const change = summaryChange(projection, before, after);
  for (const [table, deltas] of change) {
    if (deltas.length === 0) continue;
    await addToSummary(manager, table.table, table.keys, table.counters, deltas);
    if (table.dropZeroRows) await deleteZeroRows(manager, table, deltas);
  }
  if (projection.derived) await projection.derived(manager, change);
}

/** Deletes the rows of these keys whose counters are all 0 (only rows this change touched; no others can be 0). */
async function deleteZeroRows(
  manager: EntityManager,
  table: SummaryTable,
  deltas: readonly SummaryDelta[],
): Promise<void> {
  const zero = table.counters.map((c) => `\`${c}\` = 0`).join(" AND ");
  const match = `(${table.keys.map((k) => `\`${k}\` = ?`).join(" AND ")})`;
  for (const chunk of chunks(deltas, 200)) {
    await manager.query(
      `DELETE FROM \`${table.table}\` WHERE (${chunk.map(() => match).join(" OR ")}) AND ${zero}`,
      chunk.flatMap((d) => [...d.key]),
    );
  }
}

/**
 * Recomputes summary tables from the records, in the order given: after bulk loads that bypass
 * the services (demo seeds, the bench seeder) and as the reference the rows kept on write are
 * checked against. Runs in the caller's transaction, or in its own; run it with no writers.
 */
export async function rebuildSummaries(manager: EntityManager, tables: readonly SummaryTable[]): Promise<void> {
  const rebuild = async (m: EntityManager) => {
    const sql = sqlDialect(m);
    for (const t of tables) {
      const select = typeof t.fromRecords === "string" ? t.fromRecords : t.fromRecords(sql);
      await m.query(`DELETE FROM \`${t.table}\``);
      await m.query(
        `INSERT INTO \`${t.table}\` (${[...t.keys, ...t.counters].map((c) => `\`${c}\``).join(", ")}) ${select}`,
      );
    }
  };
  if (manager.queryRunner?.isTransactionActive) return rebuild(manager);
  return inTransaction(manager.connection, rebuild);
}
