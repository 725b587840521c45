import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, movedArgOptions, requiredMoved, type RequestContext } from "@arbetsliv/core";
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
      "Clients (klienter), newest first (relationsvald:read). People with protected identity are left out, also from totalCount and the personnummer filter, unless the caller holds relationsvald:protected. Every page is access-logged with the identity numbers read.",
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
    description:
      "One client (relationsvald:read), access-logged. Null with NOT_FOUND when there is none, or when the client has protected identity and the caller lacks relationsvald:protected (the same answer).",
  })
  placementClient(
    @Arg("id", () => ID, { description: "The client's id (PlacementClient.id)." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, placementClientGraph, () => clientService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementClient, {
    description:
      "Register a client, an adult of 18 or older (relationsvald:write), and return it with version 1. A personnummer already registered (as a client or a child) gives the same CONFLICT whether or not that person is protected; protectedIdentity: true needs relationsvald:protected.",
  })
  createPlacementClient(
    @Arg("input", () => CreateClientInput, { description: "The client to register." }) input: CreateClientInput,
    @Ctx() ctx: RequestContext,
  ) {
    return clientService(ctx).create(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementClient, {
    description:
      "Change a client (relationsvald:write) and return it with its new version; a stale input.expectedVersion gives CONFLICT, a gallrad (anonymised) client CONFLICT, a protected client without relationsvald:protected NOT_FOUND.",
  })
  updatePlacementClient(
    @Arg("id", () => ID, movedArgOptions("id", "The client's id. Deprecated: give input.id."))
    id: string | null | undefined,
    @Arg("input", () => UpdateClientInput, { description: "The client and the changes." }) input: UpdateClientInput,
    @Ctx() ctx: RequestContext,
  ) {
    return clientService(ctx).update(requiredMoved("id", input.id, id), input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => AccompanyingChild, {
    description:
      "Register a child (under 18) accompanying a client (relationsvald:write) and return it with version 1. The same CONFLICT as createPlacementClient for a personnummer already registered.",
  })
  addAccompanyingChild(
    @Arg("input", () => AddChildInput, { description: "The child to register." }) input: AddChildInput,
    @Ctx() ctx: RequestContext,
  ) {
    return clientService(ctx).addChild(input);
  }
}
