import type { DataSource } from "typeorm";
import { rebuildSummaries, type SummaryTable } from "./summary-projection";

/** A summary table's rows as [key…, counter…] in key order. */
export type SummaryRows = Record<string, unknown[][]>;

/**
 * The test kit's check of summary projections: the rows kept on write, then the rows a rebuild
 * from the records gives (the rebuild replaces the kept rows). A test asserts they are equal
 * after writes through the package's real services. Rows whose counters are all 0 are left out
 * for tables that keep them (they count nothing; the rebuild writes none); for tables with
 * `dropZeroRows` they are kept, so one left behind is a difference.
 */
export async function summariesAgainstRebuild(
  ds: DataSource,
  tables: readonly SummaryTable[],
): Promise<{ kept: SummaryRows; rebuilt: SummaryRows }> {
  const kept = await summaryRows(ds, tables);
  await ds.transaction((manager) => rebuildSummaries(manager, tables));
  return { kept, rebuilt: await summaryRows(ds, tables) };
}

/** Every row of the tables, normalised so both drivers compare alike (counters as numbers, dates as ISO strings). */
export async function summaryRows(ds: DataSource, tables: readonly SummaryTable[]): Promise<SummaryRows> {
  const out: SummaryRows = {};
  for (const t of tables) {
    const columns = [...t.keys, ...t.counters];
    const raw: Record<string, unknown>[] = await ds.query(
      `SELECT ${columns.map((c) => `\`${c}\``).join(", ")} FROM \`${t.table}\` ORDER BY ${t.keys.map((k) => `\`${k}\``).join(", ")}`,
    );
    out[t.table] = raw
      .map((r) => [...t.keys.map((k) => normaliseKey(r[k])), ...t.counters.map((c) => Number(r[c]))])
      .filter((row) => t.dropZeroRows || row.slice(t.keys.length).some((n) => n !== 0));
  }
  return out;
}

function normaliseKey(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  return value;
}
