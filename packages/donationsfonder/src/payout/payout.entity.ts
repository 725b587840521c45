import { Authorized, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  PersonnummerScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { DonationScopes } from "../scopes";

/** Utbetalning — one line of the payout list, produced when the board decides (one per granted allocation). */
@ObjectType("DonationPayout", {
  description:
    "Utbetalning — one line of a decided round's payout list (utbetalningslista): one per allocation above 0 kr, made when the committee decides. Person-level: needs donationsfonder:read; reads are access-logged.",
})
@Entity({ name: "donation_payout" })
@Index(["allocationId"], { unique: true })
@Index(["roundId", "fundId"])
export class Payout {
  @Field(() => ID, { description: "The payout's id; give it as input.payoutId to markDonationPayoutPaid." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The round (DonationRound.id)." })
  @Column({ type: "int" })
  roundId!: number;

  @Field(() => ID, { description: "The fund it is paid from (DonationFund.id); the fund itself is `fund`." })
  @Column({ type: "int" })
  fundId!: number;

  @Field(() => ID, { description: "The allocation it pays (DonationAllocation.id)." })
  @Column({ type: "int" })
  allocationId!: number;

  @Field(() => ID, { description: "The application (DonationApplication.id)." })
  @Column({ type: "int" })
  applicationId!: number;

  @Authorized(DonationScopes.READ, DonationScopes.WRITE)
  @Field(() => PersonnummerScalar, {
    nullable: true,
    description:
      "Mottagare — the recipient's personnummer; null once gallrad (person data removed by retention). Needs donationsfonder:read or donationsfonder:write.",
  })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  @Field(() => MoneyScalar, {
    description: "The amount to pay: the allocation as decided, whole kronor (kronor as a decimal string).",
  })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => LocalDateScalar, {
    description: "The planned payout day: the round's planned payout date, or the decision date when that is later.",
  })
  @Column({ ...dateColumn })
  scheduledDate!: LocalDate;
}
