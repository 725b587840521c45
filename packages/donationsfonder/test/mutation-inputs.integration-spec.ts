import { TestApp, testDatabaseKind, type TestResult } from "@arbetsliv/core/testing";
import { donationsfonderModule } from "../src";
import { ADMIN, WRITE, application, pnr, register, setUpRound, type RoundFixture } from "./fixture";

/**
 * One `input` per mutation: every value a mutation took as a top-level argument (the record's id,
 * `expectedVersion`, `toYear`) is now also `input.<name>`; the old arguments are deprecated but
 * still work (the other suites use them). Missing ⇒ `required` on the input path; given both ways
 * with different values ⇒ `conflict`.
 */

const FUNDS = `{ donationFunds { id code name statutes publishedOrder capital residentRequired minAge maxAge
  minHouseholdSize incomeLimitBasePercent incomeLimitPerExtraPercent purposes active version } }`;
const UPDATE_FUND = `mutation($input: DonationFundInput!, $id: ID, $v: Int) {
  updateDonationFund(input: $input, id: $id, expectedVersion: $v) { id name version } }`;
const CREATE_FUND = `mutation($input: DonationFundInput!) { createDonationFund(input: $input) { id } }`;
const UPDATE_APPLICATION = `mutation($input: UpdateDonationApplicationInput!, $id: ID, $v: Int) {
  updateDonationApplication(input: $input, id: $id, expectedVersion: $v) { id amountRequested version } }`;
const SET_POLICY = `mutation($input: DonationRoundPolicyInput!, $roundId: ID, $v: Int) {
  setDonationRoundPolicy(input: $input, roundId: $roundId, expectedVersion: $v) { id policy maxPerApplication version } }`;
const DEFINE_SCHEDULE = `mutation { defineDonationRoundSchedule(input: { fromYear: 2040, term: SPRING,
  applicationOpens: "03-01", applicationCloses: "03-31", decision: "05-01", payout: "06-01" }) { id } }`;
const END_SCHEDULE = `mutation($input: EndDonationRoundScheduleInput, $id: ID, $toYear: Int) {
  endDonationRoundSchedule(input: $input, id: $id, toYear: $toYear) { id fromYear toYear } }`;
const ALLOCATE = `mutation($input: AllocateDonationRoundInput, $roundId: ID, $v: Int) {
  allocateDonationRound(input: $input, roundId: $roundId, expectedVersion: $v) { id status version } }`;
const DECIDE = `mutation($input: DonationBoardDecisionInput!, $roundId: ID, $v: Int) {
  recordDonationBoardDecision(input: $input, roundId: $roundId, expectedVersion: $v) { id status decisionReference version } }`;
const ROUND = `query($id: ID!) { donationRound(id: $id) { status version } }`;

const DECISION = { decisionDate: "2025-05-19", reference: "ALN 2025-05-19 § 7" };

/** The one error of a refused call: code, input path and rule. */
function refusal(r: TestResult) {
  expect(r.errors).toHaveLength(1);
  const e = r.errors![0];
  return { code: e.extensions?.code, field: e.extensions?.field, rule: e.extensions?.rule };
}

const required = (field: string) => ({ code: "BAD_USER_INPUT", field, rule: "required" });
const conflict = (field: string) => ({ code: "BAD_USER_INPUT", field, rule: "conflict" });

