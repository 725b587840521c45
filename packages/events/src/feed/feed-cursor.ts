import { ValidationError } from "@arbetsliv/core";

/**
 * The change feed's cursor: base64url of "p:<position>". Opaque to clients, stable because a
 * position never changes once the relay has assigned it, so a cursor can be kept across restarts
 * and used to catch up after downtime.
 */
export function feedCursor(position: number): string {
  return Buffer.from(`p:${position}`, "utf8").toString("base64url");
}

/** The position after which the next page starts; null for no cursor (the feed's beginning). */
export function positionAfter(cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined) return null;
  const m = /^p:(0|[1-9][0-9]{0,14})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  // Round trip: base64url decoding ignores junk, so "cursor+garbage" must not pass as the cursor.
  if (!m || feedCursor(Number(m[1])) !== cursor) {
    throw new ValidationError("after", "cursor", {
      en: "is not a cursor this feed returned (pass pageInfo.endCursor)",
      sv: "är ingen markör som det här flödet har lämnat (skicka pageInfo.endCursor)",
    });
  }
  return Number(m[1]);
}
