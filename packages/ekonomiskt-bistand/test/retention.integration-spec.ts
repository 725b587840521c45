import { AccessAction, AccessLogEntry, DeletionLogEntry, runRetention } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import type { DataSource } from "typeorm";
import { ekonomisktBistandModule } from "../src";
import { Application, ApplicationCost, ApplicationIncome } from "../src/application/application.entity";
import { OPEN_STATUSES } from "../src/application/application.rules";
import { Calculation, CalculationLine } from "../src/calculation/calculation.entity";
import { Decision } from "../src/decision/decision.entity";
import { Payout } from "../src/decision/payout.entity";
import { IncorrectPaymentStatus, RecoveryKind } from "../src/enums";
import { IncorrectPaymentCase } from "../src/fut/incorrect-payment-case.entity";
import { Recovery } from "../src/fut/recovery.entity";
import { HouseholdMember } from "../src/household/household-member.entity";
import { Household } from "../src/household/household.entity";
import { lastDayOf, monthRange } from "../src/shared/month";
import { WageSubsidyEmployment, WageSubsidyMonth } from "../src/wage-subsidy/wage-subsidy.entity";

const TODAY = "2026-11-23";
const CUTOFF = "2021-11-23";
const RUN = { today: TODAY, actor: "gallring" };

const INDICATORS = `query($from: Date!, $to: Date!) {
  assistanceIndicators(from: $from, to: $to, childrenInMunicipality: 24000) {
    householdsAtEnd averageHouseholdsPerMonth longTermHouseholds grossPaid recovered netCost budget
    childrenInAssistedHouseholds shareOfChildrenNotInAssistedHouseholds
    wageSubsidyPersonsAtEnd wageSubsidyPersonnelCostMinusSubsidy wageSubsidyAssistanceNotPaid wageSubsidyNetSaving
    months { month households longTermHouseholds grossPaid recovered netCost budget } } }`;

const dateOf = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const max = (dates: (string | null)[]) => dates.reduce<string>((m, d) => (d !== null && d > m ? d : m), "0000-00-00");

/**
 * The rule, written out independently of the module's SQL: a household is due when the latest of
 * all its entries is before the cutoff and no matter is still open; a person's employments are due
 * together when none runs or has an entry from the cutoff and each one's household is due.
 */
async function expectedDue(ds: DataSource): Promise<{ households: number[]; employments: number[] }> {
  const m = ds.manager;
  const last = new Map<number, string>();
  const open = new Set<number>();
  const touch = (householdId: number, ...dates: (string | null)[]) =>
    last.set(householdId, max([last.get(householdId) ?? null, ...dates]));
  for (const h of await m.find(Household)) touch(h.id, dateOf(h.createdAt));
  for (const x of await m.find(HouseholdMember)) touch(x.householdId, x.joinedOn, x.leftOn);
  for (const a of await m.find(Application)) {
    touch(a.householdId, a.receivedDate, lastDayOf(a.month), dateOf(a.createdAt));
    if (OPEN_STATUSES.includes(a.status)) open.add(a.householdId);
  }
  for (const k of await m.find(Calculation)) touch(k.householdId, dateOf(k.calculatedAt), lastDayOf(k.month));
  for (const d of await m.find(Decision)) touch(d.householdId, d.decidedOn, lastDayOf(d.month));
  for (const p of await m.find(Payout)) touch(p.householdId, p.paymentDate, lastDayOf(p.month), dateOf(p.createdAt));
  for (const f of await m.find(IncorrectPaymentCase)) {
    touch(f.householdId, f.openedOn, f.reclaimDecidedOn);
    if (f.status === IncorrectPaymentStatus.OPEN || f.status === IncorrectPaymentStatus.INVESTIGATING)
      open.add(f.householdId);
  }
  for (const r of await m.find(Recovery)) touch(r.householdId, r.receivedDate);
  const employments = await m.find(WageSubsidyEmployment);
  const months = await m.find(WageSubsidyMonth);
  const employmentLast = new Map(
    employments.map((e) => [
      e.id,
      max([e.startDate, e.endDate, ...months.filter((w) => w.employmentId === e.id).map((w) => lastDayOf(w.month))]),
    ]),
  );
  for (const e of employments) {
    if (e.householdId === null) continue;
    touch(e.householdId, employmentLast.get(e.id)!);
    if (e.endDate === null) open.add(e.householdId);
  }
  const households = [...last].filter(([id, d]) => d < CUTOFF && !open.has(id)).map(([id]) => id);
  const due = new Set(households);
  const byPerson = new Map<string, WageSubsidyEmployment[]>();
  for (const e of employments) byPerson.set(e.personnummer!, [...(byPerson.get(e.personnummer!) ?? []), e]);
  const employmentIds = [...byPerson.values()]
    .filter((list) =>
      list.every(
        (e) =>
          e.endDate !== null &&
          employmentLast.get(e.id)! < CUTOFF &&
          (e.householdId === null || due.has(e.householdId)),
      ),
    )
    .flatMap((list) => list.map((e) => e.id));
  return { households: households.sort((a, b) => a - b), employments: employmentIds.sort((a, b) => a - b) };
}

