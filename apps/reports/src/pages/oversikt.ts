import { explain, query } from "../api";
import {
  OverviewAssistanceDocument,
  OverviewDonationsDocument,
  OverviewFeedbackDocument,
  OverviewIopDocument,
  OverviewPlacementsDocument,
  PayoutsAssistanceDocument,
  PayoutsDonationsDocument,
} from "../gql/graphql";
import { NO_VALUE, type CellValue } from "../format";
import type { Period } from "../period";
import { compareRow, comparisonColumns, type PageDef, type Section } from "../report";
import type { Row } from "../table";

type Range = { from: string; to: string };
type Disclosure = { exact: boolean; minimumCount: number } | null;
type Figures = {
  rows: (current: Range) => Promise<{ values: (string | number | null)[][]; disclosure: Disclosure }>;
  labels: string[];
  domain: string;
};

/** Key figures per domain; each domain its own request so a missing scope hides only its rows. */
const DOMAINS: Figures[] = [
  {
    domain: "Synpunkter",
    labels: ["Synpunkter: inkomna", "Synpunkter: hanterade i tid"],
    rows: async (p) => {
      const d = (await query(OverviewFeedbackDocument, p)).feedbackStatistics;
      return { values: [[shown(d, "received")], [shown(d, "handledInTime")]], disclosure: d.disclosure };
    },
  },
  {
    domain: "Relationsvåld",
    labels: [
      "Relationsvåld: placeringar",
      "Relationsvåld: personer",
      "Relationsvåld: kostnad (kr)",
      "Relationsvåld: budget (kr)",
    ],
    rows: async (p) => {
      const d = await query(OverviewPlacementsDocument, p);
      return {
        values: [
          [shown(d.placementStatistics.total, "placements")],
          [shown(d.placementStatistics.total, "persons")],
          [shown(d.placementCostReport, "total")],
          // Money! in the API: a year without a budget gives 0, shown as the API says.
          [shown(d.placementCostReport, "budget")],
        ],
        disclosure: d.placementStatistics.disclosure,
      };
    },
  },
  {
    domain: "Donationsfonder",
    labels: ["Donationsfonder: utdelat (kr)", "Donationsfonder: personer som fått medel"],
    rows: async (p) => {
      const d = (await query(OverviewDonationsDocument, p)).donationReport;
      return {
        values: [[shown(d, "amountDistributed")], [shown(d, "personsReachedInRounds")]],
        disclosure: d.disclosure,
      };
    },
  },
  {
    domain: "IOP",
    labels: ["IOP: partnerskap i kraft vid periodens slut"],
    rows: async (p) => ({
      values: [[(await query(OverviewIopDocument, { to: p.to })).iopPartnershipCount.inForce]],
      disclosure: null,
    }),
  },
  {
    domain: "Ekonomiskt bistånd",
    labels: [
      "Ekonomiskt bistånd: hushåll periodens sista månad",
      "Ekonomiskt bistånd: nettokostnad (kr)",
      "Ekonomiskt bistånd: budget (kr)",
    ],
    rows: async (p) => {
      const d = (await query(OverviewAssistanceDocument, p)).assistanceIndicators;
      // budget is null (not suppressed) when a year of the period has none: shown as "–".
      return {
        values: [[shown(d, "householdsAtEnd")], [shown(d, "netCost")], [shown(d, "budget")]],
        disclosure: d.disclosure,
      };
    },
  },
];

/**
 * A figure as the page shows it: null (hidden, "..") when the answer lists it in `suppressed`,
 * "–" when the API gives null for a value that does not exist (a budget not set for a year).
 */
function shown<T extends { suppressed: string[] }>(row: T, field: keyof T & string): CellValue {
  const value = row[field] as CellValue | undefined;
  if (value !== null && value !== undefined) return value;
  return row.suppressed.includes(field) ? null : NO_VALUE;
}

const range = (p: Period) => ({ from: p.from, to: p.to });

export const oversikt: PageDef = {
  path: "/",
  navLabel: "Översikt",
  title: "Översikt",
  question:
    "Hur ser periodens viktigaste tal ut för varje område jämfört med föregående period, och vad betalades ut vilken dag (utbetalningsfil för ekonomi)?",
  async load(period) {
    const results = await Promise.allSettled(
      DOMAINS.map(async (d) => {
        const [now, before] = await Promise.all([d.rows(range(period.current)), d.rows(range(period.previous))]);
        return {
          rows: d.labels.map((label, i) => compareRow(label, now.values[i][0], before.values[i][0])),
          disclosure: now.disclosure,
        };
      }),
    );
    const rows: Row[] = [];
    const failed: string[] = [];
    // The legend names the largest minimum count of the domains that answered under disclosure control.
    let minimumCount: number | null = null;
    results.forEach((r, i) => {
      if (r.status === "rejected") return failed.push(DOMAINS[i].domain);
      rows.push(...r.value.rows);
      const disclosure = r.value.disclosure;
      if (disclosure && !disclosure.exact) minimumCount = Math.max(minimumCount ?? 0, disclosure.minimumCount);
    });
    if (failed.length === DOMAINS.length) throw (results[0] as PromiseRejectedResult).reason;
    const money = (label: string) => rows.find((r) => r.header === label)?.cells[0] ?? null;

    const sections: Section[] = [
      {
        heading: "Nyckeltal per område",
        table: {
          id: "oversikt-nyckeltal",
          caption: `Nyckeltal ${period.current.label} jämfört med ${period.previous.label}`,
          rowHeader: "Mått",
          columns: [...comparisonColumns(period)],
          rows,
          note: "Belopp i kronor. Varje område har en egen sida med alla tabeller.",
        },
        chart: {
          title: `Utfall mot budget, ${period.current.label}`,
          summary: "Liggande staplar med kostnad och budget för relationsvåldsplaceringar och försörjningsstöd.",
          categories: ["Relationsvåld", "Ekonomiskt bistånd"],
          series: [
            {
              name: "Kostnad",
              values: [money("Relationsvåld: kostnad (kr)"), money("Ekonomiskt bistånd: nettokostnad (kr)")],
            },
            { name: "Budget", values: [money("Relationsvåld: budget (kr)"), money("Ekonomiskt bistånd: budget (kr)")] },
          ],
          kind: "kronor",
          orientation: "horizontal",
        },
      },
    ];
    const payouts = await payoutSection(period.current);
    if (payouts.section) sections.push(payouts.section);
    return {
      empty: rows.every((r) => r.cells[0] === 0 || r.cells[0] === "0.00"),
      minimumCount,
      notes: [
        ...(failed.length
          ? [`Uppgifter saknas för: ${failed.join(", ")} (din token saknar behörighet eller tjänsten svarade inte).`]
          : []),
        ...payouts.notes,
      ],
      sections,
    };
  },
};

