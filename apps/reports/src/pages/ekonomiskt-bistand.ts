import { query } from "../api";
import { display } from "../format";
import { AssistanceReportDocument } from "../gql/graphql";
import { compareRow, comparisonColumns, type PageDef } from "../report";
import { monthName } from "./synpunkter";

export const ekonomisktBistand: PageDef = {
  path: "/ekonomiskt-bistand",
  navLabel: "Ekonomiskt bistånd",
  title: "Ekonomiskt bistånd",
  question:
    "Hur många hushåll hade försörjningsstöd, hur många länge, hur många barn bor i dem, hur många växlade bidrag mot lön – och vad kostade det mot budget?",
  extraFields: [
    {
      name: "barn",
      label: "Antal barn 0–17 år i kommunen (valfritt)",
      hint: "Behövs för andelen barn som inte bor i hushåll med försörjningsstöd.",
      inputmode: "numeric",
    },
  ],
  async load(period, params) {
    const rawChildren = params.get("barn")?.trim() ?? "";
    const children = rawChildren === "" ? null : Number(rawChildren.replace(/\s/g, ""));
    if (children !== null && (!Number.isInteger(children) || children < 1 || children > 10_000_000))
      throw new RangeError(`Antal barn i kommunen ska vara ett heltal från 1 till 10 000 000 (fick ”${rawChildren}”).`);
    const { current: c, previous: p } = await query(AssistanceReportDocument, {
      from: period.current.from,
      to: period.current.to,
      previousFrom: period.previous.from,
      previousTo: period.previous.to,
      childrenInMunicipality: children,
    });
    const months = c.months;
    return {
      empty: months.every((m) => !m.households) && Number(c.netCost ?? 0) === 0,
      minimumCount: c.disclosure.exact ? null : c.disclosure.minimumCount,
      sections: [
        {
          heading: "Indikatorer",
          table: {
            id: "ekonomiskt-bistand-indikatorer",
            caption: `Ekonomiskt bistånd ${period.current.label} jämfört med ${period.previous.label}`,
            rowHeader: "Indikator",
            columns: [...comparisonColumns(period)],
            rows: [
              compareRow("Hushåll med försörjningsstöd periodens sista månad", c.householdsAtEnd, p.householdsAtEnd),
              compareRow(
                "Genomsnittligt antal hushåll per månad",
                c.averageHouseholdsPerMonth,
                p.averageHouseholdsPerMonth,
              ),
              compareRow(
                "Hushåll med utbetalning mer än tio av tolv månader",
                c.longTermHouseholds,
                p.longTermHouseholds,
              ),
              compareRow(
                "Barn 0–17 år i hushåll med försörjningsstöd",
                c.childrenInAssistedHouseholds,
                p.childrenInAssistedHouseholds,
              ),
              compareRow(
                "Personer som växlat bidrag mot lön, periodens sista månad",
                c.wageSubsidyPersonsAtEnd,
                p.wageSubsidyPersonsAtEnd,
              ),
            ],
            note: childrenShareNote(c.shareOfChildrenNotInAssistedHouseholds),
          },
        },
        {
          heading: "Kostnader",
          table: {
            id: "ekonomiskt-bistand-kostnader",
            caption: `Kostnader ${period.current.label} jämfört med ${period.previous.label} (kronor)`,
            rowHeader: "Mått",
            columns: [...comparisonColumns(period, "kronor")],
            rows: [
              compareRow("Nettokostnad försörjningsstöd", c.netCost, p.netCost),
              compareRow("Budget", c.budget, p.budget),
              compareRow(
                "Växla bidrag mot lön: bistånd som inte betalats ut",
                c.wageSubsidyAssistanceNotPaid,
                p.wageSubsidyAssistanceNotPaid,
              ),
              compareRow(
                "Växla bidrag mot lön: personalkostnad minus lönebidrag",
                c.wageSubsidyPersonnelCostMinusSubsidy,
                p.wageSubsidyPersonnelCostMinusSubsidy,
              ),
              compareRow("Växla bidrag mot lön: nettobesparing", c.wageSubsidyNetSaving, p.wageSubsidyNetSaving),
            ],
          },
        },
        {
          heading: "Hushåll per månad",
          table: {
            id: "ekonomiskt-bistand-hushall-per-manad",
            caption: `Hushåll med försörjningsstöd per månad, ${period.current.label}`,
            rowHeader: "Månad",
            columns: [{ label: "Hushåll", kind: "count" }],
            rows: months.map((m) => ({ header: monthName(m.month), cells: [m.households] })),
          },
          chart: {
            title: `Hushåll med försörjningsstöd per månad, ${period.current.label}`,
            summary: "Stående staplar med antal hushåll per månad.",
            categories: months.map((m) => m.month.slice(2)),
            series: [{ name: "Hushåll", values: months.map((m) => m.households) }],
            kind: "count",
            orientation: "columns",
          },
        },
        {
          heading: "Nettokostnad mot budget per månad",
          table: {
            id: "ekonomiskt-bistand-kostnad-per-manad",
            caption: `Utbetalt, återbetalt, nettokostnad och budget per månad, ${period.current.label}`,
            rowHeader: "Månad",
            columns: [
              { label: "Utbetalt", kind: "kronor" },
              { label: "Återbetalt", kind: "kronor" },
              { label: "Nettokostnad", kind: "kronor" },
              { label: "Budget", kind: "kronor" },
            ],
            rows: months.map((m) => ({
              header: monthName(m.month),
              cells: [m.grossPaid, m.recovered, m.netCost, m.budget],
            })),
            note: "Pengar räknas efter betalningsdag. Budgeten är en tolftedel av årets budget per månad.",
          },
          chart: {
            title: `Nettokostnad mot budget per månad, ${period.current.label}`,
            summary: "Stående staplar med nettokostnaden per månad och en streckad linje för budgeten.",
            categories: months.map((m) => m.month.slice(2)),
            series: [
              { name: "Nettokostnad", values: months.map((m) => m.netCost) },
              { name: "Budget", values: months.map((m) => m.budget), style: "line" },
            ],
            kind: "kronor",
            orientation: "columns",
          },
        },
      ],
    };
  },
};

function childrenShareNote(share: number | string | null): string {
  if (share === null) return "Andelen barn som inte bor i hushåll med försörjningsstöd är dold av röjandekontroll.";
  if (typeof share !== "number")
    return "Ange antal barn i kommunen i formuläret för att se andelen barn som inte bor i hushåll med försörjningsstöd.";
  return `Andel barn i kommunen som inte bor i hushåll med försörjningsstöd: ${display(share, "decimal")} %.`;
}
