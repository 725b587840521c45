/**
 * The verified riksnorm years, copied from shared/domain/riksnorm.json (kronor per month;
 * socialtjänstförordningen (2001:937) 2 kap. 1 § as amended each year). Packages must not read
 * ../shared at run time, so the data lives here. Loaded at every start, insert-only
 * (riksnorm-reference.ts); further years are added with the admin mutation `addRiksnormYear` from
 * the official SFS text — never derived. 2020, 2022 and 2024–2026 are missing: no complete table with
 * a nameable source was found (README, "Riksnorm reference data").
 *
 * `prisbasbelopp` (the yearly base amount under socialförsäkringsbalken 2 kap. 7 §) is not in
 * riksnorm.json; it is needed for the children's-earnings disregard and is added here per year
 * from the published amounts (2019: 46 500, 2021: 47 600, 2023: 52 500).
 */
export interface RiksnormSourceYear {
  adults: { single: number; cohabitingPair: number };
  children: Record<"under1" | "1-2" | "3" | "4-6" | "7-10" | "11-14" | "15-18" | "19-20", number>;
  /** Child under 7 who does not eat lunch at home 5 days a week (eats at preschool); null when that year has no variant. */
  childrenWithoutLunch: Record<"under1" | "1-2" | "3" | "4-6", number> | null;
  /** Index 0 = 1 person … index 6 = 7 persons. */
  commonByHouseholdSize: number[];
  prisbasbelopp: number;
  source: string;
}

export const RIKSNORM_YEARS: Record<number, RiksnormSourceYear> = {
  2019: {
    adults: { single: 3090, cohabitingPair: 5570 },
    children: {
      under1: 2130,
      "1-2": 2380,
      "3": 2120,
      "4-6": 2380,
      "7-10": 2990,
      "11-14": 3440,
      "15-18": 3880,
      "19-20": 3910,
    },
    childrenWithoutLunch: { under1: 2000, "1-2": 2190, "3": 1940, "4-6": 2120 },
    commonByHouseholdSize: [990, 1100, 1380, 1570, 1810, 2050, 2220],
    prisbasbelopp: 46500,
    source: "Socialstyrelsen, Riksnormen för försörjningsstöd 2019",
  },
  2021: {
    adults: { single: 3160, cohabitingPair: 5700 },
    children: {
      under1: 2180,
      "1-2": 2440,
      "3": 2170,
      "4-6": 2440,
      "7-10": 3060,
      "11-14": 3520,
      "15-18": 3970,
      "19-20": 4000,
    },
    childrenWithoutLunch: { under1: 2050, "1-2": 2240, "3": 1990, "4-6": 2170 },
    commonByHouseholdSize: [1020, 1130, 1420, 1610, 1860, 2100, 2270],
    prisbasbelopp: 47600,
    source: "SFS 2020:1013 Förordning om ändring i socialtjänstförordningen (2001:937)",
  },
  2023: {
    adults: { single: 3490, cohabitingPair: 6300 },
    children: {
      under1: 2420,
      "1-2": 2700,
      "3": 2410,
      "4-6": 2700,
      "7-10": 3380,
      "11-14": 3890,
      "15-18": 4390,
      "19-20": 4430,
    },
    childrenWithoutLunch: null,
    commonByHouseholdSize: [1130, 1250, 1580, 1790, 2060, 2330, 2510],
    prisbasbelopp: 52500,
    source:
      "Riksnorm 2023 as published by municipalities (budgetnorm fr.o.m. 2023-01-01); the 2-person common cost is 1 250 (one published copy prints 1 150, which contradicts its own components)",
  },
};
