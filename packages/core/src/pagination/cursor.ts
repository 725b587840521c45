import { ValidationError, type Message } from "../errors/errors";

const NOT_A_CURSOR: Message = {
  en: "is not a cursor this list returned",
  sv: "är ingen markör (cursor) som den här listan har lämnat",
};

/** A value of one sort column in a cursor: what the database compares (dates as Date for datetime columns). */
export type CursorValue = string | number | boolean | Date;

/**
 * The position a cursor stands for: the sort key of the row it was taken from (a keyset cursor,
 * stable under inserts and deletes), or — cursors handed out before keyset paging — an offset.
 */
export type CursorPosition = { key: CursorValue[] } | { offset: number };

const MAX_CURSOR_LENGTH = 1_000;

/**
 * An opaque cursor: base64url of JSON `[tag, ...key]`. The tag names the list's order, so a
 * cursor of another list (or of another order) is refused instead of paging from a wrong place.
 */
export function encodeCursor(tag: string, key: readonly CursorValue[]): string {
  const values = key.map((v) => (v instanceof Date ? { d: v.toISOString() } : v));
  return Buffer.from(JSON.stringify([tag, ...values]), "utf8").toString("base64url");
}

/** The position in `field` (`after` or `before`), or BAD_USER_INPUT naming the field. */
export function decodeCursor(field: string, cursor: string, tag: string, keyLength: number): CursorPosition {
  const refuse = () => new ValidationError(field, "cursor", NOT_A_CURSOR);
  if (cursor.length > MAX_CURSOR_LENGTH) throw refuse();
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  // Offsets ("o:<index>") were the cursors before keyset paging; still read, never handed out.
  const offset = /^o:(\d{1,9})$/.exec(text);
  if (offset) return { offset: Number(offset[1]) + 1 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed[0] !== tag || parsed.length !== keyLength + 1) throw refuse();
  return { key: parsed.slice(1).map((v) => reviveValue(v, refuse)) };
}

function reviveValue(v: unknown, refuse: () => Error): CursorValue {
  if (typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) return v;
  if (v && typeof v === "object" && typeof (v as { d?: unknown }).d === "string") {
    const date = new Date((v as { d: string }).d);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw refuse();
}

/** Orders two sort keys as the list does when every column is ascending. */
export function compareKeys(a: readonly CursorValue[], b: readonly CursorValue[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] instanceof Date ? (a[i] as Date).getTime() : a[i];
    const y = b[i] instanceof Date ? (b[i] as Date).getTime() : b[i];
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** A short, stable name for a list's order (FNV-1a, base 36). */
export function orderTag(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}
