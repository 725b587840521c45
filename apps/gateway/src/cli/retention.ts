#!/usr/bin/env node
/**
 * Gallring (retention): pnpm retention -- [--dry-run] [--today YYYY-MM-DD]
 * Deletes or anonymises person data whose last entry is more than 5 years old, in every module
 * that defines a retention step; statistics stay intact; a deletion log is written.
 * A dry run runs the same steps in transactions that are rolled back and prints the report.
 */
import "reflect-metadata";
import { createDataSource, isLocalDate, runRetention, todayLocalDate } from "@arbetsliv/core";
import { loadConfig } from "../config";
import { modules } from "../modules";

async function main(): Promise<void> {
  const config = loadConfig();
  const i = process.argv.indexOf("--today");
  const today = i >= 0 ? process.argv[i + 1] : todayLocalDate();
  if (!isLocalDate(today)) throw new Error("--today must be YYYY-MM-DD");
  const dryRun = process.argv.includes("--dry-run");
  const ds = createDataSource(config.database, { modules });
  await ds.initialize();
  try {
    const report = await runRetention(ds, modules, { today, dryRun, actor: "retention-job" });
    console.log(JSON.stringify({ dryRun, today, cutoff: report.cutoff, actions: report.actions.map((a) => ({ domain: a.domain, recordType: a.recordType, count: a.recordIds.length, reason: a.reason })) }, null, 2));
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
