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
import { HousingType } from "../enums";

/**
 * Hushåll — the unit that applies for försörjningsstöd. The address columns have no @Field: the
 * address only leaves the server through the `address` field resolver, which returns null for a
 * household with protected identity whatever the caller's scopes.
 */
@ObjectType("AssistanceHousehold", {
  description: "Hushåll med ekonomiskt bistånd: sökande, medsökande, barn, andra vuxna; boende.",
})
@Entity({ name: "eb_household" })
@Index(["protectedIdentity"])
@Index(["anonymisedDate"])
export class Household {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  /** The address columns are null once the household is gallrad. */
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  street!: string | null;

  @Column({ type: "varchar", length: 10, nullable: true, default: null })
  postalCode!: string | null;

  @Column({ type: "varchar", length: 100, nullable: true, default: null })
  city!: string | null;

  @Field(() => HousingType)
  @Column({ type: "varchar", length: 24 })
  housingType!: HousingType;

  @Field(() => MoneyScalar, { nullable: true, description: "Hyra per månad." })
  @Column({ ...moneyColumn, nullable: true, default: null })
  monthlyRent!: Ore | null;

  @Field(() => Boolean, {
    description:
      "Skyddade personuppgifter (skyddad folkbokföring/sekretessmarkering): the address is never returned; visible only with ekonomiskt-bistand:protected.",
  })
  @Column({ type: "boolean" })
  protectedIdentity!: boolean;

  @Column({ type: "datetime" })
  createdAt!: Date;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Gallrad: the day the household's person data (names, identity numbers, address, texts, claims) was removed, five years after its last entry. The figures stay.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int, { description: "Pass as expectedVersion when editing." })
  @VersionColumn()
  version!: number;
}

@ObjectType("AssistanceHouseholdAddress", {
  description: "Adress — never returned for a household with protected identity.",
})
export class HouseholdAddress {
  @Field(() => String)
  street!: string;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String)
  city!: string;
}
