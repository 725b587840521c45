import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, FirstArgs, takeFirst, type RequestContext } from "@arbetsliv/core";
import { Placement } from "../placements/placement.entity";
import { placementService } from "../placements/placement.service";
import { RelationsvaldScopes as S } from "../scopes";
import { AccompanyingChild } from "./child.entity";
import { PlacementClient } from "./client.entity";
import { AddChildInput, ClientListArgs, CreateClientInput, UpdateClientInput } from "./client.inputs";
import { clientService } from "./client.service";

const ClientConnection = ConnectionType(PlacementClient, "PlacementClient");

@Resolver(() => PlacementClient)
export class ClientResolver {
  @Authorized(S.READ)
  @Query(() => ClientConnection, {
    description:
      "Clients, newest first. People with protected identity only with relationsvald:protected. Access-logged.",
  })
  placementClients(@Args(() => ClientListArgs) args: ClientListArgs, @Ctx() ctx: RequestContext) {
    return clientService(ctx).list(args);
  }

  @Authorized(S.READ)
  @Query(() => PlacementClient, {
    description: "One client; NOT_FOUND for a protected client without relationsvald:protected. Access-logged.",
  })
  placementClient(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return clientService(ctx).get(id);
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementClient, { description: "Register a client (an adult)." })
  createPlacementClient(@Arg("input", () => CreateClientInput) input: CreateClientInput, @Ctx() ctx: RequestContext) {
    return clientService(ctx).create(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementClient, { description: "Change a client; a stale expectedVersion gives CONFLICT." })
  updatePlacementClient(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateClientInput) input: UpdateClientInput,
    @Ctx() ctx: RequestContext,
  ) {
    return clientService(ctx).update(id, input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => AccompanyingChild, { description: "Register a child accompanying a client." })
  addAccompanyingChild(@Arg("input", () => AddChildInput) input: AddChildInput, @Ctx() ctx: RequestContext) {
    return clientService(ctx).addChild(input);
  }

  @FieldResolver(() => [AccompanyingChild], {
    description: "Accompanying children (those the caller may see): the first `first` (default 25, at most 100).",
  })
  children(@Root() client: PlacementClient, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(
      ctx
        .loader<number, AccompanyingChild[]>("rv.childrenByClient", (ids) => clientService(ctx).childrenOf(ids))
        .load(client.id),
      first,
    );
  }

  @FieldResolver(() => [Placement], {
    description:
      "The client's placements, oldest first (those the caller may see): the first `first` (default 25, at most 100).",
  })
  placements(@Root() client: PlacementClient, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(
      ctx
        .loader<number, Placement[]>("rv.placementsByClient", (ids) => placementService(ctx).placementsOfClients(ids))
        .load(client.id),
      first,
    );
  }
}
