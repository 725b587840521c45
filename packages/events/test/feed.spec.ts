import { OutboxEvent } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { cloudEventJson, feedCursor, sequenceBatch } from "../src";
import { CaseClosed, CaseOpened, feedModules, sequenceAll, writeEvent } from "./feed-fixture";

const FEED = `query($after: String, $filter: EventFilter, $first: Int) {
  events(after: $after, filter: $filter, first: $first) {
    nodes { id specversion source type subject time datacontenttype sequence data cloudEvent }
    pageInfo { endCursor hasNextPage }
  }
}`;
const ALL = ["feedtest:events", "feedtest:protected"];

interface Page {
  nodes: {
    id: string;
    type: string;
    sequence: string;
    subject: string;
    data: Record<string, unknown>;
    cloudEvent: string;
  }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

describe(`change feed on ${testDatabaseKind()}`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start(feedModules());
  });
  afterAll(() => app?.close());

  const page = async (variables: Record<string, unknown>, scopes = ALL): Promise<Page> =>
    (await app.ok<{ events: Page }>(FEED, { variables, scopes })).events;

  /** Reads the feed to its current end from a cursor, `first` at a time; calls `between` after each page. */
  async function readAll(
    after: string | null,
    first: number,
    scopes = ALL,
    between: () => Promise<void> = async () => undefined,
  ) {
    const seen: Page["nodes"] = [];
    let cursor = after;
    for (;;) {
      const p = await page({ after: cursor, first }, scopes);
      seen.push(...p.nodes);
      cursor = p.pageInfo.endCursor ?? cursor;
      await between();
      if (!p.pageInfo.hasNextPage && p.nodes.length === 0) return { seen, cursor };
    }
  }

  it("pages through every committed event once, in position order, while writers commit between pages", async () => {
    const start = (await readAll(null, 100)).cursor;
    const written: number[] = [];
    for (let i = 0; i < 20; i++) written.push(await writeEvent(app.ds, i % 3 === 0 ? "closed" : "opened"));
    await sequenceAll(app.ds);
    let rounds = 0;
    // Between pages: 4 concurrent writers commit 3 events each while a relay sequences (on MariaDB
    // truly concurrent; on sql.js queued), for the first 8 pages.
    const between = async () => {
      if (rounds++ >= 8) return sequenceAll(app.ds);
      const writers = Array.from({ length: 4 }, async () => {
        for (let k = 0; k < 3; k++) written.push(await writeEvent(app.ds, k === 1 ? "closed" : "opened", k === 2));
      });
      await Promise.all([...writers, sequenceBatch(app.ds, 5)]);
      await sequenceAll(app.ds);
    };
    const { seen } = await readAll(start, 7, ALL, between);
    const ids = seen.map((n) => Number(n.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual([...written].sort((a, b) => a - b));
    const positions = seen.map((n) => Number(n.sequence));
    expect(positions).toEqual(positions.map((_, i) => positions[0] + i)); // no gaps for a reader of every scope
    expect(written.length).toBe(20 + 8 * 12);
  });

  it("has no gaps or duplicates for a reader paging while writers and the relay run at the same time", async () => {
    const start = (await readAll(null, 100)).cursor;
    const written: number[] = [];
    let writing = true;
    const writers = Promise.all(
      Array.from({ length: 5 }, async (_, w) => {
        for (let k = 0; k < 20; k++)
          written.push(await writeEvent(app.ds, k % 2 ? "closed" : "opened", (k + w) % 5 === 0));
      }),
    ).finally(() => (writing = false));
    const relay = (async () => {
      while (writing) await sequenceBatch(app.ds, 7);
      await sequenceAll(app.ds);
    })();
    const seen: Page["nodes"] = [];
    let cursor = start;
    const reader = (async () => {
      let relayDone = false;
      void relay.then(() => (relayDone = true));
      for (;;) {
        const done = relayDone; // decided before the read, so the last read sees everything
        const p = await page({ after: cursor, first: 5 });
        seen.push(...p.nodes);
        cursor = p.pageInfo.endCursor ?? cursor;
        if (done && !p.pageInfo.hasNextPage) return;
      }
    })();
    await Promise.all([writers, relay, reader]);
    const ids = seen.map((n) => Number(n.id));
    expect(written.length).toBe(100);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual([...written].sort((a, b) => a - b));
  });

  it("carries the exact CloudEvents envelope, the same as webhooks and JetStream", async () => {
    const id = await writeEvent(app.ds, "opened");
    await sequenceAll(app.ds);
    const { seen } = await readAll(null, 100);
    const node = seen.find((n) => Number(n.id) === id)!;
    const row = await app.ds.getRepository(OutboxEvent).findOneByOrFail({ id });
    expect(JSON.parse(node.cloudEvent)).toEqual(cloudEventJson(row));
    expect(node).toMatchObject({
      specversion: "1.0",
      source: "/arbetsliv/feedtest",
      type: CaseOpened.type,
      subject: row.subject,
      datacontenttype: "application/json",
      sequence: String(row.position),
      data: JSON.parse(row.data),
    });
  });

  it("gives each caller only what its scopes may receive, filtered in SQL; no event scope → empty pages", async () => {
    await writeEvent(app.ds, "opened", true);
    await writeEvent(app.ds, "opened", false);
    await sequenceAll(app.ds);
    const rows = await app.ds.getRepository(OutboxEvent).find({ order: { position: "ASC" } });
    const everything = (await readAll(null, 100)).seen;
    expect(everything.map((n) => Number(n.id))).toEqual(rows.map((r) => r.id));
    const plain = (await readAll(null, 100, ["feedtest:events"])).seen;
    expect(plain.map((n) => Number(n.id))).toEqual(
      rows.filter((r) => r.requiredScope === "feedtest:events").map((r) => r.id),
    );
    expect(rows.some((r) => r.requiredScope === "feedtest:protected")).toBe(true);
    const onlyProtected = (await readAll(null, 100, ["feedtest:protected"])).seen;
    expect(onlyProtected.map((n) => Number(n.id))).toEqual(
      rows.filter((r) => r.requiredScope === "feedtest:protected").map((r) => r.id),
    );
    const none = await page({ first: 100 }, ["feedtest:other"]);
    expect(none).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
    const anonymous = await app.call(FEED, { anonymous: true, variables: {} });
    expect(anonymous.errorCodes).toEqual(["UNAUTHENTICATED"]);
  });

  it("filters by type, and names an unknown type", async () => {
    await writeEvent(app.ds, "closed");
    await sequenceAll(app.ds);
    const closed = await page({ first: 100, filter: { types: [CaseClosed.type] } });
    expect(closed.nodes.length).toBeGreaterThan(0);
    expect(new Set(closed.nodes.map((n) => n.type))).toEqual(new Set([CaseClosed.type]));
    const rows = await app.ds.getRepository(OutboxEvent).countBy({ type: CaseClosed.type });
    expect(closed.nodes.length).toBe(rows);
    const typo = await app.call(FEED, {
      scopes: ALL,
      variables: { filter: { types: [CaseClosed.type, "se.arbetsliv.feedtest.case.closd.v1"] } },
    });
    expect(typo.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(typo.errors?.[0].message).toMatch(/^filter\.types\[1\]: is not an event type/);
  });

  it("keeps the cursor of an empty page, so a poller resumes where it stopped", async () => {
    const { cursor } = await readAll(null, 100);
    const empty = await page({ after: cursor, first: 10 });
    expect(empty).toEqual({ nodes: [], pageInfo: { endCursor: cursor, hasNextPage: false } });
    const id = await writeEvent(app.ds, "opened");
    await sequenceAll(app.ds);
    expect((await page({ after: cursor, first: 10 })).nodes.map((n) => Number(n.id))).toEqual([id]);
  });

  it("refuses a cursor it did not issue and a page size outside 1–100, naming the argument", async () => {
    for (const after of [
      "nonsense",
      feedCursor(3) + "x",
      Buffer.from("o:3").toString("base64url"),
      Buffer.from("p:-1").toString("base64url"),
    ]) {
      const r = await app.call(FEED, { scopes: ALL, variables: { after } });
      expect({ after, codes: r.errorCodes }).toEqual({ after, codes: ["BAD_USER_INPUT"] });
      expect(r.errors?.[0].message).toMatch(/^after: /);
    }
    for (const first of [0, 101, -5]) {
      const r = await app.call(FEED, { scopes: ALL, variables: { first } });
      expect({ first, codes: r.errorCodes }).toEqual({ first, codes: ["BAD_USER_INPUT"] });
      expect(r.errors?.[0].message).toMatch(/first/);
    }
  });

  it("lists the catalogue with each type's scopes and data fields", async () => {
    const data = await app.ok(
      `{ eventTypes { type domain name version description scope protectedScope subjectType data { name type description nullable } } }`,
      { scopes: ["feedtest:other"] },
    );
    expect(data.eventTypes).toEqual([
      {
        type: "se.arbetsliv.feedtest.case.closed.v1",
        domain: "feedtest",
        name: "case.closed",
        version: 1,
        description: "A test case was closed.",
        scope: "feedtest:events",
        protectedScope: null,
        subjectType: "TestCase",
        data: [{ name: "caseId", type: "id", description: "The case.", nullable: false }],
      },
      expect.objectContaining({
        type: "se.arbetsliv.feedtest.case.opened.v1",
        protectedScope: "feedtest:protected",
        data: [expect.objectContaining({ name: "caseId" }), expect.objectContaining({ name: "unit", type: "enum" })],
      }),
    ]);
  });
});
