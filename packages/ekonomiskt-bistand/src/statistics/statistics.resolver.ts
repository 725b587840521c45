import { Arg, Authorized, Ctx, Field, FieldResolver, Float, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { AccessAction, LocalDateScalar, MoneyScalar, ValidationError, inTransaction, type LocalDate, type Ore, type RequestContext } from "@arbetsliv/core";
import { EkonomisktBistandScopes as S } from "../scopes";
import { actorOf, logChange } from "../shared/access";
import { AssistanceBudgetYear } from "./budget-year.entity";
import { AssistanceStatistics } from "./statistics.service";

@ObjectType({ description: "One month of the indicators." })
export class AssistanceMonthIndicator {
  @Field(() => String)
  month!: string;

  @Field(() => Int, { description: "Hushåll med försörjningsstöd för månaden." })
  households!: number;

  @Field(() => Int, { description: "Households paid in more than ten of the 12 months ending this month." })
  longTermHouseholds!: number;

  @Field(() => MoneyScalar, { description: "Utbetalt (payment date in the month), corrections included." })
  grossPaid!: Ore;

  @Field(() => MoneyScalar, { description: "Återbetalt/återsökt (received in the month)." })
  recovered!: Ore;

  @Field(() => MoneyScalar, { description: "Nettokostnad = grossPaid − recovered." })
  netCost!: Ore;

  @Field(() => MoneyScalar, { nullable: true, description: "The yearly budget ÷ 12 (December takes the öre remainder); null without a budget." })
  budget!: Ore | null;
}

@ObjectType({ description: "Ekonomiskt bistånd — the annual report's indicators for a period, computed from the records." })
export class AssistanceIndicators {
  @Field(() => LocalDateScalar)
  from!: LocalDate;

  @Field(() => LocalDateScalar)
  to!: LocalDate;

  stats!: AssistanceStatistics;
  childrenInMunicipality!: number | null;
}

@Resolver(() => AssistanceIndicators)
export class StatisticsResolver {
  @Authorized(S.STATS, S.READ)
  @Query(() => AssistanceIndicators, {
    description: "Indicators for any period (counts by the months the payouts concern; costs by payment date). No person data.",
  })
  assistanceIndicators(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Arg("childrenInMunicipality", () => Int, { nullable: true, description: "Children 0–17 in the municipality on `to` (for the children's share)." })
    childrenInMunicipality: number | undefined,
    @Ctx() ctx: RequestContext,
  ): AssistanceIndicators {
    return { from, to, stats: new AssistanceStatistics(ctx.ds, from, to), childrenInMunicipality: childrenInMunicipality ?? null };
  }

  @FieldResolver(() => Int, { description: "Hushåll med försörjningsstöd in the month of `to` (e.g. at 31 December)." })
  householdsAtEnd(@Root() r: AssistanceIndicators) {
    return r.stats.householdsAtEnd();
  }

  @FieldResolver(() => Float, { description: "Medel antal hushåll per månad över perioden." })
  averageHouseholdsPerMonth(@Root() r: AssistanceIndicators) {
    return r.stats.averageHouseholdsPerMonth();
  }

  @FieldResolver(() => Int, { description: "Hushåll med försörjningsstöd i mer än tio månader during the 12 months ending in the month of `to` (the calendar year when `to` is 31 Dec)." })
  longTermHouseholds(@Root() r: AssistanceIndicators) {
    return r.stats.longTermHouseholds();
  }

  @FieldResolver(() => MoneyScalar)
  grossPaid(@Root() r: AssistanceIndicators) {
    return r.stats.grossPaid();
  }

  @FieldResolver(() => MoneyScalar)
  recovered(@Root() r: AssistanceIndicators) {
    return r.stats.recovered();
  }

  @FieldResolver(() => MoneyScalar, { description: "Nettokostnad för försörjningsstöd." })
  netCost(@Root() r: AssistanceIndicators) {
    return r.stats.netCost();
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: "Budget for the period's months; null when a year lacks a budget." })
  budget(@Root() r: AssistanceIndicators) {
    return r.stats.budget();
  }

  @FieldResolver(() => [AssistanceMonthIndicator])
  months(@Root() r: AssistanceIndicators) {
    return r.stats.monthly();
  }

  @FieldResolver(() => Int, { description: "Children 0–17 on `to` living in a household with försörjningsstöd that month." })
  childrenInAssistedHouseholds(@Root() r: AssistanceIndicators) {
    return r.stats.childrenInAssistedHouseholds();
  }

  @FieldResolver(() => Float, { nullable: true, description: "Andel barn som inte lever i hushåll med försörjningsstöd, %; null without childrenInMunicipality." })
  shareOfChildrenNotInAssistedHouseholds(@Root() r: AssistanceIndicators) {
    return r.childrenInMunicipality === null ? null : r.stats.shareOfChildrenNotInAssistedHouseholds(r.childrenInMunicipality);
  }

  @FieldResolver(() => Int, { description: "Personer som växlat bidrag mot lön in the month of `to`." })
  async wageSubsidyPersonsAtEnd(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidy()).personsAtEnd;
  }

  @FieldResolver(() => MoneyScalar, { description: "Personalkostnad minus arbetsmarknadsstöd over the period." })
  async wageSubsidyPersonnelCostMinusSubsidy(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidy()).personnelCostMinusSubsidy;
  }

  @FieldResolver(() => MoneyScalar, { description: "Minskning av utbetalt ekonomiskt bistånd over the period." })
  async wageSubsidyAssistanceNotPaid(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidy()).assistanceNotPaid;
  }

  @FieldResolver(() => MoneyScalar, { description: "Assistance not paid minus (personnel cost − subsidy): the net saving." })
  async wageSubsidyNetSaving(@Root() r: AssistanceIndicators) {
    const w = await r.stats.wageSubsidy();
    return w.assistanceNotPaid - w.personnelCostMinusSubsidy;
  }
}

@Resolver(() => AssistanceBudgetYear)
export class BudgetResolver {
  @Authorized(S.STATS, S.READ, S.ADMIN)
  @Query(() => [AssistanceBudgetYear], { description: "Budgets for försörjningsstöd, by year." })
  assistanceBudgets(@Ctx() ctx: RequestContext) {
    return ctx.ds.manager.find(AssistanceBudgetYear, { order: { year: "ASC" } });
  }

  @Authorized(S.ADMIN)
  @Mutation(() => AssistanceBudgetYear, { description: "Set the year's net-cost budget for försörjningsstöd (as the board decided it). Needs admin." })
  async setAssistanceBudget(
    @Arg("year", () => Int) year: number,
    @Arg("netCostBudget", () => MoneyScalar) netCostBudget: Ore,
    @Ctx() ctx: RequestContext,
  ) {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError("year", "range", "must be a year between 2000 and 2100");
    if (netCostBudget < 0) throw new ValidationError("netCostBudget", "non-negative", "must not be negative");
    return inTransaction(ctx.ds, async (manager) => {
      let row = await manager.findOne(AssistanceBudgetYear, { where: { year } });
      if (row) {
        row.netCostBudget = netCostBudget;
        row.setBy = actorOf(ctx);
      } else {
        row = manager.create(AssistanceBudgetYear, { year, netCostBudget, setBy: actorOf(ctx) });
      }
      await manager.save(row);
      await logChange(ctx, manager, row.id ? AccessAction.UPDATE : AccessAction.CREATE, "Mutation.setAssistanceBudget", "AssistanceBudgetYear", [row.id]);
      return row;
    });
  }
}
