import { MoneyScalar } from "@arbetsliv/core/values";
import { computed, defineGraph, many, ref } from "@arbetsliv/core/read";
import { BoardDecision } from "../agreement/board-decision.entity";
import { DOMAIN } from "../scopes";
import { MAX_AMENDMENT_YEARS } from "../shared/list-limits";
import { Amendment, AmendmentAmount } from "./amendment.entity";
import { amendmentTotal } from "./money.rules";

/** An amendment's amounts per year, their total (from the same rows) and the board decision behind it. */
export const amendmentGraph = defineGraph(Amendment, {
  domain: DOMAIN,
  relations: {
    amounts: many(() => AmendmentAmount, "amendmentId", {
      order: { year: "ASC" },
      paging: "all",
      maxItems: MAX_AMENDMENT_YEARS,
      description: "The amounts it adds, one per year, by year.",
    }),
    boardDecision: ref(() => BoardDecision, "boardDecisionId", {
      nullable: true,
      description: "The board decision (nämndbeslut) behind it; null when none was given.",
    }),
  },
  computed: {
    total: computed(
      () => MoneyScalar,
      [],
      (_amendment, amounts: AmendmentAmount[]) => amendmentTotal(amounts),
      { from: "amounts", description: "Sum over all years, in kronor (decimal string)." },
    ),
  },
});
