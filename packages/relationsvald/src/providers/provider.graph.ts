import { defineGraph, many } from "@arbetsliv/core/read";
import { DOMAIN } from "../scopes";
import { ProviderDailyFee } from "./provider-fee.entity";
import { PlacementProvider } from "./provider.entity";
import { ServiceFeeAgreement } from "./service-fee-agreement.entity";

/** A provider's fees: the read layer makes their resolvers, loaders and prefetch. */
export const placementProviderGraph = defineGraph(PlacementProvider, {
  domain: DOMAIN,
  relations: {
    dailyFees: many(() => ProviderDailyFee, "providerId", {
      order: { placementType: "ASC", validFrom: "ASC" },
      paging: "slice",
      description:
        "The provider's daily fees (dygnsavgifter), by placement type, then oldest first: the first `first` (default 25, at most 100).",
    }),
    serviceFeeAgreements: many(() => ServiceFeeAgreement, "providerId", {
      order: { validFrom: "ASC" },
      paging: "slice",
      description:
        "The provider's fixed service fees (serviceavgifter), oldest first: the first `first` (default 25, at most 100).",
    }),
  },
});
