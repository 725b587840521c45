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
  movedArgOptions,
  requiredMovedArgument,
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
import { SetAssistanceBudgetInput } from "./budget.inputs";
import { AssistanceStatistics, statisticsService } from "./statistics.service";
import { MAX_BUDGET, MAX_CHILDREN_IN_MUNICIPALITY } from "../input-limits";

@ObjectType({
  description:
    "One calendar month of the assistance indicators. Counts are by the month the payouts concern, money by payment date; a figure is null when disclosure control suppresses it (see suppressed).",
})
export class AssistanceMonthIndicator {
  @Field(() => String, { description: "The month, YYYY-MM." })
  month!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Households with försörjningsstöd for the month (a positive net payout concerning it).",
  })
  households!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Households paid in more than ten of the 12 months ending this month.",
  })
  longTermHouseholds!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Utbetalt — paid with a payment date in the month, corrections included, in kronor; suppressed with the month's households.",
  })
  grossPaid!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Återbetalt/återsökt — money received back in the month, in kronor; suppressed when fewer recoveries than the minimum count make it up.",
  })
  recovered!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Nettokostnad — grossPaid − recovered, in kronor; null when either is suppressed.",
  })
  netCost!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "The month's share of the year's net-cost budget: ÷ 12 in whole öre, December takes the remainder; null when the year has no budget.",
  })
  budget!: Ore | null;
}

@ObjectType({
  description:
    "The indicators of ekonomiskt bistånd (financial assistance) for the board's annual report over a period, computed from the records. No person data: with ekonomiskt-bistand:stats whole calendar months only, and small counts and the cells that would reveal them are suppressed (null, listed in suppressed); ekonomiskt-bistand:stats:exact sees exact figures (access-logged); ekonomiskt-bistand:read sees them as :stats does.",
})
export class AssistanceIndicators {
  @Field(() => LocalDateScalar, { description: "The first day of the period, as asked." })
  from!: LocalDate;

  @Field(() => LocalDateScalar, { description: "The last day of the period, as asked." })
  to!: LocalDate;

  stats!: AssistanceStatistics;
  childrenInMunicipality!: number | null;
}

