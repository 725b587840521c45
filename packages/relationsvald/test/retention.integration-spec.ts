import { DeletionLogEntry, runRetention } from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import {
  AccompanyingChild,
  Placement,
  PlacementChildDecision,
  PlacementClient,
  PlacementType,
  ProviderInvoice,
  ViolenceType,
  placementCostsByProvider,
  relationsvaldModule,
} from "../src";
import { STATS, TRUSTED, pnr } from "./helpers";

const TODAY = "2027-03-01";
const CUTOFF = "2022-03-01";

const FIGURES =
  "placements started ended clients children persons nights personNights averageLength acuteStarted acutePastTwoNights";
const STATISTICS = `{
  placementStatisticsByYear(fromYear: 2015, toYear: 2022) { from to byType { type ${FIGURES} } total { ${FIGURES} } }
  placementCostReport(from: "2015-01-01", to: "2022-12-31") {
    total budget difference placementCost serviceFees byType { type amount }
    byProvider { providerName placementCost serviceFees total } byMonth { month placementCost serviceFees total budget difference }
  }
  placementBudgets { year amount }
}`;

describe(`relationsvåld retention (gallring) on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  /** The edge cases, on top of the demo data. */
  const ids = {} as Record<
    | "due"
    | "exemptChild"
    | "plainChild"
    | "protectedPlacement"
    | "outpatientPlacement"
    | "lateInvoice"
    | "endsOnCutoff"
    | "endsDayBefore"
    | "ongoing",
    number
  >;

  async function client(name: string): Promise<number> {
    const row = await app.ds.manager.save(PlacementClient, {
      personnummer: pnr("1980-05-05").replace("-", "").replace(/^/, "19"),
      name,
      violenceType: ViolenceType.CLOSE_RELATIONSHIP,
      protectedIdentity: false,
      address: "Hemliga gatan 1",
    });
    return row.id;
  }
  async function child(clientId: number, retentionExempt: boolean): Promise<number> {
    const row = await app.ds.manager.save(AccompanyingChild, {
      clientId,
      personnummer: pnr("2010-02-02").replace("-", "").replace(/^/, "20"),
      name: "Barn",
      birthDate: "2010-02-02",
      protectedIdentity: false,
      retentionExempt,
    });
    return row.id;
  }
  async function placement(
    clientId: number,
    type: PlacementType,
    startDate: LocalDate,
    endDate: LocalDate | null,
    childIds: number[] = [],
  ) {
    const row = await app.ds.manager.save(Placement, {
      type,
      clientId,
      providerId: 1,
      startDate,
      endDate,
      plannedEndDate: null,
      acute: false,
      decisionReference: "RVE-T",
      decisionDate: startDate,
      personCount: 1 + childIds.length,
      movedFromId: null,
      address: "Placeringsadress 1",
    });
    for (const childId of childIds)
      await app.ds.manager.save(PlacementChildDecision, {
        placementId: row.id,
        childId,
        assessedOn: startDate,
        decisionReference: "RVE-T-B",
        decisionDate: startDate,
      });
    return row.id;
  }

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    await relationsvaldModule.seedDemo!(app.ds);
    ids.due = await client("Gammal Klient");
    ids.exemptChild = await child(ids.due, true);
    ids.plainChild = await child(ids.due, false);
    ids.protectedPlacement = await placement(ids.due, PlacementType.PROTECTED_HOUSING, "2015-01-01", "2015-06-01", [
      ids.exemptChild,
    ]);
    ids.outpatientPlacement = await placement(ids.due, PlacementType.INTERNAL_OUTPATIENT, "2015-07-01", "2016-01-01", [
      ids.plainChild,
    ]);
    // Ended long ago, but the provider's invoice for it came in on the cutoff day: a later entry.
    ids.lateInvoice = await client("Sen Faktura");
    const invoiced = await placement(ids.lateInvoice, PlacementType.EMERGENCY_HOUSING, "2016-01-01", "2016-02-01");
    await app.ds.manager.save(ProviderInvoice, {
      providerId: 1,
      invoiceNumber: "T-LATE",
      month: "2016-01",
      placementId: invoiced,
      amount: 100_00,
      serviceFee: false,
      receivedOn: CUTOFF,
    });
    ids.endsOnCutoff = await client("Flyttar Ut På Gränsdagen");
    await placement(ids.endsOnCutoff, PlacementType.EMERGENCY_HOUSING, "2016-03-01", CUTOFF);
    ids.endsDayBefore = await client("Flyttar Ut Dagen Före");
    await placement(ids.endsDayBefore, PlacementType.EMERGENCY_HOUSING, "2016-05-01", "2022-02-28");
    ids.ongoing = await client("Pågående");
    await placement(ids.ongoing, PlacementType.INTERNAL_OUTPATIENT, "2015-01-01", null);
  });
  afterAll(() => app.close());

  const snapshot = async () => ({
    clients: await app.ds.getRepository(PlacementClient).find({ order: { id: "ASC" } }),
    children: await app.ds.getRepository(AccompanyingChild).find({ order: { id: "ASC" } }),
    placements: await app.ds.getRepository(Placement).find({ order: { id: "ASC" } }),
  });
  const run = (dryRun: boolean) =>
    runRetention(app.ds, [relationsvaldModule], { today: TODAY, dryRun, actor: "gallring" });
  const idsOf = (report: Awaited<ReturnType<typeof run>>, recordType: string) =>
    (report.actions.find((a) => a.recordType === recordType)?.recordIds ?? []).map(Number).sort((a, b) => a - b);

  it("a dry run reports what is due and changes nothing", async () => {
    const before = await snapshot();
    const report = await run(true);
    expect(report.cutoff).toBe(CUTOFF);
    expect(idsOf(report, "PlacementClient")).toContain(ids.due);
    expect(idsOf(report, "AccompanyingChild")).toContain(ids.plainChild);
    expect(await snapshot()).toEqual(before);
    expect(await app.ds.getRepository(DeletionLogEntry).count()).toBe(0);
  });

  it("removes the person data of files older than five years, never an exempt child's, and keeps every statistic", async () => {
    const statsBefore = await app.ok(STATISTICS, { scopes: [STATS] });
    const costsBefore = await placementCostsByProvider(app.ds, {
      organisationsnummer: "864501-5200",
      from: "2015-01-01",
      to: "2022-12-31",
    });
    const before = await snapshot();
    const report = await run(false);

    const clientIds = idsOf(report, "PlacementClient");
    const childIds = idsOf(report, "AccompanyingChild");
    expect(clientIds).toContain(ids.due);
    expect(clientIds).toContain(ids.endsDayBefore);
    expect(clientIds).not.toContain(ids.lateInvoice);
    expect(clientIds).not.toContain(ids.endsOnCutoff);
    expect(clientIds).not.toContain(ids.ongoing);
    // Demo data: files from 2020–2021 are due; files with a placement running into March 2022 or later are not.
    const after = await snapshot();
    const demoClients = after.clients.filter((c) => c.id < ids.due);
    expect(demoClients.some((c) => c.anonymisedDate === TODAY)).toBe(true);
    expect(demoClients.some((c) => c.anonymisedDate === null)).toBe(true);

    // Exactly the reported rows changed, and they hold no person data any more.
    const gallrade = after.clients.filter((c) => c.anonymisedDate === TODAY);
    expect(gallrade.map((c) => c.id)).toEqual(clientIds);
    for (const c of gallrade)
      expect(c).toMatchObject({ personnummer: null, name: "[gallrad]", violenceType: null, address: null });
    const gallradeChildren = after.children.filter((k) => k.anonymisedDate === TODAY);
    expect(gallradeChildren.map((k) => k.id)).toEqual(childIds);
    for (const k of gallradeChildren)
      expect(k).toMatchObject({ personnummer: null, name: "[gallrad]", birthDate: null, retentionExempt: false });
    for (const c of after.clients.filter((c) => !clientIds.includes(c.id)))
      expect(c).toEqual(before.clients.find((b) => b.id === c.id));

    // Children placed in skyddat boende are never touched — neither the child nor the placement that covers it.
    const exempt = after.children.filter((k) => k.retentionExempt);
    expect(exempt.length).toBeGreaterThan(1);
    for (const k of exempt) expect(k).toEqual(before.children.find((b) => b.id === k.id));
    expect(exempt.some((k) => clientIds.includes(k.clientId))).toBe(true); // their parent's file was gallrad
    const protectedPlacement = after.placements.find((p) => p.id === ids.protectedPlacement)!;
    expect(protectedPlacement.address).toBe("Placeringsadress 1");
    expect(after.children.find((k) => k.id === ids.plainChild)!.anonymisedDate).toBe(TODAY);
    expect(idsOf(report, "Placement")).toContain(ids.outpatientPlacement);
    expect(idsOf(report, "Placement")).not.toContain(ids.protectedPlacement);
    expect(after.placements.find((p) => p.id === ids.outpatientPlacement)!.address).toBeNull();

    // Placement rows stay: dates, types, persons, provider — only addresses of gallrade files go.
    const strip = (p: Placement) => ({ ...p, address: null, version: 0 });
    expect(after.placements.map(strip)).toEqual(before.placements.map(strip));

    expect(await app.ok(STATISTICS, { scopes: [STATS] })).toEqual(statsBefore);
    expect(
      await placementCostsByProvider(app.ds, {
        organisationsnummer: "864501-5200",
        from: "2015-01-01",
        to: "2022-12-31",
      }),
    ).toEqual(costsBefore);

    // The API shows the gallrad record without person data.
    const shown = await app.ok(
      `query($id: ID!) { placementClient(id: $id) { personnummer name violenceType anonymisedDate } }`,
      {
        scopes: TRUSTED,
        variables: { id: String(ids.due) },
      },
    );
    expect(shown.placementClient).toEqual({
      personnummer: null,
      name: "[gallrad]",
      violenceType: null,
      anonymisedDate: TODAY,
    });

    const log = await app.ds.getRepository(DeletionLogEntry).find({ order: { id: "ASC" } });
    expect(log.map((l) => [l.recordType, l.count])).toEqual([
      ["PlacementClient", clientIds.length],
      ["AccompanyingChild", childIds.length],
      ["Placement", idsOf(report, "Placement").length],
    ]);
  });

  it("a second run does nothing", async () => {
    const before = await snapshot();
    expect((await run(false)).actions).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("a gallrad client can no longer be changed or placed", async () => {
    const { version } = await app.ds.getRepository(PlacementClient).findOneByOrFail({ id: ids.due });
    const update = await app.call(
      `mutation($id: ID!, $v: Int!) { updatePlacementClient(id: $id, input: { expectedVersion: $v, name: "Ny" }) { id } }`,
      {
        scopes: TRUSTED,
        variables: { id: String(ids.due), v: version },
      },
    );
    expect(update.errorCodes).toEqual(["CONFLICT"]);
    const place = await app.call(
      `mutation($id: ID!) { createPlacement(input: { type: INTERNAL_OUTPATIENT, clientId: $id, providerId: "1", startDate: "2027-03-01", acute: true }) { id } }`,
      { scopes: TRUSTED, variables: { id: String(ids.due) } },
    );
    expect(place.errorCodes).toEqual(["BAD_USER_INPUT"]);
  });
});
