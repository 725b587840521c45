import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, FirstArgs, PageArgs, takeFirst, groupByKeys, type RequestContext } from "@arbetsliv/core";
import { RelationsvaldScopes as S } from "../scopes";
import { ProviderDailyFee } from "./provider-fee.entity";
import { PlacementProvider } from "./provider.entity";
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
  placementProviders(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return providerService(ctx).list(args);
  }

  @Authorized(S.READ, S.WRITE, S.STATS)
  @Query(() => PlacementProvider)
  placementProvider(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return providerService(ctx).get(id);
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

  @FieldResolver(() => [ProviderDailyFee], {
    description: "Daily fees per type, oldest first: the first `first` (default 25, at most 100).",
  })
  dailyFees(
    @Root() provider: PlacementProvider,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return takeFirst(
      ctx
        .loader<
          number,
          ProviderDailyFee[]
        >("rv.feesByProvider", async (ids) => groupByKeys(ids, await providerService(ctx).feesOf(ids), (f) => f.providerId))
        .load(provider.id),
      first,
    );
  }

  @FieldResolver(() => [ServiceFeeAgreement], {
    description: "Fixed service fees, oldest first: the first `first` (default 25, at most 100).",
  })
  serviceFeeAgreements(
    @Root() provider: PlacementProvider,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return takeFirst(
      ctx
        .loader<
          number,
          ServiceFeeAgreement[]
        >("rv.agreementsByProvider", async (ids) => groupByKeys(ids, await providerService(ctx).agreementsOf(ids), (a) => a.providerId))
        .load(provider.id),
      first,
    );
  }
}
