import { makePersonnummer } from "@arbetsliv/core/testing";
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
