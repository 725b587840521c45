import { defineGraph, many, ref } from "@arbetsliv/core/read";
import { Calculation } from "../calculation/calculation.entity";
import { DOMAIN } from "../scopes";
import { Decision } from "./decision.entity";
import { Payout } from "./payout.entity";

/** A decision's payouts and the calculation it rests on. */
export const decisionGraph = defineGraph(Decision, {
  domain: DOMAIN,
  relations: {
    payouts: many(() => Payout, "decisionId", {
      order: { id: "ASC" },
      paging: "slice",
      description: "The payout and its corrections, oldest first: the first `first` (default 25, at most 100).",
    }),
    calculation: ref(() => Calculation, "calculationId", { nullable: true }),
  },
});
