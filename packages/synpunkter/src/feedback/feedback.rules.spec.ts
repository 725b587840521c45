import { ValidationError } from "@arbetsliv/core";
import { assertContactForReply, assertStepDate, dueDateFor, handledInTime, isOverdue } from "./feedback.rules";

describe("feedback rules", () => {
  it("sets the due date from the handling time, across month and year ends", () => {
    expect(dueDateFor("2021-12-20", 14)).toBe("2022-01-03");
    expect(dueDateFor("2024-02-20", 10)).toBe("2024-03-01");
  });

  it("counts an item closed on its due date as in time and a day later as late", () => {
    expect(handledInTime({ closedDate: "2021-03-15", dueDate: "2021-03-15" })).toBe(true);
    expect(handledInTime({ closedDate: "2021-03-16", dueDate: "2021-03-15" })).toBe(false);
  });

  it("counts a reopened item by its final closing (closed again after new year = late)", () => {
    expect(handledInTime({ closedDate: "2022-01-12", dueDate: "2021-12-20" })).toBe(false);
  });

  it("never counts an open item as handled in time, and flags it overdue after the due date", () => {
    expect(handledInTime({ closedDate: null, dueDate: "2030-01-01" })).toBe(false);
    expect(isOverdue({ closedDate: null, dueDate: "2021-01-10" }, "2021-01-11")).toBe(true);
    expect(isOverdue({ closedDate: null, dueDate: "2021-01-10" }, "2021-01-10")).toBe(false);
  });

  it("refuses a wanted reply without contact details", () => {
    expect(() => assertContactForReply("input.wantsReply", true, {})).toThrow(/anonymous/);
    expect(() => assertContactForReply("input.wantsReply", true, { submitterEmail: "a@b.se" })).not.toThrow();
    expect(() => assertContactForReply("input.wantsReply", false, {})).not.toThrow();
  });

  it("gives its refusals in English and Swedish, the field first in both", () => {
    const refusal = (run: () => void) => {
      try {
        run();
      } catch (e) {
        return { en: (e as ValidationError).message, sv: (e as ValidationError).swedishMessage };
      }
      throw new Error("not refused");
    };
    expect(refusal(() => assertStepDate("input.closedDate", "2026-12-08", "2026-12-01", "2026-12-07"))).toEqual({
      en: "input.closedDate: must not be in the future (today is 2026-12-07)",
      sv: "input.closedDate: får inte ligga i framtiden (i dag är det 2026-12-07)",
    });
    expect(refusal(() => assertStepDate("closedDate", "2026-11-30", "2026-12-01", "2026-12-07"))).toEqual({
      en: "closedDate: must not be before the item's previous step (2026-12-01)",
      sv: "closedDate: får inte vara före synpunktens föregående steg (2026-12-01)",
    });
    expect(refusal(() => assertContactForReply("input.wantsReply", true, {})).sv).toMatch(
      /^input.wantsReply: återkoppling kräver/,
    );
  });
});
