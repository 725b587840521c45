import { ValidationError } from "../errors/errors";

/** The largest value of an `INT` primary key (the kernel's id columns). */
export const MAX_INT_ID = 2_147_483_647;

/**
 * Parses a GraphQL `ID` argument into a positive integer id, or BAD_USER_INPUT naming the field
 * (`toId("input.clientId", value)`). Ids above the INT range are refused the same way: no such
 * row can exist, and the database must never see the value.
 */
export function toId(field: string, value: string | number): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1 || id > MAX_INT_ID) throw new ValidationError(field, "id", "is not a valid id");
  return id;
}
