import { ValidationError } from "@arbetsliv/core";
import { addDays, addMonths, daysBetween, type LocalDate } from "@arbetsliv/core/values";
import { AnswerType } from "./follow-up.enums";

export interface FollowUpPeriod {
  periodStart: LocalDate;
  periodEnd: LocalDate;
  /** A period's follow-up is due on its last day. */
  dueDate: LocalDate;
}

/**
 * The next period to follow up: it starts the day after the last followed-up period (or on the
 * agreement's start) and runs `intervalMonths` whole months, clipped to the agreement's final end.
 */
export function nextFollowUpPeriod(
  startDate: LocalDate,
  lastFollowedUpUntil: LocalDate | null,
  intervalMonths: number,
  finalEndDate: LocalDate | null,
): FollowUpPeriod | null {
  const periodStart = lastFollowedUpUntil ? addDays(lastFollowedUpUntil, 1) : startDate;
  if (finalEndDate !== null && periodStart > finalEndDate) return null;
  let periodEnd = addDays(addMonths(periodStart, intervalMonths), -1);
  if (finalEndDate !== null && periodEnd > finalEndDate) periodEnd = finalEndDate;
  return { periodStart, periodEnd, dueDate: periodEnd };
}

export function daysOverdue(dueDate: LocalDate, asOf: LocalDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

export interface QuestionSpec {
  id: number;
  answerType: AnswerType;
  required: boolean;
}

export interface AnswerValue {
  questionId: number;
  text?: string | null;
  number?: number | null;
  yes?: boolean | null;
}

export interface StoredAnswer {
  questionId: number;
  textValue: string | null;
  numberValue: number | null;
  booleanValue: boolean | null;
}

/** Checks answers against the template's questions (types, required, duplicates); returns rows to store. */
export function checkAnswers(questions: readonly QuestionSpec[], answers: readonly AnswerValue[]): StoredAnswer[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<number>();
  const rows = answers.map((a, i) => {
    const field = `input.answers.${i}`;
    const q = byId.get(a.questionId);
    if (!q)
      throw new ValidationError(`${field}.questionId`, "in-template", {
        en: "is not a question of the evaluation template",
        sv: "är inte en fråga i utvärderingsmallen",
      });
    if (seen.has(q.id))
      throw new ValidationError(`${field}.questionId`, "unique", {
        en: "is answered twice",
        sv: "besvaras två gånger",
      });
    seen.add(q.id);
    const text = a.text?.trim() ? a.text.trim() : null;
    switch (q.answerType) {
      case AnswerType.TEXT:
        if (text === null)
          throw new ValidationError(`${field}.text`, "required", {
            en: "a TEXT question needs text",
            sv: "en TEXT-fråga behöver ett textsvar",
          });
        return { questionId: q.id, textValue: text, numberValue: null, booleanValue: null };
      case AnswerType.YES_NO:
        if (a.yes == null)
          throw new ValidationError(`${field}.yes`, "required", {
            en: "a YES_NO question needs yes: true or false",
            sv: "en YES_NO-fråga behöver yes: true eller false",
          });
        return { questionId: q.id, textValue: text, numberValue: null, booleanValue: a.yes };
      case AnswerType.SCALE_1_5:
        if (a.number == null || !Number.isInteger(a.number) || a.number < 1 || a.number > 5) {
          throw new ValidationError(`${field}.number`, "scale", {
            en: "a SCALE_1_5 question needs a number from 1 to 5",
            sv: "en SCALE_1_5-fråga behöver ett tal från 1 till 5",
          });
        }
        return { questionId: q.id, textValue: text, numberValue: a.number, booleanValue: null };
      case AnswerType.NUMBER:
        if (a.number == null || !Number.isInteger(a.number))
          throw new ValidationError(`${field}.number`, "required", {
            en: "a NUMBER question needs a number",
            sv: "en NUMBER-fråga behöver ett tal",
          });
        return { questionId: q.id, textValue: text, numberValue: a.number, booleanValue: null };
    }
  });
  const missing = questions.filter((q) => q.required && !seen.has(q.id));
  if (missing.length) {
    const ids = missing.map((q) => q.id).join(", ");
    throw new ValidationError("input.answers", "required", {
      en: `required questions are not answered (ids ${ids})`,
      sv: `obligatoriska frågor är inte besvarade (id ${ids})`,
    });
  }
  return rows;
}
