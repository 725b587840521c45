import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { AllocationPolicy, RemainderRule, RoundStatus, RoundTerm } from "../shared/enums";

/** Utdelningsomgång — one application round: its dates (from the schedule), rules and published policy. */
@ObjectType("DonationRound", {
  description: "Utdelningsomgång — an application round with its dates, rules and published allocation policy.",
})
@Entity({ name: "donation_round" })
@Index(["year", "term"], { unique: true })
@Index(["plannedPayoutDate"])
export class Round {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Field(() => RoundTerm)
  @Column({ type: "varchar", length: 16 })
  term!: RoundTerm;

  @Field(() => String, { description: 'E.g. "Utdelning 2021 vår".' })
  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Field(() => LocalDateScalar, { description: "Ansökningstiden börjar." })
  @Column({ ...dateColumn })
  applicationOpens!: LocalDate;

  @Field(() => LocalDateScalar, { description: "Ansökningstiden slutar (last day an application may be received)." })
  @Column({ ...dateColumn })
  applicationCloses!: LocalDate;

  @Field(() => LocalDateScalar, { description: "Planned board decision (nämndens beslut)." })
  @Column({ ...dateColumn })
  plannedDecisionDate!: LocalDate;

  @Field(() => LocalDateScalar, { description: "Planned payout (utbetalning)." })
  @Column({ ...dateColumn })
  plannedPayoutDate!: LocalDate;

  @Field(() => MoneyScalar, { description: "Prisbasbelopp of the year; income limits are multiples of it." })
  @Column({ ...moneyColumn })
  priceBaseAmount!: Ore;

  @Field(() => AllocationPolicy)
  @Column({ type: "varchar", length: 16 })
  policy!: AllocationPolicy;

  @Field(() => RemainderRule)
  @Column({ type: "varchar", length: 24 })
  remainderRule!: RemainderRule;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Most any one application may get (whole kronor); null = no cap.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  maxPerApplication!: Ore | null;

  @Field(() => RoundStatus)
  @Column({ type: "varchar", length: 16 })
  status!: RoundStatus;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true, default: null })
  allocatedAt!: Date | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of the board decision." })
  @Column({ ...dateColumn, nullable: true, default: null })
  decisionDate!: LocalDate | null;

  @Field(() => String, { nullable: true, description: 'The decision\'s reference, e.g. "ALN 2022-05-19 § 61".' })
  @Column({ type: "varchar", length: 100, nullable: true, default: null })
  decisionReference!: string | null;

  @Field(() => Int, { description: "Pass back as expectedVersion when you change the round." })
  @VersionColumn()
  version!: number;
}
