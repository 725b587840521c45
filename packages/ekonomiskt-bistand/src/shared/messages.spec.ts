import { ValidationError } from "@arbetsliv/core";
import { MemberRole } from "../enums";
import { applicantMissingReason } from "../household/household.rules";
import { assertYearMonth } from "./month";

/** Errors carry both languages; the English text (what error.message and the tests match) is unchanged. */
describe("the domain's messages in English and Swedish", () => {
  it("a refused month says so in both languages, naming the field", () => {
    let error: unknown;
    try {
      assertYearMonth("input.month", "2021-13");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe("input.month: must be a month as YYYY-MM");
    expect((error as ValidationError).swedishMessage).toBe("input.month: måste vara en månad, ÅÅÅÅ-MM");
  });

  it("a missing applicant is explained in both languages", () => {
    const reason = applicantMissingReason("2021-06", "2021-06-01", "2021-06-30", [
      { role: MemberRole.APPLICANT, joinedOn: "2020-01-01", leftOn: "2021-05-31" },
    ]);
    expect(reason).toEqual({
      en: "the applicant left the household on 2021-05-31, before 2021-06",
      sv: "sökanden flyttade från hushållet 2021-05-31, före 2021-06",
    });
  });
});
