import { makePersonnummer, type TestApp } from "@arbetsliv/core/testing";

export const ADMIN = { scopes: ["donationsfonder:admin"] };
export const WRITE = { scopes: ["donationsfonder:write"], subject: "handlaggare-anna" };
export const READ = { scopes: ["donationsfonder:read"], subject: "handlaggare-bo" };

export const pnr = (birthDate: string, serial: number) => makePersonnummer(birthDate, serial);

/** The applicants of the round tests. */
export const people = {
  anna: pnr("1980-02-11", 101),
  bertil: pnr("1975-06-30", 202),
  cecilia: pnr("1990-11-05", 303),
  david: pnr("1985-01-20", 404),
  erik: pnr("1950-08-14", 505),
  frida: pnr("1970-04-04", 606),
  gustav: pnr("1988-09-09", 707),
  helga: pnr("1960-12-24", 808),
  ivar: pnr("1999-07-07", 909),
};

const FUND = `mutation($input: DonationFundInput!) { createDonationFund(input: $input) { id code version } }`;

export interface RoundFixture {
  roundId: string;
  version: number;
  funds: Record<"elderly" | "glasses" | "general", string>;
}

/**
 * Three funds (65+ for glasses and dental; glasses for all; a general fund), the schedule from
 * 2022 (applications in March, decision in May, payout in June) and the round of `year`, built
 * through the API as an administrator would.
 */
export async function setUpRound(
  app: TestApp,
  year: number,
  budgets: { elderly: number; glasses: number; general: number },
  policy = { policy: "EQUAL", remainderRule: "DISTRIBUTE_IN_ORDER", maxPerApplication: null as string | null },
): Promise<RoundFixture> {
  const base = {
    residentRequired: true,
    incomeLimitBasePercent: 250,
    incomeLimitPerExtraPercent: 75,
    capital: "1000000",
    active: true,
  };
  const existing = await app.ok(`{ donationFunds { id code } }`, ADMIN);
  const byCode = new Map<string, string>(
    existing.donationFunds.map((f: { id: string; code: string }) => [f.code, f.id]),
  );
  const ensure = async (input: Record<string, unknown>) => {
    if (byCode.has(input.code as string)) return byCode.get(input.code as string)!;
    const r = await app.ok(FUND, { ...ADMIN, variables: { input: { ...base, ...input } } });
    return r.createDonationFund.id as string;
  };
  const funds = {
    elderly: await ensure({
      code: "T_ELDERLY",
      name: "Äldrefonden",
      statutes: "65+",
      publishedOrder: 1,
      minAge: 65,
      purposes: ["GLASSES", "DENTAL_CARE"],
    }),
    glasses: await ensure({
      code: "T_GLASSES",
      name: "Glasögonfonden",
      statutes: "Glasögon",
      publishedOrder: 2,
      purposes: ["GLASSES"],
    }),
    general: await ensure({
      code: "T_GENERAL",
      name: "Samfonden",
      statutes: "Allmän",
      publishedOrder: 3,
      incomeLimitBasePercent: 300,
      purposes: ["DENTAL_CARE", "CLOTHES", "SHOES"],
    }),
  };
  const schedule = await app.ok(`{ donationRoundSchedule { term } }`, ADMIN);
  if (!schedule.donationRoundSchedule.some((s: { term: string }) => s.term === "ANNUAL")) {
    await app.ok(
      `mutation { defineDonationRoundSchedule(input: { fromYear: 2022, term: ANNUAL, applicationOpens: "03-01", applicationCloses: "03-31", decision: "05-19", payout: "06-15" }) { id } }`,
      ADMIN,
    );
  }
  const opened = await app.ok(
    `mutation($input: OpenDonationRoundsInput!) { openDonationRounds(input: $input) { id version } }`,
    {
      ...ADMIN,
      variables: { input: { year, priceBaseAmount: "57300", ...policy } },
    },
  );
  const round = opened.openDonationRounds[0];
  for (const [key, amount] of Object.entries(budgets)) {
    await app.ok(`mutation($input: DonationFundBudgetInput!) { setDonationFundBudget(input: $input) { id } }`, {
      ...ADMIN,
      variables: { input: { roundId: round.id, fundId: funds[key as keyof typeof funds], available: String(amount) } },
    });
  }
  return { roundId: round.id, version: round.version, funds };
}

export const REGISTER = `mutation($input: RegisterDonationApplicationInput!) {
  registerDonationApplication(input: $input) { id status rejectionReason rejectionText duplicateOfId version personnummer }
}`;

export function application(roundId: string, personnummer: string, over: Record<string, unknown> = {}) {
  return {
    roundId,
    personnummer,
    receivedDate: "2024-03-10",
    resident: true,
    householdSize: 1,
    yearlyIncome: "95000",
    purposes: ["GLASSES"],
    amountRequested: "2500",
    ...over,
  };
}

export async function register(app: TestApp, input: Record<string, unknown>) {
  return (await app.ok(REGISTER, { ...WRITE, variables: { input } })).registerDonationApplication;
}

/** The whole donation report, every figure (for tests comparing reports). */
export const REPORT = `query($from: Date!, $to: Date!) {
  donationReport(from: $from, to: $to) {
    applications amountDistributed amountPaid personsReachedInRounds distinctPersonsReached
    rounds {
      name term status applications refused eligible ineligible awaitingAssessment granted
      amountAvailable amountAllocated amountDistributed amountPaid personsReached
      rejectedByReason { reason count }
      funds { fundCode amountAvailable applications granted amountAllocated amountDistributed amountPaid amountRemaining personsReached }
    }
  }
}`;
