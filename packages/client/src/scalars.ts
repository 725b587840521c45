/**
 * How each custom scalar of the gateway looks on the wire, as TypeScript types for the generated
 * code (`input` is what a variable may hold, `output` what a response holds). The serializers are
 * in packages/core/src/scalars/ (Money, Date, Personnummer, Organisationsnummer), type-graphql
 * (DateTimeISO) and graphql-scalars (JSONObject).
 */
export const SCALARS = {
  /** Kronor as a decimal string with exactly two decimals ("3532.00"), never a float: the gateway
   * keeps öre and formats them exactly. Input also takes a whole number of kronor (1250). */
  Money: { input: "string | number", output: "string" },
  /** A calendar date, "YYYY-MM-DD" (years 1850–2199); no time, no zone. */
  Date: { input: "string", output: "string" },
  /** An instant in UTC as an ISO 8601 string ("2026-03-01T09:30:00.000Z"); `new Date(value)` parses it. */
  DateTimeISO: { input: "string", output: "string" },
  /** Output always YYYYMMDD-NNNN; input 10 or 12 digits with an optional - or + (Luhn-checked). */
  Personnummer: { input: "string", output: "string" },
  /** NNNNNN-NNNN (Luhn-checked, third digit 2 or higher). */
  Organisationsnummer: { input: "string", output: "string" },
  /** A JSON object (event data, webhook payloads). */
  JSONObject: { input: "Record<string, unknown>", output: "Record<string, unknown>" },
} as const;
