import { defineGraph, many, one, ref } from "@arbetsliv/core/read";
import { Calculation, CalculationLine } from "../calculation/calculation.entity";
import { Decision } from "../decision/decision.entity";
import { MAX_CLAIM_LINES } from "../list-limits";
import { DOMAIN } from "../scopes";
import { Application, ApplicationCost, ApplicationIncome } from "./application.entity";

/** An application's claims, calculations and decision (read through the application, which is access-logged). */
export const applicationGraph = defineGraph(Application, {
  domain: DOMAIN,
  relations: {
    costs: many(() => ApplicationCost, "applicationId", {
      order: { id: "ASC" },
      paging: "all",
      maxItems: MAX_CLAIM_LINES,
      description: "The claimed costs, in the order given (at most 50; an update replaces the list).",
    }),
    incomes: many(() => ApplicationIncome, "applicationId", {
      order: { id: "ASC" },
      paging: "all",
      maxItems: MAX_CLAIM_LINES,
      description: "The reported incomes, in the order given (at most 50; an update replaces the list).",
    }),
    calculations: many(() => Calculation, "applicationId", {
      order: { id: "DESC" },
      paging: "slice",
      description: "Calculations, newest first: the first `first` (default 25, at most 100).",
    }),
    // At most one: eb_decision.applicationId is unique.
    decision: one(() => Decision, "applicationId", {
      description: "The application's decision, or null while it is not decided.",
    }),
  },
});

/** A calculation's lines: read whole, they fit one page of 100 (norm per member, costs, incomes, disregards). */
export const calculationGraph = defineGraph(Calculation, {
  domain: DOMAIN,
  relations: {
    // Read through the calculation, whose read is access-logged with the household's members.
    application: ref(() => Application, "applicationId", {
      description:
        "The application calculated, with its version after the calculation (calculating changes it: pass this version to decide).",
    }),
    lines: many(() => CalculationLine, "calculationId", {
      order: { position: "ASC" },
      paging: "slice",
      defaultFirst: 100,
      description:
        "Every line, in order: norm, reasonable costs, incomes and disregards: the first `first` (default and at most 100).",
    }),
  },
});
