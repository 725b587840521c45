import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import {
  AccessAction,
  AccessLog,
  AccessLogEntry,
  appendOnlyTriggers,
  buildModuleSchema,
  configureAccessLogKey,
} from "@arbetsliv/core";
import { createDataSource, mysqlConfig } from "@arbetsliv/core/data";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import type { GraphQLSchema } from "graphql";
import { modules } from "../../src/modules";
import { GatewayProcess } from "../process-gateway";
import { allScopes, generateCalls, postGraphql, rawRequest } from "./helpers";

// Hundreds of calls over HTTP; MariaDB is slower than sql.js; starting a production gateway with the demo data takes a while.
jest.setTimeout(300_000);

const PERSON_A = "198112189876"; // valid Luhn
const PERSON_B = "19400607-4456"; // not the dummy number the generated calls use
const LOG_QUERY = `query($filter: AccessLogFilter, $first: Int) { accessLog(filter: $filter, first: $first) { totalCount nodes { id actor operation action recordIds occurredAt } } }`;

async function snapshot(ds: DataSource): Promise<Map<number, string>> {
  const rows = await ds.getRepository(AccessLogEntry).find({ order: { id: "ASC" } });
  return new Map(rows.map((r) => [r.id, JSON.stringify(r)]));
}

/** Entries in three periods, by two actors, about two people (inserts are what the log allows). */
async function insertEntries(ds: DataSource): Promise<void> {
  const alice = new AccessLog({ subject: "caseworker-alice", kind: "user", scopes: new Set() }, "req-a");
  const bob = new AccessLog({ subject: "caseworker-bob", kind: "user", scopes: new Set() }, "req-b");
  await alice.append(ds.manager, {
    action: AccessAction.READ,
    operation: "Query.household",
    domain: "ekonomiskt-bistand",
    recordType: "Household",
    recordIds: [11],
    personnummer: [PERSON_A],
  });
  await bob.append(ds.manager, {
    action: AccessAction.UPDATE,
    operation: "Mutation.decideApplication",
    domain: "ekonomiskt-bistand",
    recordType: "Application",
    recordIds: [12],
    personnummer: [PERSON_A, PERSON_B.replace("-", "")],
  });
  await bob.append(ds.manager, {
    action: AccessAction.READ,
    operation: "Query.household",
    domain: "ekonomiskt-bistand",
    recordType: "Household",
    recordIds: [13],
    personnummer: [PERSON_B.replace("-", "")],
  });
  await ds.getRepository(AccessLogEntry).insert([
    {
      occurredAt: new Date("2020-03-15T10:00:00Z"),
      actor: "caseworker-alice",
      requestId: null,
      action: AccessAction.READ,
      operation: "Query.household",
      domain: "ekonomiskt-bistand",
      recordType: "Household",
      recordIds: ["1"],
      subjectKeys: null,
    },
    {
      occurredAt: new Date("2020-03-31T23:59:59Z"),
      actor: "caseworker-alice",
      requestId: null,
      action: AccessAction.READ,
      operation: "Query.household",
      domain: "ekonomiskt-bistand",
      recordType: "Household",
      recordIds: ["2"],
      subjectKeys: null,
    },
    {
      occurredAt: new Date("2020-04-01T00:00:00Z"),
      actor: "caseworker-alice",
      requestId: null,
      action: AccessAction.READ,
      operation: "Query.household",
      domain: "ekonomiskt-bistand",
      recordType: "Household",
      recordIds: ["3"],
      subjectKeys: null,
    },
  ]);
}

/**
 * The embedded file opened as it is: a plain TypeORM DataSource, not core's createDataSource, which
 * would install the append-only triggers itself and so hide a file that lacks them.
 */
function embeddedFile(file: string, autoSave: boolean): DataSource {
  return new DataSource({
    type: "sqljs",
    location: file,
    autoSave,
    synchronize: false,
    entities: modules.flatMap((m) => m.entities),
  });
}

