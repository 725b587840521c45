import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";

/**
 * Serviceavgift — a provider's fixed fee for a period (550 tkr/year under the Kvinnojouren IOP,
 * § 125; plus 150 tkr for 2022 in the amendment). An agreement with `acuteFreeNights` > 0 also
 * carries the partner rule: an acute placement's first nights are covered by this fee.
 */
@ObjectType({
  description:
    "A service fee (serviceavgift): a provider's fixed fee for a period, paid whatever the placements (550 tkr a year under the Kvinnojouren IOP); may cover an acute placement's first nights.",
})
@Entity({ name: "rv_service_fee_agreement" })
@Index(["providerId", "validFrom"])
export class ServiceFeeAgreement {
  @Field(() => ID, { description: "The agreement's id (ServiceFeeLine.agreementId)." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  providerId!: number;

  @Field(() => String, { description: 'The decision or agreement, e.g. "ALN 2021-00102 § 125".' })
  @Column({ type: "varchar", length: 200 })
  reference!: string;

  @Field(() => LocalDateScalar, { description: "The first day of the period." })
  @Column({ ...dateColumn })
  validFrom!: LocalDate;

  @Field(() => LocalDateScalar, { description: "The last day of the period (inclusive)." })
  @Column({ ...dateColumn })
  validTo!: LocalDate;

  @Field(() => MoneyScalar, {
    description: "The fixed amount for the whole period, in kronor; costs spread it pro rata over its days.",
  })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => Int, {
    description: "Nights of an acute placement covered by this fee (2 under the Kvinnojouren IOP; 0 = none).",
  })
  @Column({ type: "int", default: 0 })
  acuteFreeNights!: number;
}
