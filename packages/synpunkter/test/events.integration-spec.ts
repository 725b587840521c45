import { OutboxEvent, createRequestContext } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { FeedbackItem, seedSynpunkterDemo, synpunkterModule } from "../src";
import { FeedbackEvent } from "../src/feedback/feedback-event.entity";
import { FeedbackService } from "../src/feedback/feedback.service";
import { municipalToday } from "../src/feedback/municipal-date";
import { FeedbackChannel, FeedbackCriterion, FeedbackKind } from "../src/feedback/feedback.enums";
import type { RegisterFeedbackInput } from "../src/feedback/feedback.inputs";

const WRITE = { scopes: ["synpunkter:write", "synpunkter:read"] };
const REGISTER = `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id status dueDate version receivedDate registeredBy } }`;
const T = (name: string) => `se.arbetsliv.synpunkter.${name}.v1`;

// What a submitter and a caseworker write: none of it may reach an event.
const PERSONNUMMER = "19800315-1239";
const PERSON = {
  name: "Greta Händelsesson",
  email: "greta.handelse@example.se",
  phone: "+46 70 123 45 67",
  description: `Jag (${PERSONNUMMER}) blev illa bemött vid Händelsegatan 12 i receptionen.`,
  reply: "Vi beklagar bemötandet, Greta — vi har pratat med personalen.",
  reason: "Greta ringde och ville komplettera",
  organisation: "Händelsebolaget AB",
  improvement: "Ny rutin för bemötande i receptionen efter Gretas synpunkt",
};
const PERSONNUMMER_PATTERN = /\d{6,8}[-+]?\d{4}/;

