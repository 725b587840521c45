import { AccessLogEntry, subjectKey } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule } from "../src";
import { Application } from "../src/application/application.entity";
import { Payout } from "../src/decision/payout.entity";
import { Household } from "../src/household/household.entity";
import { HouseholdMember } from "../src/household/household-member.entity";
import { RiksnormYear } from "../src/riksnorm/riksnorm-year.entity";
import { ADD_RIKSNORM, makePersonnummer, riksnormInput } from "./helpers";

const READ = "ekonomiskt-bistand:read";
const WRITE = "ekonomiskt-bistand:write";
const PROTECTED = "ekonomiskt-bistand:protected";
const CASEWORKER = [READ, WRITE];

const CREATE = `mutation($input: CreateAssistanceHouseholdInput!) {
  createAssistanceHousehold(input: $input) { id version protectedIdentity members { id role personnummer birthDate } } }`;
const SUBMIT = `mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) { id type status version } }`;
const CALCULATE = `mutation($id: ID!) { calculateAssistanceApplication(applicationId: $id) {
  id norm reasonableCosts countedIncome assistance suggestedOutcome householdSize lines { position kind memberId label basis amount } } }`;
const DECIDE = `mutation($input: DecideAssistanceApplicationInput!) { decideAssistanceApplication(input: $input) { id outcome amount month legalBasis } }`;
const PAY = `mutation($input: PayAssistanceDecisionInput!) { payAssistanceDecision(input: $input) { created payout { id amount month type recipient } } }`;
const VERSION = `query($id: ID!) { assistanceApplication(id: $id) { version status } }`;

const applicant = makePersonnummer("1980-03-15", 123);
const partner = makePersonnummer("1982-11-02", 456);
const child9 = makePersonnummer("2012-05-01", 789);
const child5 = makePersonnummer("2016-01-20", 321);
const lodger = makePersonnummer("1960-02-02", 654);

function householdInput(overrides: Record<string, unknown> = {}) {
  return {
    address: { street: "Storgatan 1", postalCode: "503 30", city: "Borås" },
    housingType: "RENTAL",
    monthlyRent: "7200",
    members: [
      { role: "APPLICANT", personnummer: applicant, name: "Anna Andersson", joinedOn: "2020-01-01" },
      { role: "CO_APPLICANT", personnummer: partner, name: "Bo Andersson", joinedOn: "2020-01-01" },
      { role: "CHILD", personnummer: child9, name: "Cia Andersson", joinedOn: "2020-01-01" },
      { role: "CHILD", personnummer: child5, name: "Dan Andersson", joinedOn: "2020-01-01" },
      { role: "OTHER_ADULT", personnummer: lodger, name: "Eva Ek", joinedOn: "2020-01-01" },
    ],
    ...overrides,
  };
}

