import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import {
  MAX_MONTHS_IN_PERIOD,
  MAX_REPORT_ROWS,
  MaxItems,
  StatisticsDisclosure,
  SuppressedFields,
} from "@arbetsliv/core";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore } from "@arbetsliv/core/values";
import { PlacementType } from "../enums";

/** One row per placement type (plus the total row, type null). */
const PLACEMENT_TYPES = Object.keys(PlacementType).length + 1;

@ObjectType({
  description:
    "Placements, persons and placement days (nights) for one placement type (or all, when type is null) in a period. Under disclosure control a count from 1 to below disclosure.minimumCount (and the figures derived from it) is null and named in suppressed.",
})
export class PlacementFigures {
  @Field(() => PlacementType, { nullable: true, description: "Null on the total row." })
  type!: PlacementType | null;

  @Field(() => Int, {
    nullable: true,
    description: "Placements in the period: those with at least one night in it (started earlier or not).",
  })
  placements!: number | null;

  @Field(() => Int, { nullable: true, description: "Of which started in the period." })
  started!: number | null;

  @Field(() => Int, { nullable: true, description: "Placements that ended (last night) in the period." })
  ended!: number | null;

  @Field(() => Int, { nullable: true, description: "Distinct adults placed." })
  clients!: number | null;

  @Field(() => Int, { nullable: true, description: "Distinct accompanying children placed." })
  children!: number | null;

  @Field(() => Int, { nullable: true, description: "Distinct persons: clients + children." })
  persons!: number | null;

  @Field(() => Int, { nullable: true, description: "Placement days (dygn = nights) in the period." })
  nights!: number | null;

  @Field(() => Int, { nullable: true, description: "Nights × persons covered." })
  personNights!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Average length in nights of the placements that ended in the period (whole stay).",
  })
  averageLength!: number | null;

  @Field(() => Int, { nullable: true, description: "Acute placements started in the period." })
  acuteStarted!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Of which ran past two nights (ongoing ones counted up to the period end).",
  })
  acutePastTwoNights!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "acutePastTwoNights / acuteStarted; null without acute placements.",
  })
  acuteShareOverTwoNights!: number | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({ description: "Placement statistics for a period (aggregates only, no person or placement id)." })
export class PlacementStatistics {
  @Field(() => LocalDateScalar, { description: "The first day of the period." })
  from!: LocalDate;

  @Field(() => LocalDateScalar, { description: "The last day of the period (inclusive)." })
  to!: LocalDate;

  @Field(() => [PlacementFigures], { description: "One row per placement type, in the annual report's order." })
  @MaxItems(PLACEMENT_TYPES)
  byType!: PlacementFigures[];

  @Field(() => PlacementFigures, {
    description: "Every type together (type null); persons are counted once even when placed in several types.",
  })
  total!: PlacementFigures;

  @Field(() => StatisticsDisclosure, {
    description: "Which disclosure control applied: exact figures, or the minimum count shown and whole months only.",
  })
  disclosure!: StatisticsDisclosure;
}

@ObjectType({
  description:
    "Cost of one placement type at one provider in one month; hidden (null, named in suppressed) when fewer than the minimum number of placements are behind it.",
})
export class CostRow {
  @Field(() => String, { description: "The calendar month, as YYYY-MM." })
  month!: string;

  @Field(() => PlacementType, { description: "The placement type." })
  type!: PlacementType;

  @Field(() => ID, { description: "The provider (PlacementProvider.id)." })
  providerId!: number;

  @Field(() => String, { description: "The provider's name (a family home's code name)." })
  providerName!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Nights charged at a daily fee (acute nights covered by a service fee are not); null when hidden by disclosure control.",
  })
  chargedNights!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Charged nights × persons covered; null when hidden by disclosure control.",
  })
  chargedPersonNights!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The cost in kronor (charged person-nights at their daily fees); null when hidden.",
  })
  amount!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({
  description:
    "A provider's fixed service fee (serviceavgift) falling in one month: its share pro rata over the agreement's days. Never hidden (no person behind it).",
})
export class ServiceFeeCostRow {
  @Field(() => String, { description: "The calendar month, as YYYY-MM." })
  month!: string;

  @Field(() => ID, { description: "The provider (PlacementProvider.id)." })
  providerId!: number;

