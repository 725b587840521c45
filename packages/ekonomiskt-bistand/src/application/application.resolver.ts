import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from "type-graphql";
import { type RequestContext } from "@arbetsliv/core";
import { readOne } from "@arbetsliv/core/read";
import { Calculation } from "../calculation/calculation.entity";
import { Decision } from "../decision/decision.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import { Application } from "./application.entity";
import { applicationGraph, calculationGraph } from "./application.graph";
import {
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
    description: "One application with its claims, calculations and decision. Access-logged.",
  })
  assistanceApplication(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, applicationGraph, () => applicationService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => Application, {
    description:
      "Register an application for a month; the type is chosen from the household's history. A duplicate → CONFLICT.",
  })
  submitAssistanceApplication(
    @Arg("input", () => SubmitApplicationInput) input: SubmitApplicationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).submit(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Application, { description: "Replace claimed costs and incomes while the application is handled." })
  updateAssistanceClaims(@Arg("input", () => UpdateClaimsInput) input: UpdateClaimsInput, @Ctx() ctx: RequestContext) {
    return applicationService(ctx).updateClaims(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Application, {
    description: "Move an application: under review, supplement requested, withdrawn, closed.",
  })
  setAssistanceApplicationStatus(
    @Arg("input", () => SetApplicationStatusInput) input: SetApplicationStatusInput,
    @Ctx() ctx: RequestContext,
  ) {
    return applicationService(ctx).setStatus(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Calculation, {
    description: "Calculate the month (riksnorm + reasonable costs − incomes) and keep every line.",
  })
  calculateAssistanceApplication(@Arg("applicationId", () => ID) applicationId: string, @Ctx() ctx: RequestContext) {
    return applicationService(ctx).calculate(applicationId);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Decision, {
    description:
      "Decide: granted (the calculated amount), partly granted or rejected. Stale expectedVersion → CONFLICT.",
  })
  decideAssistanceApplication(@Arg("input", () => DecideInput) input: DecideInput, @Ctx() ctx: RequestContext) {
    return applicationService(ctx).decide(input);
  }
}

@Resolver(() => Calculation)
export class CalculationResolver {
  @Authorized(S.READ)
  @Query(() => Calculation, { nullable: true, description: "One calculation with its lines. Access-logged." })
  assistanceCalculation(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, calculationGraph, () => applicationService(ctx).getCalculation(id));
  }
}
