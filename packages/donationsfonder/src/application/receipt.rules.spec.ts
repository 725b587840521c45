import { ApplicationStatus, RejectionReason } from "../shared/enums";
import { receiptOutcome } from "./receipt.rules";

const march = { applicationOpens: "2022-03-01", applicationCloses: "2022-03-31" };

describe("receipt of an application", () => {
  it("takes an application received within the window, first and last day included", () => {
    expect(receiptOutcome(march, "2022-03-01", null).status).toBe(ApplicationStatus.RECEIVED);
    expect(receiptOutcome(march, "2022-03-31", null).status).toBe(ApplicationStatus.RECEIVED);
  });

  it("refuses a late application with the reason and dates", () => {
    const o = receiptOutcome(march, "2022-04-01", null);
    expect(o).toMatchObject({ status: ApplicationStatus.REFUSED, reason: RejectionReason.LATE });
    expect(o.text).toContain("2022-03-31");
  });

  it("refuses an application received before the window", () => {
    expect(receiptOutcome(march, "2022-02-28", null).reason).toBe(RejectionReason.BEFORE_WINDOW);
  });

  it("refuses a second application by the same person, pointing at the first", () => {
    expect(receiptOutcome(march, "2022-03-10", 41)).toMatchObject({
      status: ApplicationStatus.REFUSED,
      reason: RejectionReason.DUPLICATE,
      duplicateOfId: 41,
    });
  });

  it("calls a late second application late (the window is checked first)", () => {
    expect(receiptOutcome(march, "2022-04-02", 41).reason).toBe(RejectionReason.LATE);
  });
});
