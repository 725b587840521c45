import { ArrayMaxSize, IsOptional, Length, ValidateNested } from "class-validator";
import { MAX_CHILDREN_PER_DECISION } from "../list-limits";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { PlacementType } from "../enums";

@InputType({
  description:
    "An accompanying child (medföljande barn) covered by a placement, with the child's own assessment (bedömning) and decision (beslut): since 1 April 2024 each child is an individual with its own decision.",
})
export class PlacementChildInput {
  @Field(() => ID, {
    description:
      "The child's id (AccompanyingChild.id): a child of the placement's client whom the caller may see, listed once.",
  })
  childId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "When the child's own needs were assessed; required unless the placement is acute.",
  })
  assessedOn?: LocalDate;

  @Field(() => String, {
    nullable: true,
    description: "The reference of the child's own decision (1–64 characters); required unless the placement is acute.",
  })
  @IsOptional()
  @Length(1, 64)
  decisionReference?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date of the child's own decision; required unless the placement is acute.",
  })
  decisionDate?: LocalDate;
}

@InputType({
  description:
    "A new placement (insats). An acute placement (akutplacering — taken in before the unit's assessment) may start without decisions; any other needs the adult's decision and each child's own.",
})
export class CreatePlacementInput {
  @Field(() => PlacementType, { description: "The kind of placement." })
  type!: PlacementType;

  @Field(() => ID, {
    description:
      "The client placed (PlacementClient.id): one the caller may see and not gallrad (anonymised by retention).",
  })
  clientId!: string;

  @Field(() => ID, { description: "The provider (PlacementProvider.id) the client is placed with." })
  providerId!: string;

  @Field(() => LocalDateScalar, { description: "Move-in date (the first night)." })
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Move-out date, when already known (registering a past placement): after startDate, the first day not counted as a night.",
  })
  endDate?: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date the decision runs until (beslutad t.o.m.); after startDate. Null: not yet decided.",
  })
  plannedEndDate?: LocalDate;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "An acute placement (akutplacering), begun before any decision; only residential types (skyddat boende, jourboende, socialt kontrakt, familjehem) can be acute.",
  })
  acute!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The reference of the adult's decision (biståndsbeslut — a decision on assistance under the Social Services Act), 1–64 characters; required unless acute.",
  })
  @IsOptional()
  @Length(1, 64)
  decisionReference?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date of the adult's decision; required unless acute.",
  })
  decisionDate?: LocalDate;

  @Field(() => [PlacementChildInput], {
    defaultValue: [],
    description: `The accompanying children covered, at most ${MAX_CHILDREN_PER_DECISION}; each needs its own decision unless the placement is acute.`,
  })
  @ArrayMaxSize(MAX_CHILDREN_PER_DECISION)
  @ValidateNested({ each: true })
  children!: PlacementChildInput[];

  @Field(() => String, {
    nullable: true,
    description: "The placement's address (1–500 characters). Stored, never returned by the API, for any scope.",
  })
  @IsOptional()
  @Length(1, 500)
  address?: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

/**
 * Optimistic locking on a placement: the same on every change of one (extend, end, move).
 * Only its subclasses are arguments, so this type itself never appears in the schema.
 */
