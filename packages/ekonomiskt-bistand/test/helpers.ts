import type { EntityManager } from "typeorm";
import { makePersonnummer } from "@arbetsliv/core/testing";
import { Application } from "../src/application/application.entity";
import { Decision } from "../src/decision/decision.entity";
import { ApplicationChannel, ApplicationStatus, ApplicationType, DecisionOutcome } from "../src/enums";
import { ALL_AGE_GROUPS, LUNCH_AGE_GROUPS } from "../src/enums";
import { RIKSNORM_YEARS } from "../src/riksnorm/riksnorm-data";
import { tableFromSource } from "../src/riksnorm/riksnorm-table";

export { makePersonnummer };

const kronor = (ore: number) => (ore / 100).toFixed(2);

/** The addRiksnormYear input for a verified year from riksnorm.json. */
export function riksnormInput(year: number) {
  const t = tableFromSource(year, RIKSNORM_YEARS[year]);
  return {
    year,
    adultSingle: kronor(t.adultSingle),
    adultCohabitingPair: kronor(t.adultCohabitingPair),
    children: ALL_AGE_GROUPS.map((g) => ({
      ageGroup: g,
      amount: kronor(t.children[g]),
      amountLunchAtPreschool:
        LUNCH_AGE_GROUPS.includes(g) && t.childrenLunchAtPreschool ? kronor(t.childrenLunchAtPreschool[g]!) : null,
    })),
    commonByHouseholdSize: t.commonByHouseholdSize.map(kronor),
    prisbasbelopp: kronor(t.prisbasbelopp),
    source: RIKSNORM_YEARS[year].source,
  };
}

export const ADD_RIKSNORM = `mutation($input: AddRiksnormYearInput!) { addRiksnormYear(input: $input) { year adultSingle commonByHouseholdSize children { ageGroup amount amountLunchAtPreschool } } }`;

/**
 * A renewal application for `month` with a granted decision of `amount` öre, saved as records (no
 * rules run): the fixture of tests about payouts and figures. Decided on `decidedOn` (default the 2nd).
 */
export async function saveGrantedMonth(
  m: EntityManager,
  householdId: number,
  month: string,
  amount: number,
  options: { status?: ApplicationStatus; decidedOn?: string } = {},
): Promise<Decision> {
  const application = await m.save(
    m.create(Application, {
      householdId,
      month,
      type: ApplicationType.RENEWAL,
      channel: ApplicationChannel.PAPER,
      status: options.status ?? ApplicationStatus.DECIDED,
      receivedDate: `${month}-01`,
      ordinaryKey: `${householdId}:${month}`,
      statusNote: null,
      claimsRevision: 1,
      registeredBy: "t",
      createdAt: new Date(),
    }),
  );
  return m.save(
    m.create(Decision, {
      applicationId: application.id,
      householdId,
      month,
      calculationId: null,
      outcome: DecisionOutcome.GRANTED,
      amount,
      reasons: "Bifall",
      legalBasis: "SoL 4 kap. 1 §",
      decidedBy: "t",
      decidedOn: options.decidedOn ?? `${month}-02`,
    }),
  );
}
