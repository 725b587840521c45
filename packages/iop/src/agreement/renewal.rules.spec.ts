import fc from "fast-check";
import { addMonths } from "@arbetsliv/core/values";
import { AgreementStatus } from "./agreement.enums";
import {
  decisionNeededBy,
  earliestEndAfterNotice,
  endAfterNotice,
  inForceOn,
  lastNoticeDay,
  nextNoticeDeadline,
  renewalProjection,
  renewalsBetween,
  termEndAt,
  type AgreementState,
} from "./renewal.rules";

const kvinnojouren: AgreementState = {
  startDate: "2022-01-01",
  endDate: "2024-12-31",
  renewalTermMonths: 12,
  noticeMonths: 9,
  status: AgreementStatus.ACTIVE,
  finalEndDate: null,
};

describe("last notice day (at least N months before expiry)", () => {
  it.each([
    ["2024-12-31", 9, "2024-03-31"],
    ["2024-11-30", 9, "2024-02-29"], // leap year: clamped to 29 Feb
    ["2025-11-30", 9, "2025-02-28"], // common year: clamped to 28 Feb
    ["2024-09-30", 9, "2023-12-30"], // day of month kept, not moved to the month end
    ["2025-06-30", 3, "2025-03-30"],
    ["2025-05-31", 3, "2025-02-28"],
    ["2022-12-31", 0, "2022-12-31"],
    ["2025-03-15", 12, "2024-03-15"],
  ])("term ending %s with %i months' notice: last day %s", (end, months, expected) => {
    expect(lastNoticeDay(end, months)).toBe(expected);
  });
});

describe("renewal terms", () => {
  it("renews by whole years from the day after the initial period", () => {
    expect(termEndAt("2024-12-31", 12, 1)).toBe("2025-12-31");
    expect(termEndAt("2024-12-31", 12, 3)).toBe("2027-12-31");
    expect(termEndAt("2024-12-31", 36, 1)).toBe("2027-12-31");
  });

  it("keeps February ends right across leap years (no drift)", () => {
    expect(termEndAt("2025-02-28", 12, 1)).toBe("2026-02-28");
    expect(termEndAt("2025-02-28", 12, 3)).toBe("2028-02-29");
    expect(termEndAt("2025-02-28", 12, 4)).toBe("2029-02-28");
    expect(termEndAt("2024-06-30", 6, 1)).toBe("2024-12-31");
  });

  it("projects Kvinnojouren's renewals for the coming years", () => {
    const terms = renewalProjection(kvinnojouren, "2024-01-01", 3);
    expect(terms.map((t) => [t.start, t.end, t.noticeDeadline])).toEqual([
      ["2022-01-01", "2024-12-31", "2024-03-31"],
      ["2025-01-01", "2025-12-31", "2025-03-31"],
      ["2026-01-01", "2026-12-31", "2026-03-31"],
    ]);
  });

  it("stops the projection at the end notice leads to", () => {
    const noticed = { ...kvinnojouren, status: AgreementStatus.NOTICE_GIVEN, finalEndDate: "2025-12-31" };
    const terms = renewalProjection(noticed, "2024-01-01", 5);
    expect(terms.map((t) => [t.end, t.noticeDeadline])).toEqual([
      ["2024-12-31", "2024-03-31"],
      ["2025-12-31", null],
    ]);
  });

  it("lists renewals taking effect in a period", () => {
    expect(renewalsBetween(kvinnojouren, "2025-01-01", "2026-12-31").map((t) => t.start)).toEqual([
      "2025-01-01",
      "2026-01-01",
    ]);
    expect(renewalsBetween(kvinnojouren, "2022-01-01", "2024-12-31")).toEqual([]);
  });
});

