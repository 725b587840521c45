import { ValidationError } from "@arbetsliv/core";
import { AnswerType } from "./follow-up.enums";
import { checkAnswers, daysOverdue, nextFollowUpPeriod } from "./follow-up.rules";

describe("follow-up periods", () => {
  it("starts at the agreement's start, then the day after the last period", () => {
    expect(nextFollowUpPeriod("2022-01-01", null, 6, null)).toEqual({
      periodStart: "2022-01-01",
      periodEnd: "2022-06-30",
      dueDate: "2022-06-30",
    });
    expect(nextFollowUpPeriod("2022-01-01", "2022-06-30", 6, null)).toEqual({
      periodStart: "2022-07-01",
      periodEnd: "2022-12-31",
      dueDate: "2022-12-31",
    });
  });

  it("clips the last period to the final end, and has none after it", () => {
    expect(nextFollowUpPeriod("2021-01-01", "2021-12-31", 12, "2022-03-31")?.periodEnd).toBe("2022-03-31");
    expect(nextFollowUpPeriod("2021-01-01", "2022-03-31", 12, "2022-03-31")).toBeNull();
  });

  it("counts days overdue from the due date", () => {
    expect(daysOverdue("2022-06-30", "2022-07-10")).toBe(10);
    expect(daysOverdue("2022-06-30", "2022-06-01")).toBe(0);
  });
});

describe("answers", () => {
  const questions = [
    { id: 1, answerType: AnswerType.YES_NO, required: true },
    { id: 2, answerType: AnswerType.SCALE_1_5, required: true },
    { id: 3, answerType: AnswerType.TEXT, required: false },
    { id: 4, answerType: AnswerType.NUMBER, required: false },
  ];
  const field = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof ValidationError) return e.field;
      throw e;
    }
    return null;
  };

  it("stores each answer in the column of its type", () => {
    expect(
      checkAnswers(questions, [
        { questionId: 1, yes: true },
        { questionId: 2, number: 4, text: " ok " },
      ]),
    ).toEqual([
      { questionId: 1, textValue: null, numberValue: null, booleanValue: true },
      { questionId: 2, textValue: "ok", numberValue: 4, booleanValue: null },
    ]);
  });

  it("names the answer that does not fit its question", () => {
    expect(
      field(() =>
        checkAnswers(questions, [
          { questionId: 1, yes: true },
          { questionId: 2, number: 6 },
        ]),
      ),
    ).toBe("input.answers.1.number");
    expect(field(() => checkAnswers(questions, [{ questionId: 1 }, { questionId: 2, number: 3 }]))).toBe(
      "input.answers.0.yes",
    );
    expect(field(() => checkAnswers(questions, [{ questionId: 9, yes: true }]))).toBe("input.answers.0.questionId");
    expect(
      field(() =>
        checkAnswers(questions, [
          { questionId: 1, yes: true },
          { questionId: 1, yes: false },
        ]),
      ),
    ).toBe("input.answers.1.questionId");
    expect(field(() => checkAnswers(questions, [{ questionId: 3, text: "   " }]))).toBe("input.answers.0.text");
  });

  it("requires every required question", () => {
    expect(field(() => checkAnswers(questions, [{ questionId: 1, yes: false }]))).toBe("input.answers");
  });
});
