/** Swedish number formatting for the pages (sv-SE: space as thousands separator, decimal comma). */
const integer = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** How a value is shown and exported. */
export type ValueKind = "count" | "kronor" | "decimal" | "percent" | "text";

/** A table cell: a number (Money arrives as a decimal string), text, or null = hidden by disclosure control. */
export type CellValue = number | string | null;

/** The sign for a value hidden by disclosure control, as SCB's tables use it ("uppgift ej tillgänglig"). */
export const SUPPRESSED = "..";

/**
 * The sign for a value that does not exist (SCB: "inget att redovisa"): an average over nothing,
 * a budget not set. The API gives both this and a hidden value as null; its `suppressed` lists tell them apart.
 */
export const NO_VALUE = "–";
export type NoValue = typeof NO_VALUE;

export function numeric(value: CellValue): number | null {
  if (value === null || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The text shown on the page: "17 515 160 kr", "9,6", "98,2 %". Minus is the typographic minus (U+2212). */
export function display(value: CellValue, kind: ValueKind): string {
  if (value === null) return SUPPRESSED;
  if (kind === "text") return String(value);
  const n = numeric(value);
  if (n === null) return String(value);
  switch (kind) {
    case "count":
      return integer.format(n);
    case "kronor":
      return `${integer.format(Math.round(n))} kr`;
    case "decimal":
      return oneDecimal.format(n);
    case "percent":
      return `${oneDecimal.format(n)} %`;
  }
}

/**
 * The text written to CSV: no thousands separator, decimal comma, ASCII minus, so Excel set to
 * Swedish reads a number; kronor with two decimals (öre) as the API gives them.
 */
export function csvValue(value: CellValue, kind: ValueKind): string {
  if (value === null) return SUPPRESSED;
  if (kind === "text") return String(value);
  const n = numeric(value);
  if (n === null) return String(value);
  switch (kind) {
    case "count":
      return String(Math.round(n));
    case "kronor":
      return (typeof value === "string" ? value : n.toFixed(2)).replace(".", ",");
    case "decimal":
    case "percent":
      return n.toFixed(1).replace(".", ",");
  }
}

/** Change from previous to current as shown in comparison columns: "+17", "−6,2 %", or ".." when either is hidden. */
export function change(current: CellValue, previous: CellValue): number | null {
  const c = numeric(current);
  const p = numeric(previous);
  return c === null || p === null ? null : Math.round((c - p) * 100) / 100;
}