const BUSINESS_LINES = { donations: "Donationsfonder", assistance: "Ekonomiskt bistånd" } as const;

/** One line of the payout file before it becomes a table row: sortable by date, line and code. */
interface PayoutLine {
  date: string;
  line: string;
  code: string;
  text: string;
  payouts: CellValue;
  amount: CellValue;
}

/** The sum of parts, hidden (null) when a part is hidden. */
function total(parts: CellValue[]): CellValue {
  if (parts.some((p) => p === null)) return null;
  return (parts.reduce<number>((s, p) => s + Math.round(Number(p) * 100), 0) / 100).toFixed(2);
}

/**
 * Utbetalningsfil: one line per payment date and business line — försörjningsstöd per payment
 * date (payouts and corrections), donations per day paid and fund — from the API's aggregates
 * (no person data). Each business line is its own request: one that fails (a missing scope, a
 * period over 24 months) leaves the other's lines and says why in a note.
 */
async function payoutSection(p: Period): Promise<{ section: Section | null; notes: string[] }> {
  const [assistance, donations] = await Promise.allSettled([
    query(PayoutsAssistanceDocument, range(p)),
    query(PayoutsDonationsDocument, range(p)),
  ]);
  const lines: PayoutLine[] = [];
  const totals: { payouts: CellValue[]; amount: CellValue[] } = { payouts: [], amount: [] };
  const notes: string[] = [];
  if (assistance.status === "fulfilled") {
    const a = assistance.value.assistancePayoutsByPaymentDate;
    for (const d of a.days)
      lines.push({
        date: d.paymentDate,
        line: BUSINESS_LINES.assistance,
        code: "FS",
        text: "Försörjningsstöd: utbetalningar och rättelser",
        payouts: shown(d, "payouts"),
        amount: shown(d, "amount"),
      });
    totals.payouts.push(shown(a, "payouts"));
    totals.amount.push(shown(a, "amount"));
  } else notes.push(`Utbetalningsfilen saknar ${BUSINESS_LINES.assistance}: ${explain(assistance.reason).text}`);
  if (donations.status === "fulfilled") {
    const d = donations.value.donationPayoutsByPaymentDate;
    for (const r of d.days)
      lines.push({
        date: r.paymentDate,
        line: BUSINESS_LINES.donations,
        code: r.fundCode,
        text: r.roundName ? `${r.roundName}: ${r.fundName}` : r.fundName,
        payouts: shown(r, "payouts"),
        amount: shown(r, "amount"),
      });
    totals.payouts.push(shown(d, "payouts"));
    totals.amount.push(shown(d, "amount"));
  } else notes.push(`Utbetalningsfilen saknar ${BUSINESS_LINES.donations}: ${explain(donations.reason).text}`);
  if (assistance.status === "rejected" && donations.status === "rejected") return { section: null, notes };
  lines.sort((x, y) => x.date.localeCompare(y.date) || x.line.localeCompare(y.line) || x.code.localeCompare(y.code));
  const rows: Row[] = lines.map((l) => ({ header: l.date, cells: [l.line, l.code, l.text, l.payouts, l.amount] }));
  rows.push({
    header: "Summa",
    total: true,
    cells: ["", "", "", total(totals.payouts), total(totals.amount)],
  });
  return {
    notes,
    section: {
      heading: "Utbetalningsfil för ekonomi",
      intro:
        "Utbetalningar per betalningsdag: försörjningsstödet per dag (utbetalningar och rättelser), donationsfonderna per dag och fond. Inga personuppgifter.",
      table: {
        id: "utbetalningsfil",
        caption: `Utbetalningar per betalningsdag, ${p.label}`,
        rowHeader: "Betalningsdag",
        columns: [
          { label: "Verksamhet", kind: "text" },
          { label: "Kod", kind: "text" },
          { label: "Specifikation", kind: "text" },
          { label: "Antal utbetalningar", kind: "count" },
          { label: "Belopp (kr)", kind: "kronor" },
        ],
        rows,
        note: "Försörjningsstöd: belopp med betalningsdagen, rättelser medräknade (kan vara negativa), återbetalningar inte. Donationsfonder: den dag utbetalningen registrerades som betald. En dag med färre än tre hushåll eller mottagare i en fond döljs (..), liksom en annan dag som annars skulle avslöja den.",
      },
    },
  };
}
