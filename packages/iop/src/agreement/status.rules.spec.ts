import { ValidationError } from "@arbetsliv/core";
import { AgreementStatus as S } from "./agreement.enums";
import type { AgreementState } from "./renewal.rules";
import { STATUS_TRANSITIONS, canTransition, planNotice, planStatusChange } from "./status.rules";

const renewing: AgreementState = {
  startDate: "2022-01-01",
  endDate: "2024-12-31",
  renewalTermMonths: 12,
  noticeMonths: 9,
  status: S.ACTIVE,
  finalEndDate: null,
};

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.field;
    throw e;
  }
  throw new Error("expected a ValidationError");
}

describe("status flow", () => {
  it("allows the documented transitions only", () => {
    expect(canTransition(S.DRAFT, S.ACTIVE)).toBe(true);
    expect(canTransition(S.DRAFT, S.TERMINATED)).toBe(false);
    expect(canTransition(S.ACTIVE, S.WINDING_DOWN)).toBe(true);
    expect(canTransition(S.WINDING_DOWN, S.ACTIVE)).toBe(false);
    expect(STATUS_TRANSITIONS[S.TERMINATED]).toEqual([]);
    expect(STATUS_TRANSITIONS[S.EXPIRED]).toEqual([]);
  });

  it("rejects a transition the flow does not allow, naming input.status", () => {
    expect(
      fieldOf(() =>
        planStatusChange(
          { ...renewing, status: S.EXPIRED, finalEndDate: "2024-12-31" },
          { status: S.ACTIVE, effectiveDate: "2025-01-01" },
        ),
      ),
    ).toBe("input.status");
  });

  it("activating a renewing agreement leaves it open-ended; a fixed one ends on its end date", () => {
    expect(
      planStatusChange({ ...renewing, status: S.DRAFT }, { status: S.ACTIVE, effectiveDate: "2021-10-14" })
        .finalEndDate,
    ).toBeNull();
    const fixed = { ...renewing, status: S.DRAFT, renewalTermMonths: null };
    expect(planStatusChange(fixed, { status: S.ACTIVE, effectiveDate: "2021-10-14" }).finalEndDate).toBe("2024-12-31");
  });

  it("winds down until a given day", () => {
    expect(
      planStatusChange(renewing, { status: S.WINDING_DOWN, effectiveDate: "2022-01-01", windDownUntil: "2022-03-31" }),
    ).toEqual({
      status: S.WINDING_DOWN,
      finalEndDate: "2022-03-31",
      clearNotice: false,
    });
    expect(fieldOf(() => planStatusChange(renewing, { status: S.WINDING_DOWN, effectiveDate: "2022-01-01" }))).toBe(
      "input.windDownUntil",
    );
    expect(
      fieldOf(() =>
        planStatusChange(renewing, {
          status: S.WINDING_DOWN,
          effectiveDate: "2022-04-01",
          windDownUntil: "2022-03-31",
        }),
      ),
    ).toBe("input.windDownUntil");
  });

  it("expires only on the last day of its period, and never while it renews automatically", () => {
    expect(fieldOf(() => planStatusChange(renewing, { status: S.EXPIRED, effectiveDate: "2024-12-31" }))).toBe(
      "input.status",
    );
    const fixed = { ...renewing, renewalTermMonths: null, finalEndDate: "2024-12-31" };
    expect(planStatusChange(fixed, { status: S.EXPIRED, effectiveDate: "2024-12-31" }).finalEndDate).toBe("2024-12-31");
    expect(fieldOf(() => planStatusChange(fixed, { status: S.EXPIRED, effectiveDate: "2024-06-30" }))).toBe(
      "input.effectiveDate",
    );
  });

  it("terminates on any day from the start", () => {
    expect(planStatusChange(renewing, { status: S.TERMINATED, effectiveDate: "2023-05-31" }).finalEndDate).toBe(
      "2023-05-31",
    );
    expect(fieldOf(() => planStatusChange(renewing, { status: S.TERMINATED, effectiveDate: "2021-12-31" }))).toBe(
      "input.effectiveDate",
    );
  });
});

describe("notice", () => {
  it("ends the agreement after the term the notice reaches", () => {
    expect(planNotice(renewing, "2024-03-31")).toBe("2024-12-31");
    expect(planNotice(renewing, "2024-04-01")).toBe("2025-12-31");
  });

  it("is refused for drafts, ended agreements and fixed periods without renewal", () => {
    expect(fieldOf(() => planNotice({ ...renewing, status: S.DRAFT }, "2023-01-01"))).toBe("id");
    expect(
      fieldOf(() => planNotice({ ...renewing, status: S.TERMINATED, finalEndDate: "2023-01-01" }, "2023-01-01")),
    ).toBe("id");
    expect(fieldOf(() => planNotice({ ...renewing, renewalTermMonths: null }, "2023-01-01"))).toBe("id");
    expect(fieldOf(() => planNotice(renewing, "2021-06-01"))).toBe("input.noticeDate");
  });
});
