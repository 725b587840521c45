import { defineGraph, many } from "@arbetsliv/core/read";
import { Placement } from "../placements/placement.entity";
import { placementService } from "../placements/placement.service";
import { DOMAIN } from "../scopes";
import { seesProtected } from "../shared";
import { AccompanyingChild } from "./child.entity";
import { PlacementClient } from "./client.entity";

/** A client's children and placements, those the caller may see: protected people are left out in SQL, never loaded. */
export const placementClientGraph = defineGraph(PlacementClient, {
  domain: DOMAIN,
  relations: {
    children: many(() => AccompanyingChild, "clientId", {
      order: { id: "ASC" },
      paging: "slice",
      description:
        "The client's accompanying children, in the order registered; those with protected identity only for relationsvald:protected: the first `first` (default 25, at most 100). Access-logged.",
      where: (ctx) => (seesProtected(ctx) ? undefined : { protectedIdentity: false }),
      accessLog: {
        operation: "PlacementClient.children",
        recordType: "AccompanyingChild",
        personnummer: (child) => child.personnummer,
      },
    }),
    placements: many(() => Placement, "clientId", {
      order: { startDate: "ASC", id: "ASC" },
      paging: "slice",
      description:
        "The client's placements, oldest first; one concerning a protected child only for relationsvald:protected: the first `first` (default 25, at most 100). Access-logged.",
      // Protection is a condition on other tables (the client's and the children's), and the
      // read is access-logged with the clients' identity numbers: both in the service.
      load: (ctx, clientIds) => placementService(ctx).placementsOfClients(clientIds as readonly number[]),
    }),
  },
});
