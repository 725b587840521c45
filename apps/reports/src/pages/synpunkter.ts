import { query } from "../api";
import { display } from "../format";
import { FeedbackReportDocument } from "../gql/graphql";
import { CRITERIA, CRITERION_ORDER, KINDS, kindName } from "../labels";
import { MONTHS } from "../period";
import { compareRow, comparisonColumns, type PageDef } from "../report";

export const synpunkter: PageDef = {
  path: "/synpunkter",
  navLabel: "Synpunkter",
  title: "Synpunkter",
  question:
    "Hur många synpunkter kom in, av vilket slag, om vad och till vilken verksamhet – och hanterades de i tid? (Redovisning av inkomna synpunkter till nämnden.)",
  async load(period) {
    const { current: c, previous: p } = await query(FeedbackReportDocument, {
      from: period.current.from,
      to: period.current.to,
      previousFrom: period.previous.from,
      previousTo: period.previous.to,
    });
    const kindRows = KINDS.map(([k, name]) => {
      const key = k.toLowerCase() as "praise" | "question" | "suggestion" | "complaint";
      return compareRow(name, c.kinds[key], p.kinds[key]);
    });
    const criteria = CRITERION_ORDER.map((code) => c.byCriterion.find((r) => r.criterion === code)).filter(
      (r) => r !== undefined,
    );
    return {
      empty: c.received === 0,
      minimumCount: c.disclosure.exact ? null : c.disclosure.minimumCount,
      sections: [
        {
          heading: "Inkomna och hanterade",
          table: {
            id: "synpunkter-nyckeltal",
            caption: `Synpunkter ${period.current.label} jämfört med ${period.previous.label}`,
            rowHeader: "Mått",
            columns: [...comparisonColumns(period)],
            rows: [
              compareRow("Inkomna", c.received, p.received),
              compareRow("Avslutade", c.closed, p.closed),
              compareRow("Hanterade i tid", c.handledInTime, p.handledInTime),
              compareRow("Hanterade för sent", c.handledLate, p.handledLate),
            ],
            note: `Genomsnittlig handläggningstid: ${display(c.averageHandlingDays, "decimal")} dagar (föregående period ${display(p.averageHandlingDays, "decimal")} dagar).`,
          },
        },
        {
          heading: "Per slag",
          table: {
            id: "synpunkter-per-slag",
            caption: `Synpunkter per slag, ${period.current.label} och ${period.previous.label}`,
            rowHeader: "Slag",
            columns: [...comparisonColumns(period)],
            rows: [...kindRows, { ...compareRow("Totalt", c.kinds.total, p.received), total: true }],
          },
          chart: {
            title: `Synpunkter per slag, ${period.current.label} jämfört med ${period.previous.label}`,
            summary: "Liggande staplar med antal synpunkter per slag för perioden och föregående period.",
            categories: KINDS.map(([, name]) => name),
            series: [
              { name: period.current.label, values: kindRows.map((r) => r.cells[0]) },
              { name: period.previous.label, values: kindRows.map((r) => r.cells[1]) },
            ],
            kind: "count",
            orientation: "horizontal",
          },
        },
        {
          heading: "Per kommungemensamt kriterium",
          table: {
            id: "synpunkter-per-kriterium",
            caption: `Synpunkter per kommungemensamt kriterium och slag, ${period.current.label}`,
            rowHeader: "Kriterium",
            columns: [
              ...KINDS.map(([, name]) => ({ label: name, kind: "count" as const })),
              { label: "Totalt", kind: "count" },
            ],
            rows: [
              ...criteria.map((r) => ({
                header: CRITERIA[r.criterion],
                cells: [r.praise, r.question, r.suggestion, r.complaint, r.total],
              })),
              {
                header: "Totalt",
                total: true,
                cells: [c.kinds.praise, c.kinds.question, c.kinds.suggestion, c.kinds.complaint, c.kinds.total],
              },
            ],
          },
        },
        {
          heading: "Per verksamhetsområde",
          table: {
            id: "synpunkter-per-verksamhetsomrade",
            caption: `Synpunkter per verksamhetsområde, ${period.current.label}`,
            rowHeader: "Verksamhetsområde",
            columns: [
              { label: "Antal", kind: "count" },
              ...KINDS.map(([, name]) => ({ label: name, kind: "count" as const })),
              { label: "Vanligaste slag", kind: "text" },
            ],
            rows: c.byBusinessArea.map((a) => ({
              header: a.businessArea.name,
              cells: [
                a.total,
                a.praise,
                a.question,
                a.suggestion,
                a.complaint,
                a.mostCommonKinds.length ? a.mostCommonKinds.map(kindName).join(", ") : null,
              ],
            })),
          },
          chart: {
            title: `Synpunkter per verksamhetsområde, ${period.current.label}`,
            summary: "Liggande staplar med antal synpunkter per verksamhetsområde.",
            categories: c.byBusinessArea.map((a) => a.businessArea.name),
            series: [{ name: period.current.label, values: c.byBusinessArea.map((a) => a.total) }],
            kind: "count",
            orientation: "horizontal",
          },
        },
        {
          heading: "Återkoppling och förbättringar",
          table: {
            id: "synpunkter-aterkoppling",
            caption: `Återkoppling, dubbletter och förbättringar, ${period.current.label}`,
            rowHeader: "Mått",
            columns: [{ label: "Antal", kind: "count" }],
            rows: [
              { header: "Önskade återkoppling", cells: [c.wantedReply] },
              { header: "Fick återkoppling av dem som önskade", cells: [c.repliedToWhoWanted] },
              { header: "Ej avslutade", cells: [c.notClosed] },
              { header: "Dubbletter (skickade två gånger)", cells: [c.duplicates] },
              { header: "Vidarebefordrade till extern organisation", cells: [c.forwarded] },
              { header: "Ledde till förbättring", cells: [c.improvements] },
            ],
          },
        },
        {
          heading: "Per månad",
          table: {
            id: "synpunkter-per-manad",
            caption: `Inkomna och avslutade synpunkter per månad, ${period.current.label}`,
            rowHeader: "Månad",
            columns: [
              { label: "Inkomna", kind: "count" },
              { label: "Avslutade", kind: "count" },
            ],
            rows: c.byMonth.map((m) => ({ header: monthName(m.month), cells: [m.received, m.closed] })),
            note: "Månader utan inkomna eller avslutade synpunkter visas inte.",
          },
          chart: {
            title: `Inkomna synpunkter per månad, ${period.current.label}`,
            summary: "Stående staplar med antal inkomna synpunkter per månad.",
            categories: c.byMonth.map((m) => m.month.slice(2)),
            series: [{ name: "Inkomna", values: c.byMonth.map((m) => m.received) }],
            kind: "count",
            orientation: "columns",
          },
        },
      ],
    };
  },
};

export function monthName(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}