@Resolver(() => AssistanceIndicators)
export class StatisticsResolver {
  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => AssistanceIndicators, {
    description:
      "The assistance indicators for a period: households by the months the payouts concern, money by payment date. No person data; small counts are suppressed unless the caller holds ekonomiskt-bistand:stats:exact (ekonomiskt-bistand:read sees them as :stats does).",
  })
  assistanceIndicators(
    @Arg("from", () => LocalDateScalar, {
      description: "The first day of the period; with ekonomiskt-bistand:stats only, the first day of a month.",
    })
    from: LocalDate,
    @Arg("to", () => LocalDateScalar, {
      description:
        "The last day of the period, not before from; with ekonomiskt-bistand:stats only, the last day of a month. The period covers at most 120 months.",
    })
    to: LocalDate,
    @Arg("childrenInMunicipality", () => Int, {
      nullable: true,
      description:
        "Children aged 0–17 in the municipality on `to`, 1–10 000 000, at least the children in assisted households: gives shareOfChildrenNotInAssistedHouseholds. Omitted: that share is null.",
      ...rangeArg("childrenInMunicipality", 1, MAX_CHILDREN_IN_MUNICIPALITY),
    })
    childrenInMunicipality: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AssistanceIndicators> {
    return statisticsService(ctx).indicators(from, to, childrenInMunicipality);
  }

  @FieldResolver(() => StatisticsDisclosure, {
    description: "How these figures were disclosure-controlled: exact or suppressed, and the minimum count shown.",
  })
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
    description: "Households with försörjningsstöd in the month of `to` (e.g. at 31 December); null when suppressed.",
  })
  async householdsAtEnd(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).householdsAtEnd;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "The average number of households with försörjningsstöd per month over the period; null when suppressed.",
  })
  async averageHouseholdsPerMonth(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).averageHouseholdsPerMonth;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Long-term assistance: households paid in more than ten of the 12 months ending in the month of `to` (the calendar year when `to` is 31 December); null when suppressed.",
  })
  async longTermHouseholds(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).longTermHouseholds;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      "Utbetalt — paid over the period by payment date, corrections included, in kronor; null when suppressed.",
  })
  async grossPaid(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).grossPaid;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      "Money received back over the period (reclaims, retroactive benefits), in kronor; null when suppressed.",
  })
  async recovered(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).recovered;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      "Nettokostnad — the net cost of försörjningsstöd over the period: grossPaid − recovered, in kronor; null when suppressed.",
  })
  async netCost(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).netCost;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      "The net-cost budget for the period's months (each month a twelfth of its year's budget), in kronor; null when a year of the period has no budget.",
  })
  budget(@Root() r: AssistanceIndicators) {
    return r.stats.budget();
  }

  @FieldResolver(() => [AssistanceMonthIndicator], { description: "Every month of the period, oldest first." })
  @MaxItems(MAX_MONTHS_IN_PERIOD)
  async months(@Root() r: AssistanceIndicators) {
    return (await r.stats.householdTable()).months;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Children aged 0–17 on `to` living in a household with försörjningsstöd in the month of `to`; null when suppressed.",
  })
  async childrenInAssistedHouseholds(@Root() r: AssistanceIndicators) {
    return (await r.stats.childrenTable()).children;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "The share of the municipality's children not living in a household with försörjningsstöd, in per cent to one decimal; null without childrenInMunicipality, or when the children's count is suppressed.",
  })
  async shareOfChildrenNotInAssistedHouseholds(@Root() r: AssistanceIndicators) {
    if (r.childrenInMunicipality === null || (await r.stats.childrenTable()).children === null) return null;
    return r.stats.shareOfChildrenNotInAssistedHouseholds(r.childrenInMunicipality);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Persons in a växla-bidrag-mot-lön employment (a subsidised job instead of assistance) in the month of `to`; null when suppressed.",
  })
  async wageSubsidyPersonsAtEnd(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidyTable()).personsAtEnd;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      "Växla bidrag mot lön: personnel cost minus the subsidy received over the period, in kronor; null when suppressed.",
  })
  async wageSubsidyPersonnelCostMinusSubsidy(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidyTable()).personnelCostMinusSubsidy;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: "Växla bidrag mot lön: assistance not paid over the period, in kronor; null when suppressed.",
  })
  async wageSubsidyAssistanceNotPaid(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidyTable()).assistanceNotPaid;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      "Växla bidrag mot lön: assistance not paid minus (personnel cost − subsidy) — the net saving, in kronor (negative when it cost more); null when suppressed.",
  })
  async wageSubsidyNetSaving(@Root() r: AssistanceIndicators) {
    return (await r.stats.wageSubsidyTable()).netSaving;
  }
}

@Resolver(() => AssistanceBudgetYear)
export class BudgetResolver {
  @Authorized(S.STATS, S.READ, S.ADMIN)
  @Query(() => [AssistanceBudgetYear], {
    description: "The net-cost budgets for försörjningsstöd, one per year, oldest first.",
  })
  @MaxItems(MAX_YEARS_IN_PERIOD) // one per year (unique), years limited by the Date scalar
  assistanceBudgets(@Ctx() ctx: RequestContext) {
    return statisticsService(ctx).budgets();
  }

  @Authorized(S.ADMIN)
  @Mutation(() => AssistanceBudgetYear, {
    description:
      "Set a year's net-cost budget for försörjningsstöd as the board decided it, replacing an earlier one for the year. Needs admin.",
  })
  setAssistanceBudget(
    @Arg("year", () => Int, {
      ...movedArgOptions("year", "The calendar year budgeted."),
      ...rangeArg("year", ...YEAR_RANGE),
    })
    year: number | null | undefined,
    @Arg("netCostBudget", () => MoneyScalar, {
      ...movedArgOptions("netCostBudget", "The budgeted net cost for the year, in kronor."),
      ...moneyArg("netCostBudget", 0, MAX_BUDGET),
    })
    netCostBudget: Ore | null | undefined,
    @Arg("input", () => SetAssistanceBudgetInput, {
      nullable: true,
      description: "The year and its budget (input.year, input.netCostBudget).",
    })
    input: SetAssistanceBudgetInput | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).setBudget(
      requiredMovedArgument("year", input?.year, year),
      requiredMovedArgument("netCostBudget", input?.netCostBudget, netCostBudget),
      input ? "input." : "",
    );
  }
}
