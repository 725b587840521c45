import { PlacementType as T } from "../enums";
import { conflictingStay, mayOverlap } from "./placement.rules";

describe("which placements of one person may overlap", () => {
  it("refuses two residential placements on the same night", () => {
    expect(mayOverlap(T.PROTECTED_HOUSING, T.PROTECTED_HOUSING)).toBe(false);
    expect(mayOverlap(T.PROTECTED_HOUSING, T.EMERGENCY_HOUSING)).toBe(false);
    expect(mayOverlap(T.FAMILY_HOME, T.SOCIAL_CONTRACT)).toBe(false);
  });

  it("allows öppenvård alongside a residential placement and alongside the other kind of öppenvård", () => {
    expect(mayOverlap(T.INTERNAL_OUTPATIENT, T.PROTECTED_HOUSING)).toBe(true);
    expect(mayOverlap(T.PROTECTED_HOUSING, T.EXTERNAL_OUTPATIENT)).toBe(true);
    expect(mayOverlap(T.INTERNAL_OUTPATIENT, T.EXTERNAL_OUTPATIENT)).toBe(true);
  });

  it("refuses the same öppenvård twice", () => {
    expect(mayOverlap(T.INTERNAL_OUTPATIENT, T.INTERNAL_OUTPATIENT)).toBe(false);
  });

  it("finds the conflicting stay, letting a move-out date be the next start", () => {
    const existing = [
      { id: 1, type: T.INTERNAL_OUTPATIENT, startDate: "2021-01-01", endDate: null },
      { id: 2, type: T.PROTECTED_HOUSING, startDate: "2021-01-01", endDate: "2021-02-01" },
    ];
    expect(conflictingStay(T.EMERGENCY_HOUSING, { startDate: "2021-02-01", endDate: null }, existing)).toBeUndefined();
    expect(conflictingStay(T.EMERGENCY_HOUSING, { startDate: "2021-01-31", endDate: null }, existing)?.id).toBe(2);
    expect(conflictingStay(T.INTERNAL_OUTPATIENT, { startDate: "2022-01-01", endDate: null }, existing)?.id).toBe(1);
  });
});
