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
  description:
    "Ansökan — one person's application to the social donation funds (donationsfonder) in one round, with its assessment (prövning) against the funds' statutes. Person-level: needs donationsfonder:read, and every read is access-logged.",
})
@Entity({ name: "donation_application" })
@Index(["roundId", "activePersonnummer"], { unique: true })
@Index(["roundId", "status", "rejectionReason"])
@Index(["roundId", "receivedDate"])
@Index(["personnummer"])
@Index(["personKey"])
export class Application {
  @Field(() => ID, {
    description: "The application's id; give it as input.id to updateDonationApplication.",
  })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The round applied to (DonationRound.id); the round itself is `round`." })
  @Column({ type: "int" })
  roundId!: number;

  @Authorized(DonationScopes.READ, DonationScopes.WRITE)
  @Field(() => PersonnummerScalar, {
    nullable: true,
    description:
      "Sökande — the applicant's personnummer; null once gallrad (person data removed by retention, five years after the committee's decision). Needs donationsfonder:read or donationsfonder:write.",
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

  @Field(() => LocalDateScalar, {
    description: "Inkom — the date the application was received; compared with the round's application period.",
  })
  @Column({ ...dateColumn })
  receivedDate!: LocalDate;

  @Field(() => String, { description: "Who registered it: the caseworker's token subject." })
  @Column({ type: "varchar", length: 128 })
  registeredBy!: string;

  @Field(() => Boolean, {
    description: "True when the applicant is folkbokförd (registered as resident) in the municipality.",
  })
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
    description:
      "The household's yearly income before tax, all income counted (kronor as a decimal string); null once gallrad.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  yearlyIncome!: Ore | null;

  @Field(() => [Purpose], { description: "Ändamål — what the money is asked for." })
  @MaxItems(MAX_APPLICATION_PURPOSES)
  @Column({ type: "simple-array" })
  purposes!: Purpose[];

  @Field(() => MoneyScalar, {
    description: "Sökt belopp — the amount asked for, whole kronor (kronor as a decimal string).",
  })
  @Column({ ...moneyColumn })
  amountRequested!: Ore;

  @Field(() => ApplicationStatus, {
    description: "Refused on receipt, received, or as the latest allocation assessed it.",
  })
  @Column({ type: "varchar", length: 16 })
  status!: ApplicationStatus;

  @Field(() => RejectionReason, {
    nullable: true,
    description: "Why it got nothing (REFUSED or INELIGIBLE); null otherwise.",
  })
  @Column({ type: "varchar", length: 32, nullable: true, default: null })
  rejectionReason!: RejectionReason | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The reason in words (English), with the figures it was decided on; null when there is none or once gallrad.",
  })
  @Column({ type: "varchar", length: 500, nullable: true, default: null })
  rejectionText!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Prövning — the assessment: the outcome against each fund tried, in the published order, in words (English); null until assessed and once gallrad.",
  })
  @Column({ type: "text", nullable: true, default: null })
  assessment!: string | null;

  /** The fund the application draws from (when eligible). */
  @Column({ type: "int", nullable: true, default: null })
  fundId!: number | null;

  @Field(() => ID, {
    nullable: true,
    description: "For a DUPLICATE: the person's application that counts in the round; null otherwise.",
  })
  @Column({ type: "int", nullable: true, default: null })
  duplicateOfId!: number | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Gallrad — the day retention removed the person data (5 years after the round's decision); null while kept.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change: pass it back as input.expectedVersion when you correct the application.",
  })
  @VersionColumn()
  version!: number;

  @Field(() => Date, { description: "When the application was registered in the system." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
