import { luhnCheckDigit } from "@arbetsliv/core";

/** A valid 12-digit personnummer for a birth date (YYYY-MM-DD) and a three-digit serial (demo data, tests). */
export function makePersonnummer(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split("-");
  const nnn = String(serial % 1000).padStart(3, "0");
  const nine = `${y.slice(2)}${m}${d}${nnn}`;
  return `${y}${m}${d}${nnn}${luhnCheckDigit(nine)}`;
}
