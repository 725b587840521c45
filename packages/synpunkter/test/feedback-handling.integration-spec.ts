import { AccessLogEntry } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { FeedbackItem, seedSynpunkterDemo, synpunkterModule } from "../src";

const WRITE = { scopes: ["synpunkter:write", "synpunkter:read"] };

const REGISTER = `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id status dueDate version wantsReply } }`;

describe(`feedback handling on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let areaId: string;

  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    await seedSynpunkterDemo(app.ds, "2026-11-23");
    const data = await app.ok(`{ businessAreas { id name handlingDays } }`, { scopes: ["synpunkter:stats"] });
    areaId = data.businessAreas.find((a: { name: string }) => a.name === "Jobb Borås").id;
  });
  afterAll(() => app.close());

  const input = (over: Record<string, unknown> = {}) => ({
    kind: "COMPLAINT",
    criterion: "TREATMENT",
    businessAreaId: areaId,
    channel: "E_SERVICE",
    receivedDate: "2026-11-02",
    description: "Jag blev illa bemött i receptionen.",
    submitterName: "Test Testsson",
    submitterEmail: "test@example.se",
    wantsReply: true,
    ...over,
  });

  it("registers, assigns, replies, closes, reopens and closes again, with history", async () => {
    const created = (await app.ok(REGISTER, { ...WRITE, variables: { input: input() } })).registerFeedback;
    expect(created).toMatchObject({ status: "RECEIVED", dueDate: "2026-11-16", version: 1 });
    const id = created.id;
    const assigned = await app.ok(
      `mutation { assignFeedback(id: "${id}", handler: "anna", expectedVersion: 1, assignedDate: "2026-11-03") { status version } }`,
      WRITE,
    );
    expect(assigned.assignFeedback).toEqual({ status: "IN_PROGRESS", version: 2 });

    const closeEarly = await app.call(
      `mutation { closeFeedback(id: "${id}", expectedVersion: 2, closedDate: "2026-11-05") { status } }`,
      WRITE,
    );
    expect(closeEarly.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(closeEarly.errors?.[0].message).toMatch(/reply before closing/);

    await app.ok(
      `mutation { replyToFeedback(id: "${id}", input: { text: "Vi beklagar.", repliedDate: "2026-11-05" }, expectedVersion: 2) { id } }`,
      WRITE,
    );
    const closed = await app.ok(
      `mutation { closeFeedback(id: "${id}", expectedVersion: 3, closedDate: "2026-11-06") { status closedDate handledInTime version } }`,
      WRITE,
    );
    expect(closed.closeFeedback).toMatchObject({ status: "CLOSED", closedDate: "2026-11-06", handledInTime: true });

    const reopened = await app.ok(
      `mutation { reopenFeedback(id: "${id}", reason: "komplettering", expectedVersion: 4) { status closedDate handledInTime version } }`,
      WRITE,
    );
    expect(reopened.reopenFeedback).toMatchObject({ status: "IN_PROGRESS", closedDate: null, handledInTime: false });
    const item = await app.ok(`{ feedbackItem(id: "${id}") { replies { text } history { type } } }`, WRITE);
    expect(item.feedbackItem.history.map((h: { type: string }) => h.type)).toEqual([
      "REGISTERED",
      "ASSIGNED",
      "REPLIED",
      "CLOSED",
      "REOPENED",
    ]);
    expect(item.feedbackItem.replies).toEqual([{ text: "Vi beklagar." }]);
  });

  it("gives CONFLICT to the second of two caseworkers editing the same version", async () => {
    const { id } = (await app.ok(REGISTER, { ...WRITE, variables: { input: input() } })).registerFeedback;
    const [a, b] = await Promise.all([
      app.call(`mutation { assignFeedback(id: "${id}", handler: "anna", expectedVersion: 1) { assignedTo } }`, WRITE),
      app.call(`mutation { assignFeedback(id: "${id}", handler: "bertil", expectedVersion: 1) { assignedTo } }`, WRITE),
    ]);
    expect([...a.errorCodes, ...b.errorCodes]).toEqual(["CONFLICT"]);
    const stored = await app.ds.getRepository(FeedbackItem).findOneByOrFail({ id: Number(id) });
    expect(stored.version).toBe(2);
  });

  it("marks a duplicate, forwards and records an improvement", async () => {
    const first = (await app.ok(REGISTER, { ...WRITE, variables: { input: input({ wantsReply: false }) } }))
      .registerFeedback;
    const second = (await app.ok(REGISTER, { ...WRITE, variables: { input: input({ wantsReply: false }) } }))
      .registerFeedback;
    const dup = await app.ok(
      `mutation { markFeedbackDuplicate(id: "${second.id}", duplicateOfId: "${first.id}", expectedVersion: 1) { status duplicateOf { id } } }`,
      WRITE,
    );
    expect(dup.markFeedbackDuplicate).toEqual({ status: "CLOSED", duplicateOf: { id: first.id } });
    const logged = await app.ds.getRepository(AccessLogEntry).findBy({ operation: "FeedbackItem.duplicateOf" });
    expect(logged.some((e) => e.recordIds.includes(String(first.id)))).toBe(true);
    const fwd = await app.ok(
      `mutation { forwardFeedback(id: "${first.id}", organisation: "Borås Energi och Miljö AB", expectedVersion: 1) { forwardedTo version } }`,
      WRITE,
    );
    expect(fwd.forwardFeedback.forwardedTo).toBe("Borås Energi och Miljö AB");
    const imp = await app.ok(
      `mutation { recordFeedbackImprovement(id: "${first.id}", input: { kind: ROUTINE_CHANGE, description: "Ny rutin" }, expectedVersion: 2) { improvementKind } }`,
      WRITE,
    );
    expect(imp.recordFeedbackImprovement.improvementKind).toBe("ROUTINE_CHANGE");
  });

  it("accepts anonymous feedback but refuses a wanted reply without contact, writing nothing", async () => {
    const before = await app.ds.getRepository(FeedbackItem).count();
    const bad = await app.call(REGISTER, {
      ...WRITE,
      variables: { input: input({ submitterName: null, submitterEmail: null, wantsReply: true }) },
    });
    expect(bad.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(bad.errors?.[0].extensions).toMatchObject({ field: "input.wantsReply", rule: "reply-needs-contact" });
    expect(await app.ds.getRepository(FeedbackItem).count()).toBe(before);
    const ok = await app.ok(REGISTER, {
      ...WRITE,
      variables: { input: input({ submitterName: null, submitterEmail: null, wantsReply: false }) },
    });
    expect(ok.registerFeedback.wantsReply).toBe(false);
  });

  it.each([
    [{ description: "" }, "description"],
    [{ submitterEmail: "inte-en-adress" }, "submitterEmail"],
    [{ receivedDate: "2021-02-30" }, "receivedDate"],
    [{ businessAreaId: "99999" }, "input.businessAreaId"],
    [{ kind: "OPINION" }, "kind"],
  ])("refuses %p naming %s", async (over, field) => {
    const before = await app.ds.getRepository(FeedbackItem).count();
    const r = await app.call(REGISTER, { ...WRITE, variables: { input: input(over) } });
    expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0].message).toContain(field);
    expect(await app.ds.getRepository(FeedbackItem).count()).toBe(before);
  });

  it("lets the e-service integration register but not read", async () => {
    const system = { scopes: ["synpunkter:submit"], subject: "e-tjanst" };
    const r = await app.ok(
      `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id registeredBy } }`,
      { ...system, variables: { input: input() } },
    );
    expect(r.registerFeedback.registeredBy).toBe("e-tjanst");
    expect((await app.call(`{ feedbackItems { totalCount } }`, system)).errorCodes).toEqual(["FORBIDDEN"]);
    expect(
      (await app.call(`mutation { closeFeedback(id: "1", expectedVersion: 1) { id } }`, system)).errorCodes,
    ).toEqual(["FORBIDDEN"]);
  });

  it("keeps person data from the statistics scope and from anonymous callers", async () => {
    expect((await app.call(`{ feedbackItems { totalCount } }`, { scopes: ["synpunkter:stats"] })).errorCodes).toEqual([
      "FORBIDDEN",
    ]);
    expect((await app.call(`{ feedbackItems { totalCount } }`, { anonymous: true })).errorCodes).toEqual([
      "UNAUTHENTICATED",
    ]);
  });

  it("logs every person-level read with the record ids, once per request", async () => {
    const before = await app.ds.getRepository(AccessLogEntry).count();
    const data = await app.ok(
      `{ feedbackItems(first: 3, filter: { receivedFrom: "2021-01-01", receivedTo: "2021-12-31" }) { nodes { id submitterEmail } } }`,
      {
        scopes: ["synpunkter:read"],
        subject: "granskare-1",
      },
    );
    const entries = await app.ds.getRepository(AccessLogEntry).find({ where: { actor: "granskare-1" } });
    expect(await app.ds.getRepository(AccessLogEntry).count()).toBe(before + 1);
    expect(entries[0]).toMatchObject({ action: "READ", operation: "Query.feedbackItems", recordType: "FeedbackItem" });
    expect(entries[0].recordIds).toEqual(data.feedbackItems.nodes.map((n: { id: string }) => n.id));
  });

  it("logs the originals of duplicates only when the query selects them", async () => {
    const page = (fields: string) =>
      `{ feedbackItems(first: 100, filter: { receivedFrom: "2019-01-01", receivedTo: "2021-12-31" }) { nodes { ${fields} } } }`;
    const operations = async (subject: string) =>
      (await app.ds.getRepository(AccessLogEntry).find({ where: { actor: subject }, order: { id: "ASC" } })).map(
        (e) => e.operation,
      );
    const plain = await app.ok(page("id status"), { scopes: ["synpunkter:read"], subject: "granskare-2" });
    expect(plain.feedbackItems.nodes.some((n: { status: string }) => n.status === "CLOSED")).toBe(true);
    expect(await operations("granskare-2")).toEqual(["Query.feedbackItems"]); // the page's duplicate is on it, its original not read
    const withOriginals = await app.ok(page("id duplicateOf { id submitterEmail }"), {
      scopes: ["synpunkter:read"],
      subject: "granskare-3",
    });
    expect(withOriginals.feedbackItems.nodes.some((n: { duplicateOf: unknown }) => n.duplicateOf !== null)).toBe(true);
    expect(await operations("granskare-3")).toEqual(["Query.feedbackItems", "FeedbackItem.duplicateOf"]);
  });

  it("filters and pages the list, and refuses a page over the hard maximum", async () => {
    const q = `query($f: FeedbackFilter, $after: String) { feedbackItems(first: 5, after: $after, filter: $f) { totalCount pageInfo { hasNextPage endCursor } nodes { id kind } } }`;
    const first = await app.ok(q, {
      ...WRITE,
      variables: { f: { receivedFrom: "2021-01-01", receivedTo: "2021-12-31", kind: "COMPLAINT" } },
    });
    expect(first.feedbackItems.totalCount).toBe(9);
    expect(first.feedbackItems.nodes).toHaveLength(5);
    const second = await app.ok(q, {
      ...WRITE,
      variables: {
        f: { receivedFrom: "2021-01-01", receivedTo: "2021-12-31", kind: "COMPLAINT" },
        after: first.feedbackItems.pageInfo.endCursor,
      },
    });
    expect(second.feedbackItems.nodes).toHaveLength(4);
    expect(second.feedbackItems.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.feedbackItems.nodes, ...second.feedbackItems.nodes].map((n: { id: string }) => n.id);
    expect(new Set(ids).size).toBe(9);
    const tooMany = await app.call(`{ feedbackItems(first: 1000) { totalCount } }`, WRITE);
    expect(tooMany.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(tooMany.errors?.[0].message).toMatch(/^first:/);
  });

  it("runs a constant number of SQL statements whatever the page size (no N+1)", async () => {
    // 2019–2021 newest first: both pages include the 2021 duplicate, so every loader runs in both.
    const q = (n: number) =>
      `{ feedbackItems(first: ${n}, filter: { receivedFrom: "2019-01-01", receivedTo: "2021-12-31" }) { nodes { id businessArea { name } replies { text } history { type } duplicateOf { id } } } }`;
    const small = await app.call(q(12), WRITE);
    const large = await app.call(q(40), WRITE);
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect((large.data as { feedbackItems: { nodes: unknown[] } }).feedbackItems.nodes.length).toBe(40);
    expect(large.statements).toBe(small.statements);
    // page, count, access log, areas, replies, history, originals and their access log.
    expect(large.statements).toBeLessThanOrEqual(8);
  });

  it("lists overdue open items", async () => {
    const data = await app.ok(
      `{ feedbackItems(first: 100, filter: { overdue: true }) { nodes { overdue status } } }`,
      WRITE,
    );
    expect(
      data.feedbackItems.nodes.every((n: { overdue: boolean; status: string }) => n.overdue && n.status !== "CLOSED"),
    ).toBe(true);
  });
});
