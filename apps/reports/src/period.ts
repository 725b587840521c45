/**
 * The period picker's values (the page's query string) turned into a period and the previous period
 * of the same length, or a Swedish message naming what is wrong. Pure: no DOM, no fetch.
 */
export type PeriodKind = "ar" | "kvartal" | "manad" | "intervall";

export interface Period {
  from: string;
  to: string;
  label: string;
}

export interface ResolvedPeriod {
  kind: PeriodKind;
  current: Period;
  previous: Period;
}

export interface PeriodError {
  /** The form field the message is about (its id), so the page can point at it. */
  field: string;
  message: string;
}

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];
/** The years the gateway stores dates for (Date scalar: 1850–2199), narrowed to what a board asks. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function parseDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : d;
}
const toIso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

function monthRange(y: number, m: number, months: number): { from: string; to: string } {
  const end = new Date(Date.UTC(y, m - 1 + months, 0));
  return { from: iso(y, m, 1), to: toIso(end) };
}

/** "januari–december 2021", "mars 2021", "2021-01-05–2021-02-03". */
export function describe(from: string, to: string): string {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  const wholeMonths = fd === 1 && td === daysInMonth(ty, tm);
  if (!wholeMonths) return `${from} – ${to}`;
  if (fy === ty && fm === 1 && tm === 12) return `år ${fy}`;
  if (fy === ty && fm === tm) return `${MONTHS[fm - 1]} ${fy}`;
  if (fy === ty) return `${MONTHS[fm - 1]}–${MONTHS[tm - 1]} ${fy}`;
  return `${MONTHS[fm - 1]} ${fy} – ${MONTHS[tm - 1]} ${ty}`;
}

function yearOf(raw: string | null, field: string): number | PeriodError {
  const y = Number(raw);
  if (!raw || !Number.isInteger(y) || y < FIRST_YEAR || y > LAST_YEAR)
    return { field, message: `Ange ett år mellan ${FIRST_YEAR} och ${LAST_YEAR} (fick ”${raw ?? ""}”).` };
  return y;
}

/** The previous period of the same length: whole months step back by as many months, other ranges by as many days. */
function previousOf(from: string, to: string): Period {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  if (fd === 1 && td === daysInMonth(ty, tm)) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const start = new Date(Date.UTC(fy, fm - 1 - months, 1));
    const range = monthRange(start.getUTCFullYear(), start.getUTCMonth() + 1, months);
    return { ...range, label: describe(range.from, range.to) };
  }
  const f = parseDate(from)!;
  const days = Math.round((parseDate(to)!.getTime() - f.getTime()) / 86_400_000) + 1;
  const pFrom = toIso(addDays(f, -days));
  const pTo = toIso(addDays(f, -1));
  return { from: pFrom, to: pTo, label: describe(pFrom, pTo) };
}

/** The default period: the last whole calendar year before `today`. */
export function defaultParams(today = new Date()): URLSearchParams {
  return new URLSearchParams({ typ: "ar", ar: String(today.getFullYear() - 1) });
}

export function resolvePeriod(params: URLSearchParams): ResolvedPeriod | PeriodError {
  const kind = (params.get("typ") ?? "ar") as PeriodKind;
  let from: string;
  let to: string;
  switch (kind) {
    case "ar": {
      const y = yearOf(params.get("ar"), "ar");
      if (typeof y !== "number") return y;
      ({ from, to } = monthRange(y, 1, 12));
      break;
    }
    case "kvartal": {
      const y = yearOf(params.get("ar"), "ar");
      if (typeof y !== "number") return y;
      const q = Number(params.get("kvartal"));
      if (![1, 2, 3, 4].includes(q)) return { field: "kvartal", message: "Välj kvartal 1, 2, 3 eller 4." };
      ({ from, to } = monthRange(y, (q - 1) * 3 + 1, 3));
      break;
    }
    case "manad": {
      const raw = params.get("manad") ?? "";
      const match = /^(\d{4})-(\d{2})$/.exec(raw);
      const m = match ? Number(match[2]) : 0;
      if (!match || m < 1 || m > 12)
        return { field: "manad", message: `Ange månaden som ÅÅÅÅ-MM, till exempel 2021-03 (fick ”${raw}”).` };
      const y = yearOf(match[1], "manad");
      if (typeof y !== "number") return y;
      ({ from, to } = monthRange(y, m, 1));
      break;
    }
    case "intervall": {
      from = params.get("fran") ?? "";
      to = params.get("till") ?? "";
      const f = parseDate(from);
      const t = parseDate(to);
      if (!f) return { field: "fran", message: `Ange startdatum som ÅÅÅÅ-MM-DD (fick ”${from}”).` };
      if (!t) return { field: "till", message: `Ange slutdatum som ÅÅÅÅ-MM-DD (fick ”${to}”).` };
      if (t < f)
        return {
          field: "till",
          message: `Perioden är omvänd: slutdatumet ${to} ligger före startdatumet ${from}. Välj ett slutdatum som är samma dag som startdatumet eller senare.`,
        };
      for (const [d, field] of [
        [f, "fran"],
        [t, "till"],
      ] as const)
        if (d.getUTCFullYear() < FIRST_YEAR || d.getUTCFullYear() > LAST_YEAR)
          return { field, message: `Datumet ska ligga mellan år ${FIRST_YEAR} och ${LAST_YEAR}.` };
      if (t.getUTCFullYear() - f.getUTCFullYear() > 10)
        return { field: "till", message: "Perioden får vara högst tio år lång." };
      break;
    }
    default:
      return { field: "typ", message: "Välj periodtyp: år, kvartal, månad eller fritt intervall." };
  }
  return { kind, current: { from, to, label: describe(from, to) }, previous: previousOf(from, to) };
}

/** True when the period is whole calendar months (what a `:stats` token may ask for). */
export function isWholeMonths(from: string, to: string): boolean {
  const [, , fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  return fd === 1 && td === daysInMonth(ty, tm);
}

export { MONTHS };
