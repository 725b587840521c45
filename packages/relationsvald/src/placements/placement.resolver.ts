import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { AccessAction, ConnectionType, FirstArgs, takeFirst, indexByKeys, type RequestContext, knownPersonnummer, findByKeys } from "@arbetsliv/core";
import { PlacementClient } from "../clients/client.entity";
import { AccompanyingChild } from "../clients/child.entity";
import { nightsBetween } from "../costs/placement-days";
import { PlacementProvider } from "../providers/provider.entity";
import { RelationsvaldScopes as S } from "../scopes";
import { DOMAIN, seesProtected } from "../shared";
import { PlacementChildDecision } from "./placement-child.entity";
import { Placement } from "./placement.entity";
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
  placements(@Args(() => PlacementListArgs) args: PlacementListArgs, @Ctx() ctx: RequestContext) {
    return placementService(ctx).list(args);
  }

  @Authorized(S.READ)
  @Query(() => Placement, {
    description:
      "One placement; NOT_FOUND when it concerns a protected person and the caller lacks relationsvald:protected.",
  })
  placement(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return placementService(ctx).get(id);
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

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Placement days (nights) from start to move-out; null while ongoing.",
  })
  nights(@Root() p: Placement) {
    return p.endDate ? nightsBetween(p.startDate, p.endDate) : null;
  }

  @FieldResolver(() => Boolean, { description: "No decision yet (an acute placement awaiting the unit's assessment)." })
  awaitingDecision(@Root() p: Placement) {
    return p.decisionReference === null;
  }

  @FieldResolver(() => PlacementClient)
  client(@Root() p: Placement, @Ctx() ctx: RequestContext) {
    return ctx
      .loader<number, PlacementClient | null>("rv.clientById", async (ids) => {
        const rows = await findByKeys(ctx.ds.manager, PlacementClient, "id", ids);
        await ctx.accessLog.append(ctx.ds.manager, {
          action: AccessAction.READ,
          operation: "Placement.client",
          domain: DOMAIN,
          recordType: "PlacementClient",
          recordIds: rows.map((r) => r.id),
          personnummer: knownPersonnummer(rows.map((r) => r.personnummer)),
        });
        return indexByKeys(ids, rows, (r) => r.id);
      })
      .load(p.clientId);
  }

  @FieldResolver(() => PlacementProvider)
  provider(@Root() p: Placement, @Ctx() ctx: RequestContext) {
    return ctx
      .loader<
        number,
        PlacementProvider | null
      >("rv.providerById", async (ids) => indexByKeys(ids, await findByKeys(ctx.ds.manager, PlacementProvider, "id", ids), (r) => r.id))
      .load(p.providerId);
  }

  @FieldResolver(() => [PlacementChildDecision], {
    description: "Accompanying children covered, each with its own assessment and decision: the first `first` (default 25, at most 100).",
  })
  children(@Root() p: Placement, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(ctx
      .loader<number, PlacementChildDecision[]>("rv.childrenByPlacement", async (ids) => {
        const qb = ctx.ds.manager
          .createQueryBuilder(PlacementChildDecision, "d")
          .innerJoinAndMapOne("d.child", AccompanyingChild, "k", "k.id = d.childId")
          .where("d.placementId IN (:...ids)", { ids: [...ids] })
          .orderBy("d.id", "ASC");
        if (!seesProtected(ctx)) qb.andWhere("k.protectedIdentity = :no", { no: false });
        const rows = await qb.getMany();
        await ctx.accessLog.append(ctx.ds.manager, {
          action: AccessAction.READ,
          operation: "Placement.children",
          domain: DOMAIN,
          recordType: "AccompanyingChild",
          recordIds: rows.map((r) => r.childId),
          personnummer: knownPersonnummer(rows.map((r) => r.child.personnummer)),
        });
        return ids.map((id) => rows.filter((r) => r.placementId === id));
      })
      .load(p.id), first);
  }
}
