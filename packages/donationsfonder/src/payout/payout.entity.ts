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
@ObjectType("DonationPayout", { description: "Utbetalning — one line of a round's payout list." })
@Entity({ name: "donation_payout" })
@Index(["allocationId"], { unique: true })
@Index(["roundId", "fundId"])
export class Payout {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  roundId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  fundId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  allocationId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  applicationId!: number;

  @Authorized(DonationScopes.READ, DonationScopes.WRITE)
  @Field(() => PersonnummerScalar, { nullable: true, description: "Mottagare — the recipient; null once gallrad." })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => LocalDateScalar, { description: "Planned payout date." })
  @Column({ ...dateColumn })
  scheduledDate!: LocalDate;
}
