import { makePersonnummer } from "@arbetsliv/core/testing";
import { Purpose, RejectionReason } from "../shared/enums";
import { assessEligibility, checkFund, incomeLimit, type ApplicantFacts, type FundRules } from "./eligibility.rules";

const PBB_2022 = 48_300_00; // prisbasbelopp 2022, öre
const round = { priceBaseAmount: PBB_2022, ageOn: "2022-03-31" };

const fund = (over: Partial<FundRules> & { id: number }): FundRules => ({
  name: `Fund ${over.id}`,
  publishedOrder: over.id,
  residentRequired: true,
  minAge: null,
  maxAge: null,
  minHouseholdSize: null,
  incomeLimitBasePercent: 250,
  incomeLimitPerExtraPercent: 75,
  purposes: [Purpose.GLASSES, Purpose.DENTAL_CARE],
  available: 10_000_00,
  ...over,
});

const applicant = (over: Partial<ApplicantFacts> = {}): ApplicantFacts => ({
  personnummer: makePersonnummer("1980-06-15", 123),
  resident: true,
  householdSize: 1,
  yearlyIncome: 90_000_00,
  purposes: [Purpose.GLASSES],
  ...over,
});

describe("income limit", () => {
  it("is a multiple of prisbasbelopp scaled by household size", () => {
    expect(incomeLimit(PBB_2022, 250, 75, 1)).toBe(120_750_00); // 2.5 × 48 300
    expect(incomeLimit(PBB_2022, 250, 75, 3)).toBe(193_200_00); // 4.0 × 48 300
  });

  it("allows income exactly at the limit and refuses one öre above", () => {
    const f = fund({ id: 1 });
    expect(checkFund(applicant({ yearlyIncome: 120_750_00 }), f, round).ok).toBe(true);
    const above = checkFund(applicant({ yearlyIncome: 120_750_01 }), f, round);
    expect(above).toMatchObject({ ok: false, reason: RejectionReason.INCOME_ABOVE_LIMIT });
    expect(above.text).toContain("120 750 kr");
  });
});

describe("one fund's statutes", () => {
  it("requires residence in the municipality", () => {
    expect(checkFund(applicant({ resident: false }), fund({ id: 1 }), round)).toMatchObject({
      ok: false,
      reason: RejectionReason.NOT_RESIDENT,
    });
  });

  it("checks age limits on the last application day", () => {
    const elderly = fund({ id: 1, minAge: 65 });
    // born 1957-03-31 turns 65 on the last day → eligible; born 1957-04-01 is still 64
    expect(checkFund(applicant({ personnummer: makePersonnummer("1957-03-31", 11) }), elderly, round).ok).toBe(true);
    const young = checkFund(applicant({ personnummer: makePersonnummer("1957-04-01", 11) }), elderly, round);
    expect(young).toMatchObject({ ok: false, reason: RejectionReason.AGE_OUTSIDE_TARGET });
    expect(young.text).toMatch(/65 or older; the applicant is 64/);
  });

  it("checks the household target group", () => {
    const families = fund({ id: 1, minHouseholdSize: 2 });
    expect(checkFund(applicant(), families, round)).toMatchObject({
      ok: false,
      reason: RejectionReason.HOUSEHOLD_OUTSIDE_TARGET,
    });
    expect(checkFund(applicant({ householdSize: 3 }), families, round).ok).toBe(true);
  });

  it("needs at least one purpose the fund pays for", () => {
    expect(checkFund(applicant({ purposes: [Purpose.RENT_OR_DEBT] }), fund({ id: 1 }), round)).toMatchObject({
      ok: false,
      reason: RejectionReason.PURPOSE_NOT_COVERED,
    });
    expect(
      checkFund(applicant({ purposes: [Purpose.RENT_OR_DEBT, Purpose.DENTAL_CARE] }), fund({ id: 1 }), round).ok,
    ).toBe(true);
  });

  it("skips a fund with nothing to distribute", () => {
    expect(checkFund(applicant(), fund({ id: 1, available: 0 }), round)).toMatchObject({
      ok: false,
      reason: RejectionReason.NO_FUNDS_THIS_ROUND,
    });
  });
});

describe("assessment against all funds", () => {
  const elderly = fund({ id: 1, name: "Elderly fund", minAge: 65, purposes: [Purpose.GLASSES] });
  const glasses = fund({ id: 2, name: "Glasses fund", purposes: [Purpose.GLASSES] });
  const dental = fund({ id: 3, name: "Dental fund", purposes: [Purpose.DENTAL_CARE], incomeLimitBasePercent: 200 });

  it("draws from the first qualifying fund in the published order", () => {
    const young = assessEligibility(applicant(), [dental, glasses, elderly], round);
    expect(young).toMatchObject({ eligible: true, fundId: 2 });
    const old = assessEligibility(
      applicant({ personnummer: makePersonnummer("1950-01-01", 22) }),
      [glasses, elderly, dental],
      round,
    );
    expect(old).toMatchObject({ eligible: true, fundId: 1 });
  });

  it("records the reason from the fund the application came closest to", () => {
    // dental only, income between dental's 2.0 and the others' 2.5 × pbb: the elderly fund fails on age,
    // glasses on purpose, dental on income → purpose is the rule checked latest
    const a = assessEligibility(
      applicant({ purposes: [Purpose.DENTAL_CARE], yearlyIncome: 100_000_00 }),
      [elderly, glasses, dental],
      round,
    );
    expect(a).toMatchObject({ eligible: false, reason: RejectionReason.PURPOSE_NOT_COVERED });
    expect(a.explanation.split("\n")).toHaveLength(3);
    expect(a.explanation).toContain("Dental fund: household income 100 000 kr is above the limit 96 600 kr");
  });

  it("reports not resident when every fund requires residence", () => {
    const a = assessEligibility(applicant({ resident: false }), [elderly, glasses, dental], round);
    expect(a).toMatchObject({ eligible: false, reason: RejectionReason.NOT_RESIDENT });
    if (!a.eligible)
      expect(a.text).toMatch(/^No fund can grant the application\. Closest: Elderly fund: only for people resident/);
  });

  it("reports income above the limit when income stops every fund", () => {
    const a = assessEligibility(applicant({ yearlyIncome: 400_000_00 }), [elderly, glasses, dental], round);
    expect(a).toMatchObject({ eligible: false, reason: RejectionReason.INCOME_ABOVE_LIMIT });
  });

  it("rejects everything when no fund has a budget", () => {
    expect(assessEligibility(applicant(), [], round)).toMatchObject({
      eligible: false,
      reason: RejectionReason.NO_FUNDS_THIS_ROUND,
    });
  });
});
