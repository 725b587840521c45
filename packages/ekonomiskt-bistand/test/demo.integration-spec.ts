import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule } from "../src";
import { Household } from "../src/household/household.entity";
import { Payout } from "../src/decision/payout.entity";
import { REPORT } from "../src/seed/demo-model";

const INDICATORS = `query($from: Date!, $to: Date!, $children: Int) {
  assistanceIndicators(from: $from, to: $to, childrenInMunicipality: $children) {
    householdsAtEnd averageHouseholdsPerMonth longTermHouseholds grossPaid recovered netCost budget
    childrenInAssistedHouseholds shareOfChildrenNotInAssistedHouseholds
    wageSubsidyPersonsAtEnd wageSubsidyPersonnelCostMinusSubsidy wageSubsidyAssistanceNotPaid wageSubsidyNetSaving
  } }`;

/**
 * Children 0–17 in the municipality: not in the sources; ~24 000 is an assumption of the right
 * size for a municipality of Borås's size (≈ 21 % of 113 000 inhabitants), passed as the input.
 */
const CHILDREN_IN_MUNICIPALITY = 24000;
const tkr = (money: string) => Math.round(Number(money) / 1000);

describe(`demo data lands near the annual report 2021 on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  const figures: Record<number, Record<string, number | string | null>> = {};

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    await ekonomisktBistandModule.seedDemo!(app.ds);
    for (const year of [2019, 2020, 2021]) {
      const data = await app.ok(INDICATORS, {
        scopes: ["ekonomiskt-bistand:stats"],
        variables: { from: `${year}-01-01`, to: `${year}-12-31`, children: CHILDREN_IN_MUNICIPALITY },
      });
      figures[year] = data.assistanceIndicators;
    }
  });
  afterAll(() => app.close());

  it.each([2019, 2020, 2021])("%i: households at 31 Dec and on average per month are the report's", (year) => {
    expect(figures[year].householdsAtEnd).toBe(REPORT.householdsDec[year]);
    expect(Math.round(figures[year].averageHouseholdsPerMonth as number)).toBe(REPORT.householdsAvg[year]);
  });

  it.each([2019, 2020, 2021])("%i: households paid in more than ten months land within 1 % of the report", (year) => {
    expect(Math.abs((figures[year].longTermHouseholds as number) - REPORT.longTerm[year])).toBeLessThanOrEqual(
      Math.ceil(REPORT.longTerm[year] * 0.01),
    );
  });

  it("the rolling long-term count is near the report's lowest level, 388 households in September 2019", async () => {
    const data = await app.ok(`{ assistanceIndicators(from: "2019-09-01", to: "2019-09-30") { longTermHouseholds } }`, {
      scopes: ["ekonomiskt-bistand:stats"],
    });
    expect(Math.abs(data.assistanceIndicators.longTermHouseholds - 388)).toBeLessThanOrEqual(4);
  });

  it.each([2019, 2020, 2021])("%i: net cost (payouts − recoveries) is the report's to the tkr", (year) => {
    expect(tkr(figures[year].netCost as string)).toBe(REPORT.netCostTkr[year]);
    expect(tkr(figures[year].grossPaid as string)).toBe(REPORT.grossCostTkr[year]);
  });

  it("2021 is measured against the budget of 55 500 tkr; earlier years have none stored", () => {
    expect(figures[2021].budget).toBe("55500000.00");
    expect(figures[2020].budget).toBeNull();
  });

  it.each([2019, 2020, 2021])("%i: persons in växla bidrag mot lön in December", (year) => {
    expect(figures[year].wageSubsidyPersonsAtEnd).toBe(REPORT.wageSubsidyDec[year]);
  });

  it("2021: växla bidrag mot lön cost 2 725 289 kr net of subsidy and saved 2 940 042 kr of assistance", () => {
    expect(figures[2021].wageSubsidyPersonnelCostMinusSubsidy).toBe("2725289.00");
    expect(figures[2021].wageSubsidyAssistanceNotPaid).toBe("2940042.00");
    expect(figures[2021].wageSubsidyNetSaving).toBe("214753.00");
  });

  it("the share of children not in assisted households is 99, 99 and 98 % (rounded) for 24 000 children", () => {
    expect(
      [2019, 2020, 2021].map((y) => Math.round(figures[y].shareOfChildrenNotInAssistedHouseholds as number)),
    ).toEqual([99, 99, 98]);
  });

  it("is realistic: thousands of distinct households, some protected, payouts never paid twice", async () => {
    const households = await app.ds.getRepository(Household).count();
    expect(households).toBeGreaterThan(2000);
    expect(await app.ds.getRepository(Household).count({ where: { protectedIdentity: true } })).toBeGreaterThan(10);
    const dup = await app.ds
      .getRepository(Payout)
      .createQueryBuilder("p")
      .select("p.decisionId", "d")
      .where("p.type = 'ORIGINAL'")
      .groupBy("p.decisionId")
      .having("COUNT(*) > 1")
      .getRawMany();
    expect(dup).toEqual([]);
  });

  it("a second seed run on the same database adds nothing", async () => {
    const before = await app.ds.getRepository(Payout).count();
    await ekonomisktBistandModule.seedDemo!(app.ds);
    expect(await app.ds.getRepository(Payout).count()).toBe(before);
  });
});
