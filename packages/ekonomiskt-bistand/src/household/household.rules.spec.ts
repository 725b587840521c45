import { MemberRole } from "../enums";
import { addressOf, applicantMissingIn, membersInMonth } from "./household.rules";

describe("a household's address", () => {
  const address = { street: "Storgatan 1", postalCode: "503 30", city: "Borås" };

  it("is shown for a household without protected identity", () => {
    expect(addressOf({ protectedIdentity: false, ...address })).toEqual(address);
  });

  it("is never shown for a protected identity, whatever is stored", () => {
    expect(addressOf({ protectedIdentity: true, ...address })).toBeNull();
  });

  it("is gone once gallrad (no street), and missing parts read as empty", () => {
    expect(addressOf({ protectedIdentity: false, street: null, postalCode: null, city: null })).toBeNull();
    expect(addressOf({ protectedIdentity: false, street: "Storgatan 1", postalCode: null, city: null })).toEqual({
      street: "Storgatan 1",
      postalCode: "",
      city: "",
    });
  });
});

describe("whether the applicant was a member in a month", () => {
  const member = (role: MemberRole, joinedOn: string, leftOn: string | null = null) => ({ role, joinedOn, leftOn });
  const june = ["2021-06", "2021-06-01", "2021-06-30"] as const;

  it("is fine when the applicant joined on or before the month's last day", () => {
    expect(applicantMissingIn(...june, [member(MemberRole.APPLICANT, "2021-06-30")])).toBeNull();
  });

  it("names the join dates when nobody was a member yet", () => {
    const reason = applicantMissingIn(...june, [
      member(MemberRole.APPLICANT, "2026-12-06"),
      member(MemberRole.CHILD, "2026-11-01"),
    ]);
    expect(reason).toMatch(/^no member was part of the household in 2021-06: the applicant joined on 2026-12-06/);
    expect(reason).toContain("(the first member on 2026-11-01)");
  });

  it("says when only the applicant was missing, or had left", () => {
    expect(
      applicantMissingIn(...june, [member(MemberRole.APPLICANT, "2021-07-01"), member(MemberRole.CHILD, "2020-01-01")]),
    ).toMatch(/^the applicant was not a member in 2021-06: the applicant joined on 2021-07-01/);
    expect(applicantMissingIn(...june, [member(MemberRole.APPLICANT, "2020-01-01", "2021-05-31")])).toBe(
      "the applicant left the household on 2021-05-31, before 2021-06",
    );
    expect(applicantMissingIn(...june, [member(MemberRole.CHILD, "2020-01-01")])).toBe(
      "the household has no applicant",
    );
  });

  it("keeps the members who overlap the month", () => {
    const members = [
      member(MemberRole.APPLICANT, "2021-06-30"),
      member(MemberRole.CHILD, "2021-07-01"),
      member(MemberRole.OTHER_ADULT, "2020-01-01", "2021-05-31"),
      member(MemberRole.CO_APPLICANT, "2020-01-01", "2021-06-01"),
    ];
    expect(membersInMonth(members, "2021-06-01", "2021-06-30").map((m) => m.role)).toEqual([
      MemberRole.APPLICANT,
      MemberRole.CO_APPLICANT,
    ]);
  });
});
