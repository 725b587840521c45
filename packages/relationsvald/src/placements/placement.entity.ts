import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { PlacementType } from "../enums";

/**
 * Insats/placering — a client (and accompanying children) placed with a provider from
 * startDate until endDate (the move-out date; null while ongoing). Placement days are nights.
 * The placement address is stored but is NEVER a GraphQL field, for any scope.
 */
@ObjectType({
  description:
    "A placement (insats/placering — the support or housing the social services give): a client, and any accompanying children, placed with a provider from a start date to a move-out date. Person-level: relationsvald:read; one concerning a person with protected identity only with relationsvald:protected. The placement's address is never a field.",
})
@Entity({ name: "rv_placement" })
@Index(["clientId", "startDate"])
@Index(["providerId", "startDate"])
@Index(["startDate"])
export class Placement {
  @Field(() => ID, { description: "The placement's id: give it as input.id to extend, end or move it." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => PlacementType, { description: "The kind of placement." })
  @Column({ type: "varchar", length: 32 })
  type!: PlacementType;

  @Column({ type: "int" })
  clientId!: number;

  @Column({ type: "int" })
  providerId!: number;

  @Field(() => LocalDateScalar, { description: "Move-in date: the first night." })
  @Column({ ...dateColumn })
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Move-out date (not itself a night); null while ongoing.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  endDate!: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The date the decision runs until (beslutad t.o.m.); extended by extendPlacement. Null: not decided (an acute placement) or open-ended.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  plannedEndDate!: LocalDate | null;

  @Field(() => Boolean, {
    description: "Akutplacering (acute placement): began before the unit's assessment, without a decision.",
  })
  @Column({ type: "boolean", default: false })
  acute!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The reference of the adult's biståndsbeslut (a decision on assistance under socialtjänstlagen, the Social Services Act); null while an acute placement awaits it.",
  })
  @Column({ type: "varchar", length: 64, nullable: true, default: null })
  decisionReference!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date of the adult's decision; null while an acute placement awaits it.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  decisionDate!: LocalDate | null;

  @Field(() => Int, { description: "Persons covered: the adult plus accompanying children." })
  @Column({ type: "int" })
  personCount!: number;

  @Field(() => ID, {
    nullable: true,
    description: "The placement this one continues after a move to another provider.",
  })
  @Column({ type: "int", nullable: true, default: null })
  movedFromId!: number | null;

  /** The address of the placement. NEVER a GraphQL field. */
  @Column({ type: "text", nullable: true, default: null })
  address!: string | null;

  @Field(() => Int, {
    description:
      "The optimistic-locking version, 1 when registered and raised by every change: pass it back as input.expectedVersion.",
  })
  @VersionColumn()
  version!: number;

  @Field(() => Date, { description: "When the placement was registered (not when it started)." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