describe(`ekonomiskt bistånd — apply, calculate, decide, pay on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let householdId: string;
  let memberIds: Record<string, string>;

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    for (const year of [2019, 2021])
      await app.ok(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: riksnormInput(year) } });
    const data = await app.ok(CREATE, { scopes: CASEWORKER, variables: { input: householdInput() } });
    householdId = data.createAssistanceHousehold.id;
    memberIds = Object.fromEntries(
      data.createAssistanceHousehold.members.map((m: { personnummer: string; id: string }) => [
        m.personnummer.replace("-", ""),
        m.id,
      ]),
    );
  });
  afterAll(() => app.close());

  describe("riksnorm years are data added by an administrator", () => {
    it("needs admin; a caseworker is FORBIDDEN and an anonymous caller UNAUTHENTICATED", async () => {
      expect(
        (await app.call(ADD_RIKSNORM, { scopes: CASEWORKER, variables: { input: riksnormInput(2023) } })).errorCodes,
      ).toEqual(["FORBIDDEN"]);
      expect(
        (await app.call(ADD_RIKSNORM, { anonymous: true, variables: { input: riksnormInput(2023) } })).errorCodes,
      ).toEqual(["UNAUTHENTICATED"]);
    });

    it("refuses an incomplete table, naming what is missing, and writes nothing", async () => {
      const input = riksnormInput(2023);
      const missingGroup = { ...input, children: input.children.filter((c) => c.ageGroup !== "AGE_15_18") };
      const r1 = await app.call(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: missingGroup } });
      expect(r1.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r1.errors?.[0].message).toContain("input.children.AGE_15_18");
      const sixSizes = { ...input, commonByHouseholdSize: input.commonByHouseholdSize.slice(0, 6) };
      const r2 = await app.call(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: sixSizes } });
      expect(r2.errors?.[0].message).toContain("input.commonByHouseholdSize");
      const someLunch = {
        ...input,
        children: input.children.map((c) => (c.ageGroup === "UNDER_1" ? { ...c, amountLunchAtPreschool: "2300" } : c)),
      };
      const r3 = await app.call(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: someLunch } });
      expect(r3.errors?.[0].message).toContain("input.children.AGE_1_2.amountLunchAtPreschool");
      expect(await app.ds.getRepository(RiksnormYear).count()).toBe(2);
    });

    it("accepts 2023 without a lunch variant, then refuses the same year again", async () => {
      const data = await app.ok(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: riksnormInput(2023) } });
      expect(data.addRiksnormYear.children[0]).toEqual({
        ageGroup: "UNDER_1",
        amount: "2420.00",
        amountLunchAtPreschool: null,
      });
      expect(data.addRiksnormYear.commonByHouseholdSize[1]).toBe("1250.00");
      expect(
        (await app.call(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: riksnormInput(2023) } })).errorCodes,
      ).toEqual(["CONFLICT"]);
    });
  });

  describe("households", () => {
    it("rejects an invalid personnummer naming the field, and writes nothing", async () => {
      const before = await app.ds.getRepository(Household).count();
      const bad = householdInput({ members: [{ role: "APPLICANT", personnummer: "19800315-1235", name: "X" }] });
      const r = await app.call(CREATE, { scopes: CASEWORKER, variables: { input: bad } });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].message).toMatch(/members\[0\]\.personnummer|personnummer/i);
      const noApplicant = householdInput({ members: [{ role: "CHILD", personnummer: child9, name: "X" }] });
      const r2 = await app.call(CREATE, { scopes: CASEWORKER, variables: { input: noApplicant } });
      expect(r2.errors?.[0].extensions?.field).toBe("input.members");
      expect(await app.ds.getRepository(Household).count()).toBe(before);
    });

    it("refuses an applicant who already belongs to another household", async () => {
      const r = await app.call(CREATE, {
        scopes: CASEWORKER,
        variables: { input: householdInput({ members: [{ role: "APPLICANT", personnummer: applicant, name: "A" }] }) },
      });
      expect(r.errorCodes).toEqual(["CONFLICT"]);
    });

    it("rejects a stale edit with CONFLICT", async () => {
      const UPDATE = `mutation($input: UpdateAssistanceHouseholdInput!) { updateAssistanceHousehold(input: $input) { version monthlyRent } }`;
      const ok = await app.ok(UPDATE, {
        scopes: CASEWORKER,
        variables: { input: { id: householdId, expectedVersion: 1, monthlyRent: "7300" } },
      });
      expect(ok.updateAssistanceHousehold).toEqual({ version: 2, monthlyRent: "7300.00" });
      const stale = await app.call(UPDATE, {
        scopes: CASEWORKER,
        variables: { input: { id: householdId, expectedVersion: 1, monthlyRent: "9999" } },
      });
      expect(stale.errorCodes).toEqual(["CONFLICT"]);
    });

    it("logs a read of a household with the members' identity numbers (keyed, never in clear)", async () => {
      await app.ok(`query($id: ID!) { assistanceHousehold(id: $id) { id members { name } } }`, {
        scopes: [READ],
        subject: "caseworker-7",
        variables: { id: householdId },
      });
      const entries = await app.ds
        .getRepository(AccessLogEntry)
        .find({ where: { actor: "caseworker-7", operation: "Query.assistanceHousehold" } });
      expect(entries).toHaveLength(1);
      expect(entries[0].recordIds).toEqual([householdId]);
      expect(entries[0].subjectKeys).toContain(subjectKey(lodger));
      expect(JSON.stringify(entries)).not.toContain(applicant);
    });
  });

  describe("the monthly flow", () => {
    let applicationId: string;
    let decisionId: string;

    it("needs write scope to apply; a stats caller is FORBIDDEN", async () => {
      const input = { householdId, month: "2021-06", channel: "E_SERVICE", receivedDate: "2021-05-20" };
      expect(
        (await app.call(SUBMIT, { scopes: ["ekonomiskt-bistand:stats"], variables: { input } })).errorCodes,
      ).toEqual(["FORBIDDEN"]);
    });

    it("registers a new application with claims, and a second one for the month is a duplicate", async () => {
      const input = {
        householdId,
        month: "2021-06",
        channel: "E_SERVICE",
        receivedDate: "2021-05-20",
        costs: [
          { type: "RENT", amount: "7300" },
          { type: "HOUSEHOLD_ELECTRICITY", amount: "450" },
        ],
        incomes: [
          { type: "CHILD_ALLOWANCE", amount: "2500" },
          { type: "EMPLOYMENT", amount: "4000", memberId: memberIds[partner] },
        ],
      };
      const data = await app.ok(SUBMIT, { scopes: CASEWORKER, variables: { input } });
      expect(data.submitAssistanceApplication).toMatchObject({ type: "NEW", status: "RECEIVED" });
      applicationId = data.submitAssistanceApplication.id;
      const dup = await app.call(SUBMIT, { scopes: CASEWORKER, variables: { input: { ...input, channel: "PAPER" } } });
      expect(dup.errorCodes).toEqual(["CONFLICT"]);
      expect(dup.errors?.[0].extensions?.duplicateOf).toBe(applicationId);
    });

    it("rejects an income of someone outside the household, naming the field, and writes nothing", async () => {
      const before = await app.ds.getRepository(Application).count();
      const r = await app.call(SUBMIT, {
        scopes: CASEWORKER,
        variables: {
          input: {
            householdId,
            month: "2021-07",
            channel: "PAPER",
            receivedDate: "2021-06-20",
            incomes: [{ type: "EMPLOYMENT", amount: "100", memberId: "99999" }],
          },
        },
      });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions?.field).toBe("input.incomes.0.memberId");
      expect(await app.ds.getRepository(Application).count()).toBe(before);
    });

    it("calculates with every line: the lodger is 3 160 + 1 860/5 = 3 532 kr", async () => {
      const data = await app.ok(CALCULATE, { scopes: CASEWORKER, variables: { id: applicationId } });
      const calc = data.calculateAssistanceApplication;
      expect(calc.householdSize).toBe(5);
      const lodgerLine = calc.lines.find(
        (l: { memberId: string | null; kind: string }) =>
          l.memberId === memberIds[lodger] && l.kind === "NORM_NON_PARTNER_ADULT",
      );
      expect(lodgerLine.amount).toBe("3532.00");
      expect(lodgerLine.basis).toBe("3 160 kr + 1 860 kr / 5 = 3 532 kr");
      // 5 700 + 3 060 (9 år) + 2 440 (5 år) + 3 532 + 1 488
      expect(calc.norm).toBe("16220.00");
      expect(calc.reasonableCosts).toBe("7750.00");
      expect(calc.countedIncome).toBe("6500.00"); // no work incentive: no 6 months of support before
      expect(calc.assistance).toBe("17470.00");
      const sum = calc.lines.reduce((s: number, l: { amount: string }) => s + Math.round(Number(l.amount) * 100), 0);
      expect(sum).toBe(1747000);
      expect(
        (await app.ok(VERSION, { scopes: [READ], variables: { id: applicationId } })).assistanceApplication.status,
      ).toBe("UNDER_REVIEW");
    });

    it("answers a calculation with the application's new version, the one deciding needs", async () => {
      const sub = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: { input: { householdId, month: "2021-09", channel: "PAPER", receivedDate: "2021-08-25" } },
      });
      const submitted = sub.submitAssistanceApplication;
      const data = await app.ok(
        `mutation($id: ID!) { calculateAssistanceApplication(applicationId: $id) { application { id version status } } }`,
        { scopes: CASEWORKER, variables: { id: submitted.id } },
      );
      const after = (await app.ok(VERSION, { scopes: [READ], variables: { id: submitted.id } })).assistanceApplication;
      expect(after.version).toBeGreaterThan(submitted.version); // calculating changes the application
      expect(data.calculateAssistanceApplication.application).toEqual({
        id: submitted.id,
        version: after.version,
        status: after.status,
      });
      const decided = await app.call(DECIDE, {
        scopes: CASEWORKER,
        variables: {
          input: {
            applicationId: submitted.id,
            expectedVersion: after.version,
            outcome: "REJECTED",
            reasons: "Avslag: inkomsten täcker behovet",
            decidedOn: "2021-09-02",
          },
        },
      });
      expect(decided.errors).toBeUndefined();
    });

    it("refuses to calculate a month whose year has no riksnorm table", async () => {
      const sub = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: { input: { householdId, month: "2020-03", channel: "PAPER", receivedDate: "2020-02-25" } },
      });
      const r = await app.call(CALCULATE, {
        scopes: CASEWORKER,
        variables: { id: sub.submitAssistanceApplication.id },
      });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].message).toMatch(/no riksnorm table for 2020.*never derived/);
    });

    it("decides: a stale version is CONFLICT, a granted decision pays the calculated amount", async () => {
      const { version } = (await app.ok(VERSION, { scopes: [READ], variables: { id: applicationId } }))
        .assistanceApplication;
      const wrongAmount = await app.call(DECIDE, {
        scopes: CASEWORKER,
        variables: { input: { applicationId, expectedVersion: version, outcome: "GRANTED", amount: "20000" } },
      });
      expect(wrongAmount.errors?.[0].extensions?.field).toBe("input.amount");
      const stale = await app.call(DECIDE, {
        scopes: CASEWORKER,
        variables: {
          input: { applicationId, expectedVersion: version - 1, outcome: "GRANTED", decidedOn: "2021-05-28" },
        },
      });
      expect(stale.errorCodes).toEqual(["CONFLICT"]);
      const data = await app.ok(DECIDE, {
        scopes: CASEWORKER,
        variables: { input: { applicationId, expectedVersion: version, outcome: "GRANTED", decidedOn: "2021-05-28" } },
      });
      expect(data.decideAssistanceApplication).toMatchObject({
        outcome: "GRANTED",
        amount: "17470.00",
        month: "2021-06",
      });
      decisionId = data.decideAssistanceApplication.id;
    });

    it("pays exactly once when the same payout is requested concurrently", async () => {
      const input = { decisionId, paymentDate: "2021-05-31" };
      const results = await Promise.all(
        Array.from({ length: 20 }, () => app.call(PAY, { scopes: CASEWORKER, variables: { input } })),
      );
      expect(results.flatMap((r) => r.errorCodes)).toEqual([]);
      const created = results.filter((r) => r.data!.payAssistanceDecision.created);
      expect(created).toHaveLength(1);
      expect(new Set(results.map((r) => r.data!.payAssistanceDecision.payout.id)).size).toBe(1);
      expect(await app.ds.getRepository(Payout).count({ where: { decisionId: Number(decisionId) } })).toBe(1);
      expect(results[0].data!.payAssistanceDecision.payout).toMatchObject({
        amount: "17470.00",
        type: "ORIGINAL",
        recipient: "Anna Andersson",
      });
      expect(
        (await app.ok(VERSION, { scopes: [READ], variables: { id: applicationId } })).assistanceApplication.status,
      ).toBe("PAID");
    });

    it("corrects by a new entry referencing the original, never below zero for the month", async () => {
      const original = await app.ds.getRepository(Payout).findOneByOrFail({ decisionId: Number(decisionId) });
      const CORRECT = `mutation($input: CorrectAssistancePayoutInput!) { correctAssistancePayout(input: $input) { id type amount correctsPayoutId } }`;
      const data = await app.ok(CORRECT, {
        scopes: CASEWORKER,
        variables: {
          input: {
            payoutId: String(original.id),
            amount: "-470",
            reason: "Elräkningen var lägre",
            paymentDate: "2021-06-10",
          },
        },
      });
      expect(data.correctAssistancePayout).toMatchObject({
        type: "CORRECTION",
        amount: "-470.00",
        correctsPayoutId: String(original.id),
      });
      const tooMuch = await app.call(CORRECT, {
        scopes: CASEWORKER,
        variables: {
          input: { payoutId: String(original.id), amount: "-17001", reason: "fel", paymentDate: "2021-06-10" },
        },
      });
      expect(tooMuch.errors?.[0].extensions?.field).toBe("input.amount");
      const unchanged = await app.ds.getRepository(Payout).findOneByOrFail({ id: original.id });
      expect(unchanged.amount).toBe(1747000);
    });

    it("a later application for the month is supplementary; the next month is a renewal", async () => {
      const supp = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: {
          input: {
            householdId,
            month: "2021-06",
            channel: "VISIT",
            receivedDate: "2021-06-05",
            costs: [{ type: "DENTAL_CARE", amount: "1200" }],
          },
        },
      });
      expect(supp.submitAssistanceApplication.type).toBe("SUPPLEMENTARY");
      const next = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: { input: { householdId, month: "2021-07", channel: "E_SERVICE", receivedDate: "2021-06-20" } },
      });
      expect(next.submitAssistanceApplication.type).toBe("RENEWAL");
    });

    it("requests a supplement and then withdraws; the month can then be applied for anew", async () => {
      const SET = `mutation($input: SetAssistanceApplicationStatusInput!) { setAssistanceApplicationStatus(input: $input) { status version statusNote } }`;
      const sub = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: { input: { householdId, month: "2021-08", channel: "PAPER", receivedDate: "2021-07-20" } },
      });
      const id = sub.submitAssistanceApplication.id;
      const noNote = await app.call(SET, {
        scopes: CASEWORKER,
        variables: { input: { applicationId: id, expectedVersion: 1, status: "SUPPLEMENT_REQUESTED" } },
      });
      expect(noNote.errors?.[0].extensions?.field).toBe("input.note");
      const req = await app.ok(SET, {
        scopes: CASEWORKER,
        variables: {
          input: { applicationId: id, expectedVersion: 1, status: "SUPPLEMENT_REQUESTED", note: "Hyresavi saknas" },
        },
      });
      expect(req.setAssistanceApplicationStatus.status).toBe("SUPPLEMENT_REQUESTED");
      const paid = await app.call(SET, {
        scopes: CASEWORKER,
        variables: { input: { applicationId: id, expectedVersion: 2, status: "PAID" } },
      });
      expect(paid.errors?.[0].extensions?.field).toBe("input.status");
      await app.ok(SET, {
        scopes: CASEWORKER,
        variables: { input: { applicationId: id, expectedVersion: 2, status: "WITHDRAWN", note: "Fått arbete" } },
      });
      const again = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: { input: { householdId, month: "2021-08", channel: "PAPER", receivedDate: "2021-07-25" } },
      });
      expect(again.submitAssistanceApplication.type).toBe("RENEWAL");
    });
  });

  describe("protected identity", () => {
    let protectedId: string;
    const person = makePersonnummer("1975-07-07", 111);

    it("only the protected scope may register such a household", async () => {
      const input = householdInput({
        protectedIdentity: true,
        address: { street: "Hemlig väg 9", postalCode: "50000", city: "Borås" },
        members: [{ role: "APPLICANT", personnummer: person, name: "Skyddad Person" }],
      });
      expect((await app.call(CREATE, { scopes: CASEWORKER, variables: { input } })).errorCodes).toEqual(["FORBIDDEN"]);
      protectedId = (await app.ok(CREATE, { scopes: [...CASEWORKER, PROTECTED], variables: { input } }))
        .createAssistanceHousehold.id;
    });

    it("is NOT_FOUND and absent from lists without the scope", async () => {
      const one = await app.call(`query($id: ID!) { assistanceHousehold(id: $id) { id } }`, {
        scopes: [READ],
        variables: { id: protectedId },
      });
      expect(one.errorCodes).toEqual(["NOT_FOUND"]);
      const list = await app.ok(`{ assistanceHouseholds(first: 100) { nodes { id } } }`, { scopes: [READ] });
      expect(list.assistanceHouseholds.nodes.map((n: { id: string }) => n.id)).not.toContain(protectedId);
      const apply = await app.call(SUBMIT, {
        scopes: CASEWORKER,
        variables: {
          input: { householdId: protectedId, month: "2021-06", channel: "PAPER", receivedDate: "2021-05-20" },
        },
      });
      expect(apply.errorCodes).toEqual(["NOT_FOUND"]);
    });

    it("with the scope the household is visible but its address is never returned", async () => {
      const data = await app.ok(
        `query($id: ID!) { assistanceHousehold(id: $id) { id protectedIdentity address { street } } }`,
        { scopes: [READ, PROTECTED], variables: { id: protectedId } },
      );
      expect(data.assistanceHousehold).toEqual({ id: protectedId, protectedIdentity: true, address: null });
      const list = await app.ok(
        `{ assistanceHouseholds(first: 100) { nodes { id address { street postalCode city } } } }`,
        { scopes: [READ, PROTECTED, WRITE, "admin"] },
      );
      const node = list.assistanceHouseholds.nodes.find((n: { id: string }) => n.id === protectedId);
      expect(node.address).toBeNull();
      expect(JSON.stringify(list)).not.toContain("Hemlig väg");
      const ordinary = list.assistanceHouseholds.nodes.find((n: { id: string }) => n.id === householdId);
      expect(ordinary.address.street).toBe("Storgatan 1");
    });

    it("refuses an e-service application without telling why", async () => {
      const r = await app.call(SUBMIT, {
        scopes: [...CASEWORKER, PROTECTED],
        variables: {
          input: { householdId: protectedId, month: "2021-06", channel: "E_SERVICE", receivedDate: "2021-05-20" },
        },
      });
      expect(r.errors?.[0].extensions?.field).toBe("input.channel");
      expect(r.errors?.[0].message).not.toMatch(/protect|skydd/i);
    });
  });

  it("stores members with the birth date from the personnummer", async () => {
    const member = await app.ds.getRepository(HouseholdMember).findOneByOrFail({ personnummer: child5 });
    expect(member.birthDate).toBe("2016-01-20");
  });
});
