import { TestApp, recoverBySubtraction, testDatabaseKind, type PublishedTable } from "@arbetsliv/core/testing";
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
      { scopes: ["synpunkter:stats:exact"] },
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
    const rows = stats.byBusinessArea.map(
      (r: { businessArea: { name: string }; total: number; mostCommonKinds: string[] }) => [
        r.businessArea.name,
        r.total,
        r.mostCommonKinds,
      ],
    );
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
      stats.byCriterion.map((r: Record<string, number | string>) => [
        r.criterion,
        [r.praise, r.question, r.suggestion, r.complaint, r.total],
      ]),
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
    const data = await app.ok(
      `{ a: feedbackStatistics(from: "2020-01-01", to: "2020-12-31") { received }
                                 b: feedbackStatistics(from: "2021-01-01", to: "2021-06-30") { received kinds { complaint } } }`,
      {
        scopes: ["synpunkter:stats:exact"],
      },
    );
    expect(data.a.received).toBeGreaterThan(0);
    expect(data.b.received).toBe(7);
  });

  it("refuses a reversed period naming the field", async () => {
    const r = await app.call(`{ feedbackStatistics(from: "2021-12-31", to: "2021-01-01") { received } }`, {
      scopes: ["synpunkter:stats"],
    });
    expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0].message).toMatch(/^to:/);
  });

  describe("without the exact scope (synpunkter:stats)", () => {
    const KINDS = ["praise", "question", "suggestion", "complaint"];
    const TABLES = `received closed notClosed handledInTime handledLate suppressed
      kinds { praise question suggestion complaint total }
      byBusinessArea { businessArea { name } praise question suggestion complaint total mostCommonKinds suppressed }
      byCriterion { criterion praise question suggestion complaint total suppressed } byMonth { month received closed }
      disclosure { exact minimumCount wholeMonthsOnly }`;

    /** Both two-way tables with their margins, the months and received = closed + not closed, as an attacker adds them up. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    function published(r: Record<string, any>): PublishedTable {
      const values: PublishedTable["values"] = {
        received: r.received,
        closed: r.closed,
        notClosed: r.notClosed,
        inTime: r.handledInTime,
        late: r.handledLate,
      };
      const sums: PublishedTable["sums"] = [
        ["received", ["closed", "notClosed"]],
        ["closed", ["inTime", "late"]],
        ["received", ["kinds.total"]],
      ];
      for (const k of [...KINDS, "total"]) values[`kinds.${k}`] = r.kinds[k];
      sums.push(["kinds.total", KINDS.map((k) => `kinds.${k}`)]);
      for (const [name, rows] of [
        ["area", r.byBusinessArea],
        ["criterion", r.byCriterion],
      ] as const) {
        rows.forEach((row: Record<string, number | null>, i: number) => {
          for (const k of [...KINDS, "total"]) values[`${name}${i}.${k}`] = row[k];
          sums.push([`${name}${i}.total`, KINDS.map((k) => `${name}${i}.${k}`)]);
        });
        for (const k of [...KINDS, "total"])
          sums.push([`kinds.${k}`, rows.map((_: unknown, i: number) => `${name}${i}.${k}`)]);
      }
      r.byMonth.forEach((m: Record<string, number | null>, i: number) =>
        Object.assign(values, { [`m${i}.received`]: m.received, [`m${i}.closed`]: m.closed }),
      );
      // The months are the period's own: items closed after it are in `closed` but in no month,
      // a count the reader never sees (null) yet could compute as closed − the months.
      values.closedAfterPeriod = null;
      sums.push(
        ["received", r.byMonth.map((_: unknown, i: number) => `m${i}.received`)],
        ["closed", [...r.byMonth.map((_: unknown, i: number) => `m${i}.closed`), "closedAfterPeriod"]],
      );
      return { values, sums };
    }

    /**
     * What the attacker finds. The unshown count of closings after the period gives nothing away
     * when it is 0 or at least the minimum count (3): only a recovered 1 or 2 is a disclosure.
     */
    function recover(table: PublishedTable): Record<string, number> {
      const { closedAfterPeriod, ...cells } = recoverBySubtraction(table);
      const small = closedAfterPeriod !== undefined && Math.abs(closedAfterPeriod) > 0 && closedAfterPeriod < 3;
      return small ? { ...cells, closedAfterPeriod } : cells;
    }

    it("refuses a window shorter than whole calendar months, naming the field and the rule", async () => {
      const day = await app.call(`{ feedbackStatistics(from: "2021-03-15", to: "2021-03-15") { received } }`, {
        scopes: ["synpunkter:stats"],
      });
      expect(day.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from", rule: "whole-months" });
      const partial = await app.call(`{ feedbackStatistics(from: "2021-03-01", to: "2021-03-15") { received } }`, {
        scopes: ["synpunkter:stats"],
      });
      expect(partial.errors?.[0].extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "to",
        rule: "whole-months",
      });
    });

    it("hides every business area × kind cell of 1 or 2 and what would give it away; what is shown is the 2021 report's figure", async () => {
      const data = await app.ok(`{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") { ${TABLES} } }`, {
        scopes: ["synpunkter:stats"],
      });
      const r = data.feedbackStatistics;
      expect(r.disclosure).toEqual({ exact: false, minimumCount: 3, wholeMonthsOnly: true });
      expect(r.received).toBe(12);
      // Jobb Borås had one complaint and one suggestion: neither is shown, nor its most common kind.
      const jobb = r.byBusinessArea.find(
        (a: { businessArea: { name: string } }) => a.businessArea.name === "Jobb Borås",
      );
      expect([jobb.complaint, jobb.suggestion, jobb.total, jobb.mostCommonKinds]).toEqual([null, null, null, []]);
      const table = published(r);
      for (const v of Object.values(table.values)) if (v !== null) expect(v === 0 || v >= 3).toBe(true);
      expect(recover(table)).toEqual({});
      expect(Object.values(table.values).filter((v) => v === null).length).toBeGreaterThan(5);
      expect(r.kinds.complaint).toBe(stats.kinds.complaint); // a large margin stays exact
    });

    it("gives no hidden cell away in any month of 2021 either", async () => {
      for (let m = 1; m <= 12; m++) {
        const from = `2021-${String(m).padStart(2, "0")}-01`;
        const to = new Date(Date.UTC(2021, m, 0)).toISOString().slice(0, 10);
        const data = await app.ok(
          `query($from: Date!, $to: Date!) { feedbackStatistics(from: $from, to: $to) { ${TABLES} } }`,
          { scopes: ["synpunkter:stats"], variables: { from, to } },
        );
        expect({ from, recovered: recover(published(data.feedbackStatistics)) }).toEqual({
          from,
          recovered: {},
        });
      }
    });
  });
});
