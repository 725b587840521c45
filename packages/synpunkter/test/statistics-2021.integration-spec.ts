import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { seedSynpunkterDemo, synpunkterModule } from "../src";

/** The board report "Redovisning av inkomna synpunkter januari–december 2021", from the records. */
describe(`2021 statistics from the demo records on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let stats: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    await seedSynpunkterDemo(app.ds, "2026-11-23");
    const data = await app.ok(
      `{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") {
          received closed notClosed handledInTime handledLate forwarded improvements duplicates reopened
          wantedReply repliedToWhoWanted medianHandlingDays averageHandlingDays
          kinds { praise question suggestion complaint total }
          byBusinessArea { businessArea { name } total mostCommonKinds complaint suggestion question }
          byCriterion { criterion praise question suggestion complaint total } } }`,
      { scopes: ["synpunkter:stats"] },
    );
    stats = data.feedbackStatistics;
  });
  afterAll(() => app.close());

  it("received 12: two suggestions, nine complaints, one question; all closed", () => {
    expect(stats.kinds).toEqual({ praise: 0, question: 1, suggestion: 2, complaint: 9, total: 12 });
    expect([stats.received, stats.closed, stats.notClosed]).toEqual([12, 12, 0]);
  });

  it("eleven handled in time; the reopened item closed after new year counts as late", () => {
    expect(stats.handledInTime).toBe(11);
    expect(stats.handledLate).toBe(1);
    expect(stats.reopened).toBe(1);
  });

  it("one complaint sent twice, none forwarded, three improvements, everyone who wanted a reply got one", () => {
    expect(stats.duplicates).toBe(1);
    expect(stats.forwarded).toBe(0);
    expect(stats.improvements).toBe(3);
    expect(stats.repliedToWhoWanted).toBe(stats.wantedReply);
    expect(stats.wantedReply).toBeGreaterThan(0);
  });

  it("reproduces the business-area table with the most common kind (ties listed)", () => {
    const rows = stats.byBusinessArea.map((r: { businessArea: { name: string }; total: number; mostCommonKinds: string[] }) => [
      r.businessArea.name,
      r.total,
      r.mostCommonKinds,
    ]);
    expect(rows).toEqual([
      ["IFO Försörjningsstöd", 7, ["COMPLAINT"]],
      ["Jobb Borås", 2, ["SUGGESTION", "COMPLAINT"]],
      ["Fixartjänst", 1, ["QUESTION"]],
      ["Integration och nationella minoriteter", 1, ["SUGGESTION"]],
      ["Trygghetsinsatser/Stadsdelsvärdar", 1, ["COMPLAINT"]],
    ]);
  });

  it("reproduces the criterion × kind table with all four criteria", () => {
    const table = Object.fromEntries(
      stats.byCriterion.map((r: Record<string, number | string>) => [r.criterion, [r.praise, r.question, r.suggestion, r.complaint, r.total]]),
    );
    expect(table).toEqual({
      TREATMENT: [0, 0, 0, 0, 0],
      PHYSICAL_ENVIRONMENT: [0, 0, 1, 0, 1],
      INFORMATION: [0, 0, 0, 0, 0],
      SERVICES: [0, 1, 1, 9, 11],
    });
  });

  it("computes handling time from the dates (received → final closing)", () => {
    // The twelve items take 1, 6, 7, 8 ×8 and 37 days (the reopened one): median 8, mean 115/12.
    expect(stats.medianHandlingDays).toBe(8);
    expect(stats.averageHandlingDays).toBe(9.6);
  });

  it("has other periods too, each computed from its own records", async () => {
    const data = await app.ok(`{ a: feedbackStatistics(from: "2020-01-01", to: "2020-12-31") { received }
                                 b: feedbackStatistics(from: "2021-01-01", to: "2021-06-30") { received kinds { complaint } } }`, {
      scopes: ["synpunkter:stats"],
    });
    expect(data.a.received).toBeGreaterThan(0);
    expect(data.b.received).toBe(7);
  });

  it("refuses a reversed period naming the field", async () => {
    const r = await app.call(`{ feedbackStatistics(from: "2021-12-31", to: "2021-01-01") { received } }`, { scopes: ["synpunkter:stats"] });
    expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0].message).toMatch(/^to:/);
  });
});
