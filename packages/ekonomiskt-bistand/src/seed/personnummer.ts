import { luhnCheckDigit } from "@arbetsliv/core";

/** A valid 12-digit personnummer for a birth date (YYYY-MM-DD) and a serial 0–999 (demo and test data). */
export function makePersonnummer(birthDate: string, serial: number): string {
  const yyyymmdd = birthDate.replace(/-/g, "");
  const nnn = String(serial % 1000).padStart(3, "0");
  const check = luhnCheckDigit(yyyymmdd.slice(2) + nnn);
  return `${yyyymmdd}${nnn}${check}`;
}
