import fc from "fast-check";
import { CalculationLineKind as K, CapBasis, CostType, DecisionOutcome, IncomeType, MemberRole } from "../enums";
import { RIKSNORM_YEARS } from "../riksnorm/riksnorm-data";
import { commonCostFor, tableFromSource, tableProblems } from "../riksnorm/riksnorm-table";
import {
  calculateAssistance,
  CalculationInputError,
  workIncentiveFor,
  type CalcMember,
  type CalculationInput,
} from "./assistance-calculation";

const t2019 = tableFromSource(2019, RIKSNORM_YEARS[2019]);
const t2021 = tableFromSource(2021, RIKSNORM_YEARS[2021]);
const t2023 = tableFromSource(2023, RIKSNORM_YEARS[2023]);
const kr = (n: number) => n * 100;

const applicant: CalcMember = { id: 1, role: MemberRole.APPLICANT, birthDate: "1985-04-02" };
const partner: CalcMember = { id: 2, role: MemberRole.CO_APPLICANT, birthDate: "1987-09-30" };

function input(partial: Partial<CalculationInput> & Pick<CalculationInput, "members">): CalculationInput {
  return {
    month: "2021-06",
    table: t2021,
    costs: [],
    incomes: [],
    caps: [],
    workIncentive: { applies: false, since: null },
    ...partial,
  };
}
const line = (r: ReturnType<typeof calculateAssistance>, kind: K, memberId?: number) =>
  r.lines.find((l) => l.kind === kind && (memberId === undefined || l.memberId === memberId));

