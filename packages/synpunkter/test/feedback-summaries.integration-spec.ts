import type { DataSource } from "typeorm";
import { EXACT_POLICY, runRetention } from "@arbetsliv/core";
import { addDays } from "@arbetsliv/core/values";
import { inTransaction } from "@arbetsliv/core/data";
import { SeededRandom } from "@arbetsliv/core/testing";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { feedbackStatistics, rebuildFeedbackSummaries, seedSynpunkterDemo, synpunkterModule } from "../src";
import { rawFeedbackStatistics } from "./support/raw-statistics";

/** Every summary row as [key…, counters…] in key order; with `nonZero`, rows whose counters are all 0 are left out. */
async function summaryRows(ds: DataSource, nonZero = true) {
  const month = await ds.query(
    `SELECT receivedMonth, businessAreaId, kind, criterion, received, closed, inTime, late, forwarded, improvements, duplicates, reopened, wantedReply, replied
       FROM feedback_month_summary ORDER BY receivedMonth, businessAreaId, kind, criterion`,
  );
  const closed = await ds.query(
    `SELECT receivedMonth, closedMonth, n FROM feedback_month_closed ORDER BY receivedMonth, closedMonth`,
  );
  const handling = await ds.query(
    `SELECT receivedMonth, handlingDays, n FROM feedback_month_handling ORDER BY receivedMonth, handlingDays`,
  );
  const rows = (list: Record<string, unknown>[], keys: number) =>
    list
      .map((r) => Object.values(r).map((v, i) => (i < keys && typeof v === "string" ? v : Number(v))))
      .filter((r) => !nonZero || r.slice(keys).some((n) => n !== 0));
  return { month: rows(month, 4), closed: rows(closed, 2), handling: rows(handling, 2) };
}

async function rebuilt(ds: DataSource) {
  await inTransaction(ds, (manager) => rebuildFeedbackSummaries(manager));
  return summaryRows(ds);
}

/** Calls a mutation on an item with the version it last had, and remembers the new one. */
function handler(app: TestApp) {
  const versions = new Map<string, number>();
  return {
    async register(input: Record<string, unknown>): Promise<string> {
      const data = await app.ok(
        `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id version } }`,
        { variables: { input } },
      );
      versions.set(data.registerFeedback.id, data.registerFeedback.version);
      return data.registerFeedback.id;
    },
    async change(field: string, id: string, args: string): Promise<void> {
      if (!versions.has(id)) {
        const item = await app.ok(`{ feedbackItem(id: "${id}") { version } }`);
        versions.set(id, item.feedbackItem.version);
      }
      const data = await app.ok(
        `mutation { ${field}(id: "${id}", ${args}${args ? ", " : ""}expectedVersion: ${versions.get(id)}) { version } }`,
      );
      versions.set(id, data[field].version);
    },
  };
}

const contact = { submitterName: "Test Testsson", submitterEmail: "test@example.se" };

