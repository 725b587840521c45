import { ApplicationStatus as St, ApplicationType as T, DecisionOutcome as O } from "../enums";
import { canMoveTo, chooseApplicationType, type PriorApplication } from "./application.rules";

const prior = (
  id: number,
  month: string,
  status: St,
  outcome: O | null = null,
  type = T.RENEWAL,
): PriorApplication => ({ id, month, type, status, decisionOutcome: outcome });

describe("choosing the application type from the household's history", () => {
  it("is NEW for a household without history", () => {
    expect(chooseApplicationType("2021-05", [])).toEqual({ type: T.NEW });
  });
  it("is RENEWAL when a month within the three before was granted, NEW when the last grant is older", () => {
    expect(chooseApplicationType("2021-05", [prior(1, "2021-02", St.PAID, O.GRANTED)])).toEqual({ type: T.RENEWAL });
    expect(chooseApplicationType("2021-05", [prior(1, "2021-04", St.CLOSED, O.PARTLY_GRANTED)])).toEqual({
      type: T.RENEWAL,
    });
    expect(chooseApplicationType("2021-05", [prior(1, "2021-01", St.PAID, O.GRANTED)])).toEqual({ type: T.NEW });
    expect(chooseApplicationType("2021-05", [prior(1, "2021-04", St.DECIDED, O.REJECTED)])).toEqual({ type: T.NEW });
  });
  it("is a duplicate while an ordinary application for the month is being handled", () => {
    expect(chooseApplicationType("2021-05", [prior(7, "2021-05", St.SUPPLEMENT_REQUESTED)])).toEqual({
      duplicateOf: 7,
    });
  });
  it("is SUPPLEMENTARY once the month's ordinary application is decided; a withdrawn one does not count", () => {
    expect(chooseApplicationType("2021-05", [prior(7, "2021-05", St.PAID, O.GRANTED)])).toEqual({
      type: T.SUPPLEMENTARY,
    });
    expect(chooseApplicationType("2021-05", [prior(7, "2021-05", St.WITHDRAWN, null, T.NEW)])).toEqual({ type: T.NEW });
  });
});

describe("status flow", () => {
  it("allows supplement requests and withdrawal while open, closing after a decision, nothing after withdrawal", () => {
    expect(canMoveTo(St.UNDER_REVIEW, St.SUPPLEMENT_REQUESTED)).toBe(true);
    expect(canMoveTo(St.SUPPLEMENT_REQUESTED, St.UNDER_REVIEW)).toBe(true);
    expect(canMoveTo(St.RECEIVED, St.WITHDRAWN)).toBe(true);
    expect(canMoveTo(St.PAID, St.CLOSED)).toBe(true);
    expect(canMoveTo(St.DECIDED, St.WITHDRAWN)).toBe(false);
    expect(canMoveTo(St.UNDER_REVIEW, St.PAID)).toBe(false);
    expect(canMoveTo(St.WITHDRAWN, St.UNDER_REVIEW)).toBe(false);
  });
});
