import { query } from "../api";
import { NO_VALUE } from "../format";
import { PlacementReportDocument } from "../gql/graphql";
import { PLACEMENT_TYPES } from "../labels";
import { changeOf, compareRow, comparisonColumns, type PageDef } from "../report";
import { monthName } from "./synpunkter";

export const relationsvald: PageDef = {
  path: "/relationsvald",
  navLabel: "Relationsvåld",
  title: "Relationsvåld – placeringar och kostnader",
  question:
    "Hur många placeringar och personer hade Relationsvåldsenheten per insatstyp, hur många dygn, hur ofta gick en akut placering över två dygn – och hur står kostnaderna mot budget?",
  async load(period) {
    const {
      current: c,
      previous: p,
      costs,
      previousCosts,
    } = await query(PlacementReportDocument, {
      from: period.current.from,
      to: period.current.to,
      previousFrom: period.previous.from,
      previousTo: period.previous.to,
    });
    const types = c.byType.map((t) => t.type);
    const previousPlacements = (type: string | null) => p.byType.find((t) => t.type === type)?.placements ?? null;
    const typeRows = c.byType.map((t) => compareRow(typeName(t.type), t.placements, previousPlacements(t.type)));
    return {
      empty: c.total.placements === 0 && Number(costs.total ?? 0) === 0,
      minimumCount: c.disclosure.exact ? null : c.disclosure.minimumCount,
      sections: [
        {
          heading: "Placeringar per insatstyp",
          table: {
            id: "relationsvald-placeringar-per-typ",
            caption: `Placeringar per insatstyp, ${period.current.label} jämfört med ${period.previous.label}`,
            rowHeader: "Insatstyp",
            columns: [...comparisonColumns(period)],
            rows: [...typeRows, { ...compareRow("Totalt", c.total.placements, p.total.placements), total: true }],
            note: "En placering räknas i perioden när den har minst ett dygn (en natt) i den, oavsett när den började.",
          },
          chart: {
            title: `Placeringar per insatstyp, ${period.current.label} jämfört med ${period.previous.label}`,
            summary: "Liggande staplar med antal placeringar per insatstyp för perioden och föregående period.",
            categories: types.map((t) => typeName(t)),
            series: [
              { name: period.current.label, values: typeRows.map((r) => r.cells[0]) },
              { name: period.previous.label, values: typeRows.map((r) => r.cells[1]) },
            ],
            kind: "count",
            orientation: "horizontal",
          },
        },
        {
          heading: "Personer, dygn och akuta placeringar",
          table: {
            id: "relationsvald-personer-dygn",
            caption: `Personer, dygn och akuta placeringar per insatstyp, ${period.current.label}`,
            rowHeader: "Insatstyp",
            columns: [
              { label: "Påbörjade", kind: "count" },
              { label: "Personer", kind: "count" },
              { label: "Dygn", kind: "count" },
              { label: "Snittlängd (dygn)", kind: "decimal" },
              { label: "Akuta påbörjade", kind: "count" },
              { label: "Akuta över två dygn", kind: "count" },
            ],
            rows: [
              ...c.byType.map((t) => ({
                header: typeName(t.type),
                cells: [t.started, t.persons, t.nights, t.averageLength, t.acuteStarted, t.acutePastTwoNights],
              })),
              {
                header: "Totalt",
                total: true,
                cells: [
                  NO_VALUE,
                  c.total.persons,
                  c.total.nights,
                  NO_VALUE,
                  c.total.acuteStarted,
                  c.total.acutePastTwoNights,
                ],
              },
            ],
            note: "Personer = vuxna och medföljande barn, var och en räknad en gång. Snittlängden gäller placeringar som avslutades i perioden. Totalraden visar inte påbörjade eller snittlängd.",
          },
        },
        {
          heading: "Kostnad mot budget",
          table: {
            id: "relationsvald-kostnad-mot-budget",
            caption: `Kostnad för placeringar mot budget per månad, ${period.current.label}`,
            rowHeader: "Månad",
            columns: [
              { label: "Budget", kind: "kronor" },
              { label: "Kostnad", kind: "kronor" },
              { label: "Avvikelse", kind: "kronor" },
            ],
            rows: [
              ...costs.byMonth.map((m) => ({
                header: monthName(m.month),
                cells: [m.budget, m.total, changeOf(m.budget, m.total)],
              })),
              { header: "Totalt", total: true, cells: [costs.budget, costs.total, costs.difference] },
              {
                header: `Föregående period (${period.previous.label})`,
                cells: [previousCosts.budget, previousCosts.total, changeOf(previousCosts.budget, previousCosts.total)],
              },
            ],
            note: "Budgeten fördelas på årets dagar. Avvikelse = budget − kostnad; negativ avvikelse betyder att kostnaden överstiger budgeten. Kostnaden är placeringarnas dygnsavgifter och serviceavgifter.",
          },
          chart: {
            title: `Kostnad mot budget per månad, ${period.current.label}`,
            summary: "Stående staplar med kostnaden per månad och en streckad linje för budgeten.",
            categories: costs.byMonth.map((m) => m.month.slice(2)),
            series: [
              { name: "Kostnad", values: costs.byMonth.map((m) => m.total) },
              { name: "Budget", values: costs.byMonth.map((m) => m.budget), style: "line" },
            ],
            kind: "kronor",
            orientation: "columns",
          },
        },
        {
          heading: "Kostnad per utförare",
          table: {
            id: "relationsvald-kostnad-per-utforare",
            caption: `Kostnad per utförare, ${period.current.label}`,
            rowHeader: "Utförare",
            columns: [
              { label: "Placeringar (dygnsavgifter)", kind: "kronor" },
              { label: "Serviceavgifter", kind: "kronor" },
              { label: "Totalt", kind: "kronor" },
            ],
            rows: costs.byProvider.map((r) => ({
              header: r.providerName,
              cells: [r.placementCost, r.serviceFees, r.total],
            })),
          },
        },
        {
          heading: "Jämförelse med föregående period",
          table: {
            id: "relationsvald-jamforelse",
            caption: `Relationsvåld ${period.current.label} jämfört med ${period.previous.label}`,
            rowHeader: "Mått",
            columns: [...comparisonColumns(period)],
            rows: [
              compareRow("Placeringar", c.total.placements, p.total.placements),
              compareRow("Personer", c.total.persons, p.total.persons),
              compareRow("Dygn", c.total.nights, p.total.nights),
            ],
          },
        },
      ],
    };
  },
};

function typeName(type: string | null): string {
  return type === null ? "Totalt" : (PLACEMENT_TYPES[type] ?? type);
}
