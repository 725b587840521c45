import { ValidationError } from "../errors/errors";

/** The largest value of an `INT` primary key (the kernel's id columns). */
export const MAX_INT_ID = 2_147_483_647;

/** An id as this API writes it: a whole number in plain decimal digits (no sign, exponent, spaces or leading zeros). */
const ID_TEXT = /^[1-9][0-9]{0,9}$/;

/**
 * THE way to parse an `ID` into a positive integer id, or BAD_USER_INPUT naming the field
 * (`toId("input.clientId", value)`). Ids above the INT range are refused the same way: no such
 * row can exist, and the database must never see the value. The gateway also runs it over every
 * `ID` argument before execution (scalars/well-formed-input.ts), so no resolver sees another id.
 */
export function toId(field: string, value: string | number): number {
  const id = typeof value === "number" ? value : typeof value === "string" && ID_TEXT.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(id) || id < 1 || id > MAX_INT_ID)
    throw new ValidationError(field, "id", { en: "is not a valid id", sv: "är inget giltigt id" });
  return id;
}