describe(`synpunkter events and idempotent registration on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let areaId: string;

  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    await seedSynpunkterDemo(app.ds, "2026-11-23");
    const data = await app.ok(`{ businessAreas { id name } }`, { scopes: ["synpunkter:stats"] });
    areaId = data.businessAreas.find((a: { name: string }) => a.name === "Jobb Borås").id;
  });
  afterAll(() => app.close());

  const input = (over: Record<string, unknown> = {}) => ({
    kind: "COMPLAINT",
    criterion: "TREATMENT",
    businessAreaId: areaId,
    channel: "E_SERVICE",
    receivedDate: "2026-11-02",
    description: PERSON.description,
    submitterName: PERSON.name,
    submitterEmail: PERSON.email,
    submitterPhone: PERSON.phone,
    wantsReply: true,
    ...over,
  });

  const register = async (over: Record<string, unknown> = {}) =>
    (await app.ok(REGISTER, { ...WRITE, variables: { input: input(over) } })).registerFeedback;
  const events = (subject?: string) =>
    app.ds.getRepository(OutboxEvent).find({ where: subject ? { subject } : {}, order: { id: "ASC" } });
  const outboxCount = () => app.ds.getRepository(OutboxEvent).count();
  const mutate = (source: string) => app.ok(source, WRITE);

  it("records each step's event with its subject, scope and non-personal data", async () => {
    const item = await register();
    const subject = `FeedbackItem/${item.id}`;
    await mutate(
      `mutation { assignFeedback(id: "${item.id}", handler: "anna", expectedVersion: 1, assignedDate: "2026-11-03") { id } }`,
    );
    await mutate(
      `mutation { replyToFeedback(id: "${item.id}", input: { text: "${PERSON.reply}", repliedDate: "2026-11-05" }, expectedVersion: 2) { id } }`,
    );
    await mutate(`mutation { closeFeedback(id: "${item.id}", expectedVersion: 3, closedDate: "2026-11-06") { id } }`);
    await mutate(
      `mutation { reopenFeedback(id: "${item.id}", reason: "${PERSON.reason}", expectedVersion: 4) { id } }`,
    );
    await mutate(
      `mutation { forwardFeedback(id: "${item.id}", organisation: "${PERSON.organisation}", expectedVersion: 5) { id } }`,
    );
    await mutate(
      `mutation { recordFeedbackImprovement(id: "${item.id}", input: { kind: ROUTINE_CHANGE, description: "${PERSON.improvement}" }, expectedVersion: 6) { id } }`,
    );
    const rows = await events(subject);
    const today = municipalToday(); // an undated step is recorded on Borås's today
    expect(
      rows.map((r) => ({ type: r.type, domain: r.domain, requiredScope: r.requiredScope, data: JSON.parse(r.data) })),
    ).toEqual([
      {
        type: T("feedback.received"),
        domain: "synpunkter",
        requiredScope: "synpunkter:events",
        data: {
          feedbackItemId: item.id,
          businessAreaId: areaId,
          kind: "COMPLAINT",
          criterion: "TREATMENT",
          channel: "E_SERVICE",
          receivedDate: "2026-11-02",
          dueDate: item.dueDate,
        },
      },
      // Assigning a handler is internal: no event.
      {
        type: T("feedback.answered"),
        domain: "synpunkter",
        requiredScope: "synpunkter:events",
        data: {
          feedbackItemId: item.id,
          businessAreaId: areaId,
          repliedDate: "2026-11-05",
          replyCount: 1,
          status: "IN_PROGRESS",
        },
      },
      {
        type: T("feedback.closed"),
        domain: "synpunkter",
        requiredScope: "synpunkter:events",
        data: {
          feedbackItemId: item.id,
          businessAreaId: areaId,
          closedDate: "2026-11-06",
          dueDate: item.dueDate,
          handledInTime: true,
        },
      },
      {
        type: T("feedback.reopened"),
        domain: "synpunkter",
        requiredScope: "synpunkter:events",
        data: {
          feedbackItemId: item.id,
          businessAreaId: areaId,
          reopenedCount: 1,
          dueDate: item.dueDate,
          status: "IN_PROGRESS",
        },
      },
      {
        type: T("feedback.forwarded"),
        domain: "synpunkter",
        requiredScope: "synpunkter:events",
        data: { feedbackItemId: item.id, businessAreaId: areaId, forwardedDate: today },
      },
      // An improvement is internal too.
    ]);
    expect(
      rows.every((r) => r.position === null && r.publishedAt === null && /^\d{4}-\d{2}-\d{2}T/.test(r.occurredAt)),
    ).toBe(true);
  });

  it("records marked-duplicate on the duplicate, naming the original", async () => {
    const original = await register({ wantsReply: false });
    const duplicate = await register({ wantsReply: false });
    await mutate(
      `mutation { markFeedbackDuplicate(id: "${duplicate.id}", duplicateOfId: "${original.id}", expectedVersion: 1) { id } }`,
    );
    const rows = await events(`FeedbackItem/${duplicate.id}`);
    expect(rows.map((r) => r.type)).toEqual([T("feedback.received"), T("feedback.marked-duplicate")]);
    expect(JSON.parse(rows[1].data)).toEqual({
      feedbackItemId: duplicate.id,
      duplicateOfId: original.id,
      businessAreaId: areaId,
      closedDate: municipalToday(), // an undated step is recorded on Borås's today
    });
  });

  it("records no event when the change fails: validation, a stale version, a concurrent edit", async () => {
    const item = await register();
    const before = await outboxCount();
    const refused = [
      await app.call(REGISTER, { ...WRITE, variables: { input: input({ businessAreaId: "99999" }) } }),
      await app.call(`mutation { closeFeedback(id: "${item.id}", expectedVersion: 1) { id } }`, WRITE), // wants a reply first
      await app.call(
        `mutation { replyToFeedback(id: "${item.id}", input: { text: "x", repliedDate: "2026-11-01" }, expectedVersion: 1) { id } }`,
        WRITE,
      ), // before received
      await app.call(
        `mutation { replyToFeedback(id: "${item.id}", input: { text: "x" }, expectedVersion: 7) { id } }`,
        WRITE,
      ), // stale
      await app.call(`mutation { reopenFeedback(id: "${item.id}", reason: "x", expectedVersion: 1) { id } }`, WRITE), // not closed
    ];
    expect(refused.map((r) => r.errorCodes)).toEqual([
      ["BAD_USER_INPUT"],
      ["BAD_USER_INPUT"],
      ["BAD_USER_INPUT"],
      ["CONFLICT"],
      ["BAD_USER_INPUT"],
    ]);
    expect(await outboxCount()).toBe(before);
    // Two caseworkers forward the same version: one commits and records one event, the other gets CONFLICT.
    const [a, b] = await Promise.all([
      app.call(`mutation { forwardFeedback(id: "${item.id}", organisation: "A", expectedVersion: 1) { id } }`, WRITE),
      app.call(`mutation { forwardFeedback(id: "${item.id}", organisation: "B", expectedVersion: 1) { id } }`, WRITE),
    ]);
    expect([...a.errorCodes, ...b.errorCodes]).toEqual(["CONFLICT"]);
    expect((await events(`FeedbackItem/${item.id}`)).map((r) => r.type)).toEqual([
      T("feedback.received"),
      T("feedback.forwarded"),
    ]);
  });

  it("rolls the event back with its change when the transaction fails after recording it", async () => {
    const service = new FeedbackService(
      createRequestContext(
        app.ds,
        { subject: "e-tjanst", kind: "user", scopes: new Set(["synpunkter:submit"]) },
        "rollback",
      ),
    );
    const items = await app.ds.getRepository(FeedbackItem).count();
    const before = await outboxCount();
    const create = {
      kind: FeedbackKind.PRAISE,
      criterion: FeedbackCriterion.SERVICES,
      businessAreaId: areaId,
      channel: FeedbackChannel.E_SERVICE,
      description: "Bra",
      wantsReply: false,
    } as RegisterFeedbackInput;
    let recorded = 0;
    await expect(
      inTransaction(app.ds, async (manager) => {
        await service.registerIn(manager, create, "e-tjanst", "2026-11-02");
        recorded = await manager.count(OutboxEvent);
        throw new Error("the transaction fails after the event was recorded");
      }),
    ).rejects.toThrow("after the event was recorded");
    expect(recorded).toBe(before + 1); // it was written inside the transaction…
    expect(await outboxCount()).toBe(before); // …and is gone with the item
    expect(await app.ds.getRepository(FeedbackItem).count()).toBe(items);
  });

  it("has exactly one event per committed step of every item's history (an event iff its change committed)", async () => {
    const outbox = await events();
    // The items this suite registered through the service so far (the seeded ones went in past it).
    const ids = (await app.ds.getRepository(FeedbackItem).findBy({ registeredBy: "test-user" })).map((i) => i.id);
    expect(ids).toHaveLength(4);
    expect(new Set(outbox.map((r) => r.subject))).toEqual(new Set(ids.map((id) => `FeedbackItem/${id}`)));
    const history = await app.ds.getRepository(FeedbackEvent).find({ order: { id: "ASC" } });
    const stepName: Record<string, string> = {
      REGISTERED: "feedback.received",
      REPLIED: "feedback.answered",
      CLOSED: "feedback.closed",
      REOPENED: "feedback.reopened",
      FORWARDED: "feedback.forwarded",
      MARKED_DUPLICATE: "feedback.marked-duplicate",
    };
    for (const id of ids) {
      const expected = history.filter((h) => h.feedbackId === id && stepName[h.type]).map((h) => T(stepName[h.type]));
      expect({ id, types: outbox.filter((r) => r.subject === `FeedbackItem/${id}`).map((r) => r.type) }).toEqual({
        id,
        types: expected,
      });
    }
  });

  describe("protected-data sweep over every event type", () => {
    it("exercises every declared type and finds no personnummer, name, contact or free text in any event", async () => {
      const item = await register();
      await mutate(
        `mutation { replyToFeedback(id: "${item.id}", input: { text: "${PERSON.reply}", repliedDate: "2026-11-05" }, expectedVersion: 1) { id } }`,
      );
      await mutate(`mutation { closeFeedback(id: "${item.id}", expectedVersion: 2, closedDate: "2026-11-06") { id } }`);
      await mutate(
        `mutation { reopenFeedback(id: "${item.id}", reason: "${PERSON.reason}", expectedVersion: 3) { id } }`,
      );
      await mutate(
        `mutation { forwardFeedback(id: "${item.id}", organisation: "${PERSON.organisation}", expectedVersion: 4) { id } }`,
      );
      const twin = await register({ submitterPhone: null });
      await mutate(
        `mutation { markFeedbackDuplicate(id: "${twin.id}", duplicateOfId: "${item.id}", expectedVersion: 1) { id } }`,
      );

      const rows = await events();
      const declared = (synpunkterModule.events ?? []).map((e) => e.type);
      expect(declared).toHaveLength(6);
      expect([...new Set(rows.map((r) => r.type))].sort()).toEqual([...declared].sort());

      const secrets = [
        PERSONNUMMER,
        PERSONNUMMER.replace("-", ""),
        PERSONNUMMER.slice(2),
        PERSON.name,
        "Greta",
        PERSON.email,
        PERSON.phone,
        "Händelse",
        PERSON.reply,
        PERSON.reason,
        PERSON.organisation,
        PERSON.improvement,
        "anna",
      ];
      const leaks: string[] = [];
      for (const row of rows) {
        const text = `${row.subject} ${row.data}`;
        if (PERSONNUMMER_PATTERN.test(text)) leaks.push(`${row.id}: personnummer-like ${text}`);
        for (const secret of secrets) if (text.includes(secret)) leaks.push(`${row.id}: ${secret}`);
        if (row.requiredScope !== "synpunkter:events") leaks.push(`${row.id}: scope ${row.requiredScope}`);
        const declaredFields = Object.keys(synpunkterModule.events!.find((e) => e.type === row.type)!.data);
        expect(Object.keys(JSON.parse(row.data)).sort()).toEqual(declaredFields.sort());
      }
      expect(leaks).toEqual([]);
      // The sweep can fail: the stored item does hold the secrets the events must not.
      const stored = await app.ds.getRepository(FeedbackItem).findOneByOrFail({ id: Number(item.id) });
      expect(PERSONNUMMER_PATTERN.test(stored.description)).toBe(true);
    });
  });

  describe("idempotent registration", () => {
    const SUBMITTER = { scopes: ["synpunkter:submit"], subject: "e-tjanst-idem" };
    const call = (variables: Record<string, unknown>, caller: { scopes: string[]; subject: string } = SUBMITTER) =>
      app.call(REGISTER, { ...caller, variables });
    const itemsCount = () => app.ds.getRepository(FeedbackItem).count();

    it("50 concurrent identical registrations with one key create one item and give 50 identical answers", async () => {
      const before = await itemsCount();
      const outboxBefore = await outboxCount();
      const body = { input: input({ idempotencyKey: "e-tjanst-2026-11-02-0001" }) };
      const results = await Promise.all(Array.from({ length: 50 }, () => call(body)));
      expect(results.flatMap((r) => r.errorCodes)).toEqual([]);
      const answers = new Set(results.map((r) => JSON.stringify(r.data)));
      expect(answers.size).toBe(1);
      expect(await itemsCount()).toBe(before + 1);
      expect(await outboxCount()).toBe(outboxBefore + 1); // one feedback.received, not 50

      const retry = await call(body);
      expect(JSON.stringify(retry.data)).toBe([...answers][0]);
      expect(await itemsCount()).toBe(before + 1);
    });

    it("refuses the same key with another input as CONFLICT naming input.idempotencyKey, writing nothing", async () => {
      const first = await call({ input: input({ idempotencyKey: "key-conflict-1" }) });
      expect(first.errorCodes).toEqual([]);
      const before = await itemsCount();
      const other = await call({ input: input({ idempotencyKey: "key-conflict-1", kind: "PRAISE" }) });
      expect(other.errorCodes).toEqual(["CONFLICT"]);
      expect(other.errors?.[0].extensions?.field).toBe("input.idempotencyKey");
      expect(await itemsCount()).toBe(before);
    });

    it("keeps today's behaviour without a key: two calls, two items", async () => {
      const before = await itemsCount();
      const [a, b] = [await call({ input: input() }), await call({ input: input() })];
      expect(a.data!.registerFeedback.id).not.toBe(b.data!.registerFeedback.id);
      expect(await itemsCount()).toBe(before + 2);
    });

    it("keeps keys per caller: another e-service with the same key gets its own item", async () => {
      const body = { input: input({ idempotencyKey: "shared-key-7" }) };
      const mine = await call(body);
      const theirs = await call(body, { scopes: ["synpunkter:submit"], subject: "annan-e-tjanst" });
      expect(mine.data!.registerFeedback.registeredBy).toBe("e-tjanst-idem");
      expect(theirs.data!.registerFeedback.registeredBy).toBe("annan-e-tjanst");
      expect(mine.data!.registerFeedback.id).not.toBe(theirs.data!.registerFeedback.id);
    });

    it("refuses a malformed key naming the field", async () => {
      const before = await itemsCount();
      const r = await call({ input: input({ idempotencyKey: "mellanslag är inte tillåtet" }) });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions?.field).toBe("input.idempotencyKey");
      expect(await itemsCount()).toBe(before);
    });

    it("does not keep a key whose create failed: a corrected retry with it succeeds", async () => {
      const bad = await call({ input: input({ idempotencyKey: "retry-after-error", businessAreaId: "99999" }) });
      expect(bad.errors?.[0].extensions?.field).toBe("input.businessAreaId");
      const good = await call({ input: input({ idempotencyKey: "retry-after-error" }) });
      expect(good.errorCodes).toEqual([]);
    });
  });
});
