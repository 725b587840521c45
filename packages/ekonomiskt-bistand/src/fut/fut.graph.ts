import { defineGraph, many } from "@arbetsliv/core/read";
import { DOMAIN } from "../scopes";
import { IncorrectPaymentCase } from "./incorrect-payment-case.entity";
import { Recovery } from "./recovery.entity";

/** A FUT case's recoveries (read through the case, which is access-logged). */
export const incorrectPaymentCaseGraph = defineGraph(IncorrectPaymentCase, {
  domain: DOMAIN,
  relations: {
    recoveries: many(() => Recovery, "incorrectPaymentCaseId", {
      order: { id: "ASC" },
      paging: "slice",
      description: "Repayments registered against the case: the first `first` (default 25, at most 100).",
    }),
  },
  // payouts go through the link table eb_incorrect_payment_case_payout: FutService.payoutsOfCase, field in fut.resolver.ts.
  reads: { payouts: ["id"] },
});
