import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "@arbetsliv/core/data";
import { RIKSNORM_YEARS } from "./riksnorm-data";
import { RiksnormYear } from "./riksnorm-year.entity";
import { tableFromSource } from "./riksnorm-table";

/** `addedBy` of the rows this loader inserts: tells them apart from an administrator's own entries. */
export const REFERENCE_DATA_ACTOR = "reference-data";

/**
 * Inserts every verified riksnorm year (RIKSNORM_YEARS) that the database does not have yet, with
 * its source. Runs at every start (the module's `referenceData`), so an empty installation can
 * calculate every verified year without an administrator typing one in.
 *
 * Insert-only: a year already stored is never touched, whoever stored it — an administrator's own
 * entry (addRiksnormYear, e.g. with another source) stays as it is, and amounts once used by a
 * calculation never change under it. Running it again changes nothing. Returns the years inserted.
 */
export async function loadRiksnormReferenceYears(ds: DataSource): Promise<number[]> {
  return inTransaction(ds, (manager) => insertMissingRiksnormYears(manager));
}

/** The same, inside a caller's transaction (the demo seed). */
export async function insertMissingRiksnormYears(manager: EntityManager): Promise<number[]> {
  const stored = new Set((await manager.find(RiksnormYear, { select: { year: true } })).map((r) => r.year));
  const missing = Object.keys(RIKSNORM_YEARS)
    .map(Number)
    .filter((year) => !stored.has(year))
    .sort((a, b) => a - b);
  if (!missing.length) return [];
  const addedAt = new Date();
  // One statement; `orIgnore` lets two processes starting at once both succeed (the year is unique).
  await manager
    .createQueryBuilder()
    .insert()
    .into(RiksnormYear)
    .values(
      missing.map((year) => ({
        ...RiksnormYear.columnsFor(tableFromSource(year, RIKSNORM_YEARS[year])),
        source: RIKSNORM_YEARS[year].source,
        addedBy: REFERENCE_DATA_ACTOR,
        addedAt,
      })),
    )
    .orIgnore()
    .execute();
  return missing;
}
