import { defineGraph, many, ref } from "@arbetsliv/core/read";
import { Application } from "../application/application.entity";
import { Calculation } from "../calculation/calculation.entity";
import { DOMAIN } from "../scopes";
import { Decision } from "./decision.entity";
import { Payout } from "./payout.entity";

/** A decision's application, payouts and the calculation it rests on. */
export const decisionGraph = defineGraph(Decision, {
  domain: DOMAIN,
  relations: {
    payouts: many(() => Payout, "decisionId", {
      order: { id: "ASC" },
      paging: "slice",
      description: "The payout and its corrections, oldest first: the first `first` (default 25, at most 100).",
    }),
    // Read through the decision, which is read through its access-logged application or household.
    application: ref(() => Application, "applicationId", {
      description:
        "The application decided, with its version after the decision (deciding changes it: pass this version to setAssistanceApplicationStatus).",
    }),
    calculation: ref(() => Calculation, "calculationId", {
      nullable: true,
      description: "The calculation the decision rests on; null for decisions migrated from the previous system.",
    }),
  },
});
