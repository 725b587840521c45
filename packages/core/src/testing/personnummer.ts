import { luhnCheckDigit } from "../scalars/identity-numbers";

/**
 * A valid 12-digit personnummer for a birth date (YYYY-MM-DD) and a serial (its last three
 * digits are used), with the Luhn check digit — for tests and invented demo data.
 */
export function makePersonnummer(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split("-");
  const nnn = String(serial % 1000).padStart(3, "0");
  return `${y}${m}${d}${nnn}${luhnCheckDigit(`${y.slice(2)}${m}${d}${nnn}`)}`;
}
