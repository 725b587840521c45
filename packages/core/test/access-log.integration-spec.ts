import { AccessAction, AccessLog, AccessLogEntry, DeletionLogEntry } from "../src";
import { TestApp, testDatabaseKind } from "../src/testing";

describe(`access log on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([]);
    const log = new AccessLog({ subject: "caseworker-1", kind: "user", scopes: new Set() }, "req-1");
    await log.append(app.ds.manager, {
      action: AccessAction.READ,
      operation: "Query.household",
      domain: "ekonomiskt-bistand",
      recordType: "Household",
      recordIds: [7, 8],
      personnummer: ["198112189876"],
    });
    const other = new AccessLog({ subject: "caseworker-2", kind: "user", scopes: new Set() }, "req-2");
    await other.append(app.ds.manager, {
      action: AccessAction.UPDATE,
      operation: "Mutation.x",
      domain: "d",
      recordType: "Household",
      recordIds: [9],
    });
  });
  afterAll(() => app.close());

  const query = `query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 10) { totalCount nodes { actor operation recordIds action } } }`;

  it("needs audit:read", async () => {
    expect((await app.call(query, { anonymous: true })).errorCodes).toEqual(["UNAUTHENTICATED"]);
    expect((await app.call(query, { scopes: ["admin"] })).errorCodes).toEqual(["FORBIDDEN"]);
  });

  it("finds entries by person without storing the number", async () => {
    const data = await app.ok(query, { scopes: ["audit:read"], variables: { filter: { person: "811218-9876" } } });
    expect(data.accessLog.totalCount).toBe(1);
    expect(data.accessLog.nodes[0]).toEqual({
      actor: "caseworker-1",
      operation: "Query.household",
      recordIds: ["7", "8"],
      action: "READ",
    });
    const stored = await app.ds.getRepository(AccessLogEntry).find();
    expect(JSON.stringify(stored)).not.toContain("198112189876");
  });

  it("filters by actor and record id", async () => {
    const byActor = await app.ok(query, { scopes: ["audit:read"], variables: { filter: { actor: "caseworker-2" } } });
    expect(byActor.accessLog.nodes.map((n: { recordIds: string[] }) => n.recordIds)).toEqual([["9"]]);
    const byRecord = await app.ok(query, { scopes: ["audit:read"], variables: { filter: { recordId: "8" } } });
    expect(byRecord.accessLog.totalCount).toBe(1);
  });

  it("rejects an invalid person filter naming the field", async () => {
    const result = await app.call(query, { scopes: ["audit:read"], variables: { filter: { person: "811218-9875" } } });
    expect(result.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors?.[0].message).toMatch(/filter\.person|person/);
  });

  it("keeps the access log and the deletion log append-only in the database itself", async () => {
    await app.ds.getRepository(DeletionLogEntry).insert({
      runAt: new Date(),
      actor: "gallring",
      domain: "d",
      recordType: "X",
      count: 1,
      recordIds: ["1"],
      reason: "test",
    });
    await expect(app.ds.query("UPDATE deletion_log SET reason = 'changed'")).rejects.toThrow(/append-only/);
    await expect(app.ds.query("DELETE FROM deletion_log")).rejects.toThrow(/append-only/);
    await expect(app.ds.query("UPDATE access_log SET actor = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(app.ds.query("DELETE FROM access_log")).rejects.toThrow(/append-only/);
    expect(await app.ds.getRepository(DeletionLogEntry).count()).toBe(1);
  });
});
