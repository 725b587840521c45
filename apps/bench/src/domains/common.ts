import { createHmac } from "node:crypto";

/** The access-log key the bench gives the gateway (and the floor), so both write the same keyed hashes. */
export const BENCH_ACCESS_LOG_KEY = "arbetsliv-bench-access-log-key-0123456789abcdef";

/** core's subjectKey: HMAC-SHA256 of the personnummer, first 24 hex characters. */
export function subjectKey(personnummer: string, key = process.env.ACCESS_LOG_KEY ?? BENCH_ACCESS_LOG_KEY): string {
  return createHmac("sha256", key).update(personnummer).digest("hex").slice(0, 24);
}

/** core's Money scalar: integer öre out as "123.45". */
export function money(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const ore = Number(v);
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** core's Personnummer scalar: 12 digits in, "YYYYMMDD-NNNN" out. */
export function personnummerOut(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return `${s.slice(0, 8)}-${s.slice(8)}`;
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

export function accessLogInsert(): string {
  return "INSERT INTO `access_log`(`occurredAt`, `actor`, `requestId`, `action`, `operation`, `domain`, `recordType`, `recordIds`, `subjectKeys`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
}
