import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MaxItems } from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  PersonnummerScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { ApplicationStatus, Purpose, RejectionReason } from "../shared/enums";
import { MAX_APPLICATION_PURPOSES } from "../shared/list-limits";
import { DonationScopes } from "../scopes";

/**
 * Ansökan — one person's application in one round. One per person per round: the UNIQUE
 * index (roundId, activePersonnummer) holds the personnummer of the one application that
 * counts, while refused applications (late, early, duplicate) are kept with
 * activePersonnummer = NULL so reports can count them by reason.
 */
@ObjectType("DonationApplication", {
  description: "Ansökan ur de sociala donationsfonderna — one person's application in one round.",
})
@Entity({ name: "donation_application" })
@Index(["roundId", "activePersonnummer"], { unique: true })
@Index(["roundId", "status", "rejectionReason"])
@Index(["roundId", "receivedDate"])
@Index(["personnummer"])
@Index(["personKey"])
export class Application {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  roundId!: number;

  @Authorized(DonationScopes.READ, DonationScopes.WRITE)
  @Field(() => PersonnummerScalar, {
    nullable: true,
    description: "Sökande — the applicant; null once the application has been gallrad.",
  })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  /**
   * The applicant as a keyed hash (core `subjectKey`, the access log's key), set at registration
   * and kept by gallring: the reports count distinct persons by it, so they are the same before
   * and after the personnummer is removed. Never a GraphQL field.
   */
  @Column({ type: "varchar", length: 24 })
  personKey!: string;

  /** The applicant's personnummer while this is the application that counts; NULL when refused. */
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  activePersonnummer!: string | null;

  @Field(() => LocalDateScalar, { description: "Inkom — the date the application was received." })
  @Column({ ...dateColumn })
  receivedDate!: LocalDate;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  registeredBy!: string;

  @Field(() => Boolean, { description: "Bosatt (folkbokförd) i kommunen." })
  @Column({ type: "boolean" })
  resident!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Persons in the household, the applicant included; null once gallrad.",
  })
  @Column({ type: "int", nullable: true, default: null })
  householdSize!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The household's yearly income before tax (all income counts); null once gallrad.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  yearlyIncome!: Ore | null;

  @Field(() => [Purpose], { description: "Ändamål applied for." })
  @MaxItems(MAX_APPLICATION_PURPOSES)
  @Column({ type: "simple-array" })
  purposes!: Purpose[];

  @Field(() => MoneyScalar, { description: "Sökt belopp — whole kronor." })
  @Column({ ...moneyColumn })
  amountRequested!: Ore;

  @Field(() => ApplicationStatus)
  @Column({ type: "varchar", length: 16 })
  status!: ApplicationStatus;

  @Field(() => RejectionReason, { nullable: true, description: "Why it got nothing (refused or ineligible)." })
  @Column({ type: "varchar", length: 32, nullable: true, default: null })
  rejectionReason!: RejectionReason | null;

  @Field(() => String, { nullable: true, description: "The reason in words, with the figures it was decided on." })
  @Column({ type: "varchar", length: 500, nullable: true, default: null })
  rejectionText!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Prövning — the outcome against each fund, in the published order.",
  })
  @Column({ type: "text", nullable: true, default: null })
  assessment!: string | null;

  /** The fund the application draws from (when eligible). */
  @Column({ type: "int", nullable: true, default: null })
  fundId!: number | null;

  @Field(() => ID, { nullable: true, description: "For a duplicate: the application that counts." })
  @Column({ type: "int", nullable: true, default: null })
  duplicateOfId!: number | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Gallrad — the day retention removed the person data (5 years after the round's decision); null while kept.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int, { description: "Pass back as expectedVersion when you change the application." })
  @VersionColumn()
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
