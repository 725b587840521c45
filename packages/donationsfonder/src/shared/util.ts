import { ValidationError, type Ore } from "@arbetsliv/core";
import { ORE_PER_KRONA } from "./format";

export const DOMAIN = "donationsfonder";

/** Money that must be whole kronor (allocation works in whole kronor). */
export function assertWholeKronor(field: string, ore: Ore, { min = 0 }: { min?: number } = {}): void {
  if (ore % ORE_PER_KRONA !== 0) throw new ValidationError(field, "whole-kronor", "must be whole kronor (no öre)");
  if (ore < min * ORE_PER_KRONA) throw new ValidationError(field, "range", `must be at least ${min} kr`);
}

export function assertNotNegative(field: string, ore: Ore): void {
  if (ore < 0) throw new ValidationError(field, "range", "must not be negative");
}
