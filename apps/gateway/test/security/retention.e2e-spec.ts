import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  getNamedType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isEnumType,
  parse,
  type GraphQLObjectType,
} from "graphql";
import type { DataSource } from "typeorm";
import { buildModuleSchema, operationScopes } from "@arbetsliv/core";
import { createDataSource, mysqlConfig } from "@arbetsliv/core/data";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { QUERY_LIMITS, estimateOperations } from "../../src/security";
import { runBuiltCli } from "../cli/run-cli";
import { GatewayProcess } from "../process-gateway";
import { dummyValue, postGraphql } from "./helpers";

jest.setTimeout(300_000);

/**
 * Gallring across every registered module that defines a retention step, on the composed demo
 * data, with the built retention program (`node apps/gateway/dist/cli/retention.js`, the job as it
 * runs in production) next to the BUILT gateway in production mode: a dry run changes nothing; a
 * real run writes the deletion log (and access-log DELETE rows) and leaves every statistic the API
 * serves unchanged; a second run finds nothing. MariaDB: the program runs while the gateway serves;
 * sql.js: the gateway owns its file, so it is stopped while the program (or the test) reads or
 * writes the file, and a new gateway (no demo seed) is started on that file to answer the API.
 */
const TODAY = "2026-11-23";
const PERIOD_ARGS: Record<string, unknown> = {
  from: "2018-01-01",
  to: "2022-12-31",
  fromYear: 2018,
  toYear: 2022,
  year: 2021,
  on: "2021-06-30",
  asOf: "2021-06-30",
};
/** Queries that answer at most 24 months (payouts per payment date): the last two years of PERIOD_ARGS. */
const TWO_YEARS: Record<string, unknown> = { from: "2021-01-01", to: "2022-12-31" };
const PERIOD_ARGS_OF: Record<string, Record<string, unknown>> = {
  assistancePayoutsByPaymentDate: TWO_YEARS,
  donationPayoutsByPaymentDate: TWO_YEARS,
};

/** What the retention program prints (its summary of the report). */
interface Plan {
  dryRun: boolean;
  today: string;
  cutoff: string;
  actions: { domain: string; recordType: string; count: number; reason: string }[];
}

function selectAll(type: GraphQLObjectType, depth: number): string {
  return Object.values(type.getFields())
    .filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
    .map((f) => {
      const named = getNamedType(f.type);
      if (isScalarType(named) || isEnumType(named)) return f.name;
      if (isObjectType(named) && depth > 0) return `${f.name} { ${selectAll(named, depth - 1)} }`;
      return "";
    })
    .filter(Boolean)
    .join(" ");
}

/**
 * The serving gateway runs no event relay: on MariaDB it keeps serving while the dry run is
 * compared before and after, and the relay's lease renewals (event_relay_state) would land in
 * between. Retention itself never touches that table.
 */
const NO_RELAY = { EVENTS_RELAY: "external" };

