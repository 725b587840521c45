import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core";
import { HousingType } from "../enums";

/**
 * Hushåll — the unit that applies for försörjningsstöd. The address columns have no @Field: the
 * address only leaves the server through the `address` field resolver, which returns null for a
 * household with protected identity whatever the caller's scopes.
 */
@ObjectType("AssistanceHousehold", { description: "Hushåll med ekonomiskt bistånd: sökande, medsökande, barn, andra vuxna; boende." })
@Entity({ name: "eb_household" })
@Index(["protectedIdentity"])
export class Household {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "varchar", length: 200 })
  street!: string;

  @Column({ type: "varchar", length: 10 })
  postalCode!: string;

  @Column({ type: "varchar", length: 100 })
  city!: string;

  @Field(() => HousingType)
  @Column({ type: "varchar", length: 24 })
  housingType!: HousingType;

  @Field(() => MoneyScalar, { nullable: true, description: "Hyra per månad." })
  @Column({ ...moneyColumn, nullable: true, default: null })
  monthlyRent!: Ore | null;

  @Field(() => Boolean, {
    description: "Skyddade personuppgifter (skyddad folkbokföring/sekretessmarkering): the address is never returned; visible only with ekonomiskt-bistand:protected.",
  })
  @Column({ type: "boolean" })
  protectedIdentity!: boolean;

  @Column({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Int, { description: "Pass as expectedVersion when editing." })
  @VersionColumn()
  version!: number;
}

@ObjectType("AssistanceHouseholdAddress", { description: "Adress — never returned for a household with protected identity." })
export class HouseholdAddress {
  @Field(() => String)
  street!: string;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String)
  city!: string;
}
