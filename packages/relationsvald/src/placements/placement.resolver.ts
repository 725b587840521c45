import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, type RequestContext } from "@arbetsliv/core";
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

@Resolver(() => Placement)
export class PlacementResolver {
  @Authorized(S.READ)
  @Query(() => PlacementConnection, {
    description:
      "Placements, latest start first. Those concerning people with protected identity only with relationsvald:protected. Access-logged.",
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
      "One placement; NOT_FOUND when it concerns a protected person and the caller lacks relationsvald:protected.",
  })
  placement(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, placementGraph, () => placementService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => Placement, {
    description:
      "Register a placement. Refused (BAD_USER_INPUT on input.startDate) when it overlaps a placement of the same person that cannot run at the same time.",
  })
  createPlacement(@Arg("input", () => CreatePlacementInput) input: CreatePlacementInput, @Ctx() ctx: RequestContext) {
    return placementService(ctx).create(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Placement, { description: "Record a new decision extending the placement (förlängning)." })
  extendPlacement(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ExtendPlacementInput) input: ExtendPlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return placementService(ctx).extend(id, input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Placement, { description: "End the placement on the move-out date (utflyttning)." })
  endPlacement(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => EndPlacementInput) input: EndPlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return placementService(ctx).end(id, input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Placement, {
    description: "Move to another provider: ends this placement on the move date and returns the new one.",
  })
  movePlacement(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => MovePlacementInput) input: MovePlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return placementService(ctx).move(id, input);
  }
}
