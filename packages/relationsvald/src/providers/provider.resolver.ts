import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, PageArgs, movedArgOptions, requiredMoved, type RequestContext } from "@arbetsliv/core";
import { readOne, readPage } from "@arbetsliv/core/read";
import { RelationsvaldScopes as S } from "../scopes";
import { ProviderDailyFee } from "./provider-fee.entity";
import { PlacementProvider } from "./provider.entity";
import { placementProviderGraph } from "./provider.graph";
import {
  AddDailyFeeInput,
  AddServiceFeeAgreementInput,
  CreateProviderInput,
  UpdateProviderInput,
} from "./provider.inputs";
import { providerService } from "./provider.service";
import { ServiceFeeAgreement } from "./service-fee-agreement.entity";

const ProviderConnection = ConnectionType(PlacementProvider, "PlacementProvider");

@Resolver(() => PlacementProvider)
export class ProviderResolver {
  @Authorized(S.READ, S.WRITE, S.STATS)
  @Query(() => ProviderConnection, {
    description:
      "Providers (utförare) in the order they were registered, with their fees (relationsvald:read, :write or :stats; no person data). Never their location.",
  })
  placementProviders(
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, placementProviderGraph, (columns) => providerService(ctx).list(args, columns));
  }

  @Authorized(S.READ, S.WRITE, S.STATS)
  @Query(() => PlacementProvider, {
    nullable: true,
    description:
      "One provider (utförare) with its fees (relationsvald:read, :write or :stats); null with NOT_FOUND when there is none. Never its location.",
  })
  placementProvider(
    @Arg("id", () => ID, { description: "The provider's id (PlacementProvider.id)." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, placementProviderGraph, () => providerService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementProvider, {
    description: "Register a provider (utförare) (relationsvald:write) and return it with version 1.",
  })
  createPlacementProvider(
    @Arg("input", () => CreateProviderInput, { description: "The provider to register." })
    input: CreateProviderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return providerService(ctx).create(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementProvider, {
    description:
      "Change a provider (relationsvald:write) and return it with its new version; a stale input.expectedVersion gives CONFLICT.",
  })
  updatePlacementProvider(
    @Arg("id", () => ID, movedArgOptions("id", "The provider's id. Deprecated: give input.id."))
    id: string | null | undefined,
    @Arg("input", () => UpdateProviderInput, { description: "The provider and the changes." })
    input: UpdateProviderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return providerService(ctx).update(requiredMoved("id", input.id, id), input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => ProviderDailyFee, {
    description:
      "Add a daily fee per person and night (dygnsavgift) for a provider and placement type from a date (relationsvald:write). An open-ended earlier fee of the same type is closed the day before; any other overlap is refused on input.validFrom.",
  })
  addProviderDailyFee(
    @Arg("input", () => AddDailyFeeInput, { description: "The fee and its validity period." }) input: AddDailyFeeInput,
    @Ctx() ctx: RequestContext,
  ) {
    return providerService(ctx).addFee(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => ServiceFeeAgreement, {
    description:
      "Add a provider's fixed service fee (serviceavgift) for a period (relationsvald:write). At most one agreement covering acute nights may be in force on a day.",
  })
  addServiceFeeAgreement(
    @Arg("input", () => AddServiceFeeAgreementInput, { description: "The agreement: amount, period, acute cover." })
    input: AddServiceFeeAgreementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return providerService(ctx).addServiceFee(input);
  }
}
