import { ValidationError } from "@arbetsliv/core";
import { type Ore } from "@arbetsliv/core/values";
import { type Projection } from "@arbetsliv/core/read";
import { ORE_PER_KRONA } from "./format";

/** Money that must be whole kronor (allocation works in whole kronor). */
export function assertWholeKronor(field: string, ore: Ore, { min = 0 }: { min?: number } = {}): void {
  if (ore % ORE_PER_KRONA !== 0)
    throw new ValidationError(field, "whole-kronor", {
      en: "must be whole kronor (no öre)",
      sv: "måste vara hela kronor (inga ören)",
    });
  if (ore < min * ORE_PER_KRONA)
    throw new ValidationError(field, "range", { en: `must be at least ${min} kr`, sv: `måste vara minst ${min} kr` });
}

export function assertNotNegative(field: string, ore: Ore): void {
  if (ore < 0) throw new ValidationError(field, "range", { en: "must not be negative", sv: "får inte vara negativt" });
}

/** The columns of a person-level read: the projection and the personnummer its access-log row names. */
export function withPersonnummer<R extends { personnummer: string | null }>(columns: Projection<R>): Projection<R> {
  return columns && !columns.includes("personnummer") ? [...columns, "personnummer"] : columns;
}