describe(`retention (gallring) across the registered modules on ${testDatabaseKind()} (built retention program, built gateway in production mode)`, () => {
  let gw: GatewayProcess | null = null;
  const withRetention = modules.filter((m) => m.retention).map((m) => m.name);
  const without = modules.filter((m) => !m.retention && m.entities.length > 0 && m.name !== "core").map((m) => m.name);
  let statsQueries: { name: string; query: string; variables: Record<string, unknown>; scopes: string[] }[];
  /** sql.js: the database file, in a folder of this test (GatewayProcess's cleanup leaves it alone). */
  let dir: string | null = null;
  /** The database the gateway and the program share: DATABASE_URL or DB_FILE. */
  let dbEnv: Record<string, string>;
  const mariadb = Boolean(process.env.TEST_DATABASE_URL);

  beforeAll(async () => {
    if (mariadb) {
      gw = await GatewayProcess.start({ env: NO_RELAY });
      dbEnv = { DATABASE_URL: gw.env.DATABASE_URL };
    } else {
      dir = mkdtempSync(join(tmpdir(), "arbetsliv-retention-"));
      dbEnv = { DB_FILE: join(dir, "arbetsliv.sqlite") };
      gw = await GatewayProcess.start({ env: { ...dbEnv, ...NO_RELAY } });
    }
    // Every statistics query: the ones a :stats scope may call, with all their figures.
    const schema = await buildModuleSchema(modules); // the schema the gateway composes (src/gateway.ts)
    const declared = operationScopes(modules.flatMap((m) => m.resolvers)).filter(
      (op) => op.type === "Query" && op.scopes.some((s) => s.endsWith(":stats")),
    );
    statsQueries = declared.map((op) => {
      const field = schema.getQueryType()!.getFields()[op.field];
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const variables: Record<string, unknown> = {};
      for (const a of required)
        variables[a.name] = dummyValue(a.type, [a.name], { ...PERIOD_ARGS, ...PERIOD_ARGS_OF[op.field] });
      const named = getNamedType(field.type);
      const defs = required.length ? `(${required.map((a) => `$${a.name}: ${String(a.type)}`).join(", ")})` : "";
      const args = required.length ? `(${required.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
      let query = "";
      for (let depth = 4; depth >= 0; depth--) {
        query = `query${defs} { ${op.field}${args}${isObjectType(named) ? ` { ${selectAll(named, depth)} }` : ""} }`;
        const [estimate] = estimateOperations(schema, parse(query));
        if (estimate.cost <= QUERY_LIMITS.maxCost) break;
      }
      return { name: op.field, query, variables, scopes: op.scopes.filter((s) => s.endsWith(":stats")) };
    });
    console.warn(
      `[figures] retention: modules with a retention step: ${withRetention.join(", ")}; without: ${without.join(", ") || "none"}`,
    );
  });
  afterAll(async () => {
    await gw?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A running gateway on the database (sql.js: a new one on the file, without demo seed, if it was stopped). */
  async function serving(): Promise<GatewayProcess> {
    if (!gw) gw = await GatewayProcess.start({ env: { ...dbEnv, ...NO_RELAY, DEMO_SEED: "false" } });
    return gw;
  }

  /** sql.js: the gateway owns the file, so it stops before anyone else reads or writes it. MariaDB: it keeps serving. */
  async function idle(): Promise<void> {
    if (!mariadb && gw) {
      await gw.stop();
      gw = null;
    }
  }

  /** A connection of the test's own to the database (MariaDB: a second connection; sql.js: the file, the gateway stopped). */
  async function withDatabase<T>(use: (ds: DataSource) => Promise<T>): Promise<T> {
    await idle();
    const ds = createDataSource(mariadb ? mysqlConfig(dbEnv.DATABASE_URL) : { kind: "sqljs", file: dbEnv.DB_FILE }, {
      modules,
      synchronize: false,
      poolSize: 1,
    });
    await ds.initialize();
    try {
      return await use(ds);
    } finally {
      await ds.destroy();
    }
  }

  /** The built retention program on the gateway's database (NODE_ENV=test only so that --today may be given). */
  async function retention(mode: "--dry-run" | "--yes"): Promise<Plan> {
    await idle();
    const r = await runBuiltCli("retention", [mode, "--today", TODAY], { NODE_ENV: "test", ...dbEnv });
    expect({ mode, code: r.code, stderr: r.stderr }).toEqual({ mode, code: 0, stderr: "" });
    return JSON.parse(r.stdout) as Plan;
  }

  function tableFingerprints(): Promise<Record<string, string>> {
    return withDatabase(async (ds) => {
      const out: Record<string, string> = {};
      for (const m of ds.entityMetadatas) {
        const order = m.primaryColumns.map((c) => ds.driver.escape(c.databaseName)).join(", ");
        const rows = await ds.query(
          `SELECT * FROM ${ds.driver.escape(m.tableName)}${order ? ` ORDER BY ${order}` : ""}`,
        );
        out[m.tableName] = createHash("sha256").update(JSON.stringify(rows)).digest("hex");
      }
      return out;
    });
  }

  async function statistics(): Promise<Record<string, string>> {
    const api = await serving();
    const out: Record<string, string> = {};
    for (const s of statsQueries) {
      // A board member holding every statistics scope (nested cross-domain fields need another domain's).
      const allStats = modules.flatMap((m) => m.scopes.map((x) => x.name)).filter((x) => x.endsWith(":stats"));
      const r = await postGraphql(api, { query: s.query, variables: s.variables }, await api.token(allStats, "board"));
      expect({ q: s.name, codes: r.codes }).toEqual({ q: s.name, codes: [] });
      out[s.name] = JSON.stringify(r.json?.data);
    }
    return out;
  }

  const count = (plan: Plan) => plan.actions.reduce((n, a) => n + a.count, 0);

  it("covers every registered domain module with person data (a module without a retention step is listed in the figures)", () => {
    expect(withRetention.length).toBeGreaterThan(0);
    expect(statsQueries.length).toBeGreaterThan(5);
  });

  it("dry run: reports what is due and changes nothing, not even the logs", async () => {
    const before = await tableFingerprints();
    const report = await retention("--dry-run");
    expect(report.dryRun).toBe(true);
    expect(report.cutoff).toBe("2021-11-23");
    expect(count(report)).toBeGreaterThan(0);
    expect(await tableFingerprints()).toEqual(before);
    console.warn(
      `[figures] retention dry run (today ${TODAY}): ${count(report)} records due in ${new Set(report.actions.map((a) => a.domain)).size} modules (${[...new Set(report.actions.map((a) => a.domain))].join(", ")}); 0 rows changed`,
    );
  });

  it("real run: deletes what the dry run reported, writes the deletion log and access-log DELETE rows, keeps every statistic identical, keeps exempt children", async () => {
    const statsBefore = await statistics();
    const dry = await retention("--dry-run");
    const real = await retention("--yes");
    expect(real.dryRun).toBe(false);
    // The dry run said exactly what the real run did.
    const key = (r: Plan) => r.actions.map((a) => `${a.domain}/${a.recordType}:${a.count}`).sort();
    expect(key(real)).toEqual(key(dry));
    // Read from the database while the program's work is fresh (sql.js: before a gateway owns the file again).
    const { deletes, exemptTouched } = await withDatabase(async (ds) => {
      const [{ n: d }] = (await ds.query(
        `SELECT COUNT(*) AS n FROM access_log WHERE operation = 'Job.retention' AND action = 'DELETE'`,
      )) as { n: number | string }[];
      const [{ n: e }] = withRetention.includes("relationsvald")
        ? ((await ds.query(
            `SELECT COUNT(*) AS n FROM rv_child WHERE retentionExempt = 1 AND (anonymisedDate IS NOT NULL OR personnummer IS NULL)`,
          )) as { n: number | string }[])
        : [{ n: 0 }];
      return { deletes: Number(d), exemptTouched: Number(e) };
    });
    // Deletion log: one row per action, readable with audit:read over HTTP.
    const api = await serving();
    const log = await postGraphql(
      api,
      { query: `{ deletionLog(first: 100) { totalCount nodes { domain recordType count actor reason } } }` },
      await api.token(["audit:read"], "auditor"),
    );
    const entries = log.json?.data?.deletionLog as {
      totalCount: number;
      nodes: { domain: string; recordType: string; count: number; actor: string; reason: string }[];
    };
    expect(entries.totalCount).toBe(real.actions.length);
    expect(entries.nodes.every((n) => n.actor === "retention-job" && n.reason.length > 0)).toBe(true);
    expect(entries.nodes.reduce((n, e) => n + e.count, 0)).toBe(count(real));
    expect(deletes).toBe(real.actions.length);
    // The deletion log names no person.
    expect(JSON.stringify(entries)).not.toMatch(/\d{6,8}[-+]?\d{4}/);
    // Statistics survive.
    expect(await statistics()).toEqual(statsBefore);
    // Children placed in protected housing are never deleted.
    if (withRetention.includes("relationsvald")) {
      expect(exemptTouched).toBe(0);
    }
    console.warn(
      `[figures] retention real run: ${count(real)} records in ${real.actions.length} actions (${real.actions.map((a) => `${a.domain}/${a.recordType} ${a.count}`).join(", ")}); ` +
        `${statsQueries.length} statistics queries identical before and after`,
    );
  });

  it("a second run finds nothing more", async () => {
    const again = await retention("--dry-run");
    expect(count(again)).toBe(0);
  });
});