  @Field(() => String, { description: "The provider's name (a family home's code name)." })
  providerName!: string;

  @Field(() => MoneyScalar, { description: "The month's share of the provider's service fees, in kronor." })
  amount!: Ore;
}

@ObjectType({
  description: "The cost of one placement type over the whole period; hidden like CostRow.",
})
export class TypeCost {
  @Field(() => PlacementType, { description: "The placement type." })
  type!: PlacementType;

  @Field(() => Int, {
    nullable: true,
    description: "Charged nights × persons covered; null when hidden by disclosure control.",
  })
  chargedPersonNights!: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: "The type's placement cost in kronor; null when hidden." })
  amount!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({
  description: "The costs of one provider over the whole period: placements (hidden like CostRow) and service fees.",
})
export class ProviderCost {
  @Field(() => ID, { description: "The provider (PlacementProvider.id)." })
  providerId!: number;

  @Field(() => String, { description: "The provider's name (a family home's code name)." })
  providerName!: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The cost of the provider's placements in kronor; null when hidden by disclosure control.",
  })
  placementCost!: Ore | null;

  @Field(() => MoneyScalar, { description: "The provider's service fees falling in the period, in kronor." })
  serviceFees!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "placementCost + serviceFees in kronor; null when placementCost is hidden.",
  })
  total!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({ description: "One month: costs against the budget's share of the month." })
export class MonthCost {
  @Field(() => String, { description: "The calendar month, as YYYY-MM." })
  month!: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The month's placement cost in kronor; null when hidden by disclosure control.",
  })
  placementCost!: Ore | null;

  @Field(() => MoneyScalar, { description: "The month's service fees, in kronor." })
  serviceFees!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "placementCost + serviceFees in kronor; null when placementCost is hidden.",
  })
  total!: Ore | null;

  @Field(() => MoneyScalar, {
    description: "The yearly budget spread over the year's days: the month's share, in kronor.",
  })
  budget!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "budget − total in kronor: negative is an overrun; null when total is hidden.",
  })
  difference!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({
  description:
    "Placement costs against the budget (kostnader för insatser/placeringar mot budget): placement costs and service fees by type, provider and month, compared with the cost budget. Amounts in kronor.",
})
export class PlacementCostReport {
  @Field(() => LocalDateScalar, { description: "The first day of the period." })
  from!: LocalDate;

  @Field(() => LocalDateScalar, { description: "The last day of the period (inclusive)." })
  to!: LocalDate;

  @Field(() => [CostRow], { description: "One row per month, placement type and provider with nights in the period." })
  @MaxItems(MAX_REPORT_ROWS)
  rows!: CostRow[];

  @Field(() => [ServiceFeeCostRow], { description: "One row per month and provider with a service fee in force." })
  @MaxItems(MAX_REPORT_ROWS)
  serviceFeeRows!: ServiceFeeCostRow[];

  @Field(() => [TypeCost], { description: "The rows summed per placement type." })
  @MaxItems(PLACEMENT_TYPES)
  byType!: TypeCost[];

  @Field(() => [ProviderCost], { description: "The rows and service fees summed per provider." })
  @MaxItems(MAX_REPORT_ROWS)
  byProvider!: ProviderCost[];

  @Field(() => [MonthCost], {
    description: "The rows and service fees summed per month, each against its budget share.",
  })
  @MaxItems(MAX_MONTHS_IN_PERIOD)
  byMonth!: MonthCost[];

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Every placement's cost in the period, in kronor; null when hidden by disclosure control.",
  })
  placementCost!: Ore | null;

  @Field(() => MoneyScalar, { description: "Every service fee falling in the period, in kronor." })
  serviceFees!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "placementCost + serviceFees in kronor; null when placementCost is hidden.",
  })
  total!: Ore | null;

  @Field(() => MoneyScalar, {
    description: "The budget's share of the period in kronor (pro rata over the days of each budget year).",
  })
  budget!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "budget − total in kronor: negative is an overrun; null when total is hidden.",
  })
  difference!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];

  @Field(() => StatisticsDisclosure, {
    description: "Which disclosure control applied: exact figures, or the minimum count shown and whole months only.",
  })
  disclosure!: StatisticsDisclosure;
}
