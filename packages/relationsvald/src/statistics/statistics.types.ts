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
  description: "Placements, persons and days for one placement type (or all, when type is null) in a period.",
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

@ObjectType({ description: "Placement statistics for a period (aggregates only)." })
export class PlacementStatistics {
  @Field(() => LocalDateScalar)
  from!: LocalDate;

  @Field(() => LocalDateScalar)
  to!: LocalDate;

  @Field(() => [PlacementFigures], { description: "One row per placement type, in the annual report's order." })
  @MaxItems(PLACEMENT_TYPES)
  byType!: PlacementFigures[];

  @Field(() => PlacementFigures)
  total!: PlacementFigures;

  @Field(() => StatisticsDisclosure)
  disclosure!: StatisticsDisclosure;
}

@ObjectType({ description: "Cost of one placement type at one provider in one month." })
export class CostRow {
  @Field(() => String, { description: "YYYY-MM" })
  month!: string;

  @Field(() => PlacementType)
  type!: PlacementType;

  @Field(() => ID)
  providerId!: number;

  @Field(() => String)
  providerName!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Nights charged at a daily fee (acute nights covered by a service fee are not).",
  })
  chargedNights!: number | null;

  @Field(() => Int, { nullable: true })
  chargedPersonNights!: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  amount!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({ description: "A provider's fixed service fee falling in one month." })
export class ServiceFeeCostRow {
  @Field(() => String)
  month!: string;

  @Field(() => ID)
  providerId!: number;

  @Field(() => String)
  providerName!: string;

  @Field(() => MoneyScalar)
  amount!: Ore;
}

@ObjectType()
export class TypeCost {
  @Field(() => PlacementType)
  type!: PlacementType;

  @Field(() => Int, { nullable: true })
  chargedPersonNights!: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  amount!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType()
export class ProviderCost {
  @Field(() => ID)
  providerId!: number;

  @Field(() => String)
  providerName!: string;

  @Field(() => MoneyScalar, { nullable: true })
  placementCost!: Ore | null;

  @Field(() => MoneyScalar)
  serviceFees!: Ore;

  @Field(() => MoneyScalar, { nullable: true })
  total!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({ description: "One month: costs against the budget's share of the month." })
export class MonthCost {
  @Field(() => String)
  month!: string;

  @Field(() => MoneyScalar, { nullable: true })
  placementCost!: Ore | null;

  @Field(() => MoneyScalar)
  serviceFees!: Ore;

  @Field(() => MoneyScalar, { nullable: true })
  total!: Ore | null;

  @Field(() => MoneyScalar, { description: "The yearly budget spread over the year's days." })
  budget!: Ore;

  @Field(() => MoneyScalar, { nullable: true, description: "budget − total: negative is an overrun." })
  difference!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({
  description:
    "Kostnader för insatser/placeringar mot budget — placement costs by type, provider and month against the budget.",
})
export class PlacementCostReport {
  @Field(() => LocalDateScalar)
  from!: LocalDate;

  @Field(() => LocalDateScalar)
  to!: LocalDate;

  @Field(() => [CostRow])
  @MaxItems(MAX_REPORT_ROWS)
  rows!: CostRow[];

  @Field(() => [ServiceFeeCostRow])
  @MaxItems(MAX_REPORT_ROWS)
  serviceFeeRows!: ServiceFeeCostRow[];

  @Field(() => [TypeCost])
  @MaxItems(PLACEMENT_TYPES)
  byType!: TypeCost[];

  @Field(() => [ProviderCost])
  @MaxItems(MAX_REPORT_ROWS)
  byProvider!: ProviderCost[];

  @Field(() => [MonthCost])
  @MaxItems(MAX_MONTHS_IN_PERIOD)
  byMonth!: MonthCost[];

  @Field(() => MoneyScalar, { nullable: true })
  placementCost!: Ore | null;

  @Field(() => MoneyScalar)
  serviceFees!: Ore;

  @Field(() => MoneyScalar, { nullable: true })
  total!: Ore | null;

  @Field(() => MoneyScalar, {
    description: "The budget's share of the period (pro rata over the days of each budget year).",
  })
  budget!: Ore;

  @Field(() => MoneyScalar, { nullable: true, description: "budget − total: negative is an overrun." })
  difference!: Ore | null;

  @SuppressedFields()
  suppressed!: string[];

  @Field(() => StatisticsDisclosure)
  disclosure!: StatisticsDisclosure;
}
