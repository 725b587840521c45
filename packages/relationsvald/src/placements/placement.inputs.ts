import { ArrayMaxSize, IsOptional, Length, ValidateNested } from "class-validator";
import { MAX_CHILDREN_PER_DECISION } from "../list-limits";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { PlacementType } from "../enums";

@InputType({
  description: "An accompanying child covered by a placement, with the child's own assessment and decision.",
})
export class PlacementChildInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "When the child's own needs were assessed; required unless the placement is acute.",
  })
  assessedOn?: LocalDate;

  @Field(() => String, {
    nullable: true,
    description: "The child's own decision; required unless the placement is acute.",
  })
  @IsOptional()
  @Length(1, 64)
  decisionReference?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  decisionDate?: LocalDate;
}

@InputType({ description: "A new placement. An acute placement (akutplacering) may start without decisions." })
export class CreatePlacementInput {
  @Field(() => PlacementType)
  type!: PlacementType;

  @Field(() => ID)
  clientId!: string;

  @Field(() => ID)
  providerId!: string;

  @Field(() => LocalDateScalar, { description: "Move-in date (the first night)." })
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Move-out date, when already known (registering a past placement).",
  })
  endDate?: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: "Decided until." })
  plannedEndDate?: LocalDate;

  @Field(() => Boolean, { defaultValue: false })
  acute!: boolean;

  @Field(() => String, { nullable: true, description: "The adult's decision (biståndsbeslut); required unless acute." })
  @IsOptional()
  @Length(1, 64)
  decisionReference?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  decisionDate?: LocalDate;

  @Field(() => [PlacementChildInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_CHILDREN_PER_DECISION)
  @ValidateNested({ each: true })
  children!: PlacementChildInput[];

  @Field(() => String, { nullable: true, description: "Stored, never returned by the API." })
  @IsOptional()
  @Length(1, 500)
  address?: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({
  description: "A new decision that extends the placement (and, for an acute one, decides on continued protection).",
})
export class ExtendPlacementInput {
  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => LocalDateScalar, { description: "Decided until; later than the current one." })
  plannedEndDate!: LocalDate;

  @Field(() => String)
  @Length(1, 64)
  decisionReference!: string;

  @Field(() => LocalDateScalar)
  decisionDate!: LocalDate;

  @Field(() => [PlacementChildInput], { defaultValue: [], description: "Each covered child's own new decision." })
  @ArrayMaxSize(MAX_CHILDREN_PER_DECISION)
  @ValidateNested({ each: true })
  children!: PlacementChildInput[];
}

@InputType()
export class EndPlacementInput {
  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => LocalDateScalar, { description: "Move-out date (utflyttning): after the start date." })
  endDate!: LocalDate;
}

@InputType({
  description: "Move to another provider (or type): ends this placement on the move date and starts the next one.",
})
export class MovePlacementInput {
  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => LocalDateScalar, {
    description: "Move date: the old placement's move-out date and the new one's first night.",
  })
  moveDate!: LocalDate;

  @Field(() => ID)
  providerId!: string;

  @Field(() => PlacementType, { nullable: true, description: "Defaults to the current type." })
  type?: PlacementType;

  @Field(() => String, {
    nullable: true,
    description: "Defaults to the current decision; a move from an acute placement needs one.",
  })
  @IsOptional()
  @Length(1, 64)
  decisionReference?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  decisionDate?: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true })
  plannedEndDate?: LocalDate;

  @Field(() => [PlacementChildInput], {
    nullable: true,
    description: "Children's decisions for the new placement; defaults to the current ones.",
  })
  @ArrayMaxSize(MAX_CHILDREN_PER_DECISION)
  @IsOptional()
  @ValidateNested({ each: true })
  children?: PlacementChildInput[];

  @Field(() => String, { nullable: true, description: "Stored, never returned by the API." })
  @IsOptional()
  @Length(1, 500)
  address?: string;
}

@InputType({ description: "Filters combine with AND." })
export class PlacementFilter {
  @Field(() => PlacementType, { nullable: true })
  type?: PlacementType;

  @Field(() => ID, { nullable: true })
  providerId?: string;

  @Field(() => ID, { nullable: true })
  clientId?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "With activeTo: placements with at least one night in the period.",
  })
  activeFrom?: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true })
  activeTo?: LocalDate;

  @Field(() => Boolean, { nullable: true, description: "Only ongoing (true) or ended (false) placements." })
  ongoing?: boolean;
}

@ArgsType()
export class PlacementListArgs extends PageArgs {
  @Field(() => PlacementFilter, { nullable: true })
  @ValidateNested()
  filter?: PlacementFilter;
}
