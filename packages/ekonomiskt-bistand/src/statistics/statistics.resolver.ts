import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  MAX_MONTHS_IN_PERIOD,
  MAX_YEARS_IN_PERIOD,
  MAX_SUPPRESSED_FIELDS,
  MaxItems,
  StatisticsDisclosure,
  SUPPRESSED_DESCRIPTION,
  SuppressedFields,
  disclosureInfo,
  type RequestContext,
} from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  type LocalDate,
  type Ore,
  moneyArg,
  rangeArg,
  YEAR_RANGE,
} from "@arbetsliv/core/values";
import { EkonomisktBistandScopes as S } from "../scopes";
import { AssistanceBudgetYear } from "./budget-year.entity";
import { AssistanceStatistics, statisticsService } from "./statistics.service";
import { MAX_BUDGET, MAX_CHILDREN_IN_MUNICIPALITY } from "../input-limits";

@ObjectType({ description: "One month of the indicators." })
export class AssistanceMonthIndicator {
  @Field(() => String)
  month!: string;

  @Field(() => Int, { nullable: true, description: "Hushåll med försörjningsstöd för månaden." })
  households!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Households paid in more than ten of the 12 months ending this month.",
  })
  longTermHouseholds!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Utbetalt (payment date in the month), corrections included; hidden with the month's households.",
  })
  grossPaid!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Återbetalt/återsökt (received in the month); hidden when fewer than the minimum count of recoveries make it up.",
  })
  recovered!: Ore | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Nettokostnad = grossPaid − recovered." })
  netCost!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The yearly budget ÷ 12 (December takes the öre remainder); null without a budget.",
  })
  budget!: Ore | null;
}

@ObjectType({
  description: "Ekonomiskt bistånd — the annual report's indicators for a period, computed from the records.",
})
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
  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => AssistanceIndicators, {
    description:
      "Indicators for any period (counts by the months the payouts concern; costs by payment date). No person data.",
  })
  assistanceIndicators(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Arg("childrenInMunicipality", () => Int, {
      nullable: true,
      description: "Children 0–17 in the municipality on `to` (for the children's share).",
      ...rangeArg("childrenInMunicipality", 1, MAX_CHILDREN_IN_MUNICIPALITY),
    })
    childrenInMunicipality: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AssistanceIndicators> {
    return statisticsService(ctx).indicators(from, to, childrenInMunicipality);
  }

  @FieldResolver(() => StatisticsDisclosure)
  disclosure(@Root() r: AssistanceIndicators) {
    return disclosureInfo(r.stats.policy, true);
  }

  @FieldResolver(() => [String], {
    description: `${SUPPRESSED_DESCRIPTION} (Over the period's figures, the children and the växla-bidrag figures.)`,
  })
  @MaxItems(MAX_SUPPRESSED_FIELDS)
  async suppressed(@Root() r: AssistanceIndicators) {
    const [h, c, w] = await Promise.all([
      r.stats.householdTable(),
      r.stats.childrenTable(),
      r.stats.wageSubsidyTable(),
    ]);
    const rename: Record<string, string> = {
      children: "childrenInAssistedHouseholds",
      personsAtEnd: "wageSubsidyPersonsAtEnd",
      personnelCostMinusSubsidy: "wageSubsidyPersonnelCostMinusSubsidy",
      assistanceNotPaid: "wageSubsidyAssistanceNotPaid",
      netSaving: "wageSubsidyNetSaving",
    };
    const children =
      c.suppressed.includes("children") && r.childrenInMunicipality !== null
        ? ["shareOfChildrenNotInAssistedHouseholds"]
        : [];
    return [...h.suppressed, ...c.suppressed.map((f) => rename[f]), ...children, ...w.suppressed.map((f) => rename[f])];
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Hushåll med försörjningsstöd in the month of `to` (e.g. at 31 December).",
  })
  async householdsAtEnd(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).householdsAtEnd;
  }

  @FieldResolver(() => Float, { nullable: true, description: "Medel antal hushåll per månad över perioden." })
  async averageHouseholdsPerMonth(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).averageHouseholdsPerMonth;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Hushåll med försörjningsstöd i mer än tio månader during the 12 months ending in the month of `to` (the calendar year when `to` is 31 Dec).",
  })
  async longTermHouseholds(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).longTermHouseholds;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true })
  async grossPaid(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).grossPaid;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true })
  async recovered(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).recovered;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: "Nettokostnad för försörjningsstöd." })
  async netCost(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).netCost;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: "Budget for the period's months; null when a year lacks a budget.",
  })
  budget(@Root() r: AssistanceIndicators) {
    return r.stats.budget();
  }

  @FieldResolver(() => [AssistanceMonthIndicator])
  @MaxItems(MAX_MONTHS_IN_PERIOD)
  async months(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).months;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Children 0–17 on `to` living in a household with försörjningsstöd that month.",
  })
  async childrenInAssistedHouseholds(@Root() r: AssistanceIndicators) {
    return (await r.stats.childrenTable()).children;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Andel barn som inte lever i hushåll med försörjningsstöd, %; null without childrenInMunicipality, or when the children's count is suppressed.",
  })
  async shareOfChildrenNotInAssistedHouseholds(@Root() r: AssistanceIndicators) {
    if (r.childrenInMunicipality === null || (await r.stats.childrenTable()).children === null) return null;
    return r.stats.shareOfChildrenNotInAssistedHouseholds(r.childrenInMunicipality);
  }

  @FieldResolver(() => Int, { nullable: true, description: "Personer som växlat bidrag mot lön in the month of `to`." })
  async wageSubsidyPersonsAtEnd(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidyTable()).personsAtEnd;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: "Personalkostnad minus arbetsmarknadsstöd over the period.",
  })
  async wageSubsidyPersonnelCostMinusSubsidy(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidyTable()).personnelCostMinusSubsidy;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: "Minskning av utbetalt ekonomiskt bistånd over the period.",
  })
  async wageSubsidyAssistanceNotPaid(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidyTable()).assistanceNotPaid;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: "Assistance not paid minus (personnel cost − subsidy): the net saving.",
  })
  async wageSubsidyNetSaving(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidyTable()).netSaving;
  }
}

@Resolver(() => AssistanceBudgetYear)
export class BudgetResolver {
  @Authorized(S.STATS, S.READ, S.ADMIN)
  @Query(() => [AssistanceBudgetYear], { description: "Budgets for försörjningsstöd, by year." })
  @MaxItems(MAX_YEARS_IN_PERIOD) // one per year (unique), years limited by the Date scalar
  assistanceBudgets(@Ctx() ctx: RequestContext) {
    return statisticsService(ctx).budgets();
  }

  @Authorized(S.ADMIN)
  @Mutation(() => AssistanceBudgetYear, {
    description: "Set the year's net-cost budget for försörjningsstöd (as the board decided it). Needs admin.",
  })
  setAssistanceBudget(
    @Arg("year", () => Int, rangeArg("year", ...YEAR_RANGE)) year: number,
    @Arg("netCostBudget", () => MoneyScalar, moneyArg("netCostBudget", 0, MAX_BUDGET)) netCostBudget: Ore,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).setBudget(year, netCostBudget);
  }
}
