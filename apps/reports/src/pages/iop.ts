import { query } from "../api";
import { IopReportDocument } from "../gql/graphql";
import { compareRow, comparisonColumns, type PageDef } from "../report";

export const iop: PageDef = {
  path: "/iop",
  navLabel: "IOP",
  title: "IOP – idéburna offentliga partnerskap",
  question:
    "Hur många partnerskap var i kraft, vilka började, avvecklades eller upphörde, vad kostade de per partnerskap och finansierande budget, och hur följdes de upp?",
  async load(period) {
    const fromYear = Number(period.current.from.slice(0, 4));
    const toYear = Number(period.current.to.slice(0, 4));
    const d = await query(IopReportDocument, {
      from: period.current.from,
      to: period.current.to,
      previousFrom: period.previous.from,
      previousTo: period.previous.to,
      fromYear,
      toYear,
      followUpYear: toYear,
    });
    const years = fromYear === toYear ? `${fromYear}` : `${fromYear}–${toYear}`;
    const f = d.followUp;
    return {
      empty:
        d.count.inForce === 0 &&
        d.changes.started + d.changes.ended + d.changes.replaced + d.changes.windingDown === 0 &&
        d.costs.length === 0,
      minimumCount: null,
      notes: [
        `Kostnader och uppföljning redovisas per kalenderår: sidan visar år ${years} för perioden ${period.current.label}.`,
      ],
      sections: [
        {
          heading: "Partnerskap i kraft och förändringar",
          table: {
            id: "iop-partnerskap",
            caption: `IOP ${period.current.label} jämfört med ${period.previous.label}`,
            rowHeader: "Mått",
            columns: [...comparisonColumns(period)],
            rows: [
              compareRow("I kraft periodens sista dag", d.count.inForce, d.previousCount.inForce),
              compareRow("Började gälla", d.changes.started, d.previousChanges.started),
              compareRow("Avveckling påbörjad", d.changes.windingDown, d.previousChanges.windingDown),
              compareRow("Upphörde", d.changes.ended, d.previousChanges.ended),
              compareRow("Ersattes av ny överenskommelse", d.changes.replaced, d.previousChanges.replaced),
            ],
          },
        },
        {
          heading: "I kraft per finansierande budget",
          table: {
            id: "iop-per-budget",
            caption: `Partnerskap i kraft ${period.current.to} per finansierande budget`,
            rowHeader: "Budget",
            columns: [{ label: "Partnerskap", kind: "count" }],
            rows: [
              ...d.count.byFundingBudget.map((b) => ({
                header: `${b.fundingBudgetName} (${b.fundingBudgetCode})`,
                cells: [b.partnerships],
              })),
              { header: "Totalt", total: true, cells: [d.count.inForce] },
            ],
          },
          chart: {
            title: `Partnerskap i kraft ${period.current.to} per finansierande budget`,
            summary: "Liggande staplar med antal partnerskap per budget som betalar dem.",
            categories: d.count.byFundingBudget.map((b) => b.fundingBudgetName),
            series: [{ name: "Partnerskap", values: d.count.byFundingBudget.map((b) => b.partnerships) }],
            kind: "count",
            orientation: "horizontal",
          },
        },
        {
          heading: "Kostnad per partnerskap",
          table: {
            id: "iop-kostnad-per-partnerskap",
            caption: `Kostnad per partnerskap och år, ${years}`,
            rowHeader: "Partnerskap",
            columns: [
              { label: "År", kind: "text" },
              { label: "Partner", kind: "text" },
              { label: "Budget", kind: "text" },
              { label: "Serviceavgift", kind: "kronor" },
              { label: "Kompletteringar", kind: "kronor" },
              { label: "Övriga fakturor", kind: "kronor" },
              { label: "Totalt", kind: "kronor" },
            ],
            rows: d.costs.map((r) => ({
              header: r.agreementTitle,
              cells: [
                String(r.year),
                r.partnerName,
                r.fundingBudgetCode,
                r.serviceFee,
                r.amendments,
                r.otherInvoices,
                r.total,
              ],
            })),
          },
        },
        {
          heading: "Kostnad per finansierande budget",
          table: {
            id: "iop-kostnad-per-budget",
            caption: `Kostnad per finansierande budget och år, ${years}`,
            rowHeader: "Budget och år",
            columns: [
              { label: "Partnerskap", kind: "count" },
              { label: "Kostnad", kind: "kronor" },
            ],
            rows: d.budgets.map((b) => ({
              header: `${b.fundingBudgetName} ${b.year}`,
              cells: [b.partnerships, b.total],
            })),
          },
        },
        {
          heading: `Uppföljning ${f.year}`,
          table: {
            id: "iop-uppfoljning",
            caption: `Uppföljning av partnerskapen ${f.year}`,
            rowHeader: "Mått",
            columns: [{ label: String(f.year), kind: "count" }],
            rows: [
              { header: "Partnerskap som följts upp", cells: [f.agreementsEvaluated] },
              { header: "Uppföljningar", cells: [f.evaluations] },
              { header: "Avvikelser", cells: [f.deviations] },
              { header: "Avvikelser ej åtgärdade vid årets slut", cells: [f.openDeviations] },
              { header: "Verksamhetsberättelser väntade", cells: [f.activityReportsExpected] },
              { header: "Verksamhetsberättelser mottagna", cells: [f.activityReportsReceived] },
              { header: "Individer som nåtts (enligt verksamhetsberättelserna)", cells: [f.individualsServed] },
            ],
          },
        },
      ],
    };
  },
};
