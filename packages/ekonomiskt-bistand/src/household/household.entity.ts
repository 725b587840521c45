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
  description:
    "Hushåll — a household that applies for ekonomiskt bistånd (financial assistance, försörjningsstöd under socialtjänstlagen 4 kap. 1 §): applicant, co-applicant, children and other adults, and how they live. Person-level: readable with ekonomiskt-bistand:read, every read access-logged; a household with protected identity exists only for callers with ekonomiskt-bistand:protected.",
})
@Entity({ name: "eb_household" })
@Index(["protectedIdentity"])
@Index(["anonymisedDate"])
export class Household {
  @Field(() => ID, {
    description: "The household's id: pass it to submitAssistanceApplication and the member mutations.",
  })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The address columns are null once the household is gallrad. */
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  street!: string | null;

  @Column({ type: "varchar", length: 10, nullable: true, default: null })
  postalCode!: string | null;

  @Column({ type: "varchar", length: 100, nullable: true, default: null })
  city!: string | null;

  @Field(() => HousingType, { description: "How the household lives (boendeform)." })
  @Column({ type: "varchar", length: 24 })
  housingType!: HousingType;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Rent per month in kronor (hyra); null when none is registered, and once the household is gallrad.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  monthlyRent!: Ore | null;

  @Field(() => Boolean, {
    description:
      "Skyddade personuppgifter (protected identity: skyddad folkbokföring or sekretessmarkering): the address is never returned, and the household is visible only with ekonomiskt-bistand:protected.",
  })
  @Column({ type: "boolean" })
  protectedIdentity!: boolean;

  @Column({ type: "datetime" })
  createdAt!: Date;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day the household was gallrad (its person data — names, identity numbers, address, texts, claims — removed, five years after its last entry); null while it is not. The figures stay, and a gallrad household cannot change.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change: pass it as input.expectedVersion to updateAssistanceHousehold.",
  })
  @VersionColumn()
  version!: number;
}

@ObjectType("AssistanceHouseholdAddress", {
  description: "A household's address (adress) — never returned for a household with protected identity.",
})
export class HouseholdAddress {
  @Field(() => String, { description: "Street and number." })
  street!: string;

  @Field(() => String, { description: "Postnummer (postal code), five digits without a space." })
  postalCode!: string;

  @Field(() => String, { description: "Postort (town)." })
  city!: string;
}
