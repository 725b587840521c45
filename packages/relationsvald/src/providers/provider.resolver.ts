import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, PageArgs, type RequestContext } from "@arbetsliv/core";
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
  @Query(() => ProviderConnection, { description: "Providers with their fees. Never their location." })
  placementProviders(
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, placementProviderGraph, (columns) => providerService(ctx).list(args, columns));
  }

  @Authorized(S.READ, S.WRITE, S.STATS)
  @Query(() => PlacementProvider, { nullable: true })
  placementProvider(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, placementProviderGraph, () => providerService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementProvider)
  createPlacementProvider(
    @Arg("input", () => CreateProviderInput) input: CreateProviderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return providerService(ctx).create(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementProvider, { description: "Change a provider; a stale expectedVersion gives CONFLICT." })
  updatePlacementProvider(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateProviderInput) input: UpdateProviderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return providerService(ctx).update(id, input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => ProviderDailyFee, { description: "Add a daily fee per person (dygnsavgift) from a date." })
  addProviderDailyFee(@Arg("input", () => AddDailyFeeInput) input: AddDailyFeeInput, @Ctx() ctx: RequestContext) {
    return providerService(ctx).addFee(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => ServiceFeeAgreement, { description: "Add a fixed service fee (serviceavgift) for a period." })
  addServiceFeeAgreement(
    @Arg("input", () => AddServiceFeeAgreementInput) input: AddServiceFeeAgreementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return providerService(ctx).addServiceFee(input);
  }
}
