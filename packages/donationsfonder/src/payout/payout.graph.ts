import { computed, defineGraph, one, ref } from "@arbetsliv/core/read";
import { Fund } from "../fund/fund.entity";
import { DOMAIN } from "../scopes";
import { PayoutPayment } from "./payout-payment.entity";
import { Payout } from "./payout.entity";

/** A payout's fund and payment; `paid` is read from the payment (the same loader as the field). */
export const payoutGraph = defineGraph(Payout, {
  domain: DOMAIN,
  relations: {
    // payoutId is UNIQUE on donation_payout_payment: a payout is paid at most once
    payment: one(() => PayoutPayment, "payoutId", {
      description: "When, by whom and with which reference it was paid; null while unpaid.",
    }),
    fund: ref(() => Fund, "fundId", { description: "The fund it is paid from." }),
  },
  computed: {
    paid: computed(
      () => Boolean,
      [],
      (_payout, payment: PayoutPayment | null) => payment !== null,
      { from: "payment", description: "True once the payout is marked paid (it has a payment)." },
    ),
  },
});
