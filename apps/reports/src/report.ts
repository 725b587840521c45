import type { ChartSpec } from "./chart";
import { NO_VALUE, numeric, type CellValue } from "./format";
import type { ResolvedPeriod } from "./period";
import type { ReportTable } from "./table";

/** One part of a page: a heading, a table and optionally the chart drawn beside it. */
export interface Section {
  heading: string;
  intro?: string;
  table: ReportTable;
  chart?: ChartSpec;
}

export interface PageResult {
  sections: Section[];
  /** The disclosure control's minimum count when figures are suppressed; null when exact. */
  minimumCount: number | null;
  /** True when the period has nothing recorded: the page says so instead of showing zeros. */
  empty: boolean;
  /** Things the reader must know (e.g. IOP costs are per calendar year). */
  notes?: string[];
}

/** An extra field of a page's period form (e.g. children in the municipality). */
export interface ExtraField {
  name: string;
  label: string;
  hint: string;
  inputmode: "numeric";
}

export interface PageDef {
  path: string;
  navLabel: string;
  title: string;
  /** What the page answers, in one sentence (also in the README). */
  question: string;
  extraFields?: ExtraField[];
  load(period: ResolvedPeriod, params: URLSearchParams): Promise<PageResult>;
}

/** Columns of a comparison table: this period, the previous one, and the change. */
export function comparisonColumns(period: ResolvedPeriod, kind: "count" | "kronor" | "decimal" = "count") {
  return [
    { label: period.current.label, kind },
    { label: period.previous.label, kind },
    { label: "Förändring", kind },
  ] as const;
}

/** current − previous; hidden (null) when either is hidden, "–" when either does not exist. */
export function changeOf(current: CellValue, previous: CellValue): CellValue {
  if (current === null || previous === null) return null;
  const c = numeric(current);
  const p = numeric(previous);
  if (c === null || p === null) return NO_VALUE;
  return Math.round((c - p) * 100) / 100;
}

/** A comparison row: value now, value before, the change. */
export function compareRow(header: string, current: CellValue, previous: CellValue) {
  return { header, cells: [current, previous, changeOf(current, previous)] };
}

/** File-name part for a period: "2021-01-01_2021-12-31". */
export function periodSlug(period: ResolvedPeriod): string {
  return `${period.current.from}_${period.current.to}`;
}
