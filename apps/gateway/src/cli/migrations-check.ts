#!/usr/bin/env node
/**
 * Runs all migrations of every composed module on an empty MariaDB database
 * (MIGRATION_DATABASE_URL, dropped and re-created) and fails if they differ from the entities.
 */
import "reflect-metadata";
import { checkMigrationDrift } from "@arbetsliv/core/data";
import { modules } from "../modules";
import { parseCommandLine } from "./args";

parseCommandLine(
  `Checks that the migrations of every module give exactly the entities (no drift).

Usage: pnpm migrations:check

  -h, --help   this text

Drops and re-creates the database MIGRATION_DATABASE_URL
(default mariadb://arbetsliv:arbetsliv@127.0.0.1:3306/arbetsliv_migrations) and runs every migration on it.
Exit codes: 0 no drift, 1 drift or failure, 2 command line refused (nothing opened).`,
  {},
);

const url = process.env.MIGRATION_DATABASE_URL ?? "mariadb://arbetsliv:arbetsliv@127.0.0.1:3306/arbetsliv_migrations";

checkMigrationDrift(url, modules).then(
  (drift) => process.exit(drift.length ? 1 : 0),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
