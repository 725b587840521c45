import { computed, defineGraph, many, one } from "@arbetsliv/core/read";
import { Application } from "../application/application.entity";
import { Decision } from "../decision/decision.entity";
import { DOMAIN, EkonomisktBistandScopes as S } from "../scopes";
import { HouseholdMember } from "./household-member.entity";
import { Household, HouseholdAddress } from "./household.entity";
import { addressOf } from "./household.rules";
import { householdService } from "./household.service";

/**
 * A household's relations and computed fields: the read layer makes their resolvers, loaders and
 * prefetch. Not access-logged here: the household list and the household itself log the members
 * they show (household.service.ts), and the records below are read through them.
 */
export const householdGraph = defineGraph(Household, {
  domain: DOMAIN,
  relations: {
    members: many(() => HouseholdMember, "householdId", {
      order: { id: "ASC" },
      paging: "slice",
      description:
        "Everyone who is or was a member, in the order registered: the first `first` (default 25, at most 100).",
    }),
    applications: many(() => Application, "householdId", {
      order: { month: "DESC", id: "DESC" },
      paging: "first",
      description: "Applications, newest month first: the first `first` (default 25, at most 100).",
    }),
    latestDecision: one(() => Decision, "householdId", {
      description: "The household's most recent decision (the one registered last), or null when it has none.",
      load: (ctx, householdIds) => householdService(ctx).latestDecisions(householdIds as number[]),
    }),
  },
  computed: {
    address: computed(
      () => HouseholdAddress,
      ["protectedIdentity", "street", "postalCode", "city"],
      (household) => addressOf(household),
      {
        nullable: true,
        scopes: [S.READ],
        description:
          "Null for a household with protected identity — always, whatever the scopes — and once the household is gallrad.",
      },
    ),
  },
  // payouts(fromMonth, toMonth) takes arguments: written by hand in household.resolver.ts.
  reads: { payouts: ["id"] },
});
