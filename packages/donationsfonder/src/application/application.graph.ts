import { defineGraph, one, ref } from "@arbetsliv/core/read";
import { Allocation } from "../allocation/allocation.entity";
import { Fund } from "../fund/fund.entity";
import { Round } from "../round/round.entity";
import { DOMAIN } from "../scopes";
import { Application } from "./application.entity";

/**
 * An application's round, fund and allocation. Not access-logged here: the application read that
 * reaches them is (the list or the single read logs the applications with their persons).
 */
export const applicationGraph = defineGraph(Application, {
  domain: DOMAIN,
  relations: {
    round: ref(() => Round, "roundId", { description: "The round applied to." }),
    fund: ref(() => Fund, "fundId", {
      nullable: true,
      description:
        "The fund it draws from when ELIGIBLE (the first in the published order whose statutes it meets); null otherwise.",
    }),
    // applicationId is UNIQUE on donation_allocation: at most one per application
    allocation: one(() => Allocation, "applicationId", {
      description: "What it was allocated, when ELIGIBLE in an allocated round; null otherwise.",
    }),
  },
});
