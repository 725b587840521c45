import { Field, Int, ObjectType } from "type-graphql";
import { MaxItems, StatisticsDisclosure, SuppressedFields } from "@arbetsliv/core";
import { LocalDateScalar, MoneyScalar, type LocalDate } from "@arbetsliv/core/values";
import { PlacementType } from "../enums";

/** The longest period one partnership's placement costs cover (a page of 100 agreements stays bounded). */
export const MAX_PLACEMENT_COST_YEARS = 10;
/** Calendar months such a period touches (its first and last may be partial). */
const MAX_MONTHS = MAX_PLACEMENT_COST_YEARS * 12 + 1;
/** Lines: one per month and placement type. */
const PLACEMENT_TYPES = Object.keys(PlacementType).length;

@ObjectType({ description: "Placement costs in one month for one placement type (no person data)." })
export class PartnershipPlacementCostLine {
  @Field(() => String, { description: "YYYY-MM" }) month!: string;
  @Field(() => PlacementType, { description: "The kind of placement the line sums." }) type!: PlacementType;
  @Field(() => Int, {
    nullable: true,
    description: "Nights charged (dygn) — acute nights covered by the service fee are not charged.",
  })
  chargedNights!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "Charged nights times the people placed (the client and accompanying children); null when disclosure control hides it.",
  })
  chargedPersonNights!: number | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Daily fees charged for these nights, in kronor; null when disclosure control hides it.",
  })
  amount!: number | null;
  @SuppressedFields() suppressed!: string[];
}

@ObjectType({ description: "Service fee invoiced in one month." })
export class PartnershipServiceFeeMonth {
  @Field(() => String, { description: "YYYY-MM" }) month!: string;
  @Field(() => MoneyScalar, { description: "Fixed service fees falling in the month, in kronor (always shown)." })
  amount!: number;
}

@ObjectType({
  description:
    "What the committee's relationsvåld placements with this partner cost in a period, from the placement register (aggregates only).",
})
export class PartnershipPlacementCosts {
  @Field(() => LocalDateScalar, {
    description:
      "First day of the period the figures cover (inclusive): the one asked for, or the default (see IopAgreement.placementCosts).",
  })
  from!: LocalDate;
  @Field(() => LocalDateScalar, { description: "Last day of the period the figures cover (inclusive)." })
  to!: LocalDate;
  @Field(() => Boolean, { description: "False when the partner is no provider in the placement register." })
  registeredProvider!: boolean;
  @Field(() => [PartnershipPlacementCostLine], {
    description: "One line per month and placement type with charged nights, in month order.",
  })
  @MaxItems(MAX_MONTHS * PLACEMENT_TYPES)
  lines!: PartnershipPlacementCostLine[];
  @Field(() => [PartnershipServiceFeeMonth], {
    description: "The service fees month by month, for the months that have one.",
  })
  @MaxItems(MAX_MONTHS)
  serviceFees!: PartnershipServiceFeeMonth[];
  @Field(() => MoneyScalar, { nullable: true, description: "Daily fees charged." }) placementCost!: number | null;
  @Field(() => MoneyScalar, { description: "Fixed service fees in the period." }) serviceFee!: number;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: "placementCost plus serviceFee, in kronor; null when disclosure control hides it.",
  })
  total!: number | null;
  @SuppressedFields() suppressed!: string[];
  @Field(() => StatisticsDisclosure, {
    description: "How these figures were protected against identifying people (depends on your scopes).",
  })
  disclosure!: StatisticsDisclosure;
}

/** The field's description, the same in the monolith (the gateway's cross-domain field) and the relationsvåld subgraph. */
export const PLACEMENT_COSTS_DESCRIPTION = `Relationsvåld placement costs invoiced by this partner in the period (at most ${MAX_PLACEMENT_COST_YEARS} years; default: the agreement's period up to today, its last ${MAX_PLACEMENT_COST_YEARS} years, in whole months without relationsvald:stats:exact). Aggregates only, under disclosure control; needs relationsvald:stats, relationsvald:stats:exact or relationsvald:read.`;
export const PLACEMENT_COSTS_FROM_DESCRIPTION = `First day of the period (inclusive; a month's first day without relationsvald:stats:exact). Default: the agreement's start, but at most ${MAX_PLACEMENT_COST_YEARS} years before \`to\`.`;
export const PLACEMENT_COSTS_TO_DESCRIPTION =
  "Last day of the period (inclusive; a month's last day without relationsvald:stats:exact), not before `from`. Default: the agreement's end if it has passed, else today.";
