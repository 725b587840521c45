import { AccessLogEntry } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { Application, donationsfonderModule, seedDemo } from "../src";
import { READ, REGISTER, WRITE, application, pnr } from "./fixture";

const LIST = `query($roundId: ID!, $first: Int) {
  donationApplications(roundId: $roundId, first: $first) {
    totalCount
    nodes { id personnummer status round { name } fund { name } allocation { amount adjustments { reason } fund { code } } }
  }
}`;

describe(`donationsfonder API rules on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let spring2021: string;
  let open2025: string;

  beforeAll(async () => {
    app = await TestApp.start([donationsfonderModule]);
    await seedDemo(app.ds);
    const rounds = await app.ok(`{ donationRounds(year: 2021) { id term } }`, READ);
    spring2021 = rounds.donationRounds.find((r: { term: string }) => r.term === "SPRING").id;
    const opened = await app.ok(
      `mutation { openDonationRounds(input: { year: 2025, priceBaseAmount: "58800", policy: EQUAL, remainderRule: KEEP_IN_FUND }) { id } }`,
      {
        scopes: ["admin"],
      },
    );
    open2025 = opened.openDonationRounds[0].id;
  });
  afterAll(() => app.close());

  describe("authentication and scopes", () => {
    it("needs a token for every operation", async () => {
      for (const q of [
        `{ donationFunds { id } }`,
        `{ donationReport(from: "2021-01-01", to: "2021-12-31") { applications } }`,
        `query($r: ID!) { donationApplications(roundId: $r) { totalCount } }`,
      ]) {
        expect((await app.call(q, { anonymous: true, variables: { r: spring2021 } })).errorCodes).toEqual([
          "UNAUTHENTICATED",
        ]);
      }
    });

    it("keeps person-level data from the statistics scope", async () => {
      const r = await app.call(`query($r: ID!) { donationApplications(roundId: $r) { totalCount } }`, {
        scopes: ["donationsfonder:stats"],
        variables: { r: spring2021 },
      });
      expect(r.errorCodes).toEqual(["FORBIDDEN"]);
      const payouts = await app.call(`query($r: ID!) { donationPayouts(roundId: $r) { totalCount } }`, {
        scopes: ["donationsfonder:stats"],
        variables: { r: spring2021 },
      });
      expect(payouts.errorCodes).toEqual(["FORBIDDEN"]);
      const stats = await app.call(`{ donationReport(from: "2021-01-01", to: "2021-12-31") { applications } }`, {
        scopes: ["donationsfonder:stats"],
      });
      expect(stats.errors).toBeUndefined();
    });

    it("lets only writers register and only administrators change reference data", async () => {
      const reg = await app.call(REGISTER, {
        ...READ,
        variables: { input: application(open2025, pnr("1980-01-01", 1), { receivedDate: "2025-03-03" }) },
      });
      expect(reg.errorCodes).toEqual(["FORBIDDEN"]);
      const fund = await app.call(
        `mutation { setDonationFundBudget(input: { roundId: "${open2025}", fundId: "1", available: "100" }) { id } }`,
        WRITE,
      );
      expect(fund.errorCodes).toEqual(["FORBIDDEN"]);
      const byCoreAdmin = await app.call(
        `mutation { setDonationFundBudget(input: { roundId: "${open2025}", fundId: "1", available: "100" }) { available } }`,
        { scopes: ["admin"] },
      );
      expect(byCoreAdmin.data?.setDonationFundBudget).toEqual({ available: "100.00" });
    });

    it("shows no personnummer to a caller without a person-level scope", async () => {
      const r = await app.call(
        `mutation { createDonationFund(input: { code: "X_TEST", name: "Test", statutes: "t", publishedOrder: 99, capital: "10", purposes: [OTHER] }) { id code } }`,
        {
          scopes: ["donationsfonder:admin"],
        },
      );
      expect(r.errors).toBeUndefined();
      const p = await app.call(`query($r: ID!) { donationPayouts(roundId: $r, first: 1) { nodes { personnummer } } }`, {
        scopes: ["donationsfonder:admin"],
        variables: { r: spring2021 },
      });
      expect(p.errorCodes).toEqual(["FORBIDDEN"]);
    });
  });

  describe("invalid input", () => {
    const count = () =>
      Promise.all([app.ds.getRepository(Application).count(), app.ds.getRepository(AccessLogEntry).count()]);

    it.each([
      ["an invalid personnummer", { personnummer: "19800101-1235" }, /personnummer/],
      ["a samordningsnummer with a wrong check digit", { personnummer: "800161-1230" }, /personnummer/],
      ["öre in the amount asked", { amountRequested: "1250.50" }, /^input\.amountRequested: must be whole kronor/],
      ["no amount asked", { amountRequested: "0" }, /^input\.amountRequested: must be at least 1 kr/],
      ["a negative income", { yearlyIncome: "-1" }, /^input\.yearlyIncome/],
      ["an empty household", { householdSize: 0 }, /householdSize/],
      ["no purpose", { purposes: [] }, /purposes/],
      ["a received date in the future", { receivedDate: "2150-01-01" }, /^input\.receivedDate/],
      ["a round that does not exist", { roundId: "999999" }, /^input\.roundId/],
    ])("rejects %s naming the field, writing nothing", async (_label, over, message) => {
      const before = await count();
      const r = await app.call(REGISTER, {
        ...WRITE,
        variables: { input: application(open2025, pnr("1982-03-04", 55), { receivedDate: "2025-03-03", ...over }) },
      });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].message).toMatch(message);
      expect(await count()).toEqual(before);
    });

    it("rejects a budget above the fund's capital and öre in a budget", async () => {
      const capital = await app.call(
        `mutation { setDonationFundBudget(input: { roundId: "${open2025}", fundId: "1", available: "99999999" }) { id } }`,
        { scopes: ["admin"] },
      );
      expect(capital.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(capital.errors?.[0].message).toMatch(/^input\.available: must not exceed the fund's capital/);
      const ore = await app.call(
        `mutation { setDonationFundBudget(input: { roundId: "${open2025}", fundId: "1", available: "10.50" }) { id } }`,
        { scopes: ["admin"] },
      );
      expect(ore.errors?.[0].message).toMatch(/^input\.available: must be whole kronor/);
    });

    it("rejects a schedule with impossible dates and an overlapping one", async () => {
      const bad = await app.call(
        `mutation { defineDonationRoundSchedule(input: { fromYear: 2030, term: SPRING, applicationOpens: "02-30", applicationCloses: "03-31", decision: "05-01", payout: "06-01" }) { id } }`,
        { scopes: ["admin"] },
      );
      expect(bad.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(bad.errors?.[0].message).toMatch(/^input\.applicationOpens/);
      const overlap = await app.call(
        `mutation { defineDonationRoundSchedule(input: { fromYear: 2030, term: ANNUAL, applicationOpens: "02-01", applicationCloses: "02-28", decision: "04-01", payout: "05-01" }) { id } }`,
        { scopes: ["admin"] },
      );
      expect(overlap.errorCodes).toEqual(["CONFLICT"]);
    });

    it("refuses a second opening of the same year's rounds", async () => {
      const r = await app.call(
        `mutation { openDonationRounds(input: { year: 2025, priceBaseAmount: "58800", policy: EQUAL }) { id } }`,
        { scopes: ["admin"] },
      );
      expect(r.errorCodes).toEqual(["CONFLICT"]);
      const none = await app.call(
        `mutation { openDonationRounds(input: { year: 2010, priceBaseAmount: "42400", policy: EQUAL }) { id } }`,
        { scopes: ["admin"] },
      );
      expect(none.errorCodes).toEqual(["BAD_USER_INPUT"]);
    });

    it("caps the page size", async () => {
      const r = await app.call(LIST, { ...READ, variables: { roundId: spring2021, first: 101 } });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    });
  });

  describe("person-level reads", () => {
    it("logs one access-log entry per list read, naming every record and person", async () => {
      const before = await app.ds.getRepository(AccessLogEntry).count();
      const r = await app.ok(LIST, { ...READ, variables: { roundId: spring2021, first: 20 } });
      const entries = await app.ds.getRepository(AccessLogEntry).find({ order: { id: "DESC" }, take: 1 });
      expect(await app.ds.getRepository(AccessLogEntry).count()).toBe(before + 1);
      expect(entries[0]).toMatchObject({
        actor: "handlaggare-bo",
        action: "READ",
        operation: "Query.donationApplications",
        domain: "donationsfonder",
      });
      expect(entries[0].recordIds).toEqual(r.donationApplications.nodes.map((n: { id: string }) => n.id));
      const someone = r.donationApplications.nodes[3].personnummer;
      const byPerson = await app.ok(
        `query($p: Personnummer) { accessLog(filter: { person: $p, operation: "Query.donationApplications" }) { totalCount } }`,
        {
          scopes: ["audit:read"],
          variables: { p: someone },
        },
      );
      expect(byPerson.accessLog.totalCount).toBeGreaterThanOrEqual(1);
    });

    it("logs a single application read", async () => {
      const list = await app.ok(LIST, { ...READ, variables: { roundId: spring2021, first: 1 } });
      const id = list.donationApplications.nodes[0].id;
      await app.ok(`query($id: ID!) { donationApplication(id: $id) { id assessment } }`, {
        ...READ,
        variables: { id },
      });
      const last = await app.ds.getRepository(AccessLogEntry).find({ order: { id: "DESC" }, take: 1 });
      expect(last[0]).toMatchObject({ operation: "Query.donationApplication", recordIds: [id] });
      const missing = await app.call(`{ donationApplication(id: "99999999") { id } }`, READ);
      expect(missing.errorCodes).toEqual(["NOT_FOUND"]);
    });

    it("runs the same number of SQL statements for 5 and 50 applications with nested data", async () => {
      const five = await app.call(LIST, { ...READ, variables: { roundId: spring2021, first: 5 } });
      const fifty = await app.call(LIST, { ...READ, variables: { roundId: spring2021, first: 50 } });
      expect(five.errors).toBeUndefined();
      expect(fifty.data?.donationApplications.nodes).toHaveLength(50);
      expect(fifty.statements).toBe(five.statements);
      const payouts = `query($r: ID!, $first: Int) { donationPayouts(roundId: $r, first: $first) { nodes { id paid payment { paidOn } fund { name } } } }`;
      const p5 = await app.call(payouts, { ...READ, variables: { r: spring2021, first: 5 } });
      const p50 = await app.call(payouts, { ...READ, variables: { r: spring2021, first: 50 } });
      expect(p50.statements).toBe(p5.statements);
    });
  });
});
