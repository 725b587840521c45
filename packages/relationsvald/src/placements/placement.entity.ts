import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { PlacementType } from "../enums";

/**
 * Insats/placering — a client (and accompanying children) placed with a provider from
 * startDate until endDate (the move-out date; null while ongoing). Placement days are nights.
 * The placement address is stored but is NEVER a GraphQL field, for any scope.
 */
@ObjectType({ description: "Insats/placering — a placement of a client and accompanying children with a provider." })
@Entity({ name: "rv_placement" })
@Index(["clientId", "startDate"])
@Index(["providerId", "startDate"])
@Index(["startDate"])
export class Placement {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => PlacementType)
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
    description: "Decided until (beslutad t.o.m.); extended by a new decision.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  plannedEndDate!: LocalDate | null;

  @Field(() => Boolean, { description: "Akutplacering — began as an acute placement, without a decision." })
  @Column({ type: "boolean", default: false })
  acute!: boolean;

  @Field(() => String, { nullable: true, description: "Biståndsbeslut (SoL) for the adult: the decision's reference." })
  @Column({ type: "varchar", length: 64, nullable: true, default: null })
  decisionReference!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
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

  @Field(() => Int, { description: "Pass back as expectedVersion when you change the placement." })
  @VersionColumn()
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
