import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from "type-graphql";
import { movedArgOptions, requiredMovedArgument, type RequestContext } from "@arbetsliv/core";
import { readOne } from "@arbetsliv/core/read";
import { Calculation } from "../calculation/calculation.entity";
import { Decision } from "../decision/decision.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import { Application } from "./application.entity";
import { applicationGraph, calculationGraph } from "./application.graph";
import {
  CalculateApplicationInput,
  DecideInput,
  SetApplicationStatusInput,
  SubmitApplicationInput,
  UpdateClaimsInput,
} from "./application.inputs";
import { applicationService } from "./application.service";

@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized(S.READ)
  @Query(() => Application, {
    nullable: true,
    description:
      "One application with its claims, calculations and decision, or null with NOT_FOUND when there is none or its household is hidden from the caller (protected identity). Access-logged.",
  })
  assistanceApplication(
    @Arg("id", () => ID, { description: "The application's id." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, applicationGraph, () => applicationService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => Application, {
    description:
      "Register an application for a month, status RECEIVED at version 1; the type is chosen from the household's history. A second ordinary application for the month → CONFLICT; with input.idempotencyKey a retry returns the first.",
  })
  submitAssistanceApplication(
    @Arg("input", () => SubmitApplicationInput, { description: "The application and its claims." })
    input: SubmitApplicationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).submit(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Application, {
    description:
      "Replace the claimed costs and incomes while the application is handled (before the decision); returns it with its new version and claimsRevision. Stale input.expectedVersion → CONFLICT.",
  })
  updateAssistanceClaims(
    @Arg("input", () => UpdateClaimsInput, { description: "The application, its version and the new claims." })
    input: UpdateClaimsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).updateClaims(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Application, {
    description:
      "Move an application to under review, supplement requested, withdrawn or closed; returns it with its new version. Stale input.expectedVersion → CONFLICT.",
  })
  setAssistanceApplicationStatus(
    @Arg("input", () => SetApplicationStatusInput, { description: "The application, its version and the new status." })
    input: SetApplicationStatusInput,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).setStatus(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Calculation, {
    description:
      "Calculate the month from the stored claims — riksnorm + reasonable costs (capped) − counted incomes — and keep the calculation with every line. A received application moves to under review; AssistanceCalculation.application gives its new version, to pass to decideAssistanceApplication.",
  })
  calculateAssistanceApplication(
    @Arg("applicationId", () => ID, movedArgOptions("applicationId", "The application calculated."))
    applicationId: string | null | undefined,
    @Arg("input", () => CalculateApplicationInput, {
      nullable: true,
      description: "The application calculated (input.applicationId).",
    })
    input: CalculateApplicationInput | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).calculate(
      requiredMovedArgument("applicationId", input?.applicationId, applicationId),
      input?.applicationId != null ? "input.applicationId" : "applicationId",
    );
  }

  @Authorized(S.WRITE)
  @Mutation(() => Decision, {
    description:
      "Decide an application: granted (the calculated amount), partly granted or rejected; the application becomes DECIDED. A grant needs a calculation of the current claims. Returns the decision. Stale input.expectedVersion → CONFLICT.",
  })
  decideAssistanceApplication(
    @Arg("input", () => DecideInput, { description: "The application, its version and the decision." })
    input: DecideInput,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).decide(input);
  }
}

@Resolver(() => Calculation)
export class CalculationResolver {
  @Authorized(S.READ)
  @Query(() => Calculation, {
    nullable: true,
    description:
      "One calculation with its lines, or null with NOT_FOUND when there is none or its household is hidden from the caller. Access-logged.",
  })
  assistanceCalculation(
    @Arg("id", () => ID, { description: "The calculation's id." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, calculationGraph, () => applicationService(ctx).getCalculation(id));
  }
}
