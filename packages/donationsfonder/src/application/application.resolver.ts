import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  ConnectionType,
  movedArgOptions,
  movedVersionArgOptions,
  requiredMoved,
  requiredMovedArgument,
  type RequestContext,
} from "@arbetsliv/core";
import { toId } from "@arbetsliv/core/data";
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
    description:
      "A round's applications in application order (received date, then registration), paged. Person-level: needs donationsfonder:read; every page read is access-logged with the applications and their persons.",
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
    description:
      "One application with its assessment and allocation; null with a NOT_FOUND error when there is no such application. Person-level: needs donationsfonder:read; the read is access-logged.",
  })
  donationApplication(
    @Arg("id", () => ID, { description: "The application's id (DonationApplication.id)." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, applicationGraph, () => applicationService(ctx).get(id));
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Application, {
    description:
      "Register an application as received, in an OPEN round. One per person and round: late, early or duplicate applications are kept as REFUSED with the reason. Needs donationsfonder:write; access-logged. A retry with the same input.idempotencyKey and input gets the first answer.",
  })
  registerDonationApplication(
    @Arg("input", () => RegisterApplicationInput, { description: "The application as received." })
    input: RegisterApplicationInput,
    @Actor() actor: string,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).register(input, actor);
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Application, {
    description:
      "Correct a RECEIVED application while its round is OPEN; returns it with its new version. Needs donationsfonder:write; access-logged.",
  })
  updateDonationApplication(
    @Arg("id", () => ID, movedArgOptions("id", "The application (DonationApplication.id)."))
    id: string | null | undefined,
    @Arg("input", () => UpdateApplicationInput, { description: "The application, its version and the corrections." })
    input: UpdateApplicationInput,
    @Arg("expectedVersion", () => Int, movedVersionArgOptions("The application's version as you read it."))
    expectedVersion: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const application = requiredMoved("id", input.id, id);
    return applicationService(ctx).update(
      toId(application.field, application.value),
      input,
      requiredMovedArgument("expectedVersion", input.expectedVersion, expectedVersion),
    );
  }
}
