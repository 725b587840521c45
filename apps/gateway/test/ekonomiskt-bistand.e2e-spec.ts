import { coreModule } from "@arbetsliv/core";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule } from "@arbetsliv/ekonomiskt-bistand";
import { TestGateway } from "./harness";

const CASEWORKER = ["ekonomiskt-bistand:read", "ekonomiskt-bistand:write"];
// Valid (Luhn) numbers that the demo data does not use.
const APPLICANT = "19790228-9011";
const LODGER = "19600202-6547";

/** Ekonomiskt bistånd through the gateway over HTTP, with its demo data loaded. */
describe(`ekonomiskt bistånd through the gateway on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await TestGateway.start({}, [coreModule, ekonomisktBistandModule]);
  });
  afterAll(() => gw.stop());

  it("denies without a token and without the scope", async () => {
    expect((await gw.gql(`{ assistanceHouseholds { totalCount } }`)).codes).toEqual(["UNAUTHENTICATED"]);
    expect(
      (await gw.gql(`{ assistanceHouseholds { totalCount } }`, { scopes: ["ekonomiskt-bistand:stats"] })).codes,
    ).toEqual(["FORBIDDEN"]);
  });

  it("gives the board the 2021 figures from the demo records", async () => {
    const data = await gw.ok(
      `{ assistanceIndicators(from: "2021-01-01", to: "2021-12-31") { householdsAtEnd averageHouseholdsPerMonth wageSubsidyPersonsAtEnd } }`,
      {
        scopes: ["ekonomiskt-bistand:stats"],
      },
    );
    expect(data.assistanceIndicators).toEqual({
      householdsAtEnd: 719,
      averageHouseholdsPerMonth: 736,
      wageSubsidyPersonsAtEnd: 53,
    });
  });

  it("applies, calculates, decides and pays — and 50 concurrent payout requests pay once", async () => {
    const created = await gw.ok(
      `mutation($input: CreateAssistanceHouseholdInput!) { createAssistanceHousehold(input: $input) { id members { id personnummer } } }`,
      {
        scopes: CASEWORKER,
        variables: {
          input: {
            address: { street: "Testvägen 3", postalCode: "504 31", city: "Borås" },
            housingType: "RENTAL",
            monthlyRent: "5900",
            members: [
              { role: "APPLICANT", personnummer: APPLICANT, name: "Elin Exempel", joinedOn: "2021-01-01" },
              { role: "OTHER_ADULT", personnummer: LODGER, name: "Olle Inneboende", joinedOn: "2021-01-01" },
            ],
          },
        },
      },
    );
    const householdId = created.createAssistanceHousehold.id;
    const applied = await gw.ok(
      `mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) { id type version } }`,
      {
        scopes: CASEWORKER,
        variables: {
          input: {
            householdId,
            month: "2021-06",
            channel: "PAPER",
            receivedDate: "2021-05-20",
            costs: [{ type: "RENT", amount: "5900" }],
            incomes: [{ type: "HOUSING_ALLOWANCE", amount: "900" }],
          },
        },
      },
    );
    expect(applied.submitAssistanceApplication.type).toBe("NEW");
    const applicationId = applied.submitAssistanceApplication.id;

    const calc = await gw.ok(
      `mutation($id: ID!) { calculateAssistanceApplication(applicationId: $id) { norm assistance lines { kind amount } } }`,
      {
        scopes: CASEWORKER,
        variables: { id: applicationId },
      },
    );
    // Applicant 3 160 + 1 130 − 565; lodger 3 160 + 1 130/2 = 3 725 (riksnorm 2021); rent 5 900 (under the demo cap); − 900
    expect(calc.calculateAssistanceApplication.norm).toBe("7450.00");
    expect(calc.calculateAssistanceApplication.assistance).toBe("12450.00");

    const { version } = (
      await gw.ok(`query($id: ID!) { assistanceApplication(id: $id) { version } }`, {
        scopes: CASEWORKER,
        variables: { id: applicationId },
      })
    ).assistanceApplication;
    const decided = await gw.ok(
      `mutation($input: DecideAssistanceApplicationInput!) { decideAssistanceApplication(input: $input) { id amount outcome } }`,
      {
        scopes: CASEWORKER,
        variables: { input: { applicationId, expectedVersion: version, outcome: "GRANTED", decidedOn: "2021-05-27" } },
      },
    );
    expect(decided.decideAssistanceApplication).toMatchObject({ amount: "12450.00", outcome: "GRANTED" });
    const decisionId = decided.decideAssistanceApplication.id;

    const PAY = `mutation($input: PayAssistanceDecisionInput!) { payAssistanceDecision(input: $input) { created payout { id amount } } }`;
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        gw.gql(PAY, { scopes: CASEWORKER, variables: { input: { decisionId, paymentDate: "2021-05-31" } } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(responses.flatMap((r) => r.codes)).toEqual([]);
    expect(responses.filter((r) => r.data!.payAssistanceDecision.created)).toHaveLength(1);
    expect(new Set(responses.map((r) => r.data!.payAssistanceDecision.payout.id)).size).toBe(1);

    const household = await gw.ok(
      `query($id: ID!) { assistanceHousehold(id: $id) { payouts { amount type month } latestDecision { id } } }`,
      {
        scopes: CASEWORKER,
        variables: { id: householdId },
      },
    );
    expect(household.assistanceHousehold.payouts).toEqual([{ amount: "12450.00", type: "ORIGINAL", month: "2021-06" }]);
    expect(household.assistanceHousehold.latestDecision.id).toBe(decisionId);
  });
});