describe("next notice deadline", () => {
  it("is 2024-03-31 for Kvinnojouren's agreement (ends 2024-12-31, nine months' notice)", () => {
    expect(nextNoticeDeadline(kvinnojouren, "2022-01-01")).toEqual({
      termIndex: 0,
      termEnd: "2024-12-31",
      noticeDeadline: "2024-03-31",
      renewedUntil: "2025-12-31",
    });
  });

  it("still counts notice on the deadline day, and moves on the day after", () => {
    expect(nextNoticeDeadline(kvinnojouren, "2024-03-31")?.noticeDeadline).toBe("2024-03-31");
    expect(nextNoticeDeadline(kvinnojouren, "2024-04-01")).toEqual({
      termIndex: 1,
      termEnd: "2025-12-31",
      noticeDeadline: "2025-03-31",
      renewedUntil: "2026-12-31",
    });
  });

  it("finds the deadline far ahead without walking every term", () => {
    expect(nextNoticeDeadline(kvinnojouren, "2090-03-01")?.termEnd).toBe("2090-12-31");
    expect(nextNoticeDeadline(kvinnojouren, "2090-06-01")?.termEnd).toBe("2091-12-31");
  });

  it("is null for agreements that do not renew", () => {
    expect(nextNoticeDeadline({ ...kvinnojouren, renewalTermMonths: null }, "2022-01-01")).toBeNull();
    expect(nextNoticeDeadline({ ...kvinnojouren, endDate: null }, "2022-01-01")).toBeNull();
  });

  it("is never after the term end and never before asOf (property)", () => {
    const date = fc
      .date({ min: new Date("2000-01-01"), max: new Date("2080-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        date,
        date,
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: 0, max: 24 }),
        (end, asOf, renewal, notice) => {
          const next = nextNoticeDeadline(
            { startDate: "1999-01-01", endDate: end, renewalTermMonths: renewal, noticeMonths: notice },
            asOf,
          )!;
          expect(next.noticeDeadline >= asOf).toBe(true);
          expect(next.noticeDeadline <= next.termEnd).toBe(true);
          expect(next.noticeDeadline).toBe(lastNoticeDay(next.termEnd, notice));
          if (next.termIndex > 0) {
            // the previous term's deadline had passed
            expect(lastNoticeDay(termEndAt(end, renewal, next.termIndex - 1), notice) < asOf).toBe(true);
          }
        },
      ),
    );
  });
});

describe("end after notice", () => {
  it("ends Kvinnojouren's agreement 2024-12-31 for notice in time, a year later for late notice", () => {
    expect(endAfterNotice(kvinnojouren, "2024-03-31")).toBe("2024-12-31");
    expect(endAfterNotice(kvinnojouren, "2024-04-01")).toBe("2025-12-31");
  });

  it("runs the notice period for agreements until further notice, never ending before it", () => {
    expect(earliestEndAfterNotice("2024-03-31", 9)).toBe("2024-12-31");
    // 2023-05-31 + 9 months would clamp to 2024-02-29, but 2024-02-29 − 9 months = 2023-05-29 < notice day
    expect(earliestEndAfterNotice("2023-05-31", 9)).toBe("2024-03-01");
    expect(
      endAfterNotice(
        { startDate: "2020-01-01", endDate: null, renewalTermMonths: null, noticeMonths: 3 },
        "2025-01-15",
      ),
    ).toBe("2025-04-15");
  });

  it("the earliest end always satisfies the notice rule and is the earliest that does (property)", () => {
    const date = fc
      .date({ min: new Date("2000-01-01"), max: new Date("2080-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 24 }), (notice, months) => {
        const end = earliestEndAfterNotice(notice, months);
        expect(lastNoticeDay(end, months) >= notice).toBe(true);
        expect(end >= addMonths(notice, months)).toBe(true);
      }),
    );
  });

  it("is null for a fixed period without renewal (nothing to give notice of)", () => {
    expect(endAfterNotice({ ...kvinnojouren, renewalTermMonths: null }, "2023-01-01")).toBeNull();
  });
});

describe("board decision and in force", () => {
  it("needs a board decision the lead time before the notice deadline", () => {
    expect(decisionNeededBy("2024-03-31", 60)).toBe("2024-01-31");
    expect(decisionNeededBy("2024-03-31", 0)).toBe("2024-03-31");
  });

  it("is in force from the start to the final end, never as a draft", () => {
    const ended = { status: AgreementStatus.EXPIRED, startDate: "2021-01-01", finalEndDate: "2021-12-31" };
    expect(inForceOn(ended, "2021-12-31")).toBe(true);
    expect(inForceOn(ended, "2022-01-01")).toBe(false);
    expect(inForceOn(ended, "2020-12-31")).toBe(false);
    expect(inForceOn({ ...ended, status: AgreementStatus.DRAFT }, "2021-06-30")).toBe(false);
    expect(inForceOn(kvinnojouren, "2099-01-01")).toBe(true);
  });
});
