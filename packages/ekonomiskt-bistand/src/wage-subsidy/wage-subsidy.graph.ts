import { defineGraph, many } from "@arbetsliv/core/read";
import { DOMAIN } from "../scopes";
import { WageSubsidyEmployment, WageSubsidyMonth } from "./wage-subsidy.entity";

/** An employment's recorded months (read through the employment, which is access-logged). */
export const wageSubsidyEmploymentGraph = defineGraph(WageSubsidyEmployment, {
  domain: DOMAIN,
  relations: {
    months: many(() => WageSubsidyMonth, "employmentId", {
      order: { month: "ASC" },
      paging: "slice",
      description: "Recorded months, oldest first: the first `first` (default 25, at most 100).",
    }),
  },
});
