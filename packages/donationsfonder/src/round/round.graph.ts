import { defineGraph, many, ref } from "@arbetsliv/core/read";
import { Fund } from "../fund/fund.entity";
import { FundBudget } from "../fund/fund-budget.entity";
import { DOMAIN } from "../scopes";
import { MAX_FUNDS } from "../shared/list-limits";
import { Round } from "./round.entity";

/** A round's fund budgets (reference data: no scopes beyond the round's own, no access log). */
export const roundGraph = defineGraph(Round, {
  domain: DOMAIN,
  relations: {
    budgets: many(() => FundBudget, "roundId", {
      order: { fundId: "ASC" },
      paging: "all",
      maxItems: MAX_FUNDS, // one per fund
      description: "What each fund has to distribute in the round, by fund id; a fund without a budget has nothing.",
    }),
  },
});

/** The fund a budget belongs to. */
export const fundBudgetGraph = defineGraph(FundBudget, {
  domain: DOMAIN,
  relations: {
    fund: ref(() => Fund, "fundId", { description: "The fund the budget belongs to." }),
  },
});
