import { OutboxEvent } from "@arbetsliv/core";
import { addDays } from "@arbetsliv/core/values";
import { TestApp, summaryRows, testDatabaseKind } from "@arbetsliv/core/testing";
import { FeedbackItem, seedSynpunkterDemo, synpunkterModule } from "../src";
import { FeedbackEvent } from "../src/feedback/feedback-event.entity";
import { FeedbackReply } from "../src/feedback/feedback-reply.entity";
import { municipalToday } from "../src/feedback/municipal-date";

/*
 * Issue 17: registering a past case. Every handling step takes an optional date (default today,
 * Europe/Stockholm), never in the future and never before the item's previous step, so the
 * history runs forwards and the figures use the step's date. Also: a reply moves the status, the
 * per-month table holds only the period's months, and the average's rounding is half up.
 */

const WRITE = { scopes: ["synpunkter:write", "synpunkter:read"] };
const EXACT = { scopes: ["synpunkter:stats:exact"] };
const contact = { submitterName: "Test Testsson", submitterEmail: "test@example.se" };

describe(`back-registration of handling steps on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let areaId: string;
  let originalId: string;

  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    const saved = await app.ok(
      `mutation { saveBusinessArea(input: { name: "Tillbakaregistrering", handlingDays: 14 }) { id } }`,
    );
    areaId = saved.saveBusinessArea.id;
    originalId = (await register({ receivedDate: "2024-01-08" })).id;
  });
  afterAll(() => app.close());

  async function register(over: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const input = {
      kind: "COMPLAINT",
      criterion: "SERVICES",
      businessAreaId: areaId,
      channel: "LETTER",
      description: "Inkom per brev 2024.",
      wantsReply: false,
      ...contact,
      ...over,
    };
    const d = await app.ok(
      `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id version } }`,
      { ...WRITE, variables: { input } },
    );
    return d.registerFeedback;
  }

  /** Runs a step and gives the new version (fails the test on an error). */
  async function step(source: string): Promise<number> {
    const d = await app.ok(`mutation { ${source} { version } }`, WRITE);
    return (Object.values(d)[0] as { version: number }).version;
  }

  const history = async (id: string) =>
    (await app.ok(`{ feedbackItem(id: "${id}") { history(first: 100) { type date } } }`, WRITE)).feedbackItem
      .history as { type: string; date: string }[];

  /** Everything a refused step could have written: the item, its history, replies, events and summary rows. */
  async function snapshot(id: string) {
    const where = { feedbackId: Number(id) };
    return {
      item: await app.ds.getRepository(FeedbackItem).findOneByOrFail({ id: Number(id) }),
      history: await app.ds.getRepository(FeedbackEvent).find({ where, order: { id: "ASC" } }),
      replies: await app.ds.getRepository(FeedbackReply).count({ where }),
      outbox: await app.ds.getRepository(OutboxEvent).count(),
      summaries: await summaryRows(app.ds, synpunkterModule.summaries!.tables),
    };
  }

  it("gives a case registered in 2024 a history that runs forwards, on the given dates", async () => {
    const item = await register({ receivedDate: "2024-03-04", wantsReply: true });
    let v = item.version;
    const id = `id: "${item.id}"`;
    v = await step(`assignFeedback(${id}, handler: "anna", expectedVersion: ${v}, assignedDate: "2024-03-05")`);
    v = await step(
      `replyToFeedback(${id}, input: { text: "Vi beklagar.", repliedDate: "2024-03-08" }, expectedVersion: ${v})`,
    );
    v = await step(`closeFeedback(${id}, expectedVersion: ${v}, closedDate: "2024-03-10")`);
    v = await step(`reopenFeedback(${id}, reason: "komplettering", expectedVersion: ${v}, reopenedDate: "2024-03-20")`);
    v = await step(
      `forwardFeedback(${id}, organisation: "Annan myndighet", expectedVersion: ${v}, forwardedDate: "2024-03-21")`,
    );
    v = await step(
      `recordFeedbackImprovement(${id}, input: { kind: ROUTINE_CHANGE, description: "Ny rutin.", recordedDate: "2024-03-22" }, expectedVersion: ${v})`,
    );
    // The same day as the previous step is allowed.
    v = await step(`closeFeedback(${id}, expectedVersion: ${v}, closedDate: "2024-03-22")`);

    expect(await history(item.id)).toEqual([
      { type: "REGISTERED", date: "2024-03-04" },
      { type: "ASSIGNED", date: "2024-03-05" },
      { type: "REPLIED", date: "2024-03-08" },
      { type: "CLOSED", date: "2024-03-10" },
      { type: "REOPENED", date: "2024-03-20" },
      { type: "FORWARDED", date: "2024-03-21" },
      { type: "IMPROVEMENT_RECORDED", date: "2024-03-22" },
      { type: "CLOSED", date: "2024-03-22" },
    ]);
    const after = await app.ok(
      `{ feedbackItem(id: "${item.id}") { status closedDate dueDate handledInTime version } }`,
      WRITE,
    );
    // Due 14 days after 4 March: the final closing on 22 March is late, as the step's date says.
    expect(after.feedbackItem).toEqual({
      status: "CLOSED",
      closedDate: "2024-03-22",
      dueDate: "2024-03-18",
      handledInTime: false,
      version: v,
    });
    // The events carry the step's date, and still no person data.
    const events = await app.ds
      .getRepository(OutboxEvent)
      .find({ where: { subject: `FeedbackItem/${item.id}` }, order: { id: "ASC" } });
    const data = events.map((e) => JSON.parse(e.data));
    expect(data.find((d) => "forwardedDate" in d)).toEqual({
      feedbackItemId: item.id,
      businessAreaId: areaId,
      forwardedDate: "2024-03-21",
    });
    expect(data.find((d) => "repliedDate" in d)).toMatchObject({ repliedDate: "2024-03-08", status: "IN_PROGRESS" });
    for (const e of events) expect(e.data).not.toMatch(/Testsson|example\.se|anna|Annan myndighet|komplettering/);
  });

  it("counts a duplicate marked on a back-dated item in time when its date is", async () => {
    const twin = await register({ receivedDate: "2024-01-09" });
    const marked = await app.ok(
      `mutation { markFeedbackDuplicate(id: "${twin.id}", duplicateOfId: "${originalId}", expectedVersion: 1, markedDate: "2024-01-12") { status closedDate dueDate handledInTime } }`,
      WRITE,
    );
    expect(marked.markFeedbackDuplicate).toEqual({
      status: "CLOSED",
      closedDate: "2024-01-12",
      dueDate: "2024-01-23",
      handledInTime: true,
    });
    expect(await history(twin.id)).toEqual([
      { type: "REGISTERED", date: "2024-01-09" },
      { type: "MARKED_DUPLICATE", date: "2024-01-12" },
    ]);
    const s = await app.ok(
      `{ feedbackStatistics(from: "2024-01-01", to: "2024-01-31") { received closed handledInTime handledLate duplicates averageHandlingDays } }`,
      EXACT,
    );
    expect(s.feedbackStatistics).toEqual({
      received: 2,
      closed: 1,
      handledInTime: 1,
      handledLate: 0,
      duplicates: 1,
      averageHandlingDays: 3,
    });
  });

  /** Every handling step, with the date field it takes and what state it needs. */
  const STEPS: { name: string; field: string; closed?: boolean; call: (id: string, v: number, d: string) => string }[] =
    [
      {
        name: "assign",
        field: "assignedDate",
        call: (id, v, d) =>
          `assignFeedback(id: "${id}", handler: "bertil", expectedVersion: ${v}, assignedDate: "${d}")`,
      },
      {
        name: "reply",
        field: "input.repliedDate",
        call: (id, v, d) =>
          `replyToFeedback(id: "${id}", input: { text: "Svar.", repliedDate: "${d}" }, expectedVersion: ${v})`,
      },
      {
        name: "close",
        field: "closedDate",
        call: (id, v, d) => `closeFeedback(id: "${id}", expectedVersion: ${v}, closedDate: "${d}")`,
      },
      {
        name: "reopen",
        field: "reopenedDate",
        closed: true,
        call: (id, v, d) => `reopenFeedback(id: "${id}", reason: "x", expectedVersion: ${v}, reopenedDate: "${d}")`,
      },
      {
        name: "mark duplicate",
        field: "markedDate",
        call: (id, v, d) =>
          `markFeedbackDuplicate(id: "${id}", duplicateOfId: "${originalId}", expectedVersion: ${v}, markedDate: "${d}")`,
      },
      {
        name: "forward",
        field: "forwardedDate",
        call: (id, v, d) =>
          `forwardFeedback(id: "${id}", organisation: "Polisen", expectedVersion: ${v}, forwardedDate: "${d}")`,
      },
      {
        name: "record improvement",
        field: "input.recordedDate",
        call: (id, v, d) =>
          `recordFeedbackImprovement(id: "${id}", input: { kind: OTHER, description: "x", recordedDate: "${d}" }, expectedVersion: ${v})`,
      },
    ];

  it.each(STEPS)(
    "$name: refuses a date before the previous step and a future date (field and rule), writing nothing; takes the previous step's day",
    async ({ field, closed, call }) => {
      const item = await register({ receivedDate: "2024-06-03" });
      let v = await step(
        `assignFeedback(id: "${item.id}", handler: "anna", expectedVersion: 1, assignedDate: "2024-06-10")`,
      );
      let previous = "2024-06-10";
      if (closed) {
        v = await step(`closeFeedback(id: "${item.id}", expectedVersion: ${v}, closedDate: "2024-06-12")`);
        previous = "2024-06-12";
      }
      const before = await snapshot(item.id);
      const tomorrow = addDays(municipalToday(), 1);
      for (const [date, rule] of [
        [addDays(previous, -1), "not-before"],
        [tomorrow, "not-in-future"],
      ]) {
        const r = await app.call(`mutation { ${call(item.id, v, date)} { id } }`, WRITE);
        expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
        expect(r.errors?.[0].extensions).toMatchObject({ field, rule });
        expect(r.errors?.[0].message).toContain(field);
        expect(await snapshot(item.id)).toEqual(before);
      }
      // The refusal was the date's: the same step on the previous step's day goes through.
      await step(call(item.id, v, previous));
      const dates = (await history(item.id)).map((h) => h.date);
      expect(dates[dates.length - 1]).toBe(previous);
    },
  );

  it("moves a received item to IN_PROGRESS on a reply, and refuses a reply to a closed item", async () => {
    const item = await register({ receivedDate: "2024-09-02", wantsReply: true });
    const replied = await app.ok(
      `mutation { replyToFeedback(id: "${item.id}", input: { text: "Tack.", repliedDate: "2024-09-04" }, expectedVersion: 1) { status replyCount version } }`,
      WRITE,
    );
    expect(replied.replyToFeedback).toEqual({ status: "IN_PROGRESS", replyCount: 1, version: 2 });
    await step(`closeFeedback(id: "${item.id}", expectedVersion: 2, closedDate: "2024-09-05")`);
    const before = await snapshot(item.id);
    const late = await app.call(
      `mutation { replyToFeedback(id: "${item.id}", input: { text: "Till.", repliedDate: "2024-09-06" }, expectedVersion: 3) { id } }`,
      WRITE,
    );
    expect(late.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id", rule: "open" });
    expect(await snapshot(item.id)).toEqual(before);
  });

  it("lists only the months inside a period that starts and ends mid-year", async () => {
    const area = (await app.ok(`mutation { saveBusinessArea(input: { name: "Månader", handlingDays: 30 }) { id } }`))
      .saveBusinessArea.id;
    const july = await register({ businessAreaId: area, receivedDate: "2023-07-10" });
    await step(`closeFeedback(id: "${july.id}", expectedVersion: 1, closedDate: "2023-07-15")`);
    const august = await register({ businessAreaId: area, receivedDate: "2023-08-20" });
    await step(`closeFeedback(id: "${august.id}", expectedVersion: 1, closedDate: "2023-10-02")`);
    await register({ businessAreaId: area, receivedDate: "2023-06-30" }); // before the period
    const stats = (from: string, to: string) =>
      app
        .ok(
          `{ feedbackStatistics(from: "${from}", to: "${to}") { received closed byMonth { month received closed } } }`,
          EXACT,
        )
        .then((d) => d.feedbackStatistics);
    // July–September: the August item closed in October counts in `closed`, but October is no row.
    expect(await stats("2023-07-01", "2023-09-30")).toEqual({
      received: 2,
      closed: 2,
      byMonth: [
        { month: "2023-07", received: 1, closed: 1 },
        { month: "2023-08", received: 1, closed: 0 },
      ],
    });
    // Edges mid-month: 5 July – 25 August.
    expect((await stats("2023-07-05", "2023-08-25")).byMonth.map((m: { month: string }) => m.month)).toEqual([
      "2023-07",
      "2023-08",
    ]);
    // A period that holds October lists it.
    expect((await stats("2023-07-01", "2023-10-31")).byMonth).toContainEqual({
      month: "2023-10",
      received: 0,
      closed: 1,
    });
  });

  it("rounds the average handling days to one decimal, half up, at a .x5 boundary", async () => {
    const area = (await app.ok(`mutation { saveBusinessArea(input: { name: "Avrundning", handlingDays: 10 }) { id } }`))
      .saveBusinessArea.id;
    // 1, 1, 1 and 2 days: 1.25 → 1.3; the median (1) is not rounded.
    for (const closedDate of ["2023-11-07", "2023-11-07", "2023-11-07", "2023-11-08"]) {
      const item = await register({ businessAreaId: area, receivedDate: "2023-11-06" });
      await step(`closeFeedback(id: "${item.id}", expectedVersion: 1, closedDate: "${closedDate}")`);
    }
    const s = await app.ok(
      `{ feedbackStatistics(from: "2023-11-01", to: "2023-11-30") { closed averageHandlingDays medianHandlingDays } }`,
      EXACT,
    );
    expect(s.feedbackStatistics).toEqual({ closed: 4, averageHandlingDays: 1.3, medianHandlingDays: 1 });
  });
});

describe(`back-dated steps beside the demo records on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    await seedSynpunkterDemo(app.ds, "2026-11-23");
  });
  afterAll(() => app.close());

  it("leaves the 2021 report's figures as they were (12 received, 11 in time)", async () => {
    const { businessAreas } = await app.ok(`{ businessAreas { id } }`, { scopes: ["synpunkter:stats"] });
    const input = {
      kind: "COMPLAINT",
      criterion: "SERVICES",
      businessAreaId: businessAreas[0].id,
      channel: "LETTER",
      description: "Inkom per brev.",
      wantsReply: false,
      receivedDate: "2024-02-05",
    };
    const { registerFeedback: item } = await app.ok(
      `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`,
      { ...WRITE, variables: { input } },
    );
    await app.ok(
      `mutation { closeFeedback(id: "${item.id}", expectedVersion: 1, closedDate: "2024-02-07") { id } }`,
      WRITE,
    );
    await app.ok(
      `mutation { reopenFeedback(id: "${item.id}", reason: "x", expectedVersion: 2, reopenedDate: "2024-02-09") { id } }`,
      WRITE,
    );
    const s = await app.ok(
      `{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") { received closed notClosed handledInTime handledLate duplicates } }`,
      EXACT,
    );
    expect(s.feedbackStatistics).toEqual({
      received: 12,
      closed: 12,
      notClosed: 0,
      handledInTime: 11,
      handledLate: 1,
      duplicates: 1,
    });
  });
});
