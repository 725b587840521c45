import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule } from "../src";
import { ADD_RIKSNORM, makePersonnummer, riksnormInput } from "./helpers";

/**
 * One `input` per mutation: the arguments that moved into `input` (addAssistanceHouseholdMember's
 * householdId, calculateAssistanceApplication's applicationId, setAssistanceBudget's year and
 * netCostBudget) work there; the deprecated top-level arguments still work; a value given nowhere,
 * or twice with different values, is refused naming `input.<name>`.
 */

const CASEWORKER = ["ekonomiskt-bistand:read", "ekonomiskt-bistand:write"];

const CREATE = `mutation($input: CreateAssistanceHouseholdInput!) {
  createAssistanceHousehold(input: $input) { id version } }`;
const ADD_MEMBER = `mutation($householdId: ID, $input: AssistanceMemberInput!) {
  addAssistanceHouseholdMember(householdId: $householdId, input: $input) { id role version joinedOn } }`;
const SUBMIT = `mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) { id version } }`;
const CALCULATE = `mutation($applicationId: ID, $input: CalculateAssistanceApplicationInput) {
  calculateAssistanceApplication(applicationId: $applicationId, input: $input) {
    id applicationId assistance application { id version status } } }`;
const SET_BUDGET = `mutation($year: Int, $netCostBudget: Money, $input: SetAssistanceBudgetInput) {
  setAssistanceBudget(year: $year, netCostBudget: $netCostBudget, input: $input) { year netCostBudget setBy } }`;

function member(personnummer: string, extra: Record<string, unknown> = {}) {
  return { role: "CHILD", personnummer, name: "Barn Bengtsson", joinedOn: "2023-01-01", ...extra };
}

function expectRefused(
  r: { errors?: readonly { extensions?: Record<string, unknown> }[] },
  field: string,
  rule: string,
): void {
  expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field, rule });
}

