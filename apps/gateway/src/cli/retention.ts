#!/usr/bin/env node
/**
 * Gallring (retention): deletes or anonymises person data whose last entry is more than 5 years
 * old, in every module that defines a retention step; statistics stay intact; a deletion log is
 * written. It destroys data, so nothing happens without `--yes`: every other run only reports.
 */
import "reflect-metadata";
import { runRetention, type RetentionReport } from "@arbetsliv/core";
import { isLocalDate, todayLocalDate } from "@arbetsliv/core/values";
import { createDataSource } from "@arbetsliv/core/data";
import { loadConfig } from "../config";
import { modules } from "../modules";
import { parseCommandLine, refuseUsage } from "./args";

/** The plan was shown but not carried out: confirm with --yes. */
const EXIT_NOT_CONFIRMED = 3;

const USAGE = `Gallring (retention): deletes or anonymises person data whose last entry is more than 5 years old.

Usage: pnpm retention -- [--dry-run | --yes] [--today YYYY-MM-DD]

  (no flag)            show what is due and change nothing; exits 3 and says how to confirm
  --dry-run            show what is due and change nothing (exits 0)
  --yes                carry it out: delete/anonymise what is due, write the deletion log
  --today YYYY-MM-DD   count the five years back from this date (default: today; never later)
  -h, --help           this text

The database is the gateway's: DATABASE_URL, or DB_FILE for the embedded one (apps/gateway/.env.example).
Exit codes: 0 done, 1 failed, 2 command line refused (nothing opened), 3 not confirmed.`;

/** Today where the operator is, or in UTC, whichever is later (so a run after local midnight is not refused). */
function latestToday(): string {
  const now = new Date();
  const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  const utc = todayLocalDate();
  return local > utc ? local : utc;
}

function summary(report: RetentionReport) {
  const actions = report.actions.map((a) => ({
    domain: a.domain,
    recordType: a.recordType,
    count: a.recordIds.length,
    reason: a.reason,
  }));
  return { dryRun: report.dryRun, today: report.today, cutoff: report.cutoff, actions };
}

async function main(): Promise<void> {
  const args = parseCommandLine(USAGE, {
    "dry-run": { type: "boolean" },
    yes: { type: "boolean" },
    today: { type: "string" },
  });
  if (args["dry-run"] && args.yes) refuseUsage(USAGE, "--dry-run and --yes contradict each other: choose one.");
  const today = args.today ?? todayLocalDate();
  if (!isLocalDate(today)) refuseUsage(USAGE, `--today must be a date YYYY-MM-DD (got "${today}").`);
  // A date in the future would make records due early: only tests may look ahead.
  if (today > latestToday() && process.env.NODE_ENV !== "test")
    refuseUsage(USAGE, `--today ${today} is later than today (${latestToday()}): retention never runs ahead of time.`);

  const config = loadConfig();
  const ds = createDataSource(config.database, { modules });
  await ds.initialize();
  try {
    const report = await runRetention(ds, modules, { today, dryRun: !args.yes, actor: "retention-job" });
    console.log(JSON.stringify(summary(report), null, 2));
    if (!args.yes && !args["dry-run"]) {
      const due = report.actions.reduce((n, a) => n + a.recordIds.length, 0);
      console.error(
        `Nothing was changed. ${due} records are due (above). To carry this out: pnpm retention -- --yes${args.today ? ` --today ${today}` : ""}`,
      );
      process.exitCode = EXIT_NOT_CONFIRMED;
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
