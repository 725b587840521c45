import { In } from "typeorm";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { MAX_CLAIM_LINES } from "../list-limits";
import { FirstArgs, MaxItems, NotFoundError, takeFirst, withFirst, groupByKeys, indexByKeys, type RequestContext, toId } from "@arbetsliv/core";
import { Calculation, CalculationLine } from "../calculation/calculation.entity";
import { Decision } from "../decision/decision.entity";
import { HouseholdMember } from "../household/household-member.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import { assertHouseholdVisible, logRead } from "../shared/access";
import { Application, ApplicationCost, ApplicationIncome } from "./application.entity";
import { DecideInput, SetApplicationStatusInput, SubmitApplicationInput, UpdateClaimsInput } from "./application.inputs";
import { ApplicationService } from "./application.service";

/** A calculation is read whole: its lines (norm per member, costs, incomes, disregards) fit one page of 100. */
const CalculationLines = withFirst(100);

@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized(S.READ)
  @Query(() => Application, { description: "One application with its claims, calculations and decision. Access-logged." })
  assistanceApplication(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return new ApplicationService(ctx).get(id);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Application, { description: "Register an application for a month; the type is chosen from the household's history. A duplicate → CONFLICT." })
  submitAssistanceApplication(@Arg("input", () => SubmitApplicationInput) input: SubmitApplicationInput, @Ctx() ctx: RequestContext) {
    return new ApplicationService(ctx).submit(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Application, { description: "Replace claimed costs and incomes while the application is handled." })
  updateAssistanceClaims(@Arg("input", () => UpdateClaimsInput) input: UpdateClaimsInput, @Ctx() ctx: RequestContext) {
    return new ApplicationService(ctx).updateClaims(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Application, { description: "Move an application: under review, supplement requested, withdrawn, closed." })
  setAssistanceApplicationStatus(@Arg("input", () => SetApplicationStatusInput) input: SetApplicationStatusInput, @Ctx() ctx: RequestContext) {
    return new ApplicationService(ctx).setStatus(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Calculation, { description: "Calculate the month (riksnorm + reasonable costs − incomes) and keep every line." })
  calculateAssistanceApplication(@Arg("applicationId", () => ID) applicationId: string, @Ctx() ctx: RequestContext) {
    return new ApplicationService(ctx).calculate(applicationId);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Decision, { description: "Decide: granted (the calculated amount), partly granted or rejected. Stale expectedVersion → CONFLICT." })
  decideAssistanceApplication(@Arg("input", () => DecideInput) input: DecideInput, @Ctx() ctx: RequestContext) {
    return new ApplicationService(ctx).decide(input);
  }

  @FieldResolver(() => [ApplicationCost])
  @MaxItems(MAX_CLAIM_LINES)
  costs(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return ctx
      .loader<number, ApplicationCost[]>("eb.costsByApplication", async (ids) =>
        groupByKeys(ids, await ctx.ds.manager.find(ApplicationCost, { where: { applicationId: In([...ids]) }, order: { id: "ASC" } }), (c) => c.applicationId),
      )
      .load(app.id);
  }

  @FieldResolver(() => [ApplicationIncome])
  @MaxItems(MAX_CLAIM_LINES)
  incomes(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return ctx
      .loader<number, ApplicationIncome[]>("eb.incomesByApplication", async (ids) =>
        groupByKeys(ids, await ctx.ds.manager.find(ApplicationIncome, { where: { applicationId: In([...ids]) }, order: { id: "ASC" } }), (c) => c.applicationId),
      )
      .load(app.id);
  }

  @FieldResolver(() => [Calculation], { description: "Calculations, newest first: the first `first` (default 25, at most 100)." })
  calculations(@Root() app: Application, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(ctx
      .loader<number, Calculation[]>("eb.calculationsByApplication", async (ids) =>
        groupByKeys(ids, await ctx.ds.manager.find(Calculation, { where: { applicationId: In([...ids]) }, order: { id: "DESC" } }), (c) => c.applicationId),
      )
      .load(app.id), first);
  }

  @FieldResolver(() => Decision, { nullable: true })
  decision(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return ctx
      .loader<number, Decision | null>("eb.decisionByApplication", async (ids) =>
        indexByKeys(ids, await ctx.ds.manager.find(Decision, { where: { applicationId: In([...ids]) } }), (d) => d.applicationId),
      )
      .load(app.id);
  }
}

@Resolver(() => Calculation)
export class CalculationResolver {
  @Authorized(S.READ)
  @Query(() => Calculation, { description: "One calculation with its lines. Access-logged." })
  async assistanceCalculation(@Arg("id", () => ID) idValue: string, @Ctx() ctx: RequestContext) {
    const id = toId("id", idValue);
    const calc = await ctx.ds.manager.findOne(Calculation, { where: { id } });
    if (!calc) throw new NotFoundError("Calculation", id);
    await assertHouseholdVisible(ctx, ctx.ds.manager, calc.householdId, "Calculation", id);
    const members = await ctx.ds.manager.find(HouseholdMember, { where: { householdId: calc.householdId }, select: { id: true, personnummer: true } });
    await logRead(ctx, "Query.assistanceCalculation", "Calculation", [id], members.map((m) => m.personnummer));
    return calc;
  }

  @FieldResolver(() => [CalculationLine], { description: "Every line, in order: norm, reasonable costs, incomes and disregards: the first `first` (default and at most 100)." })
  lines(@Root() calc: Calculation, @Args(() => CalculationLines) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(ctx
      .loader<number, CalculationLine[]>("eb.linesByCalculation", async (ids) =>
        groupByKeys(ids, await ctx.ds.manager.find(CalculationLine, { where: { calculationId: In([...ids]) }, order: { position: "ASC" } }), (l) => l.calculationId),
      )
      .load(calc.id), first);
  }
}