describe(`access log on ${testDatabaseKind()} (built gateway, production mode): append-only, masked, searchable`, () => {
  let gw: GatewayProcess;
  let schema: GraphQLSchema;
  /** MariaDB: a second connection to the process's database. */
  let second: DataSource | null = null;
  /** sql.js: the folder of the database file the test prepares and the process then owns. */
  let fileDir: string | null = null;

  beforeAll(async () => {
    schema = await buildModuleSchema(modules);
    if (process.env.TEST_DATABASE_URL) {
      gw = await GatewayProcess.start();
      configureAccessLogKey(gw.env.ACCESS_LOG_KEY); // the process's key: the entries must be searchable there
      second = createDataSource(mysqlConfig(gw.env.DATABASE_URL), { modules, poolSize: 2 });
      await second.initialize();
      await insertEntries(second);
    } else {
      // sql.js: the process holds the database in memory and rewrites the file, so the entries go in
      // between a first start (migrates, loads the demo data) and the start the tests run against.
      fileDir = mkdtempSync(join(tmpdir(), "arbetsliv-accesslog-"));
      const file = join(fileDir, "arbetsliv.sqlite");
      const seeding = await GatewayProcess.start({ env: { DB_FILE: file } });
      configureAccessLogKey(seeding.env.ACCESS_LOG_KEY);
      await seeding.stop();
      const ds = embeddedFile(file, true);
      await ds.initialize();
      try {
        await insertEntries(ds);
        await ds.sqljsManager.saveDatabase(file);
      } finally {
        await ds.destroy();
      }
      gw = await GatewayProcess.start({ env: { DB_FILE: file }, demoSeed: false });
    }
  });
  afterAll(async () => {
    if (second?.isInitialized) await second.destroy();
    await gw?.stop();
    if (fileDir) rmSync(fileDir, { recursive: true, force: true });
  });

  /**
   * Runs fn on the process's database: MariaDB — the second connection (live); sql.js — a copy of
   * the file as the process left it (call it while the process is idle; changes stay in the copy).
   */
  async function onDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T> {
    if (second) return fn(second);
    const dir = mkdtempSync(join(tmpdir(), "arbetsliv-copy-"));
    const ds = embeddedFile(join(dir, "copy.sqlite"), false);
    try {
      copyFileSync(gw.env.DB_FILE, join(dir, "copy.sqlite"));
      await ds.initialize();
      return await fn(ds);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const search = async (filter: Record<string, unknown>) => {
    const r = await postGraphql(
      gw,
      { query: LOG_QUERY, variables: { filter, first: 100 } },
      await gw.token(["audit:read"], "auditor-1"),
    );
    if (r.codes.length) throw new Error(r.text);
    return r.json?.data?.accessLog as {
      totalCount: number;
      nodes: { actor: string; operation: string; recordIds: string[] }[];
    };
  };

  it("has the append-only triggers installed on this database", async () => {
    expect(await onDatabase((ds) => appendOnlyTriggers(ds))).toEqual(["access_log_no_delete", "access_log_no_update"]);
  });

  it("refuses a direct UPDATE or DELETE at the database, whoever sends it", async () => {
    await onDatabase(async (ds) => {
      const before = await snapshot(ds);
      const attempts: [string, () => Promise<unknown>][] = [
        ["UPDATE all", () => ds.query(`UPDATE access_log SET actor = 'nobody'`)],
        ["UPDATE one", () => ds.query(`UPDATE access_log SET recordIds = '0' WHERE id = ?`, [[...before.keys()][0]])],
        ["DELETE all", () => ds.query(`DELETE FROM access_log`)],
        ["DELETE one", () => ds.query(`DELETE FROM access_log WHERE id = ?`, [[...before.keys()][0]])],
        [
          "repository.update",
          () => ds.getRepository(AccessLogEntry).update({ actor: "caseworker-bob" }, { actor: "someone-else" }),
        ],
        ["repository.delete", () => ds.getRepository(AccessLogEntry).delete({ actor: "caseworker-bob" })],
        [
          "in a transaction",
          () => ds.transaction(async (m) => m.query(`DELETE FROM access_log WHERE actor = 'caseworker-alice'`)),
        ],
      ];
      for (const [name, attempt] of attempts) {
        await expect(attempt().then(() => `${name} succeeded`)).rejects.toThrow(/append-only/);
      }
      expect(await snapshot(ds)).toEqual(before);
    });
  });

  it("is changed by no GraphQL operation: after every query and mutation, every earlier entry is still there, unchanged", async () => {
    // The schema the built gateway serves is the modules' schema (src/gateway.ts: buildModuleSchema(modules)).
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).filter((f) => /access|audit|log/i.test(f))).toEqual(
      [],
    );
    const before = await onDatabase(snapshot);
    const token = await gw.token(allScopes(modules), "log-tamperer");
    let calls = 0;
    for (const call of generateCalls(schema, modules)) {
      await postGraphql(gw, { query: call.query, variables: call.variables }, token);
      calls++;
    }
    // Plus real changes that write the log.
    const reg = await postGraphql(
      gw,
      {
        query: `mutation { registerFeedback(input: { kind: PRAISE, criterion: TREATMENT, businessAreaId: 1, channel: EMAIL, description: "Bra bemötande" }) { id version } }`,
      },
      token,
    );
    expect(reg.codes).toEqual([]);
    const after = await onDatabase(snapshot);
    for (const [id, row] of before) expect({ id, row: after.get(id) }).toEqual({ id, row });
    const maxBefore = Math.max(...before.keys());
    expect([...after.keys()].filter((id) => !before.has(id)).every((id) => id > maxBefore)).toBe(true);
    expect(after.size).toBeGreaterThan(before.size);
    expect(calls).toBeGreaterThan(10);
  });

  it("stores no identity number in clear, only keyed hashes", async () => {
    const raw = JSON.stringify(await onDatabase((ds) => ds.query(`SELECT * FROM access_log`)));
    for (const clear of [PERSON_A, "194006074456", "8112189876", "4006074456"]) expect(raw).not.toContain(clear);
  });

  it("is searchable with audit:read by person (any notation), actor, operation and period", async () => {
    const byPerson = await search({ person: PERSON_A });
    expect(byPerson.nodes.map((n) => n.recordIds)).toEqual([["12"], ["11"]]);
    expect((await search({ person: "811218-9876" })).totalCount).toBe(2);
    expect((await search({ person: PERSON_B })).nodes.map((n) => n.recordIds)).toEqual([["13"], ["12"]]);
    expect((await search({ person: "400607-4456" })).totalCount).toBe(2); // 10 digits: born 1940, the same person
    expect((await search({ person: "400607+4456" })).totalCount).toBe(0); // `+` (100 or older): born 1840, another person

    expect((await search({ actor: "caseworker-bob" })).nodes.map((n) => n.recordIds)).toEqual([["13"], ["12"]]);
    expect((await search({ operation: "Mutation.decideApplication" })).nodes.map((n) => n.actor)).toEqual([
      "caseworker-bob",
    ]);
    // Period: both ends inclusive, by calendar day.
    expect((await search({ from: "2020-03-01", to: "2020-03-31" })).nodes.map((n) => n.recordIds)).toEqual([
      ["2"],
      ["1"],
    ]);
    expect((await search({ from: "2020-04-01", to: "2020-04-01" })).nodes.map((n) => n.recordIds)).toEqual([["3"]]);
    // Combined.
    expect(
      (await search({ person: PERSON_A, actor: "caseworker-alice", operation: "Query.household" })).nodes.map(
        (n) => n.recordIds,
      ),
    ).toEqual([["11"]]);
    const bad = await postGraphql(
      gw,
      { query: LOG_QUERY, variables: { filter: { from: "2020-05-01", to: "2020-04-01" } } },
      await gw.token(["audit:read"]),
    );
    expect(bad.codes).toEqual(["BAD_USER_INPUT"]);
  });

  it("records person-level reads made over HTTP, searchable by actor and operation", async () => {
    const read = await postGraphql(
      gw,
      { query: `{ feedbackItem(id: 2) { id submitterName } }` },
      await gw.token(["synpunkter:read"], "caseworker-carl"),
    );
    expect(read.codes).toEqual([]);
    const found = await search({ actor: "caseworker-carl", operation: "Query.feedbackItem" });
    expect(found.nodes.map((n) => n.recordIds)).toEqual([["2"]]);
  });

  it("masks identity numbers in every application log line, wherever a client puts them", async () => {
    const token = await gw.token(["audit:read"], "log-masking");
    const forms = ["19121212-1212", "191212121212", "121212-1212", "1212121212", "121212+1212", "198112189876"];
    for (const form of forms) {
      // In the request id, the operation name, a variable and a (failing) literal.
      await rawRequest(gw.url, {
        body: JSON.stringify({
          query: `query Q_${form.replace(/\D/g, "")} { accessLog(filter: { person: "${form}" }) { totalCount } }`,
          operationName: `Q_${form.replace(/\D/g, "")}`,
        }),
        headers: { authorization: `Bearer ${token}`, "x-request-id": form },
      });
      await rawRequest(gw.url, {
        body: JSON.stringify({ query: LOG_QUERY, variables: { filter: { person: form } } }),
        headers: { authorization: `Bearer ${token}` },
      });
    }
    const text = [...gw.logLines, gw.stderr].join("\n");
    expect(text).toContain("19121212-****"); // the lines are there, masked
    for (const form of forms) expect(text).not.toContain(form);
    for (const digits of ["191212121212", "1212121212", "8112189876"]) expect(text).not.toContain(digits);
  });
});
