import type { EntityManager } from "typeorm";
import { chunks } from "./chunks";
import { sqlDialect } from "./sql-dialect";

export type SummaryKey = string | number;

/** One change to a summary table: the row's key values and the amounts to add to its counters. */
export interface SummaryDelta {
  key: readonly SummaryKey[];
  add: readonly number[];
}

/**
 * Adds deltas to the counters of summary rows (tables of figures kept on write so that
 * statistics read a few rows instead of scanning the records), creating rows that do not
 * exist yet: INSERT … ON DUPLICATE KEY UPDATE on MariaDB, INSERT … ON CONFLICT on sqlite.
 * The key columns must be the table's primary key. Deltas for one key are merged first and
 * rows are written in key order, so concurrent writers lock rows in the same order.
 * Run it in the transaction that changes the records, so the figures move with them.
 */
export async function addToSummary(
  manager: EntityManager,
  table: string,
  keyColumns: readonly string[],
  counterColumns: readonly string[],
  deltas: readonly SummaryDelta[],
): Promise<void> {
  for (const d of deltas) {
    if (d.key.length !== keyColumns.length || d.add.length !== counterColumns.length) {
      throw new RangeError(
        `${table}: a delta needs ${keyColumns.length} key values and ${counterColumns.length} counters`,
      );
    }
  }
  const rows = mergeDeltas(deltas, counterColumns.length);
  if (rows.length === 0) return;

  const columns = [...keyColumns, ...counterColumns].map((c) => `\`${c}\``).join(", ");
  const onConflict =
    sqlDialect(manager).kind === "mysql"
      ? `ON DUPLICATE KEY UPDATE ${counterColumns.map((c) => `\`${c}\` = \`${c}\` + VALUES(\`${c}\`)`).join(", ")}`
      : `ON CONFLICT (${keyColumns.map((c) => `\`${c}\``).join(", ")}) DO UPDATE SET ${counterColumns.map((c) => `\`${c}\` = \`${c}\` + excluded.\`${c}\``).join(", ")}`;
  const placeholders = `(${[...keyColumns, ...counterColumns].map(() => "?").join(", ")})`;
  for (const chunk of chunks(rows, 200)) {
    await manager.query(
      `INSERT INTO \`${table}\` (${columns}) VALUES ${chunk.map(() => placeholders).join(", ")} ${onConflict}`,
      chunk.flatMap((r) => [...r.key, ...r.add]),
    );
  }
}

/** Deltas merged per key, in key order, leaving out keys whose amounts add up to 0 (what addToSummary writes). */
export function mergeDeltas(deltas: readonly SummaryDelta[], counters: number): SummaryDelta[] {
  const merged = new Map<string, { key: readonly SummaryKey[]; add: number[] }>();
  for (const d of deltas) {
    const id = JSON.stringify(d.key);
    const row = merged.get(id) ?? merged.set(id, { key: d.key, add: new Array<number>(counters).fill(0) }).get(id)!;
    d.add.forEach((n, i) => (row.add[i] += n));
  }
  return [...merged.values()].filter((r) => r.add.some((n) => n !== 0)).sort((a, b) => compareKeys(a.key, b.key));
}

function compareKeys(a: readonly SummaryKey[], b: readonly SummaryKey[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
