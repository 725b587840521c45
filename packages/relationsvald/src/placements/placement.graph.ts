import { Int } from "type-graphql";
import { computed, defineGraph, many, ref } from "@arbetsliv/core/read";
import { PlacementClient } from "../clients/client.entity";
import { nightsBetween } from "../costs/placement-days.rules";
import { PlacementProvider } from "../providers/provider.entity";
import { DOMAIN } from "../scopes";
import { PlacementChildDecision } from "./placement-child.entity";
import { Placement } from "./placement.entity";
import { placementService } from "./placement.service";

/**
 * A placement's relations and computed fields: the read layer makes their resolvers, loaders and
 * prefetch. Only placements the caller may see reach these fields (the queries leave out those
 * concerning a protected person), so the client needs no row policy; the child decisions still
 * leave out protected children in SQL, as a second guard.
 */
export const placementGraph = defineGraph(Placement, {
  domain: DOMAIN,
  relations: {
    client: ref(() => PlacementClient, "clientId", {
      description: "The client placed (the adult). Access-logged with the client's identity number.",
      accessLog: {
        operation: "Placement.client",
        recordType: "PlacementClient",
        personnummer: (client) => client.personnummer,
      },
    }),
    provider: ref(() => PlacementProvider, "providerId", {
      description: "The provider (utförare) the client is placed with.",
    }),
    children: many(() => PlacementChildDecision, "placementId", {
      order: { id: "ASC" },
      paging: "slice",
      description:
        "Accompanying children covered, each with its own assessment and decision, in the order registered: the first `first` (default 25, at most 100). Access-logged.",
      // A join to the child, to leave out protected children in SQL (not a plain IN on one table).
      load: (ctx, placementIds) => placementService(ctx).childDecisionsOf(placementIds as readonly number[]),
      accessLog: {
        operation: "Placement.children",
        recordType: "AccompanyingChild",
        recordId: (decision) => decision.childId,
        personnummer: (decision) => decision.child.personnummer,
      },
    }),
  },
  computed: {
    nights: computed(
      () => Int,
      ["startDate", "endDate"],
      (p) => (p.endDate ? nightsBetween(p.startDate, p.endDate) : null),
      {
        nullable: true,
        description:
          "Placement days (nights) from the start date up to the move-out date (the move-out day itself is not a night); null while ongoing.",
      },
    ),
    awaitingDecision: computed(
      () => Boolean,
      ["decisionReference"],
      (p) => p.decisionReference === null,
      {
        description:
          "True while the adult's decision is missing: an acute placement (akutplacering) awaiting the unit's assessment.",
      },
    ),
  },
});
