import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, movedArgOptions, requiredMoved, type RequestContext } from "@arbetsliv/core";
import { readOne, readPage } from "@arbetsliv/core/read";
import { RelationsvaldScopes as S } from "../scopes";
import { Placement } from "./placement.entity";
import { placementGraph } from "./placement.graph";
import {
  CreatePlacementInput,
  EndPlacementInput,
  ExtendPlacementInput,
  MovePlacementInput,
  PlacementListArgs,
} from "./placement.inputs";
import { placementService } from "./placement.service";

const PlacementConnection = ConnectionType(Placement, "Placement");

/** The deprecated top-level `id` of the placement mutations (moved to `input.id`). */
const DEPRECATED_PLACEMENT_ID = movedArgOptions("id", "The placement's id. Deprecated: give input.id.");

@Resolver(() => Placement)
export class PlacementResolver {
  @Authorized(S.READ)
  @Query(() => PlacementConnection, {
    description:
      "Placements (insatser), latest start first (relationsvald:read). Those concerning a person with protected identity (the client or a covered child) are left out, also from totalCount, unless the caller holds relationsvald:protected. Every page is access-logged with the clients' identity numbers.",
  })
  placements(
    @Args(() => PlacementListArgs) args: PlacementListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, placementGraph, (columns) => placementService(ctx).list(args, columns));
  }

  @Authorized(S.READ)
  @Query(() => Placement, {
    nullable: true,
    description:
      "One placement (relationsvald:read), access-logged. Null with NOT_FOUND when there is none, or when it concerns a person with protected identity and the caller lacks relationsvald:protected (the same answer, so its existence is not revealed).",
  })
  placement(
    @Arg("id", () => ID, { description: "The placement's id (Placement.id)." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, placementGraph, () => placementService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => Placement, {
    description:
      "Register a placement (relationsvald:write) and return it with version 1. Refused (BAD_USER_INPUT on input.startDate) when it overlaps a placement of the same person (the client or a covered child) that cannot run on the same nights; a placement the caller cannot see is not named. A child placed in skyddat boende (protected housing) becomes retentionExempt. With input.idempotencyKey a retry returns the first answer.",
  })
  createPlacement(
    @Arg("input", () => CreatePlacementInput, { description: "The placement to register." })
    input: CreatePlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return placementService(ctx).create(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Placement, {
    description:
      "Record a new decision that extends an ongoing placement (förlängning — extension; for an acute placement, the decision on continued protection) and return it with its new version. An ended placement gives CONFLICT; a stale input.expectedVersion gives CONFLICT.",
  })
  extendPlacement(
    @Arg("id", () => ID, DEPRECATED_PLACEMENT_ID) id: string | null | undefined,
    @Arg("input", () => ExtendPlacementInput, { description: "The placement and its new decision." })
    input: ExtendPlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return placementService(ctx).extend(requiredMoved("id", input.id, id), input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Placement, {
    description:
      "End an ongoing placement on its move-out date (utflyttning) and return it with its new version. An already ended placement gives CONFLICT; a stale input.expectedVersion gives CONFLICT.",
  })
  endPlacement(
    @Arg("id", () => ID, DEPRECATED_PLACEMENT_ID) id: string | null | undefined,
    @Arg("input", () => EndPlacementInput, { description: "The placement and its move-out date." })
    input: EndPlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return placementService(ctx).end(requiredMoved("id", input.id, id), input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Placement, {
    description:
      "Move to another provider (or type): ends this placement on the move date (its version goes up) and returns the new placement (version 1, movedFromId set), with the same client and children. A stale input.expectedVersion gives CONFLICT.",
  })
  movePlacement(
    @Arg("id", () => ID, DEPRECATED_PLACEMENT_ID) id: string | null | undefined,
    @Arg("input", () => MovePlacementInput, { description: "The placement to move and where to." })
    input: MovePlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return placementService(ctx).move(requiredMoved("id", input.id, id), input);
  }
}
