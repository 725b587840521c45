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
  description:
    "Utdelningsomgång — an application round of the social donation funds (donationsfonder): its dates from the utdelningsschema, the year's prisbasbelopp, its published allocation policy, and the committee's decision once made. Reference data: any donationsfonder scope may read it.",
})
@Entity({ name: "donation_round" })
@Index(["year", "term"], { unique: true })
@Index(["plannedPayoutDate"])
export class Round {
  @Field(() => ID, { description: "The round's id; give it as input.id to the mutations that change the round." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int, { description: "The year the round belongs to." })
  @Column({ type: "int" })
  year!: number;

  @Field(() => RoundTerm, { description: "Which of the year's rounds it is; one round per year and term." })
  @Column({ type: "varchar", length: 16 })
  term!: RoundTerm;

  @Field(() => String, { description: 'The round\'s name, from its year and term, e.g. "Utdelning 2021 vår".' })
  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Field(() => LocalDateScalar, {
    description: "First day of the application period (ansökningstid); an application received earlier is refused.",
  })
  @Column({ ...dateColumn })
  applicationOpens!: LocalDate;

  @Field(() => LocalDateScalar, {
    description:
      "Last day of the application period: the last day an application may be received, and the day ages are taken on.",
  })
  @Column({ ...dateColumn })
  applicationCloses!: LocalDate;

  @Field(() => LocalDateScalar, {
    description: "The planned day of the committee's decision (nämndens beslut); decisionDate is the actual one.",
  })
  @Column({ ...dateColumn })
  plannedDecisionDate!: LocalDate;

  @Field(() => LocalDateScalar, {
    description: "The planned payout day (utbetalning); the donation report places the round in a period by this date.",
  })
  @Column({ ...dateColumn })
  plannedPayoutDate!: LocalDate;

  @Field(() => MoneyScalar, {
    description:
      "The year's prisbasbelopp — the price base amount the government fixes each year (socialförsäkringsbalken 2 kap. 6 §), kronor as a decimal string; the funds' income limits are percentages of it.",
  })
  @Column({ ...moneyColumn })
  priceBaseAmount!: Ore;

  @Field(() => AllocationPolicy, {
    description: "The published allocation policy; fixed once the round is allocated.",
  })
  @Column({ type: "varchar", length: 16 })
  policy!: AllocationPolicy;

  @Field(() => RemainderRule, { description: "What happens to the whole kronor a fund's budget leaves over." })
  @Column({ type: "varchar", length: 24 })
  remainderRule!: RemainderRule;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The most any one application may get, whole kronor (kronor as a decimal string); null = no cap.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  maxPerApplication!: Ore | null;

  @Field(() => RoundStatus, { description: "Where the round is: OPEN, ALLOCATED or DECIDED." })
  @Column({ type: "varchar", length: 16 })
  status!: RoundStatus;

  @Field(() => Date, {
    nullable: true,
    description: "When the allocation last ran (a re-run replaces it); null while the round is OPEN.",
  })
  @Column({ type: "datetime", nullable: true, default: null })
  allocatedAt!: Date | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The day the committee decided; null until the decision is recorded.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  decisionDate!: LocalDate | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The decision's reference in the committee's minutes, e.g. \"ALN 2022-05-19 § 61\"; null until decided.",
  })
  @Column({ type: "varchar", length: 100, nullable: true, default: null })
  decisionReference!: string | null;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change: pass it back as input.expectedVersion when you change the round.",
  })
  @VersionColumn()
  version!: number;
}
