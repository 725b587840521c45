import { PlacementType, RESIDENTIAL_TYPES } from "../enums";
import { staysOverlap, type Stay } from "../costs/placement-days.rules";

/**
 * May one person have placements of these two types on the same night?
 * - Two residential placements (skyddat boende, jourboende, socialt kontrakt, familjehem): no —
 *   a placement day is a night spent there, and a person spends a night in one place only.
 * - Two placements of the same type: no — that is the same intervention registered twice
 *   (a change of provider is a move: end one, start the next on the move-out date).
 * - Öppenvård alongside anything else: yes — intern or extern öppenvård is support without
 *   accommodation, given while the person lives in protected housing, a family home or at home,
 *   and intern and extern öppenvård may run side by side.
 */
export function mayOverlap(a: PlacementType, b: PlacementType): boolean {
  if (a === b) return false;
  return !(RESIDENTIAL_TYPES.has(a) && RESIDENTIAL_TYPES.has(b));
}

export interface ExistingStay extends Stay {
  id: number;
  type: PlacementType;
}

/** The first existing placement the new one may not coexist with, or undefined. */
export function conflictingStay(
  type: PlacementType,
  stay: Stay,
  existing: readonly ExistingStay[],
): ExistingStay | undefined {
  return existing.find((e) => !mayOverlap(type, e.type) && staysOverlap(stay, e));
}

/** An acute placement (akutplacering) starts without a decision; any other needs one. */
export function needsDecision(acute: boolean): boolean {
  return !acute;
}