/** Every period the board could ask for around the demo's years: each year, and each month on its own. */
const PERIODS: Array<[string, string]> = [
  ...[2019, 2020, 2021, 2022].map((y): [string, string] => [`${y}-01-01`, `${y}-12-31`]),
  ["2018-10-01", "2022-03-31"],
  ...monthRange("2018-10", "2022-01").map((m): [string, string] => [`${m}-01`, lastDayOf(m)]),
];

async function indicators(app: TestApp) {
  const out = [];
  for (const [from, to] of PERIODS)
    out.push(
      (await app.ok(INDICATORS, { scopes: ["ekonomiskt-bistand:stats"], variables: { from, to } }))
        .assistanceIndicators,
    );
  return out;
}

const snapshot = async (ds: DataSource) => ({
  households: await ds.manager.find(Household, { order: { id: "ASC" } }),
  members: await ds.manager.find(HouseholdMember, { order: { id: "ASC" } }),
  employments: await ds.manager.find(WageSubsidyEmployment, { order: { id: "ASC" } }),
  decisions: await ds.manager.count(Decision, { where: { reasons: "[gallrad]" } }),
});

describe(`ekonomiskt bistånd retention (gallring) on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let expected: { households: number[]; employments: number[] };
  let laterRecoveryHousehold: number;
  let protectedStreets: string[];

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    await ekonomisktBistandModule.seedDemo!(app.ds);
    // A household paid only in 2019 but with money recovered in January 2022: that entry keeps its file.
    const early = await app.ds.manager
      .createQueryBuilder(Payout, "p")
      .select("p.householdId", "id")
      .groupBy("p.householdId")
      .having("MAX(p.paymentDate) < :d", { d: "2019-12-31" })
      .orderBy("p.householdId")
      .getRawMany<{ id: unknown }>();
    laterRecoveryHousehold = Number(early[0].id);
    await app.ds.manager.insert(Recovery, {
      householdId: laterRecoveryHousehold,
      kind: RecoveryKind.VOLUNTARY_REPAYMENT,
      amount: 120000,
      receivedDate: "2022-01-10",
      incorrectPaymentCaseId: null,
      note: "Återbetalning efter flytt",
      registeredBy: "test",
    });
    expected = await expectedDue(app.ds);
    protectedStreets = (await app.ds.manager.find(Household, { where: { protectedIdentity: true } })).map(
      (h) => h.street!,
    );
  }, 120_000);
  afterAll(() => app.close());

  it("the demo has households of both kinds, and some are kept only by an entry other than a payout", async () => {
    expect(expected.households.length).toBeGreaterThan(500);
    expect(expected.households).not.toContain(laterRecoveryHousehold);
    const lastPaid = await app.ds.manager
      .createQueryBuilder(Payout, "p")
      .select("p.householdId", "id")
      .groupBy("p.householdId")
      .having("MAX(p.paymentDate) < :cutoff", { cutoff: CUTOFF })
      .getRawMany<{ id: unknown }>();
    // Some households were last paid before the cutoff and are still not due: a later decision, FUT case, recovery or employment keeps them.
    const due = new Set(expected.households);
    const keptByOtherEntries = lastPaid.map((r) => Number(r.id)).filter((id) => !due.has(id));
    expect(keptByOtherEntries).toContain(laterRecoveryHousehold);
    expect(keptByOtherEntries.length).toBeGreaterThan(1);
    expect(expected.employments.length).toBeGreaterThan(0);
  });

  it("a dry run reports exactly what is due and changes nothing", async () => {
    const before = await snapshot(app.ds);
    const report = await runRetention(app.ds, [ekonomisktBistandModule], { ...RUN, dryRun: true });
    expect(report.cutoff).toBe(CUTOFF);
    const action = (type: string) => report.actions.find((a) => a.recordType === type)!.recordIds.map(Number);
    expect(action("Household")).toEqual(expected.households);
    expect(action("WageSubsidyEmployment")).toEqual(expected.employments);
    expect(await snapshot(app.ds)).toEqual(before);
    expect(await app.ds.manager.count(DeletionLogEntry)).toBe(0);
    expect(await app.ds.manager.count(AccessLogEntry, { where: { action: AccessAction.DELETE } })).toBe(0);
  });

  it("removes the person data of households last entered before the cutoff, keeps every indicator and writes the deletion log", async () => {
    const figuresBefore = await indicators(app);
    const payoutsBefore = await app.ds.manager.find(Payout, {
      order: { id: "ASC" },
      select: { id: true, householdId: true, month: true, amount: true, paymentDate: true },
    });
    const report = await runRetention(app.ds, [ekonomisktBistandModule], { ...RUN, dryRun: false });
    const households = report.actions.find((a) => a.recordType === "Household")!.recordIds.map(Number);
    expect(households).toEqual(expected.households);

    const gallrade = await app.ds.manager.findBy(Household, { anonymisedDate: TODAY });
    expect(gallrade.map((h) => h.id).sort((a, b) => a - b)).toEqual(expected.households);
    expect(
      gallrade.every((h) => h.street === null && h.postalCode === null && h.city === null && h.monthlyRent === null),
    ).toBe(true);
    const members = await app.ds.manager.find(HouseholdMember);
    const due = new Set(expected.households);
    expect(
      members
        .filter((m) => due.has(m.householdId))
        .every((m) => m.personnummer === null && m.name === null && m.birthDate !== null),
    ).toBe(true);
    expect(
      members.filter((m) => !due.has(m.householdId)).every((m) => m.personnummer !== null && m.name !== null),
    ).toBe(true);
    const decisions = await app.ds.manager.find(Decision);
    expect(decisions.filter((d) => due.has(d.householdId)).every((d) => d.reasons === "[gallrad]")).toBe(true);
    expect(decisions.filter((d) => !due.has(d.householdId)).every((d) => d.reasons !== "[gallrad]")).toBe(true);
    const payouts = await app.ds.manager.find(Payout, { order: { id: "ASC" } });
    expect(
      payouts.filter((p) => due.has(p.householdId)).every((p) => p.recipient === "[gallrad]" && p.reason === null),
    ).toBe(true);
    expect(
      payouts.map(({ id, householdId, month, amount, paymentDate }) => ({
        id,
        householdId,
        month,
        amount,
        paymentDate,
      })),
    ).toEqual(payoutsBefore);
    const cases = await app.ds.manager.find(IncorrectPaymentCase);
    expect(cases.filter((c) => due.has(c.householdId)).every((c) => c.reason === "[gallrad]" && c.notes === null)).toBe(
      true,
    );
    expect(
      (await app.ds.manager.find(Recovery)).filter((r) => due.has(r.householdId)).every((r) => r.note === null),
    ).toBe(true);

    // Kept: the household with the 2022 recovery, and everyone paid in December 2021.
    const kept = await app.ds.manager.findOneByOrFail(Household, { id: laterRecoveryHousehold });
    expect(kept.anonymisedDate).toBeNull();
    expect(kept.street).not.toBeNull();

    // Växla bidrag mot lön: a person's employments lose the identity together and share one key.
    const employments = await app.ds.manager.find(WageSubsidyEmployment, { order: { id: "ASC" } });
    const gallradeEmployments = employments.filter((e) => e.anonymisedDate !== null);
    expect(gallradeEmployments.map((e) => e.id)).toEqual(expected.employments);
    expect(
      gallradeEmployments.every(
        (e) => e.personnummer === null && e.name === null && e.employer === null && e.anonymousPersonKey !== null,
      ),
    ).toBe(true);
    expect(
      employments
        .filter((e) => e.anonymisedDate === null)
        .every((e) => e.personnummer !== null && e.anonymousPersonKey === null),
    ).toBe(true);

    expect(await indicators(app)).toEqual(figuresBefore);

    const log = await app.ds.manager.find(DeletionLogEntry);
    const logged = Object.fromEntries(log.map((e) => [e.recordType, e]));
    expect(logged.Household).toMatchObject({
      domain: "ekonomiskt-bistand",
      actor: "gallring",
      count: expected.households.length,
    });
    expect(logged.HouseholdMember.count).toBe(members.filter((m) => due.has(m.householdId)).length);
    expect(logged.WageSubsidyEmployment.count).toBe(expected.employments.length);
    const deleteRows = await app.ds.manager.find(AccessLogEntry, { where: { action: AccessAction.DELETE } });
    expect(deleteRows.map((r) => r.recordType).sort()).toEqual(log.map((e) => e.recordType).sort());
  });

  it("handles households with protected identity the same way and never logs their addresses", async () => {
    const protectedHouseholds = await app.ds.manager.find(Household, { where: { protectedIdentity: true } });
    const gallrade = protectedHouseholds.filter((h) => h.anonymisedDate !== null);
    expect(gallrade.length).toBeGreaterThan(0);
    expect(protectedHouseholds.length).toBeGreaterThan(gallrade.length);
    expect(gallrade.map((h) => h.id).every((id) => expected.households.includes(id))).toBe(true);
    expect(gallrade.every((h) => h.street === null)).toBe(true);
    const logs = JSON.stringify([
      await app.ds.manager.find(DeletionLogEntry),
      await app.ds.manager.find(AccessLogEntry),
    ]);
    for (const street of protectedStreets) expect(logs).not.toContain(street);
    // Through the API: still protected, no address, no identities.
    const data = await app.ok(
      `query($id: ID!) { assistanceHousehold(id: $id) { protectedIdentity anonymisedDate address { street } members { personnummer name birthDate } } }`,
      {
        scopes: ["ekonomiskt-bistand:read", "ekonomiskt-bistand:protected"],
        variables: { id: String(gallrade[0].id) },
      },
    );
    expect(data.assistanceHousehold).toMatchObject({ protectedIdentity: true, anonymisedDate: TODAY, address: null });
    expect(
      data.assistanceHousehold.members.every(
        (m: { personnummer: unknown; name: unknown }) => m.personnummer === null && m.name === null,
      ),
    ).toBe(true);
    const hidden = await app.call(`query($id: ID!) { assistanceHousehold(id: $id) { id } }`, {
      scopes: ["ekonomiskt-bistand:read"],
      variables: { id: String(gallrade[0].id) },
    });
    expect(hidden.errorCodes).toEqual(["NOT_FOUND"]);
  });

  it("refuses changes to a gallrad household", async () => {
    const id = expected.households[0];
    const h = await app.ds.manager.findOneByOrFail(Household, { id });
    const r = await app.call(
      `mutation($input: UpdateAssistanceHouseholdInput!) { updateAssistanceHousehold(input: $input) { id } }`,
      {
        scopes: ["ekonomiskt-bistand:write", "ekonomiskt-bistand:protected"],
        variables: {
          input: {
            id: String(id),
            expectedVersion: h.version,
            address: { street: "Ny gata 1", postalCode: "50330", city: "Borås" },
          },
        },
      },
    );
    expect(r.errorCodes).toEqual(["CONFLICT"]);
    expect((await app.ds.manager.findOneByOrFail(Household, { id })).street).toBeNull();
  });

  it("a second run finds nothing left to do", async () => {
    const logBefore = await app.ds.manager.count(DeletionLogEntry);
    const again = await runRetention(app.ds, [ekonomisktBistandModule], { ...RUN, dryRun: false });
    expect(again.actions).toEqual([]);
    expect(await app.ds.manager.count(DeletionLogEntry)).toBe(logBefore);
    // A year later, the households last entered in late 2021 and 2022 fall due; the figures still hold.
    const before = await indicators(app);
    const next = await runRetention(app.ds, [ekonomisktBistandModule], {
      today: "2027-12-31",
      actor: "gallring",
      dryRun: false,
    });
    expect(next.actions.find((a) => a.recordType === "Household")!.recordIds.map(Number)).toContain(
      laterRecoveryHousehold,
    );
    expect(await indicators(app)).toEqual(before);
    // December 2021's claims and calculation lines went with them; the calculations' totals stay.
    const deleted = (type: string) => next.actions.find((a) => a.recordType === type)?.recordIds.length ?? 0;
    expect(deleted("ApplicationCost")).toBeGreaterThan(0);
    expect(deleted("ApplicationIncome")).toBeGreaterThan(0);
    expect(deleted("CalculationLine")).toBeGreaterThan(0);
    const gallrade = (await app.ds.manager.findBy(Household, { anonymisedDate: "2027-12-31" })).map((h) => h.id);
    const calculations = await app.ds.manager.find(Calculation);
    const ofGallrade = calculations.filter((c) => gallrade.includes(c.householdId));
    expect(ofGallrade.length).toBeGreaterThan(0);
    expect(ofGallrade.every((c) => c.norm > 0 && c.householdSize > 0)).toBe(true);
    const applicationIds = (await app.ds.manager.find(Application))
      .filter((a) => gallrade.includes(a.householdId))
      .map((a) => a.id);
    const remainingCosts = (await app.ds.manager.find(ApplicationCost)).filter((c) =>
      applicationIds.includes(c.applicationId),
    );
    const remainingIncomes = (await app.ds.manager.find(ApplicationIncome)).filter((c) =>
      applicationIds.includes(c.applicationId),
    );
    const remainingLines = (await app.ds.manager.find(CalculationLine)).filter((l) =>
      ofGallrade.some((c) => c.id === l.calculationId),
    );
    expect([remainingCosts.length, remainingIncomes.length, remainingLines.length]).toEqual([0, 0, 0]);
  });
});
