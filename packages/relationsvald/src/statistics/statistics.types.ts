import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore } from "@arbetsliv/core";
import { PlacementType } from "../enums";

@ObjectType({
  description: "Placements, persons and days for one placement type (or all, when type is null) in a period.",
})
export class PlacementFigures {
  @Field(() => PlacementType, { nullable: true, description: "Null on the total row." })
  type!: PlacementType | null;

  @Field(() => Int, {
    description: "Placements in the period: those with at least one night in it (started earlier or not).",
  })
  placements!: number;

  @Field(() => Int, { description: "Of which started in the period." })
  started!: number;

  @Field(() => Int, { description: "Placements that ended (last night) in the period." })
  ended!: number;

  @Field(() => Int, { description: "Distinct adults placed." })
  clients!: number;

  @Field(() => Int, { description: "Distinct accompanying children placed." })
  children!: number;

  @Field(() => Int, { description: "Distinct persons: clients + children." })
  persons!: number;

  @Field(() => Int, { description: "Placement days (dygn = nights) in the period." })
  nights!: number;

  @Field(() => Int, { description: "Nights × persons covered." })
  personNights!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Average length in nights of the placements that ended in the period (whole stay).",
  })
  averageLength!: number | null;

  @Field(() => Int, { description: "Acute placements started in the period." })
  acuteStarted!: number;

  @Field(() => Int, { description: "Of which ran past two nights (ongoing ones counted up to the period end)." })
  acutePastTwoNights!: number;

  @Field(() => Float, {
    nullable: true,
    description: "acutePastTwoNights / acuteStarted; null without acute placements.",
  })
  acuteShareOverTwoNights!: number | null;
}

@ObjectType({ description: "Placement statistics for a period (aggregates only)." })
export class PlacementStatistics {
  @Field(() => LocalDateScalar)
  from!: LocalDate;

  @Field(() => LocalDateScalar)
  to!: LocalDate;

  @Field(() => [PlacementFigures], { description: "One row per placement type, in the annual report's order." })
  byType!: PlacementFigures[];

  @Field(() => PlacementFigures)
  total!: PlacementFigures;
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

  @Field(() => Int, { description: "Nights charged at a daily fee (acute nights covered by a service fee are not)." })
  chargedNights!: number;

  @Field(() => Int)
  chargedPersonNights!: number;

  @Field(() => MoneyScalar)
  amount!: Ore;
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

  @Field(() => Int)
  chargedPersonNights!: number;

  @Field(() => MoneyScalar)
  amount!: Ore;
}

@ObjectType()
export class ProviderCost {
  @Field(() => ID)
  providerId!: number;

  @Field(() => String)
  providerName!: string;

  @Field(() => MoneyScalar)
  placementCost!: Ore;

  @Field(() => MoneyScalar)
  serviceFees!: Ore;

  @Field(() => MoneyScalar)
  total!: Ore;
}

@ObjectType({ description: "One month: costs against the budget's share of the month." })
export class MonthCost {
  @Field(() => String)
  month!: string;

  @Field(() => MoneyScalar)
  placementCost!: Ore;

  @Field(() => MoneyScalar)
  serviceFees!: Ore;

  @Field(() => MoneyScalar)
  total!: Ore;

  @Field(() => MoneyScalar, { description: "The yearly budget spread over the year's days." })
  budget!: Ore;

  @Field(() => MoneyScalar, { description: "budget − total: negative is an overrun." })
  difference!: Ore;
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
  rows!: CostRow[];

  @Field(() => [ServiceFeeCostRow])
  serviceFeeRows!: ServiceFeeCostRow[];

  @Field(() => [TypeCost])
  byType!: TypeCost[];

  @Field(() => [ProviderCost])
  byProvider!: ProviderCost[];

  @Field(() => [MonthCost])
  byMonth!: MonthCost[];

  @Field(() => MoneyScalar)
  placementCost!: Ore;

  @Field(() => MoneyScalar)
  serviceFees!: Ore;

  @Field(() => MoneyScalar)
  total!: Ore;

  @Field(() => MoneyScalar, {
    description: "The budget's share of the period (pro rata over the days of each budget year).",
  })
  budget!: Ore;

  @Field(() => MoneyScalar, { description: "budget − total: negative is an overrun." })
  difference!: Ore;
}
