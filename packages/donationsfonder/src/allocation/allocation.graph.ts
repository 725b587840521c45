import { defineGraph, many, ref } from "@arbetsliv/core/read";
import { Fund } from "../fund/fund.entity";
import { DOMAIN } from "../scopes";
import { AllocationAdjustment } from "./allocation-adjustment.entity";
import { Allocation } from "./allocation.entity";

/** An allocation's fund and its adjustments (few per allocation: read whole, the field keeps the first `first`). */
export const allocationGraph = defineGraph(Allocation, {
  domain: DOMAIN,
  relations: {
    fund: ref(() => Fund, "fundId", { description: "The fund it is paid from." }),
    adjustments: many(() => AllocationAdjustment, "allocationId", {
      order: { id: "ASC" },
      paging: "slice",
      description: "Adjustments, oldest first: the first `first` (default 25, at most 100).",
    }),
  },
});
