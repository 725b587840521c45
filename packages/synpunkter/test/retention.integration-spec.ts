import { DeletionLogEntry, runRetention } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { FeedbackItem, seedSynpunkterDemo, synpunkterModule } from "../src";

const STATS = `{ feedbackStatistics(from: "2019-01-01", to: "2021-12-31") { received closed handledInTime kinds { total complaint } byCriterion { criterion total } } }`;

describe(`feedback retention (gallring) on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    await seedSynpunkterDemo(app.ds, "2026-11-23");
  });
  afterAll(() => app.close());

  it("a dry run reports what is due and changes nothing", async () => {
    const before = await app.ds.getRepository(FeedbackItem).find({ order: { id: "ASC" } });
    const report = await runRetention(app.ds, [synpunkterModule], {
      today: "2026-11-23",
      dryRun: true,
      actor: "gallring",
    });
    expect(report.cutoff).toBe("2021-11-23");
    expect(report.actions[0].recordIds.length).toBeGreaterThan(0);
    expect(await app.ds.getRepository(FeedbackItem).find({ order: { id: "ASC" } })).toEqual(before);
    expect(await app.ds.getRepository(DeletionLogEntry).count()).toBe(0);
  });

  it("removes person data older than five years, keeps the statistics and writes a deletion log", async () => {
    const statsBefore = await app.ok(STATS, { scopes: ["synpunkter:stats"] });
    const report = await runRetention(app.ds, [synpunkterModule], {
      today: "2026-11-23",
      dryRun: false,
      actor: "gallring",
    });
    const ids = report.actions[0].recordIds.map(Number);
    const removed = await app.ds.getRepository(FeedbackItem).findBy({ anonymisedDate: "2026-11-23" });
    expect(removed.map((i) => i.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(
      removed.every((i) => i.description === "[gallrad]" && i.submitterEmail === null && i.submitterName === null),
    ).toBe(true);
    // The reopened 2021 item had entries in 2022 and is not yet due; December 2021 items are kept.
    const kept = await app.ds.getRepository(FeedbackItem).findBy({ receivedDate: "2021-12-06" });
    expect(kept[0].anonymisedDate).toBeNull();
    expect(await app.ok(STATS, { scopes: ["synpunkter:stats"] })).toEqual(statsBefore);
    const log = await app.ds.getRepository(DeletionLogEntry).find();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      domain: "synpunkter",
      recordType: "FeedbackItem",
      count: ids.length,
      actor: "gallring",
    });
    const again = await runRetention(app.ds, [synpunkterModule], {
      today: "2026-11-23",
      dryRun: false,
      actor: "gallring",
    });
    expect(again.actions).toEqual([]);
  });
});
