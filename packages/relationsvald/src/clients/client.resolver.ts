import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, type RequestContext } from "@arbetsliv/core";
import { readOne, readPage } from "@arbetsliv/core/read";
import { RelationsvaldScopes as S } from "../scopes";
import { AccompanyingChild } from "./child.entity";
import { PlacementClient } from "./client.entity";
import { placementClientGraph } from "./client.graph";
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
  placementClients(
    @Args(() => ClientListArgs) args: ClientListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, placementClientGraph, (columns) => clientService(ctx).list(args, columns));
  }

  @Authorized(S.READ)
  @Query(() => PlacementClient, {
    nullable: true,
    description: "One client; NOT_FOUND for a protected client without relationsvald:protected. Access-logged.",
  })
  placementClient(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, placementClientGraph, () => clientService(ctx).get(id));
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
}
