import { Field, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, MoneyScalar, type LocalDate } from "@arbetsliv/core";
import { PlacementType } from "@arbetsliv/relationsvald";

@ObjectType({ description: "Placement costs in one month for one placement type (no person data)." })
export class PartnershipPlacementCostLine {
  @Field(() => String, { description: "YYYY-MM" }) month!: string;
  @Field(() => PlacementType) type!: PlacementType;
  @Field(() => Int, { description: "Nights charged (dygn) — acute nights covered by the service fee are not charged." }) chargedNights!: number;
  @Field(() => Int) chargedPersonNights!: number;
  @Field(() => MoneyScalar) amount!: number;
}

@ObjectType({ description: "Service fee invoiced in one month." })
export class PartnershipServiceFeeMonth {
  @Field(() => String, { description: "YYYY-MM" }) month!: string;
  @Field(() => MoneyScalar) amount!: number;
}

@ObjectType({
  description:
    "What the committee's relationsvåld placements with this partner cost in a period, from the placement register (aggregates only).",
})
export class PartnershipPlacementCosts {
  @Field(() => LocalDateScalar) from!: LocalDate;
  @Field(() => LocalDateScalar) to!: LocalDate;
  @Field(() => Boolean, { description: "False when the partner is no provider in the placement register." }) registeredProvider!: boolean;
  @Field(() => [PartnershipPlacementCostLine]) lines!: PartnershipPlacementCostLine[];
  @Field(() => [PartnershipServiceFeeMonth]) serviceFees!: PartnershipServiceFeeMonth[];
  @Field(() => MoneyScalar, { description: "Daily fees charged." }) placementCost!: number;
  @Field(() => MoneyScalar, { description: "Fixed service fees in the period." }) serviceFee!: number;
  @Field(() => MoneyScalar) total!: number;
}
