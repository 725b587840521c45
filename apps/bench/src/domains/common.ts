import { AccessLogEntry, configureAccessLogKey, subjectKey as coreSubjectKey } from "@arbetsliv/core";
import { formatPersonnummer, oreToKronor } from "@arbetsliv/core/values";
import { type CursorValue } from "@arbetsliv/core";
import { pageCursor } from "@arbetsliv/core/data";
import { columnsOf, tableOf } from "./schema";

/** The access-log key the bench gives the gateway (and the floor), so both write the same keyed hashes. */
export const BENCH_ACCESS_LOG_KEY = "arbetsliv-bench-access-log-key-0123456789abcdef";

// The bench process (seeding) and the floor key identity numbers as the gateway does.
configureAccessLogKey(process.env.ACCESS_LOG_KEY ?? BENCH_ACCESS_LOG_KEY);

/**
 * core's subjectKey (HMAC-SHA256 of the personnummer, first 24 hex characters), keyed like the
 * gateway: core reads ACCESS_LOG_KEY when loaded, and the bench gives both servers the same one.
 */
export function subjectKey(personnummer: string): string {
  return coreSubjectKey(personnummer);
}

/** core's Money scalar: integer öre out as "123.45". */
export function money(v: unknown): string | null {
  return v === null || v === undefined ? null : oreToKronor(v as number | string);
}

/** core's Personnummer scalar: 12 digits in, "YYYYMMDD-NNNN" out. */
export function personnummerOut(v: unknown): string | null {
  return v === null || v === undefined ? null : formatPersonnummer(String(v));
}

/** A valid 12-digit personnummer (Luhn check digit) for a birth date and a serial. */
export function personnummer(birth: string, serial: number): string {
  const ymd = birth.replace(/-/g, "");
  const nnn = String(serial % 1000).padStart(3, "0");
  const nine = ymd.slice(2) + nnn;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return ymd + nnn + String((10 - (sum % 10)) % 10);
}

/** The INSERT TypeORM writes for core's AccessLogEntry (every column but the generated id). */
export function accessLogInsert(): string {
  const columns = columnsOf(AccessLogEntry).filter((c) => c !== "id");
  return `INSERT INTO \`${tableOf(AccessLogEntry)}\`(${columns.map((c) => `\`${c}\``).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
}

/**
 * A first page as core's pageOfQuery answers it, from rows read with `LIMIT first + 1`: the page,
 * whether more follow and the keyset cursor of its last row (core's pageCursor: the list's table, order and the row's key).
 */
export function firstPage<R extends Record<string, unknown>>(
  fetched: R[],
  first: number,
  list: { table: string; order: [string, "ASC" | "DESC"][]; keyOf: (row: R) => CursorValue[] },
): { rows: R[]; more: boolean; endCursor: string | null } {
  const more = fetched.length > first;
  const rows = more ? fetched.slice(0, first) : fetched;
  const last = rows[rows.length - 1];
  return { rows, more, endCursor: last ? pageCursor(list.table, list.order, list.keyOf(last)) : null };
}