describe("riksnorm calculation — worked examples from the official tables", () => {
  it("2021: a non-partner adult in a 5-person household is 3 160 + 1 860/5 = 3 532 kr", () => {
    const r = calculateAssistance(
      input({
        members: [
          applicant,
          partner,
          { id: 3, role: MemberRole.CHILD, birthDate: "2012-05-01" },
          { id: 4, role: MemberRole.CHILD, birthDate: "2016-01-20" },
          { id: 5, role: MemberRole.OTHER_ADULT, birthDate: "1960-02-02" },
        ],
      }),
    );
    expect(r.householdSize).toBe(5);
    expect(line(r, K.NORM_NON_PARTNER_ADULT, 5)!.amount).toBe(kr(3532));
    // The rest of the household carries the remaining 4/5 of the 1 860 kr common costs.
    expect(line(r, K.NORM_COMMON)!.amount).toBe(kr(1860 - 372));
    // 5 700 (couple) + 3 060 (9 years: 7–10) + 2 440 (5 years: 4–6) + 3 532 + 1 488
    expect(r.norm).toBe(kr(5700 + 3060 + 2440 + 3532 + 1488));
  });

  it("2021: a single adult is 3 160 + 1 020 = 4 180 kr; no income gives the norm plus costs", () => {
    const r = calculateAssistance(input({ members: [applicant], costs: [{ type: CostType.RENT, claimed: kr(5200) }] }));
    expect(r.norm).toBe(kr(4180));
    expect(r.assistance).toBe(kr(9380));
    expect(r.suggestedOutcome).toBe(DecisionOutcome.GRANTED);
  });

  it("2019: a couple with a 4-year-old at preschool and a 12-year-old is 5 570 + 2 120 + 3 440 + 1 570 = 12 700 kr", () => {
    const r = calculateAssistance(
      input({
        month: "2019-10",
        table: t2019,
        members: [
          applicant,
          partner,
          { id: 3, role: MemberRole.CHILD, birthDate: "2015-02-11", lunchAtPreschool: true },
          { id: 4, role: MemberRole.CHILD, birthDate: "2007-08-08" },
        ],
      }),
    );
    expect(r.norm).toBe(kr(12700));
    expect(line(r, K.NORM_CHILD, 3)!.basis).toContain("lunch i förskolan");
  });

  it("more than 7 persons: each extra person adds the 6→7 difference (2021, 9 persons: 2 270 + 2 × 170 = 2 610 kr)", () => {
    expect(commonCostFor(t2021, 9)).toBe(kr(2610));
    expect(commonCostFor(t2021, 7)).toBe(kr(2270));
    const children = Array.from({ length: 7 }, (_, i) => ({
      id: 10 + i,
      role: MemberRole.CHILD,
      birthDate: `${2005 + i}-01-01`,
    }));
    const r = calculateAssistance(input({ members: [applicant, partner, ...children] }));
    expect(r.householdSize).toBe(9);
    expect(line(r, K.NORM_COMMON)!.amount).toBe(kr(2610));
  });

  it("a child turning 7 mid-year uses its age on the last day of the month concerned", () => {
    const child: CalcMember = { id: 3, role: MemberRole.CHILD, birthDate: "2014-03-14", lunchAtPreschool: true };
    const feb = calculateAssistance(input({ month: "2021-02", members: [applicant, child] }));
    const mar = calculateAssistance(input({ month: "2021-03", members: [applicant, child] }));
    expect(line(feb, K.NORM_CHILD, 3)!.amount).toBe(kr(2170)); // 4–6 år, lunch at preschool
    expect(line(mar, K.NORM_CHILD, 3)!.amount).toBe(kr(3060)); // 7–10 år for all of March
  });

  it("a year without the lunch variant (2023) uses the regular amount and says so", () => {
    const r = calculateAssistance(
      input({
        month: "2023-05",
        table: t2023,
        members: [applicant, { id: 3, role: MemberRole.CHILD, birthDate: "2021-01-01", lunchAtPreschool: true }],
      }),
    );
    const child = line(r, K.NORM_CHILD, 3)!;
    expect(child.amount).toBe(kr(2700));
    expect(child.basis).toContain("ingen lunchvariant");
  });

  it("a 19-year-old still in upper-secondary school is a child; one who is not counts as a non-partner adult", () => {
    const inSchool = calculateAssistance(
      input({
        members: [applicant, { id: 3, role: MemberRole.CHILD, birthDate: "2002-01-15", inUpperSecondary: true }],
      }),
    );
    expect(line(inSchool, K.NORM_CHILD, 3)!.amount).toBe(kr(4000));
    const notInSchool = calculateAssistance(
      input({ members: [applicant, { id: 3, role: MemberRole.CHILD, birthDate: "2002-01-15" }] }),
    );
    expect(line(notInSchool, K.NORM_NON_PARTNER_ADULT, 3)!.amount).toBe(kr(3160 + 565));
  });

  it("rounds a share that is not whole öre half up and gives the household the remainder (2021, 3 persons: 1 420/3)", () => {
    const r = calculateAssistance(
      input({
        members: [
          applicant,
          { id: 3, role: MemberRole.CHILD, birthDate: "2015-01-01" },
          { id: 4, role: MemberRole.OTHER_ADULT, birthDate: "1990-01-01" },
        ],
      }),
    );
    expect(line(r, K.NORM_NON_PARTNER_ADULT, 4)!.amount).toBe(kr(3160) + 47333); // 473,33 kr
    expect(line(r, K.NORM_COMMON)!.amount).toBe(kr(1420) - 47333);
  });

  it("an adult outside the application still counts in the size and takes its share of the common costs", () => {
    const r = calculateAssistance(
      input({
        members: [applicant, { id: 4, role: MemberRole.OTHER_ADULT, birthDate: "1990-01-01", includedInNorm: false }],
      }),
    );
    expect(r.householdSize).toBe(2);
    expect(line(r, K.NORM_NON_PARTNER_ADULT)).toBeUndefined();
    expect(r.norm).toBe(kr(3160 + 565));
  });

  it("caps reasonable costs per type and suggests partly granted", () => {
    const caps = [
      { costType: CostType.RENT, basis: CapBasis.CHILDREN, threshold: 0, amount: kr(6300), perAdditional: 0 },
      { costType: CostType.RENT, basis: CapBasis.CHILDREN, threshold: 2, amount: kr(9425), perAdditional: kr(1800) },
      {
        costType: CostType.HOME_INSURANCE,
        basis: CapBasis.HOUSEHOLD_SIZE,
        threshold: 1,
        amount: kr(150),
        perAdditional: kr(25),
      },
    ];
    const kids = [3, 4, 5].map((id) => ({ id, role: MemberRole.CHILD, birthDate: "2010-06-01" }));
    const r = calculateAssistance(
      input({
        members: [applicant, ...kids],
        caps,
        costs: [
          { type: CostType.RENT, claimed: kr(12000) },
          { type: CostType.HOME_INSURANCE, claimed: kr(200) },
          { type: CostType.HOUSEHOLD_ELECTRICITY, claimed: kr(400) },
        ],
      }),
    );
    const costs = r.lines.filter((l) => l.kind === K.REASONABLE_COST).map((l) => l.amount);
    expect(costs).toEqual([kr(9425 + 1800), kr(200), kr(400)]); // 3 children: 9 425 + 1 800; insurance cap 150 + 3×25 = 225
    expect(r.anyCostCapped).toBe(true);
    expect(r.suggestedOutcome).toBe(DecisionOutcome.PARTLY_GRANTED);
  });

  it("deducts incomes; 25 % of employment income is disregarded once the work incentive applies", () => {
    const base = input({
      members: [applicant],
      incomes: [{ type: IncomeType.EMPLOYMENT, amount: kr(3001), memberId: 1 }],
    });
    const without = calculateAssistance(base);
    expect(without.countedIncome).toBe(kr(3001));
    const withIncentive = calculateAssistance({ ...base, workIncentive: { applies: true, since: "2021-01" } });
    expect(line(withIncentive, K.WORK_INCOME_DISREGARD)!.amount).toBe(75025); // 750,25 kr
    expect(withIncentive.countedIncome).toBe(kr(3001) - 75025);
    expect(withIncentive.assistance - without.assistance).toBe(75025);
  });

  it("disregards a child's earnings up to one prisbasbelopp per calendar year", () => {
    const r = calculateAssistance(
      input({
        members: [applicant, { id: 3, role: MemberRole.CHILD, birthDate: "2004-02-01" }],
        incomes: [{ type: IncomeType.EMPLOYMENT, amount: kr(5000), memberId: 3 }],
        childEarningsDisregardedThisYear: { 3: kr(45000) },
      }),
    );
    expect(line(r, K.CHILD_EARNINGS_DISREGARD, 3)!.amount).toBe(kr(2600)); // 47 600 − 45 000
    expect(r.countedIncome).toBe(kr(2400));
    expect(r.childEarningsDisregarded).toEqual({ 3: kr(2600) });
  });

  it("is never below zero", () => {
    const r = calculateAssistance(
      input({ members: [applicant], incomes: [{ type: IncomeType.SICKNESS_BENEFIT, amount: kr(20000) }] }),
    );
    expect(r.balance).toBe(kr(4180 - 20000));
    expect(r.assistance).toBe(0);
    expect(r.suggestedOutcome).toBe(DecisionOutcome.REJECTED);
  });

  it("refuses a table for another year than the month and input it cannot explain", () => {
    expect(() => calculateAssistance(input({ month: "2020-01", members: [applicant] }))).toThrow(CalculationInputError);
    expect(() => calculateAssistance(input({ members: [partner] }))).toThrow(/no applicant/);
    expect(() =>
      calculateAssistance(input({ members: [applicant], incomes: [{ type: IncomeType.EMPLOYMENT, amount: 100 }] })),
    ).toThrow(/name the member/);
  });

  it("lines always add up to the balance, and common costs to the table's amount for the size (property)", () => {
    const member = fc.record({
      role: fc.constantFrom(MemberRole.CHILD, MemberRole.OTHER_ADULT),
      birthDate: fc
        .date({ min: new Date("1950-01-01"), max: new Date("2021-06-01"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      lunch: fc.boolean(),
      school: fc.boolean(),
      included: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 10 }),
        fc.boolean(),
        fc.nat(2_000_000),
        fc.nat(2_000_000),
        (others, couple, rent, wage) => {
          const members: CalcMember[] = [applicant, ...(couple ? [partner] : [])];
          others.forEach((o, i) =>
            members.push({
              id: 10 + i,
              role: o.role,
              birthDate: o.birthDate,
              lunchAtPreschool: o.lunch,
              inUpperSecondary: o.school,
              includedInNorm: o.included,
            }),
          );
          const r = calculateAssistance(
            input({
              members,
              costs: [{ type: CostType.RENT, claimed: rent }],
              incomes: [{ type: IncomeType.EMPLOYMENT, amount: wage, memberId: 1 }],
              workIncentive: { applies: true, since: null },
            }),
          );
          expect(r.lines.reduce((s, l) => s + l.amount, 0)).toBe(r.balance);
          expect(r.assistance).toBe(Math.max(0, r.balance));
          const commonLines = r.lines.filter((l) => l.kind === K.NORM_COMMON).reduce((s, l) => s + l.amount, 0);
          const nonPartner = r.lines
            .filter((l) => l.kind === K.NORM_NON_PARTNER_ADULT)
            .reduce((s, l) => s + l.amount - t2021.adultSingle, 0);
          const excludedShares = members.filter(
            (m) =>
              m.includedInNorm === false && r.lines.every((l) => l.memberId !== m.id) && m.birthDate <= "2021-06-30",
          ).length;
          if (excludedShares === 0) expect(commonLines + nonPartner).toBe(commonCostFor(t2021, r.householdSize));
          expect(r.lines.every((l) => Number.isInteger(l.amount))).toBe(true);
        },
      ),
    );
  });
});

describe("work incentive (jobbstimulans) eligibility", () => {
  const months = (...m: string[]) => new Set(m);
  it("applies after 6 consecutive months with support", () => {
    expect(
      workIncentiveFor("2021-07", months("2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06"), null),
    ).toEqual({ applies: true, since: "2021-07" });
    expect(
      workIncentiveFor("2021-07", months("2021-01", "2021-02", "2021-04", "2021-05", "2021-06"), null).applies,
    ).toBe(false);
    expect(
      workIncentiveFor("2021-07", months("2021-02", "2021-03", "2021-04", "2021-05", "2021-06"), null).applies,
    ).toBe(false);
  });
  it("lasts 24 months from the first month it was applied, whatever the payments in between", () => {
    expect(workIncentiveFor("2023-06", months(), "2021-07")).toEqual({ applies: true, since: "2021-07" });
    expect(workIncentiveFor("2023-07", months(), "2021-07").applies).toBe(false);
  });
});

describe("riksnorm table completeness", () => {
  it("accepts the verified years, including 2023 without a lunch variant", () => {
    expect(tableProblems(t2019)).toEqual([]);
    expect(tableProblems(t2021)).toEqual([]);
    expect(tableProblems(t2023)).toEqual([]);
  });
  it("names every missing part", () => {
    const { AGE_15_18: _dropped, ...children } = t2021.children;
    const problems = tableProblems({
      ...t2021,
      adultCohabitingPair: null,
      children,
      childrenLunchAtPreschool: { UNDER_1: 1 },
      commonByHouseholdSize: t2021.commonByHouseholdSize.slice(0, 6),
    });
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        "input.adultCohabitingPair",
        "input.children.AGE_15_18",
        "input.children.AGE_1_2.amountLunchAtPreschool",
        "input.commonByHouseholdSize",
      ]),
    );
  });
});