@InputType("PlacementChangeFields")
export abstract class PlacementChangeFields {
  @Field(() => Int, {
    description: "The placement's version you read (Placement.version); a stale one gives CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;
}

@InputType({
  description:
    "A new decision that extends a placement (förlängning — extension; for an acute placement, the decision on continued protection).",
})
export class ExtendPlacementInput extends PlacementChangeFields {
  @Field(() => ID, {
    nullable: true,
    description:
      "The placement to extend (Placement.id). Required: give it here (the top-level id argument is deprecated).",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => LocalDateScalar, {
    description: "The new date the decision runs until (beslutad t.o.m.); later than the current one and the start.",
  })
  plannedEndDate!: LocalDate;

  @Field(() => String, { description: "The reference of the adult's new decision (1–64 characters)." })
  @Length(1, 64)
  decisionReference!: string;

  @Field(() => LocalDateScalar, {
    description: "The date of the adult's new decision; not before the placement started.",
  })
  decisionDate!: LocalDate;

  @Field(() => [PlacementChildInput], {
    defaultValue: [],
    description: `Each covered child's own new decision, at most ${MAX_CHILDREN_PER_DECISION}; a child still without a decision must be listed.`,
  })
  @ArrayMaxSize(MAX_CHILDREN_PER_DECISION)
  @ValidateNested({ each: true })
  children!: PlacementChildInput[];
}

@InputType({ description: "The end of a placement on its move-out date (utflyttning)." })
export class EndPlacementInput extends PlacementChangeFields {
  @Field(() => ID, {
    nullable: true,
    description:
      "The placement to end (Placement.id). Required: give it here (the top-level id argument is deprecated).",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => LocalDateScalar, {
    description: "Move-out date (utflyttning): after the start date; the day itself is not a night.",
  })
  endDate!: LocalDate;
}

@InputType({
  description: "Move to another provider (or type): ends this placement on the move date and starts the next one.",
})
export class MovePlacementInput extends PlacementChangeFields {
  @Field(() => ID, {
    nullable: true,
    description:
      "The placement to move (Placement.id). Required: give it here (the top-level id argument is deprecated).",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => LocalDateScalar, {
    description:
      "Move date: the old placement's move-out date and the new one's first night; after its start and before its move-out date.",
  })
  moveDate!: LocalDate;

  @Field(() => ID, { description: "The provider (PlacementProvider.id) of the new placement." })
  providerId!: string;

  @Field(() => PlacementType, {
    nullable: true,
    description: "The new placement's type; defaults to the current type.",
  })
  type?: PlacementType;

  @Field(() => String, {
    nullable: true,
    description:
      "The reference of the adult's decision for the new placement (1–64 characters); defaults to the current decision; a move from an acute placement needs one.",
  })
  @IsOptional()
  @Length(1, 64)
  decisionReference?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date of that decision; defaults to the current decision's date.",
  })
  decisionDate?: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date the new placement's decision runs until; defaults to the current placement's.",
  })
  plannedEndDate?: LocalDate;

  @Field(() => [PlacementChildInput], {
    nullable: true,
    description: `Children's decisions for the new placement, at most ${MAX_CHILDREN_PER_DECISION}; null: the current children with their current decisions.`,
  })
  @ArrayMaxSize(MAX_CHILDREN_PER_DECISION)
  @IsOptional()
  @ValidateNested({ each: true })
  children?: PlacementChildInput[];

  @Field(() => String, {
    nullable: true,
    description: "The new placement's address (1–500 characters). Stored, never returned by the API, for any scope.",
  })
  @IsOptional()
  @Length(1, 500)
  address?: string;
}

@InputType({ description: "Filters on placements; given filters combine with AND." })
export class PlacementFilter {
  @Field(() => PlacementType, { nullable: true, description: "Only placements of this type." })
  type?: PlacementType;

  @Field(() => ID, { nullable: true, description: "Only placements with this provider (PlacementProvider.id)." })
  providerId?: string;

  @Field(() => ID, { nullable: true, description: "Only placements of this client (PlacementClient.id)." })
  clientId?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "With activeTo: placements with at least one night in the period (from this date; open-ended when activeTo is null).",
  })
  activeFrom?: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "With activeFrom: the last day of the period (inclusive; open-ended when activeFrom is null); not before activeFrom.",
  })
  activeTo?: LocalDate;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only ongoing (true: no move-out date) or ended (false) placements; null: both.",
  })
  ongoing?: boolean;
}

@ArgsType()
export class PlacementListArgs extends PageArgs {
  @Field(() => PlacementFilter, {
    nullable: true,
    description: "Which placements; null: every one the caller may see.",
  })
  @ValidateNested()
  filter?: PlacementFilter;
}
