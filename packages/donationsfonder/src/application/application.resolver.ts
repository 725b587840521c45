import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, type RequestContext } from "@arbetsliv/core";
import { versionArg } from "@arbetsliv/core/values";
import { Actor, readOne, readPage } from "@arbetsliv/core/read";
import { DonationScopes } from "../scopes";
import { Application } from "./application.entity";
import { applicationGraph } from "./application.graph";
import { ApplicationListArgs, RegisterApplicationInput, UpdateApplicationInput } from "./application.inputs";
import { applicationService } from "./application.service";

const ApplicationConnection = ConnectionType(Application, "DonationApplication");

@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized(DonationScopes.READ)
  @Query(() => ApplicationConnection, {
    description: "A round's applications in application order (received date, then registration). Access-logged.",
  })
  donationApplications(
    @Args(() => ApplicationListArgs) args: ApplicationListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, applicationGraph, (columns) => applicationService(ctx).list(args, columns));
  }

  @Authorized(DonationScopes.READ)
  @Query(() => Application, {
    nullable: true,
    description: "One application with its assessment and allocation. Access-logged.",
  })
  donationApplication(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, applicationGraph, () => applicationService(ctx).get(id));
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Application, {
    description:
      "Register an application as received. One per person and round: late, early or duplicate applications are kept as REFUSED with the reason.",
  })
  registerDonationApplication(
    @Arg("input", () => RegisterApplicationInput) input: RegisterApplicationInput,
    @Actor() actor: string,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).register(input, actor);
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Application, { description: "Correct a received application while the round is open." })
  updateDonationApplication(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateApplicationInput) input: UpdateApplicationInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).update(id, input, expectedVersion);
  }
}
