import { createHash } from "node:crypto";
import { getNamedType, isNonNullType, isObjectType, isScalarType, isEnumType, parse, type GraphQLObjectType } from "graphql";
import { operationScopes, runRetention, type RetentionReport } from "@arbetsliv/core";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { QUERY_LIMITS, estimateOperations } from "../../src/security";
import { TestGateway } from "../harness";
import { dummyValue, postGraphql } from "./helpers";

jest.setTimeout(300_000);

/**
 * Gallring across every registered module that defines a retention step, on the composed demo
 * data: a dry run changes nothing; a real run writes the deletion log (and access-log DELETE
 * rows) and leaves every statistic the API serves unchanged; a second run finds nothing.
 */
const TODAY = "2026-11-23";
const PERIOD_ARGS: Record<string, unknown> = { from: "2018-01-01", to: "2022-12-31", fromYear: 2018, toYear: 2022, year: 2021, on: "2021-06-30", asOf: "2021-06-30" };

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

describe(`retention (gallring) across the registered modules on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  const withRetention = modules.filter((m) => m.retention).map((m) => m.name);
  const without = modules.filter((m) => !m.retention && m.entities.length > 0 && m.name !== "core").map((m) => m.name);
  let statsQueries: { name: string; query: string; variables: Record<string, unknown>; scopes: string[] }[];

  beforeAll(async () => {
    gw = await TestGateway.start();
    // Every statistics query: the ones a :stats scope may call, with all their figures.
    const schema = gw.gateway.schema;
    const declared = operationScopes(modules.flatMap((m) => m.resolvers)).filter((op) => op.type === "Query" && op.scopes.some((s) => s.endsWith(":stats")));
    statsQueries = declared.map((op) => {
      const field = schema.getQueryType()!.getFields()[op.field];
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const variables: Record<string, unknown> = {};
      for (const a of required) variables[a.name] = dummyValue(a.type, [a.name], PERIOD_ARGS);
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
    console.warn(`[figures] retention: modules with a retention step: ${withRetention.join(", ")}; without: ${without.join(", ") || "none"}`);
  });
  afterAll(() => gw.stop());

  async function tableFingerprints(): Promise<Record<string, string>> {
    const ds = gw.gateway.ds;
    const out: Record<string, string> = {};
    for (const m of ds.entityMetadatas) {
      const order = m.primaryColumns.map((c) => ds.driver.escape(c.databaseName)).join(", ");
      const rows = await ds.query(`SELECT * FROM ${ds.driver.escape(m.tableName)}${order ? ` ORDER BY ${order}` : ""}`);
      out[m.tableName] = createHash("sha256").update(JSON.stringify(rows)).digest("hex");
    }
    return out;
  }

  async function statistics(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const s of statsQueries) {
      // A board member holding every statistics scope (nested cross-domain fields need another domain's).
      const allStats = modules.flatMap((m) => m.scopes.map((x) => x.name)).filter((x) => x.endsWith(":stats"));
      const r = await postGraphql(gw, { query: s.query, variables: s.variables }, await gw.token(allStats, "board"));
      expect({ q: s.name, codes: r.codes }).toEqual({ q: s.name, codes: [] });
      out[s.name] = JSON.stringify(r.json?.data);
    }
    return out;
  }

  const count = (report: RetentionReport) => report.actions.reduce((n, a) => n + a.recordIds.length, 0);

  it("covers every registered domain module with person data (a module without a retention step is listed in the figures)", () => {
    expect(withRetention.length).toBeGreaterThan(0);
    expect(statsQueries.length).toBeGreaterThan(5);
  });

  it("dry run: reports what is due and changes nothing, not even the logs", async () => {
    const before = await tableFingerprints();
    const report = await runRetention(gw.gateway.ds, modules, { today: TODAY, dryRun: true, actor: "retention-dry-run" });
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
    const dry = await runRetention(gw.gateway.ds, modules, { today: TODAY, dryRun: true, actor: "retention-dry-run" });
    const real = await runRetention(gw.gateway.ds, modules, { today: TODAY, dryRun: false, actor: "retention-job" });
    // The dry run said exactly what the real run did.
    const key = (r: RetentionReport) => r.actions.map((a) => `${a.domain}/${a.recordType}:${a.recordIds.length}`).sort();
    expect(key(real)).toEqual(key(dry));
    // Deletion log: one row per action, readable with audit:read over HTTP.
    const log = await postGraphql(gw, { query: `{ deletionLog(first: 100) { totalCount nodes { domain recordType count actor reason } } }` }, await gw.token(["audit:read"], "auditor"));
    const entries = log.json?.data?.deletionLog as { totalCount: number; nodes: { domain: string; recordType: string; count: number; actor: string; reason: string }[] };
    expect(entries.totalCount).toBe(real.actions.length);
    expect(entries.nodes.every((n) => n.actor === "retention-job" && n.reason.length > 0)).toBe(true);
    expect(entries.nodes.reduce((n, e) => n + e.count, 0)).toBe(count(real));
    const [{ n: deletes }] = (await gw.gateway.ds.query(`SELECT COUNT(*) AS n FROM access_log WHERE operation = 'Job.retention' AND action = 'DELETE'`)) as { n: number | string }[];
    expect(Number(deletes)).toBe(real.actions.length);
    // The deletion log names no person.
    expect(JSON.stringify(entries)).not.toMatch(/\d{6,8}[-+]?\d{4}/);
    // Statistics survive.
    expect(await statistics()).toEqual(statsBefore);
    // Children placed in protected housing are never deleted.
    if (withRetention.includes("relationsvald")) {
      const [{ n }] = (await gw.gateway.ds.query(`SELECT COUNT(*) AS n FROM rv_child WHERE retentionExempt = 1 AND (anonymisedDate IS NOT NULL OR personnummer IS NULL)`)) as { n: number | string }[];
      expect(Number(n)).toBe(0);
    }
    console.warn(
      `[figures] retention real run: ${count(real)} records in ${real.actions.length} actions (${real.actions.map((a) => `${a.domain}/${a.recordType} ${a.recordIds.length}`).join(", ")}); ` +
        `${statsQueries.length} statistics queries identical before and after`,
    );
  });

  it("a second run finds nothing more", async () => {
    const again = await runRetention(gw.gateway.ds, modules, { today: TODAY, dryRun: true, actor: "retention-dry-run" });
    expect(count(again)).toBe(0);
  });
});