describe(`ekonomiskt bistånd — one input per mutation on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let householdId: string;
  let otherHouseholdId: string;

  async function household(seed: number): Promise<string> {
    const data = await app.ok(CREATE, {
      scopes: CASEWORKER,
      variables: {
        input: {
          address: { street: "Lillgatan 2", postalCode: "503 31", city: "Borås" },
          housingType: "RENTAL",
          monthlyRent: "6500",
          members: [
            {
              role: "APPLICANT",
              personnummer: makePersonnummer("1985-04-10", seed),
              name: "Britt Bengtsson",
              joinedOn: "2020-01-01",
            },
          ],
        },
      },
    });
    return data.createAssistanceHousehold.id;
  }

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    await app.ok(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: riksnormInput(2023) } });
    householdId = await household(111);
    otherHouseholdId = await household(222);
  });
  afterAll(() => app.close());

  describe("addAssistanceHouseholdMember: householdId moved to input.householdId", () => {
    it("takes the household in input.householdId and returns the new member at version 1", async () => {
      const data = await app.ok(ADD_MEMBER, {
        scopes: CASEWORKER,
        variables: { input: member(makePersonnummer("2019-06-01", 301), { householdId }) },
      });
      expect(data.addAssistanceHouseholdMember).toMatchObject({ role: "CHILD", version: 1, joinedOn: "2023-01-01" });
    });

    it("still takes the deprecated householdId argument", async () => {
      const data = await app.ok(ADD_MEMBER, {
        scopes: CASEWORKER,
        variables: { householdId, input: member(makePersonnummer("2020-06-01", 302)) },
      });
      expect(data.addAssistanceHouseholdMember.version).toBe(1);
    });

    it("accepts both when they agree", async () => {
      const data = await app.ok(ADD_MEMBER, {
        scopes: CASEWORKER,
        variables: { householdId, input: member(makePersonnummer("2021-06-01", 303), { householdId }) },
      });
      expect(data.addAssistanceHouseholdMember.version).toBe(1);
    });

    it("refuses a member without a household, naming input.householdId", async () => {
      const r = await app.call(ADD_MEMBER, {
        scopes: CASEWORKER,
        variables: { input: member(makePersonnummer("2018-06-01", 304)) },
      });
      expectRefused(r, "input.householdId", "required");
    });

    it("refuses two different households", async () => {
      const r = await app.call(ADD_MEMBER, {
        scopes: CASEWORKER,
        variables: {
          householdId: otherHouseholdId,
          input: member(makePersonnummer("2018-07-01", 305), { householdId }),
        },
      });
      expectRefused(r, "input.householdId", "conflict");
    });

    it("refuses a householdId in createAssistanceHousehold's members, where the household is the new one", async () => {
      const r = await app.call(CREATE, {
        scopes: CASEWORKER,
        variables: {
          input: {
            address: { street: "Lillgatan 3", postalCode: "503 31", city: "Borås" },
            housingType: "RENTAL",
            members: [
              {
                role: "APPLICANT",
                personnummer: makePersonnummer("1979-01-01", 306),
                name: "Cecilia Carlsson",
                householdId,
              },
            ],
          },
        },
      });
      expectRefused(r, "input.members.0.householdId", "not-allowed");
    });
  });

  describe("calculateAssistanceApplication: applicationId moved to input.applicationId", () => {
    async function application(month: string): Promise<{ id: string; version: number }> {
      const data = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: { input: { householdId, month, channel: "PAPER", receivedDate: `${month}-01` } },
      });
      return data.submitAssistanceApplication;
    }

    it("takes the application in input.applicationId and returns the application's new version", async () => {
      const submitted = await application("2023-03");
      const data = await app.ok(CALCULATE, {
        scopes: CASEWORKER,
        variables: { input: { applicationId: submitted.id } },
      });
      const calc = data.calculateAssistanceApplication;
      expect(calc.applicationId).toBe(submitted.id);
      expect(calc.application).toMatchObject({ id: submitted.id, status: "UNDER_REVIEW" });
      expect(calc.application.version).toBeGreaterThan(submitted.version);
    });

    it("still takes the deprecated applicationId argument", async () => {
      const submitted = await application("2023-04");
      const data = await app.ok(CALCULATE, { scopes: CASEWORKER, variables: { applicationId: submitted.id } });
      expect(data.calculateAssistanceApplication.applicationId).toBe(submitted.id);
    });

    it("refuses a calculation of no application, naming input.applicationId", async () => {
      expectRefused(await app.call(CALCULATE, { scopes: CASEWORKER }), "input.applicationId", "required");
      expectRefused(
        await app.call(CALCULATE, { scopes: CASEWORKER, variables: { input: {} } }),
        "input.applicationId",
        "required",
      );
    });

    it("refuses two different applications", async () => {
      const a = await application("2023-05");
      const b = await application("2023-06");
      const r = await app.call(CALCULATE, {
        scopes: CASEWORKER,
        variables: { applicationId: a.id, input: { applicationId: b.id } },
      });
      expectRefused(r, "input.applicationId", "conflict");
    });

    it("names input.applicationId when the application given there is not open", async () => {
      const submitted = await application("2023-07");
      const withdrawn = await app.ok(
        `mutation($input: SetAssistanceApplicationStatusInput!) { setAssistanceApplicationStatus(input: $input) { version } }`,
        {
          scopes: CASEWORKER,
          variables: {
            input: {
              applicationId: submitted.id,
              expectedVersion: submitted.version,
              status: "WITHDRAWN",
              note: "Återtagen av sökande",
            },
          },
        },
      );
      expect(withdrawn.setAssistanceApplicationStatus.version).toBeGreaterThan(submitted.version);
      const r = await app.call(CALCULATE, {
        scopes: CASEWORKER,
        variables: { input: { applicationId: submitted.id } },
      });
      expectRefused(r, "input.applicationId", "open");
    });
  });

  describe("decideAssistanceApplication follows calculateAssistanceApplication without reloading", () => {
    it("returns the decided application with its new version", async () => {
      const submitted = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: { input: { householdId, month: "2023-08", channel: "PAPER", receivedDate: "2023-08-01" } },
      });
      const calc = await app.ok(CALCULATE, {
        scopes: CASEWORKER,
        variables: { input: { applicationId: submitted.submitAssistanceApplication.id } },
      });
      const calculated = calc.calculateAssistanceApplication.application;
      const data = await app.ok(
        `mutation($input: DecideAssistanceApplicationInput!) {
          decideAssistanceApplication(input: $input) { outcome application { id version status } } }`,
        {
          scopes: CASEWORKER,
          variables: {
            input: {
              applicationId: calculated.id,
              expectedVersion: calculated.version,
              outcome: "GRANTED",
              decidedOn: "2023-08-05",
            },
          },
        },
      );
      expect(data.decideAssistanceApplication.application).toMatchObject({ id: calculated.id, status: "DECIDED" });
      expect(data.decideAssistanceApplication.application.version).toBeGreaterThan(calculated.version);
    });
  });

  describe("setAssistanceBudget: year and netCostBudget moved to input", () => {
    it("takes both in input", async () => {
      const data = await app.ok(SET_BUDGET, {
        scopes: ["admin"],
        variables: { input: { year: 2024, netCostBudget: "125000000.00" } },
      });
      expect(data.setAssistanceBudget).toMatchObject({ year: 2024, netCostBudget: "125000000.00" });
    });

    it("still takes the deprecated arguments, and one of each", async () => {
      const old = await app.ok(SET_BUDGET, { scopes: ["admin"], variables: { year: 2025, netCostBudget: "1000.00" } });
      expect(old.setAssistanceBudget).toMatchObject({ year: 2025, netCostBudget: "1000.00" });
      const mixed = await app.ok(SET_BUDGET, {
        scopes: ["admin"],
        variables: { year: 2025, input: { netCostBudget: "2000.00" } },
      });
      expect(mixed.setAssistanceBudget).toMatchObject({ year: 2025, netCostBudget: "2000.00" });
    });

    it("refuses a missing year or budget, naming the input field", async () => {
      expectRefused(
        await app.call(SET_BUDGET, { scopes: ["admin"], variables: { input: { netCostBudget: "1.00" } } }),
        "input.year",
        "required",
      );
      expectRefused(
        await app.call(SET_BUDGET, { scopes: ["admin"], variables: { input: { year: 2024 } } }),
        "input.netCostBudget",
        "required",
      );
    });

    it("refuses a year or budget given twice with different values", async () => {
      expectRefused(
        await app.call(SET_BUDGET, {
          scopes: ["admin"],
          variables: { year: 2023, input: { year: 2024, netCostBudget: "1.00" } },
        }),
        "input.year",
        "conflict",
      );
      expectRefused(
        await app.call(SET_BUDGET, {
          scopes: ["admin"],
          variables: { netCostBudget: "2.00", input: { year: 2024, netCostBudget: "1.00" } },
        }),
        "input.netCostBudget",
        "conflict",
      );
    });

    it("names the input field when the year given there is out of range", async () => {
      const r = await app.call(SET_BUDGET, {
        scopes: ["admin"],
        variables: { input: { year: 1999, netCostBudget: "1.00" } },
      });
      expectRefused(r, "input.year", "range");
    });
  });
});
