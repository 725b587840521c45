/**
 * Swedish identity numbers (rules in shared/domain/README.md).
 * Personnummer / samordningsnummer are stored as 12 digits YYYYMMDDNNNC.
 */

export type IdentityRule = "format" | "date" | "checksum" | "organisation-group";

export class IdentityNumberError extends Error {
  /** The Swedish message (the English one is `message`). */
  readonly swedishMessage: string;
  constructor(
    readonly rule: IdentityRule,
    message: { en: string; sv: string },
  ) {
    super(message.en);
    this.swedishMessage = message.sv;
  }
}

const CHECK_DIGIT = { en: "check digit is wrong (Luhn)", sv: "har fel kontrollsiffra (Luhn)" };

/** Luhn with weights 2,1,2,1… over the given digits; returns the check digit. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export interface ParsedPersonnummer {
  /** 12 digits, YYYYMMDDNNNC */
  normalized: string;
  /** Birth date as YYYY-MM-DD (for a samordningsnummer the day minus 60). */
  birthDate: string;
  coordinationNumber: boolean;
}

/**
 * Parses a personnummer or samordningsnummer. Accepts 10 or 12 digits, with `-` or `+`
 * (10 digits: `+` means the person is 100 or older in `today`'s year).
 */
export function parsePersonnummer(input: string, today: Date = new Date()): ParsedPersonnummer {
  const raw = input.trim();
  const m = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/.exec(raw);
  if (!m) {
    throw new IdentityNumberError("format", {
      en: "must be 10 or 12 digits, as YYMMDD-NNNN or YYYYMMDDNNNN",
      sv: "måste vara 10 eller 12 siffror, som ÅÅMMDD-NNNN eller ÅÅÅÅMMDDNNNN",
    });
  }
  const [, century, yymmdd, sep, last4] = m;
  let year: number;
  const yy = Number(yymmdd.slice(0, 2));
  if (century !== undefined) {
    if (sep === "+")
      throw new IdentityNumberError("format", {
        en: "`+` is only used with 10 digits",
        sv: "`+` används bara med 10 siffror",
      });
    year = Number(century) * 100 + yy;
  } else {
    const thisYear = today.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear) year -= 100;
    if (sep === "+") year -= 100;
  }
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  const coordinationNumber = day > 60;
  if (coordinationNumber) day -= 60;
  if (!isRealDate(year, month, day)) {
    throw new IdentityNumberError("date", {
      en: "does not contain a real date of birth",
      sv: "innehåller inget verkligt födelsedatum",
    });
  }
  const nine = yymmdd + last4.slice(0, 3);
  if (luhnCheckDigit(nine) !== Number(last4[3])) {
    throw new IdentityNumberError("checksum", CHECK_DIGIT);
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    normalized: `${year}${yymmdd.slice(2)}${last4}`,
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    coordinationNumber,
  };
}

/** Formats 12 stored digits for display: YYYYMMDD-NNNN. */
export function formatPersonnummer(normalized: string): string {
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/** Masks an identity number for logs: 19850101-**** */
export function maskPersonnummer(value: string): string {
  // Whole numbers only (not digits inside ids or hex strings): 6 or 8 digits, optional - or + (or a space), 4 digits.
  return value.replace(/(?<![0-9A-Za-z])(\d{8}|\d{6})[-+ ]?\d{4}(?![0-9A-Za-z])/g, "$1-****");
}

/**
 * Parses an organisationsnummer: 10 digits (optional `-` after 6), third digit ≥ 2, Luhn.
 * Returns the 10 digits.
 */
export function parseOrganisationsnummer(input: string): string {
  const m = /^(\d{6})-?(\d{4})$/.exec(input.trim());
  if (!m)
    throw new IdentityNumberError("format", {
      en: "must be 10 digits, as NNNNNN-NNNN",
      sv: "måste vara 10 siffror, som NNNNNN-NNNN",
    });
  const digits = m[1] + m[2];
  if (Number(digits[2]) < 2) {
    throw new IdentityNumberError("organisation-group", {
      en: "third digit must be 2 or higher for an organisation",
      sv: "tredje siffran måste vara 2 eller högre för en organisation",
    });
  }
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) {
    throw new IdentityNumberError("checksum", CHECK_DIGIT);
  }
  return digits;
}

export function formatOrganisationsnummer(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Age in whole years on a date (YYYY-MM-DD), from a birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The identity numbers that are still present (gallrade records have none) — e.g. for the access log. */
export function knownPersonnummer(values: readonly (string | null | undefined)[]): string[] {
  return values.filter((v): v is string => typeof v === "string");
}
