import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule, REFERENCE_DATA_ACTOR } from "../src";
import { RiksnormYear } from "../src/riksnorm/riksnorm-year.entity";
import { RIKSNORM_YEARS } from "../src/riksnorm/riksnorm-data";
import { ADD_RIKSNORM, makePersonnummer, riksnormInput } from "./helpers";

const CASEWORKER = ["ekonomiskt-bistand:read", "ekonomiskt-bistand:write"];
const YEARS = `{ riksnormYears { year source addedBy adultCohabitingPair commonByHouseholdSize } }`;
const CREATE = `mutation($input: CreateAssistanceHouseholdInput!) { createAssistanceHousehold(input: $input) { id members { joinedOn } } }`;
const SUBMIT = `mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) { id } }`;
const CALCULATE = `mutation($id: ID!) { calculateAssistanceApplication(applicationId: $id) { norm lines { kind amount } } }`;

/** What the gateway runs at every start. */
const loadReferenceData = (app: TestApp) => ekonomisktBistandModule.referenceData!(app.ds);

const rows = (app: TestApp) => app.ds.getRepository(RiksnormYear).find({ order: { year: "ASC" } });

describe(`riksnorm reference data on ${testDatabaseKind()}`, () => {
  describe("an empty installation", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start([ekonomisktBistandModule]);
    });
    afterAll(() => app.close());

    it("has every verified year after start, each with its source", async () => {
      expect(await rows(app)).toEqual([]);
      await loadReferenceData(app);
      const data = await app.ok(YEARS, { scopes: ["ekonomiskt-bistand:stats"] });
      expect(data.riksnormYears.map((y: { year: number }) => y.year)).toEqual([2019, 2021, 2023]);
      for (const y of data.riksnormYears) {
        expect(y.source).toBe(RIKSNORM_YEARS[y.year].source);
        expect(y.addedBy).toBe(REFERENCE_DATA_ACTOR);
      }
      expect(data.riksnormYears[1].source).toContain("SFS 2020:1013");
    });

    it("loading again changes nothing", async () => {
      const before = await rows(app);
      await loadReferenceData(app);
      await loadReferenceData(app);
      expect(await rows(app)).toEqual(before);
    });

    it("the demo seed then loads no year twice", async () => {
      const before = await rows(app);
      await ekonomisktBistandModule.seedDemo!(app.ds);
      expect(await rows(app)).toEqual(before);
    }, 120_000);
  });

  describe("an installation where an administrator entered a year", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start([ekonomisktBistandModule]);
    });
    afterAll(() => app.close());

    it("keeps the administrator's year as it is and adds only the missing ones", async () => {
      const own = { ...riksnormInput(2021), source: "SFS 2020:1013, inmatad av nämndens handläggare" };
      await app.ok(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: own } });
      const [entered] = await rows(app);
      await loadReferenceData(app);
      const after = await rows(app);
      expect(after.map((r) => r.year)).toEqual([2019, 2021, 2023]);
      expect(after[1]).toEqual(entered);
      expect(after[1].source).toBe(own.source);
      expect(after[1].addedBy).not.toBe(REFERENCE_DATA_ACTOR);
    });
  });

  describe("a known household per verified year: two adults, children aged 4 and 8", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start([ekonomisktBistandModule]);
      await loadReferenceData(app);
    });
    afterAll(() => app.close());

    // Sambor + barn 4–6 år + barn 7–10 år + gemensamma kostnader för 4 personer, typed here from the
    // published tables (not from riksnorm-data.ts), so a wrong amount in the data fails the test.
    const expected: Record<number, { parts: number[]; norm: string }> = {
      2019: { parts: [5570, 2380, 2990, 1570], norm: "12510.00" }, // Socialstyrelsen, Riksnormen 2019
      2021: { parts: [5700, 2440, 3060, 1610], norm: "12810.00" }, // SFS 2020:1013
      2023: { parts: [6300, 2700, 3380, 1790], norm: "14170.00" }, // riksnorm 2023
    };

    it.each([2019, 2021, 2023])("riksnorm %i", async (year) => {
      const serial = (year - 2000) * 10;
      const joinedOn = `${year}-01-01`;
      const member = (role: string, birthDate: string, n: number) => ({
        role,
        personnummer: makePersonnummer(birthDate, serial + n),
        name: `${role} ${year}`,
        joinedOn: birthDate > joinedOn ? birthDate : joinedOn,
      });
      const created = await app.ok(CREATE, {
        scopes: CASEWORKER,
        variables: {
          input: {
            address: { street: "Storgatan 1", postalCode: "503 30", city: "Borås" },
            housingType: "RENTAL",
            monthlyRent: "0",
            members: [
              member("APPLICANT", "1980-03-15", 1),
              member("CO_APPLICANT", "1982-11-02", 2),
              member("CHILD", `${year - 4}-02-01`, 3), // 4 in June
              member("CHILD", `${year - 8}-02-01`, 4), // 8 in June
            ],
          },
        },
      });
      const sub = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: {
          input: {
            householdId: created.createAssistanceHousehold.id,
            month: `${year}-06`,
            channel: "PAPER",
            receivedDate: `${year}-05-20`,
          },
        },
      });
      const calc = (
        await app.ok(CALCULATE, { scopes: CASEWORKER, variables: { id: sub.submitAssistanceApplication.id } })
      ).calculateAssistanceApplication;
      const { parts, norm } = expected[year];
      expect(parts.reduce((s, v) => s + v, 0).toFixed(2)).toBe(norm);
      expect(calc.norm).toBe(norm);
      expect(
        calc.lines.filter((l: { kind: string }) => l.kind.startsWith("NORM_")).map((l: { amount: string }) => l.amount),
      ).toEqual(parts.map((p) => p.toFixed(2)));
    });
  });

  describe("errors name the field and the rule", () => {
    let app: TestApp;
    let householdId: string;
    let registeredOn: string;
    beforeAll(async () => {
      app = await TestApp.start([ekonomisktBistandModule]);
      await loadReferenceData(app);
      // No joinedOn: the members count from today, the day they are registered.
      const created = await app.ok(CREATE, {
        scopes: CASEWORKER,
        variables: {
          input: {
            address: { street: "Lillgatan 2", postalCode: "503 31", city: "Borås" },
            housingType: "RENTAL",
            monthlyRent: "5000",
            members: [{ role: "APPLICANT", personnummer: makePersonnummer("1975-06-06", 901), name: "Sara Lind" }],
          },
        },
      });
      householdId = created.createAssistanceHousehold.id;
      registeredOn = created.createAssistanceHousehold.members[0].joinedOn;
    });
    afterAll(() => app.close());

    const calculate = async (month: string) => {
      const sub = await app.ok(SUBMIT, {
        scopes: CASEWORKER,
        variables: { input: { householdId, month, channel: "PAPER", receivedDate: `${month}-01` } },
      });
      return app.call(CALCULATE, { scopes: CASEWORKER, variables: { id: sub.submitAssistanceApplication.id } });
    };

    it("a month before the members joined says so, with the join date, not 'no applicant'", async () => {
      expect(registeredOn > "2021-06-30").toBe(true);
      const r = await calculate("2021-06");
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions?.field).toBe("application.month");
      expect(r.errors?.[0].extensions?.rule).toBe("applicant-in-month");
      expect(r.errors?.[0].message).toContain("no member was part of the household in 2021-06");
      expect(r.errors?.[0].message).toContain(`the applicant joined on ${registeredOn}`);
      expect(r.errors?.[0].message).not.toContain("no applicant");
    });

    it("a year without a riksnorm table names the application's month", async () => {
      const r = await calculate("2020-03");
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions?.field).toBe("application.month");
      expect(r.errors?.[0].extensions?.rule).toBe("riksnorm-year-missing");
      expect(r.errors?.[0].message).toMatch(/^application\.month: there is no riksnorm table for 2020/);
    });
  });
});
