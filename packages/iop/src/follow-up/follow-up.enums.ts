import { registerEnumType } from "type-graphql";

export enum AnswerType {
  TEXT = "TEXT",
  YES_NO = "YES_NO",
  SCALE_1_5 = "SCALE_1_5",
  NUMBER = "NUMBER",
}
registerEnumType(AnswerType, {
  name: "IopAnswerType",
  description: "How a question in the evaluation template is answered.",
  valuesConfig: {
    TEXT: { description: "Free text (IopAnswerInput.text)." },
    YES_NO: { description: "Yes or no (IopAnswerInput.yes)." },
    SCALE_1_5: { description: "A grade from 1 to 5 (IopAnswerInput.number)." },
    NUMBER: { description: "A whole number, e.g. a count (IopAnswerInput.number)." },
  },
});

export enum DeviationSeverity {
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
}
registerEnumType(DeviationSeverity, {
  name: "IopDeviationSeverity",
  description: "How serious a deviation (avvikelse) is, as the follow-up judges it.",
  valuesConfig: {
    LOW: { description: "Minor (låg)." },
    MEDIUM: { description: "Moderate (medel)." },
    HIGH: { description: "Serious (hög)." },
  },
});

export enum YearlyReportKind {
  ACTIVITY_REPORT = "ACTIVITY_REPORT",
  ACTIVITY_PLAN = "ACTIVITY_PLAN",
  QUALITY_APPENDIX = "QUALITY_APPENDIX",
}
registerEnumType(YearlyReportKind, {
  name: "IopYearlyReportKind",
  description: "A yearly report the partner submits under an agreement.",
  valuesConfig: {
    ACTIVITY_REPORT: { description: "Verksamhetsberättelse for the year, with the number of individuals served." },
    ACTIVITY_PLAN: { description: "Verksamhetsplan for the year." },
    QUALITY_APPENDIX: { description: "Kvalitetsbilaga, submitted with the activity report." },
  },
});
