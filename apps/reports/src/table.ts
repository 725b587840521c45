import { csvValue, display, NO_VALUE, SUPPRESSED, type CellValue, type ValueKind } from "./format";
import { h } from "./dom";

/** A report table: what the page renders and what its CSV export writes, from one model. */
export interface Column {
  label: string;
  kind: ValueKind;
}

export interface Row {
  /** The row header (first column). */
  header: string;
  cells: CellValue[];
  /** A total row: set apart in the table. */
  total?: boolean;
}

export interface ReportTable {
  /** Used in the CSV file name and the element id, e.g. "synpunkter-per-slag". */
  id: string;
  caption: string;
  /** The first column's header. */
  rowHeader: string;
  columns: Column[];
  rows: Row[];
  /** A note under the table (source, what a figure means). */
  note?: string;
}

export function hasSuppressed(table: ReportTable): boolean {
  return table.rows.some((r) => r.cells.some((c) => c === null));
}

function hasNoValue(table: ReportTable): boolean {
  return table.rows.some((r) => r.cells.some((c) => c === NO_VALUE));
}

/** The legend for hidden cells, shown under every table that has one. */
export function suppressedLegend(minimumCount: number): string {
  return `${SUPPRESSED} = uppgiften visas inte (röjandekontroll): antal från 1 till ${minimumCount - 1} och de celler som skulle avslöja dem döljs, så att ingen enskild person kan pekas ut. Ett dolt värde är inte noll.`;
}

export function renderTable(table: ReportTable, minimumCount: number | null): HTMLElement {
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, table.rowHeader),
    ...table.columns.map((c) => h("th", { scope: "col", class: c.kind === "text" ? "" : "num" }, c.label)),
  );
  const body = table.rows.map((row) =>
    h(
      "tr",
      { class: row.total ? "total" : undefined },
      h("th", { scope: "row" }, row.header),
      ...row.cells.map((value, i) => {
        const kind = table.columns[i].kind;
        if (value === null)
          return h(
            "td",
            { class: "num suppressed" },
            h("span", { "aria-hidden": "true" }, SUPPRESSED),
            h("span", { class: "visually-hidden" }, "dolt av röjandekontroll"),
          );
        return h("td", { class: kind === "text" ? "" : "num" }, display(value, kind));
      }),
    ),
  );
  const el = h(
    "table",
    { id: `tabell-${table.id}` },
    h("caption", {}, table.caption),
    h("thead", {}, head),
    h("tbody", {}, ...body),
  );
  const notes: string[] = [];
  if (table.note) notes.push(table.note);
  if (minimumCount !== null && hasSuppressed(table)) notes.push(suppressedLegend(minimumCount));
  if (hasNoValue(table))
    notes.push(
      `${NO_VALUE} = inget att redovisa (till exempel ett genomsnitt utan avslutade ärenden eller en budget som saknas).`,
    );
  return h(
    "div",
    { class: "table-block" },
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": table.caption }, el),
    ...notes.map((n) => h("p", { class: "note" }, n)),
  );
}

/**
 * The table as CSV for Swedish Excel: UTF-8 with a BOM (so å, ä, ö survive), `;` between fields
 * (the list separator where the decimal mark is a comma), decimal comma, CRLF line ends, fields
 * quoted only when they hold `;`, `"` or a line break. The caption is the first line's header cell.
 */
export function toCsv(table: ReportTable): string {
  const quote = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    [table.rowHeader, ...table.columns.map((c) => c.label)],
    ...table.rows.map((r) => [r.header, ...r.cells.map((v, i) => csvValue(v, table.columns[i].kind))]),
  ];
  return "\uFEFF" + lines.map((l) => l.map(quote).join(";")).join("\r\n") + "\r\n";
}

export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = h("a", { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
