import { DeletionLogEntry, runRetention } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { IopAgreement, IopContact, iopModule } from "../src";
import { ContactRole, PartySide } from "../src/agreement/agreement.enums";
import { Deviation } from "../src/follow-up/deviation.entity";
import { DeviationSeverity } from "../src/follow-up/follow-up.enums";

const TODAY = "2027-03-01";
const COSTS = "agreementId year inForce serviceFee amendments invoicedAgreed otherInvoices total";
const STATISTICS = `{
  iopPartnershipCount(on: "2021-06-30") { inForce byFundingBudget { fundingBudgetCode partnerships } }
  a: iopPartnershipChanges(from: "2020-01-01", to: "2021-12-31") { started ended replaced windingDown }
  b: iopPartnershipChanges(from: "2022-01-01", to: "2027-12-31") { started ended replaced windingDown }
  iopCostsPerPartnership(fromYear: 2020, toYear: 2025) { ${COSTS} }
  iopCostsPerFundingBudget(fromYear: 2020, toYear: 2025) { fundingBudgetCode year partnerships serviceFee amendments invoicedAgreed otherInvoices total }
  y2021: iopFollowUpStatistics(year: 2021) { evaluations agreementsEvaluated deviations openDeviations activityReportsReceived individualsServed }
  y2022: iopFollowUpStatistics(year: 2022) { evaluations agreementsEvaluated deviations openDeviations activityReportsReceived individualsServed }
}`;

describe(`iop retention (gallring) on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  const contact = (agreementId: number, name: string | null) =>
    app.ds.manager.save(IopContact, {
      agreementId,
      side: PartySide.PARTNER,
      role: ContactRole.CONTACT_PERSON,
      title: "Verksamhetschef",
      name,
      unit: "Föreningen",
      email: name ? "kontakt@example.org" : null,
      phone: name ? "033-123456" : null,
    });
  const ids = {} as Record<"ended" | "roleOnly" | "laterEntry" | "windingDown" | "inForce", number>;

  beforeAll(async () => {
    app = await TestApp.start([iopModule]);
    await iopModule.seedDemo!(app.ds);
    const agreement = (title: string) => app.ds.manager.findOneByOrFail(IopAgreement, { title });
    const jobb = await agreement("Jobb Tillsammans"); // ended 2021-12-31
    const norrby = await agreement("Norrby för Norrby"); // ended 2021-12-31, but a deviation was resolved later
    const spira = await agreement("Spira"); // wound down until 2022-03-31
    const guldkanten = await agreement("IOP med Föreningen Guldkanten"); // in force
    ids.ended = (await contact(jobb.id, "Anna Andersson")).id;
    ids.roleOnly = (await contact(jobb.id, null)).id;
    ids.laterEntry = (await contact(norrby.id, "Bertil Berg")).id;
    ids.windingDown = (await contact(spira.id, "Cecilia Carlsson")).id;
    ids.inForce = (await contact(guldkanten.id, "David Dahl")).id;
    await app.ds.manager.save(Deviation, {
      agreementId: norrby.id,
      evaluationId: null,
      detectedOn: "2021-11-15",
      severity: DeviationSeverity.LOW,
      description: "Redovisningen kom sent",
      measures: "Påminnelse",
      resolvedOn: "2022-03-01",
    });
  });
  afterAll(() => app.close());

  const contacts = () => app.ds.getRepository(IopContact).find({ order: { id: "ASC" } });
  const run = (dryRun: boolean, today = TODAY) =>
    runRetention(app.ds, [iopModule], { today, dryRun, actor: "gallring" });

  it("counts five years from the day the agreement ended (dry runs change nothing)", async () => {
    const before = await contacts();
    const dayBefore = await run(true, "2026-12-31"); // cutoff 2021-12-31: the agreement's last day is not before it
    expect(dayBefore.actions).toEqual([]);
    const dayAfter = await run(true, "2027-01-01");
    expect(dayAfter.actions.map((a) => [a.recordType, a.recordIds])).toEqual([["IopContact", [ids.ended]]]);
    expect(await contacts()).toEqual(before);
    expect(await app.ds.getRepository(DeletionLogEntry).count()).toBe(0);
  });

  it("removes name, e-mail and phone of contacts of agreements ended more than five years ago; the rest stays", async () => {
    const statsBefore = await app.ok(STATISTICS, { scopes: ["iop:stats"] });
    const agreementsBefore = await app.ds.getRepository(IopAgreement).find({ order: { id: "ASC" } });
    const before = await contacts();
    const report = await run(false);
    expect(report.actions.map((a) => [a.recordType, a.recordIds])).toEqual([["IopContact", [ids.ended]]]);

    const after = await contacts();
    expect(after.find((c) => c.id === ids.ended)).toMatchObject({
      name: null,
      email: null,
      phone: null,
      title: "Verksamhetschef",
      unit: "Föreningen",
      role: ContactRole.CONTACT_PERSON,
      anonymisedDate: TODAY,
    });
    // Everything else unchanged: the role-only contact, contacts of agreements with a later entry, still winding down or in force.
    expect(after.filter((c) => c.id !== ids.ended)).toEqual(before.filter((c) => c.id !== ids.ended));
    expect(after.find((c) => c.id === ids.laterEntry)!.name).toBe("Bertil Berg");
    // Agreements are public documents and stay as they were; the statistics are unchanged.
    expect(await app.ds.getRepository(IopAgreement).find({ order: { id: "ASC" } })).toEqual(agreementsBefore);
    expect(await app.ok(STATISTICS, { scopes: ["iop:stats"] })).toEqual(statsBefore);

    const log = await app.ds.getRepository(DeletionLogEntry).find();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ domain: "iop", recordType: "IopContact", count: 1, recordIds: [String(ids.ended)] });
  });

  it("a second run does nothing; later runs pick up agreements as they come due", async () => {
    expect((await run(false)).actions).toEqual([]);
    const later = await run(true, "2027-04-01"); // cutoff 2022-04-01: Spira (ended 2022-03-31) is due, Norrby's deviation resolved 2022-03-01 too
    expect(later.actions[0].recordIds.map(Number).sort((a, b) => a - b)).toEqual([ids.laterEntry, ids.windingDown]);
  });
});