describe(`donationsfonder mutations take their values in input on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let fx: RoundFixture;

  beforeAll(async () => {
    app = await TestApp.start([donationsfonderModule]);
    fx = await setUpRound(app, 2025, { elderly: 0, glasses: 5000, general: 0 });
  });
  afterAll(() => app.close());

  const roundVersion = async () => (await app.ok(ROUND, { ...ADMIN, variables: { id: fx.roundId } })).donationRound;

  describe("updateDonationFund", () => {
    /** The glasses fund as a DonationFundInput, with its current version. */
    async function glassesFund() {
      const funds = (await app.ok(FUNDS, ADMIN)).donationFunds as Record<string, unknown>[];
      const { id, version, ...input } = funds.find((f) => f.id === fx.funds.glasses)!;
      return { id: id as string, version: version as number, input };
    }

    it("takes the fund and its version in input and returns the new version", async () => {
      const f = await glassesFund();
      const r = await app.ok(UPDATE_FUND, {
        ...ADMIN,
        variables: { input: { ...f.input, name: "Glasögonfonden (input)", id: f.id, expectedVersion: f.version } },
      });
      expect(r.updateDonationFund).toEqual({ id: f.id, name: "Glasögonfonden (input)", version: f.version + 1 });
    });

    it("still takes the deprecated arguments", async () => {
      const f = await glassesFund();
      const r = await app.ok(UPDATE_FUND, {
        ...ADMIN,
        variables: { input: { ...f.input, name: "Glasögonfonden" }, id: f.id, v: f.version },
      });
      expect(r.updateDonationFund).toEqual({ id: f.id, name: "Glasögonfonden", version: f.version + 1 });
    });

    it("accepts the same value given both ways", async () => {
      const f = await glassesFund();
      const r = await app.ok(UPDATE_FUND, {
        ...ADMIN,
        variables: { input: { ...f.input, id: f.id, expectedVersion: f.version }, id: f.id, v: f.version },
      });
      expect(r.updateDonationFund.version).toBe(f.version + 1);
    });

    it("refuses a missing id or version on its input path", async () => {
      const f = await glassesFund();
      const noId = await app.call(UPDATE_FUND, { ...ADMIN, variables: { input: { ...f.input, expectedVersion: 1 } } });
      expect(refusal(noId)).toEqual(required("input.id"));
      const noVersion = await app.call(UPDATE_FUND, { ...ADMIN, variables: { input: { ...f.input, id: f.id } } });
      expect(refusal(noVersion)).toEqual(required("input.expectedVersion"));
    });

    it("refuses values given both ways that differ", async () => {
      const f = await glassesFund();
      const ids = await app.call(UPDATE_FUND, {
        ...ADMIN,
        variables: { input: { ...f.input, id: f.id, expectedVersion: f.version }, id: fx.funds.general },
      });
      expect(refusal(ids)).toEqual(conflict("input.id"));
      expect(ids.errors![0].message).toMatch(/deprecated argument id/);
      const versions = await app.call(UPDATE_FUND, {
        ...ADMIN,
        variables: { input: { ...f.input, id: f.id, expectedVersion: f.version }, v: f.version + 1 },
      });
      expect(refusal(versions)).toEqual(conflict("input.expectedVersion"));
    });

    it("answers a stale version in input with CONFLICT", async () => {
      const f = await glassesFund();
      const r = await app.call(UPDATE_FUND, {
        ...ADMIN,
        variables: { input: { ...f.input, id: f.id, expectedVersion: f.version - 1 } },
      });
      expect(r.errorCodes).toEqual(["CONFLICT"]);
    });

    it("names an id that is not one on the path it was given at", async () => {
      const f = await glassesFund();
      const r = await app.call(UPDATE_FUND, {
        ...ADMIN,
        variables: { input: { ...f.input, id: "not-an-id", expectedVersion: f.version } },
      });
      expect(refusal(r)).toEqual({ code: "BAD_USER_INPUT", field: "input.id", rule: "id" });
    });

    it("refuses the update's fields in createDonationFund", async () => {
      const f = await glassesFund();
      for (const [field, value] of [
        ["id", f.id],
        ["expectedVersion", 1],
      ] as const) {
        const r = await app.call(CREATE_FUND, {
          ...ADMIN,
          variables: { input: { ...f.input, code: "T_NEW_FUND", [field]: value } },
        });
        expect(refusal(r)).toEqual({ code: "BAD_USER_INPUT", field: `input.${field}`, rule: "update-only" });
      }
    });
  });

  describe("updateDonationApplication", () => {
    let applicationId: string;
    let version: number;

    beforeAll(async () => {
      const app1 = await register(app, application(fx.roundId, pnr("1981-04-04", 41), { receivedDate: "2025-03-10" }));
      applicationId = app1.id;
      version = app1.version;
    });

    it("takes the application and its version in input and returns the new version", async () => {
      const r = await app.ok(UPDATE_APPLICATION, {
        ...WRITE,
        variables: { input: { id: applicationId, expectedVersion: version, amountRequested: "2000" } },
      });
      expect(r.updateDonationApplication).toEqual({
        id: applicationId,
        amountRequested: "2000.00",
        version: version + 1,
      });
      version += 1;
    });

    it("refuses a missing id or version on its input path", async () => {
      const noId = await app.call(UPDATE_APPLICATION, {
        ...WRITE,
        variables: { input: { expectedVersion: version, amountRequested: "1500" } },
      });
      expect(refusal(noId)).toEqual(required("input.id"));
      const noVersion = await app.call(UPDATE_APPLICATION, {
        ...WRITE,
        variables: { input: { id: applicationId, amountRequested: "1500" } },
      });
      expect(refusal(noVersion)).toEqual(required("input.expectedVersion"));
    });

    it("refuses values given both ways that differ", async () => {
      const r = await app.call(UPDATE_APPLICATION, {
        ...WRITE,
        variables: { input: { id: applicationId, expectedVersion: version }, v: version + 3 },
      });
      expect(refusal(r)).toEqual(conflict("input.expectedVersion"));
    });
  });

  describe("setDonationRoundPolicy", () => {
    it("takes the round and its version in input and returns the new version", async () => {
      const before = await roundVersion();
      const r = await app.ok(SET_POLICY, {
        ...ADMIN,
        variables: {
          input: { id: fx.roundId, expectedVersion: before.version, policy: "EQUAL", maxPerApplication: "3000" },
        },
      });
      expect(r.setDonationRoundPolicy).toEqual({
        id: fx.roundId,
        policy: "EQUAL",
        maxPerApplication: "3000.00",
        version: before.version + 1,
      });
    });

    it("still takes the deprecated arguments roundId and expectedVersion", async () => {
      const before = await roundVersion();
      const r = await app.ok(SET_POLICY, {
        ...ADMIN,
        variables: { input: { policy: "EQUAL" }, roundId: fx.roundId, v: before.version },
      });
      expect(r.setDonationRoundPolicy).toEqual({
        id: fx.roundId,
        policy: "EQUAL",
        maxPerApplication: null,
        version: before.version + 1,
      });
    });

    it("refuses a missing round or version on its input path", async () => {
      const noRound = await app.call(SET_POLICY, { ...ADMIN, variables: { input: { policy: "EQUAL" }, v: 1 } });
      expect(refusal(noRound)).toEqual(required("input.id"));
      const noVersion = await app.call(SET_POLICY, {
        ...ADMIN,
        variables: { input: { id: fx.roundId, policy: "EQUAL" } },
      });
      expect(refusal(noVersion)).toEqual(required("input.expectedVersion"));
    });

    it("refuses a round given both ways that differs, naming the old argument", async () => {
      const r = await app.call(SET_POLICY, {
        ...ADMIN,
        variables: { input: { id: fx.roundId, expectedVersion: 1, policy: "EQUAL" }, roundId: "999" },
      });
      expect(refusal(r)).toEqual(conflict("input.id"));
      expect(r.errors![0].message).toMatch(/deprecated argument roundId/);
    });
  });

  describe("endDonationRoundSchedule", () => {
    let scheduleId: string;

    beforeAll(async () => {
      scheduleId = (await app.ok(DEFINE_SCHEDULE, ADMIN)).defineDonationRoundSchedule.id;
    });

    it("takes the timetable and its last year in input", async () => {
      const r = await app.ok(END_SCHEDULE, { ...ADMIN, variables: { input: { id: scheduleId, toYear: 2045 } } });
      expect(r.endDonationRoundSchedule).toEqual({ id: scheduleId, fromYear: 2040, toYear: 2045 });
    });

    it("still takes the deprecated arguments id and toYear", async () => {
      const r = await app.ok(END_SCHEDULE, { ...ADMIN, variables: { id: scheduleId, toYear: 2044 } });
      expect(r.endDonationRoundSchedule).toEqual({ id: scheduleId, fromYear: 2040, toYear: 2044 });
    });

    it("refuses a missing timetable or year on its input path", async () => {
      expect(refusal(await app.call(END_SCHEDULE, { ...ADMIN, variables: { toYear: 2044 } }))).toEqual(
        required("input.id"),
      );
      expect(refusal(await app.call(`mutation { endDonationRoundSchedule { id } }`, ADMIN))).toEqual(
        required("input.id"),
      );
      expect(refusal(await app.call(END_SCHEDULE, { ...ADMIN, variables: { input: { id: scheduleId } } }))).toEqual(
        required("input.toYear"),
      );
    });

    it("refuses values given both ways that differ", async () => {
      const r = await app.call(END_SCHEDULE, {
        ...ADMIN,
        variables: { input: { id: scheduleId, toYear: 2046 }, toYear: 2047 },
      });
      expect(refusal(r)).toEqual(conflict("input.toYear"));
    });

    it("names a year before fromYear where it was given", async () => {
      const inInput = await app.call(END_SCHEDULE, {
        ...ADMIN,
        variables: { input: { id: scheduleId, toYear: 2039 } },
      });
      expect(refusal(inInput)).toEqual({ code: "BAD_USER_INPUT", field: "input.toYear", rule: "order" });
      const asArgument = await app.call(END_SCHEDULE, { ...ADMIN, variables: { id: scheduleId, toYear: 2039 } });
      expect(refusal(asArgument)).toEqual({ code: "BAD_USER_INPUT", field: "toYear", rule: "order" });
    });
  });

  describe("allocateDonationRound and recordDonationBoardDecision", () => {
    it("refuse a missing round or version on its input path", async () => {
      const { version } = await roundVersion();
      expect(refusal(await app.call(`mutation { allocateDonationRound { id } }`, WRITE))).toEqual(required("input.id"));
      expect(refusal(await app.call(ALLOCATE, { ...WRITE, variables: { input: { id: fx.roundId } } }))).toEqual(
        required("input.expectedVersion"),
      );
      expect(refusal(await app.call(DECIDE, { ...WRITE, variables: { input: DECISION, v: version } }))).toEqual(
        required("input.id"),
      );
      expect(
        refusal(await app.call(DECIDE, { ...WRITE, variables: { input: { ...DECISION, id: fx.roundId } } })),
      ).toEqual(required("input.expectedVersion"));
    });

    it("refuse values given both ways that differ", async () => {
      const { version } = await roundVersion();
      const allocate = await app.call(ALLOCATE, {
        ...WRITE,
        variables: { input: { id: fx.roundId, expectedVersion: version }, roundId: "999" },
      });
      expect(refusal(allocate)).toEqual(conflict("input.id"));
      const decide = await app.call(DECIDE, {
        ...WRITE,
        variables: { input: { ...DECISION, id: fx.roundId, expectedVersion: version }, v: version + 1 },
      });
      expect(refusal(decide)).toEqual(conflict("input.expectedVersion"));
      expect((await roundVersion()).status).toBe("OPEN");
    });

    it("take the round and its version in input and return the new version", async () => {
      const before = await roundVersion();
      const allocated = await app.ok(ALLOCATE, {
        ...WRITE,
        variables: { input: { id: fx.roundId, expectedVersion: before.version } },
      });
      expect(allocated.allocateDonationRound).toEqual({
        id: fx.roundId,
        status: "ALLOCATED",
        version: before.version + 1,
      });
      const decided = await app.ok(DECIDE, {
        ...WRITE,
        variables: { input: { ...DECISION, id: fx.roundId, expectedVersion: before.version + 1 } },
      });
      expect(decided.recordDonationBoardDecision).toEqual({
        id: fx.roundId,
        status: "DECIDED",
        decisionReference: DECISION.reference,
        version: before.version + 2,
      });
    });
  });
});
