import type { Message } from "@arbetsliv/core";
import type { Ore } from "@arbetsliv/core/values";
import { ALL_AGE_GROUPS, ChildAgeGroup, LUNCH_AGE_GROUPS } from "../enums";
import type { RiksnormSourceYear } from "./riksnorm-data";
import { MUST_BE_MORE_THAN_ZERO, ONLY_UNDER_7_HAVE_LUNCH, YEAR_2000_TO_2100 } from "../shared/messages";

/** One year's riksnorm in öre, as the calculation uses it. */
export interface RiksnormTable {
  year: number;
  adultSingle: Ore;
  adultCohabitingPair: Ore;
  children: Record<ChildAgeGroup, Ore>;
  /** Lower amounts for a child under 7 who eats lunch at preschool 5 days a week; null when the year has none. */
  childrenLunchAtPreschool: Partial<Record<ChildAgeGroup, Ore>> | null;
  /** Common household costs for 1…7 persons. */
  commonByHouseholdSize: Ore[];
  prisbasbelopp: Ore;
}

/** A problem with a table, naming the input path; the detail in both languages of the API. */
export interface TableProblem {
  field: string;
  detail: Message;
}

const SOURCE_KEYS: Record<ChildAgeGroup, keyof RiksnormSourceYear["children"]> = {
  UNDER_1: "under1",
  AGE_1_2: "1-2",
  AGE_3: "3",
  AGE_4_6: "4-6",
  AGE_7_10: "7-10",
  AGE_11_14: "11-14",
  AGE_15_18: "15-18",
  AGE_19_20: "19-20",
};

const kr = (n: number): Ore => Math.round(n * 100);

export function tableFromSource(year: number, src: RiksnormSourceYear): RiksnormTable {
  const children = {} as Record<ChildAgeGroup, Ore>;
  for (const g of ALL_AGE_GROUPS) children[g] = kr(src.children[SOURCE_KEYS[g]]);
  let lunch: Partial<Record<ChildAgeGroup, Ore>> | null = null;
  if (src.childrenWithoutLunch) {
    const without = src.childrenWithoutLunch;
    lunch = {};
    for (const g of LUNCH_AGE_GROUPS) lunch[g] = kr(without[SOURCE_KEYS[g] as keyof typeof without]);
  }
  return {
    year,
    adultSingle: kr(src.adults.single),
    adultCohabitingPair: kr(src.adults.cohabitingPair),
    children,
    childrenLunchAtPreschool: lunch,
    commonByHouseholdSize: src.commonByHouseholdSize.map(kr),
    prisbasbelopp: kr(src.prisbasbelopp),
  };
}

/**
 * A table is complete when every age group has an amount, both adult amounts are there, there are
 * exactly 7 common-cost sizes, and the lunch variant is either given for all four groups under 7
 * or for none (years without the variant, e.g. 2023). Amounts must be positive; the 7-person
 * common cost must not be below the 6-person one (the > 7 persons rule adds that difference).
 */
export function tableProblems(table: {
  year: number;
  adultSingle?: Ore | null;
  adultCohabitingPair?: Ore | null;
  children: Partial<Record<ChildAgeGroup, Ore>>;
  childrenLunchAtPreschool: Partial<Record<ChildAgeGroup, Ore>> | null;
  commonByHouseholdSize: Ore[];
  prisbasbelopp?: Ore | null;
}): TableProblem[] {
  const problems: TableProblem[] = [];
  const positive = (field: string, v: Ore | null | undefined) => {
    if (v === null || v === undefined) problems.push({ field, detail: { en: "is missing", sv: "saknas" } });
    else if (!(v > 0)) problems.push({ field, detail: MUST_BE_MORE_THAN_ZERO });
  };
  if (!Number.isInteger(table.year) || table.year < 2000 || table.year > 2100) {
    problems.push({ field: "input.year", detail: YEAR_2000_TO_2100 });
  }
  positive("input.adultSingle", table.adultSingle);
  positive("input.adultCohabitingPair", table.adultCohabitingPair);
  for (const g of ALL_AGE_GROUPS) positive(`input.children.${g}`, table.children[g]);
  if (table.childrenLunchAtPreschool) {
    for (const g of LUNCH_AGE_GROUPS)
      positive(`input.children.${g}.amountLunchAtPreschool`, table.childrenLunchAtPreschool[g]);
    for (const g of ALL_AGE_GROUPS) {
      if (!LUNCH_AGE_GROUPS.includes(g) && table.childrenLunchAtPreschool[g] !== undefined) {
        problems.push({
          field: `input.children.${g}.amountLunchAtPreschool`,
          detail: ONLY_UNDER_7_HAVE_LUNCH,
        });
      }
    }
  }
  if (table.commonByHouseholdSize.length !== 7) {
    problems.push({
      field: "input.commonByHouseholdSize",
      detail: {
        en: `must have exactly 7 amounts (1–7 persons), got ${table.commonByHouseholdSize.length}`,
        sv: `måste ha exakt 7 belopp (1–7 personer), fick ${table.commonByHouseholdSize.length}`,
      },
    });
  } else {
    table.commonByHouseholdSize.forEach((v, i) => positive(`input.commonByHouseholdSize.${i}`, v));
    if (table.commonByHouseholdSize[6] < table.commonByHouseholdSize[5]) {
      problems.push({
        field: "input.commonByHouseholdSize.6",
        detail: {
          en: "the 7-person amount must not be below the 6-person amount",
          sv: "beloppet för 7 personer får inte vara lägre än beloppet för 6 personer",
        },
      });
    }
  }
  positive("input.prisbasbelopp", table.prisbasbelopp);
  return problems;
}

/** Common household costs for n persons; above 7, each extra person adds the 6→7 difference. */
export function commonCostFor(table: RiksnormTable, persons: number): Ore {
  const c = table.commonByHouseholdSize;
  if (persons < 1) return 0;
  if (persons <= 7) return c[persons - 1];
  return c[6] + (persons - 7) * (c[6] - c[5]);
}

export function ageGroupFor(age: number): ChildAgeGroup | null {
  if (age < 0) return null;
  if (age < 1) return ChildAgeGroup.UNDER_1;
  if (age <= 2) return ChildAgeGroup.AGE_1_2;
  if (age === 3) return ChildAgeGroup.AGE_3;
  if (age <= 6) return ChildAgeGroup.AGE_4_6;
  if (age <= 10) return ChildAgeGroup.AGE_7_10;
  if (age <= 14) return ChildAgeGroup.AGE_11_14;
  if (age <= 18) return ChildAgeGroup.AGE_15_18;
  if (age <= 20) return ChildAgeGroup.AGE_19_20;
  return null;
}
