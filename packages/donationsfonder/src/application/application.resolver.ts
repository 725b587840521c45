import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, type RequestContext, versionArg } from "@arbetsliv/core";
import { Allocation } from "../allocation/allocation.entity";
import { Fund } from "../fund/fund.entity";
import { Round } from "../round/round.entity";
import { DonationScopes } from "../scopes";
import { loaders } from "../shared/loaders";
import { Application } from "./application.entity";
import { ApplicationListArgs, RegisterApplicationInput, UpdateApplicationInput } from "./application.inputs";
import { ApplicationService } from "./application.service";

const ApplicationConnection = ConnectionType(Application, "DonationApplication");

@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized(DonationScopes.READ)
  @Query(() => ApplicationConnection, { description: "A round's applications in application order (received date, then registration). Access-logged." })
  donationApplications(@Args(() => ApplicationListArgs) args: ApplicationListArgs, @Ctx() ctx: RequestContext) {
    return new ApplicationService(ctx).list(args);
  }

  @Authorized(DonationScopes.READ)
  @Query(() => Application, { description: "One application with its assessment and allocation. Access-logged." })
  donationApplication(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return new ApplicationService(ctx).get(id);
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Application, {
    description: "Register an application as received. One per person and round: late, early or duplicate applications are kept as REFUSED with the reason.",
  })
  registerDonationApplication(@Arg("input", () => RegisterApplicationInput) input: RegisterApplicationInput, @Ctx() ctx: RequestContext) {
    return new ApplicationService(ctx).register(input, ctx.principal!.subject);
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Application, { description: "Correct a received application while the round is open." })
  updateDonationApplication(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateApplicationInput) input: UpdateApplicationInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return new ApplicationService(ctx).update(id, input, expectedVersion);
  }

  @FieldResolver(() => Round)
  round(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return loaders.round(ctx).load(app.roundId);
  }

  @FieldResolver(() => Fund, { nullable: true, description: "The fund it draws from (when eligible)." })
  fund(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return app.fundId === null ? null : loaders.fund(ctx).load(app.fundId);
  }

  @FieldResolver(() => Allocation, { nullable: true, description: "The allocation (when eligible and the round is allocated)." })
  allocation(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return loaders.allocationByApplication(ctx).load(app.id);
  }
}
