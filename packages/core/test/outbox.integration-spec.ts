import {
  ConflictError,
  IdempotencyKey,
  OutboxEvent,
  defineEventType,
  hashInput,
  idempotentCreate,
  recordEvent,
  createRequestContext,
} from "../src";
import { inTransaction } from "../src/data";
import { TestApp, testDatabaseKind } from "../src/testing";

const thingDone = defineEventType<{ thingId: string; kind: string; amount: string; on: string; note: string | null }>({
  domain: "test",
  name: "thing.done",
  version: 1,
  description: "A thing was done.",
  scope: "test:events",
  protectedScope: "test:protected",
  subjectType: "Thing",
  data: {
    thingId: { type: "id", description: "The thing." },
    kind: { type: "enum", description: "Its kind." },
    amount: { type: "money", description: "Its amount." },
    on: { type: "date", description: "When." },
    note: { type: "id", description: "Optional reference.", nullable: true },
  },
});

describe(`outbox and idempotency keys on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([]);
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    await app.ds.manager.clear(OutboxEvent);
    await app.ds.manager.clear(IdempotencyKey);
  });

  const data = { thingId: "7", kind: "BIG", amount: "12.50", on: "2026-12-06", note: null };

  it("names the CloudEvents type with domain, name and version", () => {
    expect(thingDone.type).toBe("se.arbetsliv.test.thing.done.v1");
  });

  it("records an event iff its transaction commits", async () => {
    await inTransaction(app.ds, (m) => recordEvent(m, thingDone, { subjectId: 7, data }));
    await expect(
      inTransaction(app.ds, async (m) => {
        await recordEvent(m, thingDone, { subjectId: 8, data: { ...data, thingId: "8" } });
        throw new Error("the change failed after the event was recorded");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await app.ds.manager.find(OutboxEvent);
    expect(rows.map((r) => [r.subject, r.requiredScope, r.position, JSON.parse(r.data)])).toEqual([
      ["Thing/7", "test:events", null, data],
    ]);
  });

  it("gives events about a protected subject the protected scope", async () => {
    await inTransaction(app.ds, (m) => recordEvent(m, thingDone, { subjectId: 9, data, protectedSubject: true }));
    expect((await app.ds.manager.find(OutboxEvent)).map((r) => r.requiredScope)).toEqual(["test:protected"]);
  });

  it.each([
    ["an undeclared field", { ...data, name: "Anna Andersson" }, 'field "name" is not declared'],
    ["a missing field", { kind: "BIG", amount: "1.00", on: "2026-12-06", note: null }, 'field "thingId" is missing'],
    ["free text in an enum", { ...data, kind: "Anna Andersson" }, 'field "kind" is not a enum'],
    ["a personnummer as an id", { ...data, thingId: "19811218-9876" }, 'field "thingId" is not a id'],
    ["a number as money", { ...data, amount: 1250 }, 'field "amount" is not a money'],
  ])("refuses %s and rolls the change back", async (_what, bad, message) => {
    await expect(
      inTransaction(app.ds, (m) => recordEvent(m, thingDone, { subjectId: 7, data: bad as typeof data })),
    ).rejects.toThrow(message);
    expect(await app.ds.manager.count(OutboxEvent)).toBe(0);
  });

  it("hashes inputs canonically, without the key", () => {
    expect(hashInput({ a: 1, b: [1, 2], idempotencyKey: "k1" })).toBe(
      hashInput({ b: [1, 2], a: 1, idempotencyKey: "k2" }),
    );
    expect(hashInput({ a: 1 })).not.toBe(hashInput({ a: 2 }));
  });

  function create(ctx: ReturnType<typeof createRequestContext>, key: string | null, input: Record<string, unknown>) {
    return idempotentCreate(ctx, {
      operation: "Mutation.doThing",
      key,
      input,
      create: async (m) => {
        await recordEvent(m, thingDone, { subjectId: 1, data });
        const rows = await m.count(OutboxEvent);
        return { id: rows };
      },
      idOf: (r) => r.id,
      reread: async (id) => ({ id: Number(id) }),
    });
  }

  it("runs a create once per key and caller; another input under the key is CONFLICT", async () => {
    const alice = createRequestContext(app.ds, { subject: "alice", kind: "system", scopes: new Set() }, "r1");
    const bob = createRequestContext(app.ds, { subject: "bob", kind: "system", scopes: new Set() }, "r2");
    const first = await create(alice, "key-1", { title: "x" });
    expect(await create(alice, "key-1", { title: "x" })).toEqual(first);
    await expect(create(alice, "key-1", { title: "y" })).rejects.toBeInstanceOf(ConflictError);
    await create(bob, "key-1", { title: "x" });
    await create(alice, null, { title: "x" });
    await create(alice, null, { title: "x" });
    expect(await app.ds.manager.count(OutboxEvent)).toBe(4);
  });

  it("refuses a malformed key naming the field", async () => {
    const alice = createRequestContext(app.ds, { subject: "alice", kind: "system", scopes: new Set() }, "r1");
    await expect(create(alice, "has spaces", {})).rejects.toMatchObject({
      extensions: { field: "input.idempotencyKey" },
    });
  });

  it("answers 20 concurrent calls with one key by one create", async () => {
    const alice = createRequestContext(app.ds, { subject: "alice", kind: "system", scopes: new Set() }, "r1");
    const answers = await Promise.all(Array.from({ length: 20 }, () => create(alice, "burst", { title: "x" })));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await app.ds.manager.count(OutboxEvent)).toBe(1);
  });
});
