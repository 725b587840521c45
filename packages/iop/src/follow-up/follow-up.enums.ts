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
});

export enum DeviationSeverity {
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
}
registerEnumType(DeviationSeverity, { name: "IopDeviationSeverity" });

export enum YearlyReportKind {
  ACTIVITY_REPORT = "ACTIVITY_REPORT",
  ACTIVITY_PLAN = "ACTIVITY_PLAN",
  QUALITY_APPENDIX = "QUALITY_APPENDIX",
}
registerEnumType(YearlyReportKind, {
  name: "IopYearlyReportKind",
  valuesConfig: {
    ACTIVITY_REPORT: { description: "Verksamhetsberättelse for the year, with the number of individuals served." },
    ACTIVITY_PLAN: { description: "Verksamhetsplan for the year." },
    QUALITY_APPENDIX: { description: "Kvalitetsbilaga, submitted with the activity report." },
  },
});