describe(`statistics summary rows on ${testDatabaseKind()}: hand-computed figures`, () => {
  let app: TestApp;
  let h: ReturnType<typeof handler>;
  let area: string;
  let other: string;
  const stats = (from: string, to: string) =>
    app
      .ok(
        `{ feedbackStatistics(from: "${from}", to: "${to}") {
          received closed notClosed handledInTime handledLate openOverdue forwarded improvements duplicates reopened
          wantedReply repliedToWhoWanted averageHandlingDays medianHandlingDays
          kinds { praise question suggestion complaint total }
          byBusinessArea { businessArea { name } praise question suggestion complaint total mostCommonKinds }
          byCriterion { criterion praise question suggestion complaint total }
          byMonth { month received closed } } }`,
        { scopes: ["synpunkter:stats:exact"] },
      )
      .then((d) => d.feedbackStatistics);

  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    h = handler(app);
    const save = (name: string, days: number) =>
      app
        .ok(`mutation { saveBusinessArea(input: { name: "${name}", handlingDays: ${days} }) { id } }`)
        .then((d) => d.saveBusinessArea.id as string);
    area = await save("Testområde", 10);
    other = await save("Andra", 14);
    const item = (over: Record<string, unknown>) => ({
      channel: "E_SERVICE",
      description: "Synpunkt.",
      wantsReply: false,
      ...over,
    });

    // F: praise, received on the last day of August, closed in time after 1 day.
    const f = await h.register(
      item({ kind: "PRAISE", criterion: "TREATMENT", businessAreaId: other, receivedDate: "2026-08-31" }),
    );
    await h.change("closeFeedback", f, `closedDate: "2026-09-01"`);
    // A: complaint wanting a reply; replied, closed in time after 5 days.
    const a = await h.register(
      item({
        kind: "COMPLAINT",
        criterion: "TREATMENT",
        businessAreaId: area,
        receivedDate: "2026-09-10",
        wantsReply: true,
        ...contact,
      }),
    );
    await h.change("replyToFeedback", a, `input: { text: "Tack.", repliedDate: "2026-09-12" }`);
    await h.change("closeFeedback", a, `closedDate: "2026-09-15"`);
    // D: A sent again: closed after 2 days, then marked as its duplicate (keeps its closing date).
    const d = await h.register(
      item({ kind: "COMPLAINT", criterion: "TREATMENT", businessAreaId: area, receivedDate: "2026-09-11", ...contact }),
    );
    await h.change("closeFeedback", d, `closedDate: "2026-09-13"`);
    await h.change("markFeedbackDuplicate", d, `duplicateOfId: "${a}"`);
    // B: anonymous suggestion closed late (due 09-30) after 15 days.
    const b = await h.register(
      item({ kind: "SUGGESTION", criterion: "SERVICES", businessAreaId: area, receivedDate: "2026-09-20" }),
    );
    await h.change("closeFeedback", b, `closedDate: "2026-10-05"`);
    // C: forwarded, led to an improvement, closed in time, reopened and finally closed late (due 10-11) after 19 days.
    const c = await h.register(
      item({ kind: "COMPLAINT", criterion: "TREATMENT", businessAreaId: area, receivedDate: "2026-10-01", ...contact }),
    );
    await h.change("forwardFeedback", c, `organisation: "Borås Energi och Miljö AB", forwardedDate: "2026-10-02"`);
    await h.change(
      "recordFeedbackImprovement",
      c,
      `input: { kind: ROUTINE_CHANGE, description: "Ny rutin.", recordedDate: "2026-10-02" }`,
    );
    await h.change("closeFeedback", c, `closedDate: "2026-10-03"`);
    await h.change("reopenFeedback", c, `reason: "komplettering", reopenedDate: "2026-10-10"`);
    await h.change("closeFeedback", c, `closedDate: "2026-10-20"`);
    // E: question wanting a reply, assigned and replied, still open and past its due date (11-08).
    const e = await h.register(
      item({
        kind: "QUESTION",
        criterion: "INFORMATION",
        businessAreaId: other,
        receivedDate: "2026-10-25",
        wantsReply: true,
        ...contact,
      }),
    );
    await h.change("assignFeedback", e, `handler: "anna", assignedDate: "2026-10-25"`);
    await h.change("replyToFeedback", e, `input: { text: "Svar.", repliedDate: "2026-10-26" }`);
  });
  afterAll(() => app.close());

  it("keeps exactly the rows each change adds and removes (a reopened closing leaves a zero row)", async () => {
    const rows = await summaryRows(app.ds, false);
    expect(rows.handling).toEqual([
      ["2026-08", 1, 1],
      ["2026-09", 2, 1],
      ["2026-09", 5, 1],
      ["2026-09", 15, 1],
      ["2026-10", 2, 0],
      ["2026-10", 19, 1],
    ]);
    expect(rows.closed).toEqual([
      ["2026-08", "", 0],
      ["2026-08", "2026-09", 1],
      ["2026-09", "", 0],
      ["2026-09", "2026-09", 2],
      ["2026-09", "2026-10", 1],
      ["2026-10", "", 1],
      ["2026-10", "2026-10", 1],
    ]);
    // received, closed, inTime, late, forwarded, improvements, duplicates, reopened, wantedReply, replied
    expect(rows.month).toEqual([
      ["2026-08", Number(other), "PRAISE", "TREATMENT", 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
      ["2026-09", Number(area), "COMPLAINT", "TREATMENT", 2, 2, 2, 0, 0, 0, 1, 0, 1, 1],
      ["2026-09", Number(area), "SUGGESTION", "SERVICES", 1, 1, 0, 1, 0, 0, 0, 0, 0, 0],
      ["2026-10", Number(area), "COMPLAINT", "TREATMENT", 1, 1, 0, 1, 1, 1, 0, 1, 0, 0],
      ["2026-10", Number(other), "QUESTION", "INFORMATION", 1, 0, 0, 0, 0, 0, 0, 0, 1, 1],
    ]);
    expect(await rebuilt(app.ds)).toEqual(await summaryRows(app.ds));
  });

  it("gives the figures of whole months (September–October)", async () => {
    expect(await stats("2026-09-01", "2026-10-31")).toEqual({
      received: 5,
      closed: 4,
      notClosed: 1,
      handledInTime: 2,
      handledLate: 2,
      openOverdue: 1,
      forwarded: 1,
      improvements: 1,
      duplicates: 1,
      reopened: 1,
      wantedReply: 2,
      repliedToWhoWanted: 2,
      // 2, 5, 15, 19 days
      averageHandlingDays: 10.3,
      medianHandlingDays: 10,
      kinds: { praise: 0, question: 1, suggestion: 1, complaint: 3, total: 5 },
      byBusinessArea: [
        {
          businessArea: { name: "Testområde" },
          praise: 0,
          question: 0,
          suggestion: 1,
          complaint: 3,
          total: 4,
          mostCommonKinds: ["COMPLAINT"],
        },
        {
          businessArea: { name: "Andra" },
          praise: 0,
          question: 1,
          suggestion: 0,
          complaint: 0,
          total: 1,
          mostCommonKinds: ["QUESTION"],
        },
      ],
      byCriterion: [
        { criterion: "TREATMENT", praise: 0, question: 0, suggestion: 0, complaint: 3, total: 3 },
        { criterion: "PHYSICAL_ENVIRONMENT", praise: 0, question: 0, suggestion: 0, complaint: 0, total: 0 },
        { criterion: "INFORMATION", praise: 0, question: 1, suggestion: 0, complaint: 0, total: 1 },
        { criterion: "SERVICES", praise: 0, question: 0, suggestion: 1, complaint: 0, total: 1 },
      ],
      byMonth: [
        { month: "2026-09", received: 3, closed: 2 },
        { month: "2026-10", received: 2, closed: 2 },
      ],
    });
  });

  it("adds the partial months at both edges to the whole months (31 August – 24 October)", async () => {
    const s = await stats("2026-08-31", "2026-10-24");
    expect([s.received, s.closed, s.notClosed, s.handledInTime, s.handledLate, s.openOverdue]).toEqual([
      5, 5, 0, 3, 2, 0,
    ]);
    expect([s.forwarded, s.improvements, s.duplicates, s.reopened, s.wantedReply, s.repliedToWhoWanted]).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
    // 1, 2, 5, 15, 19 days
    expect([s.averageHandlingDays, s.medianHandlingDays]).toEqual([8.4, 5]);
    expect(s.kinds).toEqual({ praise: 1, question: 0, suggestion: 1, complaint: 3, total: 5 });
    expect(
      s.byBusinessArea.map((r: { businessArea: { name: string }; total: number; mostCommonKinds: string[] }) => [
        r.businessArea.name,
        r.total,
        r.mostCommonKinds,
      ]),
    ).toEqual([
      ["Testområde", 4, ["COMPLAINT"]],
      ["Andra", 1, ["PRAISE"]],
    ]);
    expect(s.byCriterion[0]).toEqual({
      criterion: "TREATMENT",
      praise: 1,
      question: 0,
      suggestion: 0,
      complaint: 3,
      total: 4,
    });
    expect(s.byMonth).toEqual([
      { month: "2026-08", received: 1, closed: 0 },
      { month: "2026-09", received: 3, closed: 3 },
      { month: "2026-10", received: 1, closed: 2 },
    ]);
  });

  it("reads a period inside one month from the items alone (11–20 September)", async () => {
    const s = await stats("2026-09-11", "2026-09-20");
    expect([
      s.received,
      s.closed,
      s.handledInTime,
      s.handledLate,
      s.duplicates,
      s.averageHandlingDays,
      s.medianHandlingDays,
    ]).toEqual([2, 2, 1, 1, 1, 8.5, 8.5]);
    // Only the period's own month: the closing in October counts in `closed` (2) but has no row
    // (issue 17; before, October was listed although the period ends on 20 September).
    expect(s.byMonth).toEqual([{ month: "2026-09", received: 2, closed: 1 }]);
    const none = await stats("2026-11-01", "2026-11-05");
    expect([
      none.received,
      none.averageHandlingDays,
      none.medianHandlingDays,
      none.byBusinessArea,
      none.byMonth,
    ]).toEqual([0, null, null, [], []]);
  });

  it("keeps one summary row exact under concurrent registrations and closings", async () => {
    const input = {
      kind: "COMPLAINT",
      criterion: "SERVICES",
      businessAreaId: area,
      channel: "E_SERVICE",
      description: "Samtidigt.",
      wantsReply: false,
      receivedDate: "2026-11-02",
    };
    const ids = await Promise.all(Array.from({ length: 8 }, () => h.register(input)));
    await Promise.all(
      ids.map((id, i) =>
        h.change("closeFeedback", id, `closedDate: "2026-11-${String(3 + (i % 3)).padStart(2, "0")}"`),
      ),
    );
    const rows = await summaryRows(app.ds);
    expect(rows.month.find((r) => r[0] === "2026-11")).toEqual([
      "2026-11",
      Number(area),
      "COMPLAINT",
      "SERVICES",
      8,
      8,
      8,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(rows.handling.filter((r) => r[0] === "2026-11")).toEqual([
      ["2026-11", 1, 3],
      ["2026-11", 2, 3],
      ["2026-11", 3, 2],
    ]);
    expect(await rebuilt(app.ds)).toEqual(rows);
  });
});

describe(`statistics summary rows on ${testDatabaseKind()}: the demo data after real changes`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    await seedSynpunkterDemo(app.ds, "2026-11-23");
  });
  afterAll(() => app.close());

  it("the seed's summary rows hold every demo item", async () => {
    const rows = await summaryRows(app.ds);
    const [{ n }] = await app.ds.query("SELECT COUNT(*) AS n FROM feedback_item");
    expect(rows.month.reduce((s, r) => s + (r[4] as number), 0)).toBe(Number(n));
  });

  it("after registrations, handling, corrections of old items and retention, the rows kept on write equal a rebuild and every period equals the raw figures", async () => {
    const h = handler(app);
    const areas = (await app.ok(`{ businessAreas { id name } }`)).businessAreas as { id: string; name: string }[];
    const areaId = (name: string) => areas.find((a) => a.name === name)!.id;
    const base = { channel: "EMAIL", description: "Synpunkt.", wantsReply: false };

    // New items in several months and areas, handled in every way.
    const n1 = await h.register({
      ...base,
      kind: "COMPLAINT",
      criterion: "SERVICES",
      businessAreaId: areaId("Jobb Borås"),
      receivedDate: "2026-10-30",
      wantsReply: true,
      ...contact,
    });
    const n2 = await h.register({
      ...base,
      kind: "QUESTION",
      criterion: "INFORMATION",
      businessAreaId: areaId("Fixartjänst"),
      receivedDate: "2026-11-02",
    });
    const n3 = await h.register({
      ...base,
      kind: "SUGGESTION",
      criterion: "PHYSICAL_ENVIRONMENT",
      businessAreaId: areaId("Fixartjänst"),
      receivedDate: "2026-06-15",
    });
    const n4 = await h.register({
      ...base,
      kind: "COMPLAINT",
      criterion: "SERVICES",
      businessAreaId: areaId("Jobb Borås"),
      receivedDate: "2026-10-31",
      ...contact,
    });
    await h.change("assignFeedback", n1, `handler: "anna", assignedDate: "2026-11-02"`);
    await h.change("replyToFeedback", n1, `input: { text: "Tack.", repliedDate: "2026-11-03" }`);
    await h.change("closeFeedback", n1, `closedDate: "2026-11-20"`);
    await h.change("forwardFeedback", n2, `organisation: "Borås Energi och Miljö AB"`);
    await h.change("closeFeedback", n3, `closedDate: "2026-07-20"`);
    await h.change(
      "recordFeedbackImprovement",
      n3,
      `input: { kind: INFORMATION_EFFORT, description: "Skyltning.", recordedDate: "2026-07-25" }`,
    );
    await h.change("reopenFeedback", n3, `reason: "komplettering", reopenedDate: "2026-07-28"`);
    await h.change("closeFeedback", n3, `closedDate: "2026-08-03"`);
    await h.change("markFeedbackDuplicate", n4, `duplicateOfId: "${n1}"`);

    // Corrections of old demo items: the 2021 item of 3 June reopened and closed again a month later.
    const june = await app.ok(
      `{ feedbackItems(first: 5, filter: { receivedFrom: "2021-06-03", receivedTo: "2021-06-03" }) { nodes { id } } }`,
    );
    const old = june.feedbackItems.nodes[0].id as string;
    await h.change("reopenFeedback", old, `reason: "komplettering", reopenedDate: "2021-07-01"`);
    await h.change("replyToFeedback", old, `input: { text: "Komplettering.", repliedDate: "2021-07-10" }`);
    await h.change("closeFeedback", old, `closedDate: "2021-07-12"`);
    const y2020 = await app.ok(
      `{ feedbackItems(first: 2, filter: { receivedFrom: "2020-01-01", receivedTo: "2020-12-31" }) { nodes { id } } }`,
    );
    await h.change("forwardFeedback", y2020.feedbackItems.nodes[0].id, `organisation: "Polisen"`);
    await h.change("reopenFeedback", y2020.feedbackItems.nodes[1].id, `reason: "fel datum"`);

    const report = await runRetention(app.ds, [synpunkterModule], {
      today: "2026-11-23",
      dryRun: false,
      actor: "gallring",
    });
    expect(report.actions[0].recordIds.length).toBeGreaterThan(0);

    const kept = await summaryRows(app.ds);
    expect(await rebuilt(app.ds)).toEqual(kept);

    const random = new SeededRandom(20261129);
    const periods: [string, string][] = [
      ["2019-01-01", "2026-12-31"],
      ["2021-01-01", "2021-12-31"],
      ["2021-06-01", "2021-06-30"],
      ["2021-06-02", "2021-07-19"],
      ["2021-01-31", "2021-03-01"],
      ["2021-02-01", "2021-02-27"],
      ["2020-12-31", "2021-01-01"],
      ["2024-02-01", "2024-02-29"],
      ["2026-06-15", "2026-06-15"],
      ["2026-10-30", "2026-11-23"],
      ["2026-11-01", "2026-11-30"],
    ];
    for (let i = 0; i < 24; i++) {
      const from = addDays("2018-12-01", random.int(0, 8 * 365));
      periods.push([from, addDays(from, random.int(0, i % 2 ? 60 : 900))]);
    }
    for (const [from, to] of periods) {
      expect({ from, to, stats: await feedbackStatistics(app.ds, from, to, EXACT_POLICY) }).toEqual({
        from,
        to,
        stats: await rawFeedbackStatistics(app.ds, from, to),
      });
    }
  });
});
