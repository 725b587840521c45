import { AccessLogEntry } from "@arbetsliv/core";
import { TestApp, recoverBySubtraction, testDatabaseKind, type PublishedTable } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule, rebuildAssistanceSummaries } from "../src";
import { Payout } from "../src/decision/payout.entity";
import { ApplicationStatus, HousingType, MemberRole, PayoutType } from "../src/enums";
import { IncorrectPaymentCase } from "../src/fut/incorrect-payment-case.entity";
import { HouseholdMember } from "../src/household/household-member.entity";
import { Household } from "../src/household/household.entity";
import { ADD_RIKSNORM, makePersonnummer, riksnormInput, saveGrantedMonth } from "./helpers";

const READ = "ekonomiskt-bistand:read";
const WRITE = "ekonomiskt-bistand:write";
const STATS = "ekonomiskt-bistand:stats";
/** The board's report: exact indicators, small counts included (access-logged). */
const STATS_EXACT = "ekonomiskt-bistand:stats:exact";
const CASEWORKER = [READ, WRITE];

const months2021 = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2021-${String(from + i).padStart(2, "0")}`);

/** Inserts a household paid for the given months (application → decision → payout per month). */
async function paidHousehold(
  app: TestApp,
  serial: number,
  months: string[],
  amountKr = 6000,
  withChild = false,
): Promise<{ household: Household; payouts: Payout[]; applicant: HouseholdMember }> {
  return app.ds.transaction(async (m) => {
    const household = await m.save(
      m.create(Household, {
        street: `Testgatan ${serial}`,
        postalCode: "50330",
        city: "Borås",
        housingType: HousingType.RENTAL,
        monthlyRent: 550000,
        protectedIdentity: false,
        createdAt: new Date(),
      }),
    );
    const applicant = await m.save(
      m.create(HouseholdMember, {
        householdId: household.id,
        role: MemberRole.APPLICANT,
        personnummer: makePersonnummer("1985-01-01", serial),
        name: `Sökande ${serial}`,
        birthDate: "1985-01-01",
        lunchAtPreschool: false,
        inUpperSecondary: false,
        includedInNorm: true,
        joinedOn: "2020-01-01",
        leftOn: null,
      }),
    );
    if (withChild) {
      await m.save(
        m.create(HouseholdMember, {
          householdId: household.id,
          role: MemberRole.CHILD,
          personnummer: makePersonnummer("2015-06-01", serial),
          name: `Barn ${serial}`,
          birthDate: "2015-06-01",
          lunchAtPreschool: false,
          inUpperSecondary: false,
          includedInNorm: true,
          joinedOn: "2020-01-01",
          leftOn: null,
        }),
      );
    }
    const payouts: Payout[] = [];
    for (const month of months) {
      const d = await saveGrantedMonth(m, household.id, month, amountKr * 100, { status: ApplicationStatus.PAID });
      payouts.push(
        await m.save(
          m.create(Payout, {
            householdId: household.id,
            decisionId: d.id,
            month,
            type: PayoutType.ORIGINAL,
            amount: amountKr * 100,
            paymentDate: `${month}-03`,
            recipient: "x",
            onceKey: d.id,
            correctsPayoutId: null,
            reason: null,
            createdBy: "t",
            createdAt: new Date(),
          }),
        ),
      );
    }
    return { household, payouts, applicant };
  });
}

describe(`lists, FUT, växla bidrag mot lön and indicators on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let longA: Awaited<ReturnType<typeof paidHousehold>>;
  let tenB: Awaited<ReturnType<typeof paidHousehold>>;
  let correctedC: Awaited<ReturnType<typeof paidHousehold>>;

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    await app.ok(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: riksnormInput(2021) } });
    for (let i = 1; i <= 57; i++) await paidHousehold(app, i, ["2021-01", "2021-02"], 5000 + i, i % 3 === 0);
    longA = await paidHousehold(app, 100, months2021(1, 11), 7000); // 11 months: long-term
    tenB = await paidHousehold(app, 101, months2021(3, 12), 7000, true); // 10 months: not long-term
    correctedC = await paidHousehold(app, 102, months2021(1, 12), 7000); // 12 months, June corrected to zero below
    const june = correctedC.payouts[5];
    await app.ds.getRepository(Payout).insert({
      householdId: june.householdId,
      decisionId: june.decisionId,
      month: "2021-06",
      type: PayoutType.CORRECTION,
      amount: -700000,
      paymentDate: "2021-06-20",
      recipient: "x",
      onceKey: null,
      correctsPayoutId: june.id,
      reason: "återbetald",
      createdBy: "t",
      createdAt: new Date(),
    });
    // The payouts above were written past PayoutService: derive the statistics' summary rows from them.
    await rebuildAssistanceSummaries(app.ds.manager);
  });
  afterAll(() => app.close());

  describe("the household list", () => {
    const LIST = `query($first: Int) { assistanceHouseholds(first: $first) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id housingType address { street } members { role personnummer name birthDate } latestDecision { outcome amount month } payouts { month amount type } applications { month type } } } }`;

    it("runs the same number of SQL statements for 5 and for 50 households", async () => {
      const five = await app.call(LIST, { scopes: [READ], variables: { first: 5 } });
      const fifty = await app.call(LIST, { scopes: [READ], variables: { first: 50 } });
      expect(five.errors).toBeUndefined();
      expect(fifty.data!.assistanceHouseholds.nodes).toHaveLength(50);
      expect(fifty.data!.assistanceHouseholds.nodes[49].payouts.length).toBeGreaterThan(0);
      expect(fifty.data!.assistanceHouseholds.nodes[0].latestDecision.outcome).toBe("GRANTED");
      expect(fifty.statements).toBe(five.statements);
      expect(five.statements).toBeLessThanOrEqual(8);
    });

    it("writes one access-log row per list, naming every household and person", async () => {
      await app.ok(LIST, { scopes: [READ], subject: "lister", variables: { first: 20 } });
      const rows = await app.ds.getRepository(AccessLogEntry).find({ where: { actor: "lister" } });
      expect(rows).toHaveLength(1);
      expect(rows[0].recordIds).toHaveLength(20);
      expect(rows[0].subjectKeys!.split(",").filter(Boolean).length).toBeGreaterThanOrEqual(20);
    });

    it("pages with a cursor, refuses more than 100 per page, and filters by person and paid month", async () => {
      const page1 = await app.ok(LIST, { scopes: [READ], variables: { first: 30 } });
      expect(page1.assistanceHouseholds).toMatchObject({ totalCount: 60, pageInfo: { hasNextPage: true } });
      const page2 = await app.ok(
        `query($after: String) { assistanceHouseholds(first: 100, after: $after) { nodes { id } } }`,
        { scopes: [READ], variables: { after: page1.assistanceHouseholds.pageInfo.endCursor } },
      );
      expect(page2.assistanceHouseholds.nodes).toHaveLength(30);
      const tooMany = await app.call(LIST, { scopes: [READ], variables: { first: 101 } });
      expect(tooMany.errorCodes).toEqual(["BAD_USER_INPUT"]);
      const byPerson = await app.ok(
        `query($p: Personnummer) { assistanceHouseholds(filter: { personnummer: $p }) { nodes { id } } }`,
        { scopes: [READ], variables: { p: longA.applicant.personnummer } },
      );
      expect(byPerson.assistanceHouseholds.nodes).toEqual([{ id: String(longA.household.id) }]);
      const december = await app.ok(`{ assistanceHouseholds(filter: { paidInMonth: "2021-12" }) { totalCount } }`, {
        scopes: [READ],
      });
      expect(december.assistanceHouseholds.totalCount).toBe(2);
    });

    it("is not for the stats scope, which sees indicators only", async () => {
      expect((await app.call(LIST, { scopes: [STATS], variables: { first: 5 } })).errorCodes).toEqual(["FORBIDDEN"]);
      expect((await app.call(LIST, { anonymous: true, variables: { first: 5 } })).errorCodes).toEqual([
        "UNAUTHENTICATED",
      ]);
    });
  });

  describe("indicators from a small set of records", () => {
    const Q = `query($from: Date!, $to: Date!, $children: Int) { assistanceIndicators(from: $from, to: $to, childrenInMunicipality: $children) {
      householdsAtEnd averageHouseholdsPerMonth longTermHouseholds grossPaid recovered netCost budget childrenInAssistedHouseholds shareOfChildrenNotInAssistedHouseholds
      months { month households longTermHouseholds netCost budget } } }`;

    it("counts households per month, the long-term ones (a month corrected to zero does not count) and the cost", async () => {
      const data = await app.ok(Q, {
        scopes: [STATS_EXACT],
        variables: { from: "2021-01-01", to: "2021-12-31", children: 1000 },
      });
      const r = data.assistanceIndicators;
      expect(r.householdsAtEnd).toBe(2); // B and C in December
      expect(r.longTermHouseholds).toBe(2); // A (11 months) and C (12 − the zeroed June = 11); B has 10
      expect(r.months.find((m: { month: string }) => m.month === "2021-06").households).toBe(2); // A and B; C's June is zero
      expect(r.months.find((m: { month: string }) => m.month === "2021-01").households).toBe(59);
      // 57 households × 2 months at 5 000 + i kr, and 11 + 10 + 12 months at 7 000 kr, minus C's corrected June
      const small = Array.from({ length: 57 }, (_, i) => 2 * (5000 + i + 1)).reduce((s, v) => s + v, 0);
      expect(r.grossPaid).toBe(`${small + 33 * 7000 - 7000}.00`);
      expect(r.childrenInAssistedHouseholds).toBe(1); // B's child; the others were not paid in December
      expect(r.shareOfChildrenNotInAssistedHouseholds).toBe(99.9);
      expect(r.budget).toBeNull();
    });

    it("rolls the long-term count over the 12 months ending each month", async () => {
      const data = await app.ok(Q, {
        scopes: [READ, STATS_EXACT],
        variables: { from: "2021-10-01", to: "2021-11-30" },
      });
      const [oct, nov] = data.assistanceIndicators.months;
      expect(oct.longTermHouseholds).toBe(0); // Nov 2020–Oct 2021: A has 10 months, C 9, B 8
      expect(nov.longTermHouseholds).toBe(1); // Dec 2020–Nov 2021: A has 11; C 10 (June zeroed); B 9
    });

    it("rejects a period that ends before it starts, naming the field", async () => {
      const r = await app.call(Q, { scopes: [STATS], variables: { from: "2021-12-01", to: "2021-01-01" } });
      expect(r.errors?.[0].extensions?.field).toBe("to");
    });

    it("without the exact scope: whole months only, and the small household counts of 2021 hidden so that no total gives them away", async () => {
      const day = await app.call(Q, { scopes: [STATS], variables: { from: "2021-12-24", to: "2021-12-24" } });
      expect(day.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from", rule: "whole-months" });
      const FULL = `query($from: Date!, $to: Date!) { assistanceIndicators(from: $from, to: $to, childrenInMunicipality: 1000) {
        householdsAtEnd averageHouseholdsPerMonth longTermHouseholds grossPaid recovered netCost childrenInAssistedHouseholds shareOfChildrenNotInAssistedHouseholds
        wageSubsidyPersonsAtEnd wageSubsidyPersonnelCostMinusSubsidy wageSubsidyAssistanceNotPaid wageSubsidyNetSaving suppressed disclosure { exact minimumCount }
        months { month households longTermHouseholds grossPaid recovered netCost suppressed } } }`;
      const vars = { from: "2021-01-01", to: "2021-12-31" };
      const r = (await app.ok(FULL, { scopes: [STATS], variables: vars })).assistanceIndicators;
      const exact = (await app.ok(FULL, { scopes: [STATS_EXACT], variables: vars })).assistanceIndicators;
      expect(r.disclosure).toEqual({ exact: false, minimumCount: 3 });
      // B and C in December, B's one child: hidden, with what depends on them.
      expect([
        r.householdsAtEnd,
        r.longTermHouseholds,
        r.childrenInAssistedHouseholds,
        r.shareOfChildrenNotInAssistedHouseholds,
      ]).toEqual([null, null, null, null]);
      expect(r.suppressed).toEqual(
        expect.arrayContaining([
          "householdsAtEnd",
          "longTermHouseholds",
          "childrenInAssistedHouseholds",
          "shareOfChildrenNotInAssistedHouseholds",
        ]),
      );
      const dec = r.months.find((m: { month: string }) => m.month === "2021-12");
      expect([dec.households, dec.grossPaid, dec.suppressed]).toEqual([
        null,
        null,
        expect.arrayContaining(["households", "grossPaid", "netCost"]),
      ]);
      expect(r.months.find((m: { month: string }) => m.month === "2021-01").households).toBe(59);
      // An attacker adding up the months: households × months = the average, money per month = the period's.
      const kr = (v: string | null) => (v === null ? null : Math.round(Number(v) * 100));
      const values: PublishedTable["values"] = {
        avg12: r.averageHouseholdsPerMonth === null ? null : Math.round(r.averageHouseholdsPerMonth * 12),
        gross: kr(r.grossPaid),
        rec: kr(r.recovered),
        net: kr(r.netCost),
        end: r.householdsAtEnd,
      };
      const sums: PublishedTable["sums"] = [
        ["gross", ["net", "rec"]],
        ["end", ["h11"]],
      ];
      r.months.forEach((m: Record<string, string | number | null>, i: number) =>
        Object.assign(values, {
          [`h${i}`]: m.households,
          [`g${i}`]: kr(m.grossPaid as string | null),
          [`r${i}`]: kr(m.recovered as string | null),
          [`n${i}`]: kr(m.netCost as string | null),
        }),
      );
      sums.push(
        ["avg12", r.months.map((_: unknown, i: number) => `h${i}`)],
        ["gross", r.months.map((_: unknown, i: number) => `g${i}`)],
        ["net", r.months.map((_: unknown, i: number) => `n${i}`)],
        ["rec", r.months.map((_: unknown, i: number) => `r${i}`)],
      );
      r.months.forEach((_: unknown, i: number) => sums.push([`g${i}`, [`n${i}`, `r${i}`]]));
      expect(recoverBySubtraction({ values, sums })).toEqual({});
      for (const [k, v] of Object.entries(r))
        if (v !== null && typeof v !== "object") expect({ k, v }).toEqual({ k, v: exact[k] });
    });

    it("measures the net cost against a budget set by an administrator", async () => {
      const SET = `mutation { setAssistanceBudget(year: 2021, netCostBudget: "1200000") { year netCostBudget } }`;
      expect((await app.call(SET, { scopes: [STATS] })).errorCodes).toEqual(["FORBIDDEN"]);
      await app.ok(SET, { scopes: ["admin"] });
      const data = await app.ok(Q, { scopes: [STATS_EXACT], variables: { from: "2021-01-01", to: "2021-03-31" } });
      expect(data.assistanceIndicators.budget).toBe("300000.00");
      expect(data.assistanceIndicators.months.map((m: { budget: string }) => m.budget)).toEqual([
        "100000.00",
        "100000.00",
        "100000.00",
      ]);
    });
  });

  describe("FUT — incorrect payments and reclaims", () => {
    let caseId: string;
    const OPEN = `mutation($input: OpenIncorrectPaymentCaseInput!) { openIncorrectPaymentCase(input: $input) { id status version payouts { id } } }`;
    const UPDATE = `mutation($input: UpdateIncorrectPaymentCaseInput!) { updateIncorrectPaymentCase(input: $input) { status amountWronglyPaid version } }`;

    it("opens a case over the household's own payouts only", async () => {
      const foreign = await app.call(OPEN, {
        scopes: CASEWORKER,
        variables: {
          input: {
            householdId: String(longA.household.id),
            payoutIds: [String(tenB.payouts[0].id)],
            reason: "Ej redovisad lön",
            openedOn: "2021-09-01",
          },
        },
      });
      expect(foreign.errors?.[0].extensions?.field).toBe("input.payoutIds");
      expect(await app.ds.getRepository(IncorrectPaymentCase).count()).toBe(0);
      const data = await app.ok(OPEN, {
        scopes: CASEWORKER,
        variables: {
          input: {
            householdId: String(longA.household.id),
            payoutIds: longA.payouts.slice(0, 2).map((p) => String(p.id)),
            reason: "Ej redovisad lön",
            openedOn: "2021-09-01",
          },
        },
      });
      expect(data.openIncorrectPaymentCase).toMatchObject({ status: "OPEN", version: 1 });
      expect(data.openIncorrectPaymentCase.payouts).toHaveLength(2);
      caseId = data.openIncorrectPaymentCase.id;
    });

    it("records the amount wrongly paid (at most what was paid); a stale edit is CONFLICT", async () => {
      const tooMuch = await app.call(UPDATE, {
        scopes: CASEWORKER,
        variables: { input: { id: caseId, expectedVersion: 1, amountWronglyPaid: "14001" } },
      });
      expect(tooMuch.errors?.[0].extensions?.field).toBe("input.amountWronglyPaid");
      const ok = await app.ok(UPDATE, {
        scopes: CASEWORKER,
        variables: { input: { id: caseId, expectedVersion: 1, status: "INVESTIGATING", amountWronglyPaid: "4000" } },
      });
      expect(ok.updateIncorrectPaymentCase).toEqual({
        status: "INVESTIGATING",
        amountWronglyPaid: "4000.00",
        version: 2,
      });
      const stale = await app.call(UPDATE, {
        scopes: CASEWORKER,
        variables: { input: { id: caseId, expectedVersion: 1, notes: "x" } },
      });
      expect(stale.errorCodes).toEqual(["CONFLICT"]);
    });

    it("decides a reclaim; repayments reduce the net cost", async () => {
      const DECIDE = `mutation($input: DecideReclaimInput!) { decideReclaim(input: $input) { status reclaimAmount reclaimLegalBasis } }`;
      const over = await app.call(DECIDE, {
        scopes: CASEWORKER,
        variables: { input: { id: caseId, expectedVersion: 2, reclaimAmount: "4001", decidedOn: "2021-10-01" } },
      });
      expect(over.errors?.[0].extensions?.field).toBe("input.reclaimAmount");
      const ok = await app.ok(DECIDE, {
        scopes: CASEWORKER,
        variables: { input: { id: caseId, expectedVersion: 2, reclaimAmount: "4000", decidedOn: "2021-10-01" } },
      });
      expect(ok.decideReclaim).toEqual({
        status: "RECLAIM_DECIDED",
        reclaimAmount: "4000.00",
        reclaimLegalBasis: "SoL 9 kap. 1 §",
      });
      const Q = `{ assistanceIndicators(from: "2021-11-01", to: "2021-11-30") { grossPaid recovered netCost } }`;
      const before = (await app.ok(Q, { scopes: [STATS_EXACT] })).assistanceIndicators;
      await app.ok(
        `mutation($input: RegisterAssistanceRecoveryInput!) { registerAssistanceRecovery(input: $input) { id } }`,
        {
          scopes: CASEWORKER,
          variables: {
            input: {
              householdId: String(longA.household.id),
              kind: "RECLAIM_REPAYMENT",
              amount: "1500",
              receivedDate: "2021-11-15",
              incorrectPaymentCaseId: caseId,
            },
          },
        },
      );
      const after = (await app.ok(Q, { scopes: [STATS_EXACT] })).assistanceIndicators;
      expect(after.recovered).toBe("1500.00");
      expect(Number(after.netCost)).toBe(Number(before.netCost) - 1500);
      const read = await app.ok(`query($id: ID!) { incorrectPaymentCase(id: $id) { recoveries { amount kind } } }`, {
        scopes: [READ],
        variables: { id: caseId },
      });
      expect(read.incorrectPaymentCase.recoveries).toEqual([{ amount: "1500.00", kind: "RECLAIM_REPAYMENT" }]);
    });
  });

  describe("växla bidrag mot lön", () => {
    const person = makePersonnummer("1990-04-04", 404);
    let employmentId: string;

    it("registers an employment and its months once each", async () => {
      const reg = await app.ok(
        `mutation($input: RegisterWageSubsidyEmploymentInput!) { registerWageSubsidyEmployment(input: $input) { id personnummer employmentType } }`,
        {
          scopes: CASEWORKER,
          variables: {
            input: {
              personnummer: person,
              name: "Växlad Person",
              householdId: String(tenB.household.id),
              employmentType: "EXTRATJANST",
              startDate: "2021-11-01",
              monthlyAssistanceBefore: "7000",
            },
          },
        },
      );
      employmentId = reg.registerWageSubsidyEmployment.id;
      const REC = `mutation($input: RecordWageSubsidyMonthInput!) { recordWageSubsidyMonth(input: $input) { month assistanceNotPaid } }`;
      for (const month of ["2021-11", "2021-12"]) {
        const data = await app.ok(REC, {
          scopes: CASEWORKER,
          variables: { input: { employmentId, month, personnelCost: "24000", subsidy: "20500" } },
        });
        expect(data.recordWageSubsidyMonth.assistanceNotPaid).toBe("7000.00");
      }
      const again = await app.call(REC, {
        scopes: CASEWORKER,
        variables: { input: { employmentId, month: "2021-12", personnelCost: "24000", subsidy: "20500" } },
      });
      expect(again.errorCodes).toEqual(["CONFLICT"]);
      const before = await app.call(REC, {
        scopes: CASEWORKER,
        variables: { input: { employmentId, month: "2021-10", personnelCost: "24000", subsidy: "20500" } },
      });
      expect(before.errors?.[0].extensions?.field).toBe("input.month");
    });

    it("counts the persons in December and the money over the year", async () => {
      const data = await app.ok(
        `{ assistanceIndicators(from: "2021-01-01", to: "2021-12-31") { wageSubsidyPersonsAtEnd wageSubsidyPersonnelCostMinusSubsidy wageSubsidyAssistanceNotPaid wageSubsidyNetSaving } }`,
        { scopes: [STATS_EXACT] },
      );
      expect(data.assistanceIndicators).toEqual({
        wageSubsidyPersonsAtEnd: 1,
        wageSubsidyPersonnelCostMinusSubsidy: "7000.00",
        wageSubsidyAssistanceNotPaid: "14000.00",
        wageSubsidyNetSaving: "7000.00",
      });
      // One person: without the exact scope the count and the money of that one employment are hidden.
      const controlled = await app.ok(
        `{ assistanceIndicators(from: "2021-01-01", to: "2021-12-31") { wageSubsidyPersonsAtEnd wageSubsidyPersonnelCostMinusSubsidy wageSubsidyAssistanceNotPaid wageSubsidyNetSaving suppressed } }`,
        { scopes: [STATS] },
      );
      expect(controlled.assistanceIndicators).toMatchObject({
        wageSubsidyPersonsAtEnd: null,
        wageSubsidyPersonnelCostMinusSubsidy: null,
        wageSubsidyAssistanceNotPaid: null,
        wageSubsidyNetSaving: null,
      });
    });

    it("lists employments for caseworkers only, access-logged", async () => {
      const Q = `{ wageSubsidyEmployments(activeOn: "2021-12-15") { totalCount nodes { personnummer months { month } } } }`;
      expect((await app.call(Q, { scopes: [STATS] })).errorCodes).toEqual(["FORBIDDEN"]);
      const data = await app.ok(Q, { scopes: [READ], subject: "ws-reader" });
      expect(data.wageSubsidyEmployments.nodes[0].months).toHaveLength(2);
      expect(
        await app.ds
          .getRepository(AccessLogEntry)
          .count({ where: { actor: "ws-reader", operation: "Query.wageSubsidyEmployments" } }),
      ).toBe(1);
    });
  });

  describe("the calculation uses the household's history", () => {
    it("applies the 25 % work-income disregard after six paid months, and caps rent as the administrator set", async () => {
      await app.ok(`mutation($input: SetCostCapsInput!) { setCostCaps(input: $input) { threshold amount } }`, {
        scopes: ["admin"],
        variables: {
          input: {
            costType: "RENT",
            validFrom: "2021-01-01",
            basis: "CHILDREN",
            steps: [
              { threshold: 0, amount: "6000" },
              { threshold: 1, amount: "7500" },
            ],
          },
        },
      });
      const caps = await app.ok(`{ costCaps(on: "2021-12-01") { costType threshold amount } }`, { scopes: [READ] });
      expect(caps.costCaps).toHaveLength(2);
      const sub = await app.ok(
        `mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) { id type } }`,
        {
          scopes: CASEWORKER,
          variables: {
            input: {
              householdId: String(longA.household.id),
              month: "2021-12",
              channel: "PAPER",
              receivedDate: "2021-11-20",
              costs: [{ type: "RENT", amount: "6500" }],
              incomes: [{ type: "EMPLOYMENT", amount: "4000", memberId: String(longA.applicant.id) }],
            },
          },
        },
      );
      expect(sub.submitAssistanceApplication.type).toBe("RENEWAL");
      const calc = await app.ok(
        `mutation($id: ID!) { calculateAssistanceApplication(applicationId: $id) { norm reasonableCosts countedIncome assistance suggestedOutcome lines { kind amount basis } } }`,
        {
          scopes: CASEWORKER,
          variables: { id: sub.submitAssistanceApplication.id },
        },
      );
      const c = calc.calculateAssistanceApplication;
      expect(c.lines.find((l: { kind: string }) => l.kind === "WORK_INCOME_DISREGARD").amount).toBe("1000.00");
      expect(c.countedIncome).toBe("3000.00");
      expect(c.reasonableCosts).toBe("6000.00"); // capped at 6 000 for a household without children
      expect(c.suggestedOutcome).toBe("PARTLY_GRANTED");
      expect(c.assistance).toBe(`${4180 + 6000 - 3000}.00`);
    });
  });
});
