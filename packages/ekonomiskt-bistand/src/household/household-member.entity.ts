import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { LocalDateScalar, PersonnummerScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { MemberRole } from "../enums";
import { EkonomisktBistandScopes } from "../scopes";

/** A person in a household for a period (joinedOn … leftOn). */
@ObjectType("AssistanceHouseholdMember", {
  description:
    "Hushållsmedlem — a person in a household for a period (joinedOn to leftOn): applicant, co-applicant, child living at home or another adult. Counts in a month's calculation when a member on some day of that month.",
})
@Entity({ name: "eb_household_member" })
@Index(["householdId"])
@Index(["personnummer"])
export class HouseholdMember {
  @Field(() => ID, {
    description:
      "The member's id: pass it as memberId to updateAssistanceHouseholdMember and to name an income's earner.",
  })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  householdId!: number;

  @Field(() => MemberRole, { description: "The person's role in the household; it never changes." })
  @Column({ type: "varchar", length: 16 })
  role!: MemberRole;

  @Authorized(EkonomisktBistandScopes.READ)
  @Field(() => PersonnummerScalar, {
    nullable: true,
    description:
      "Personnummer or samordningsnummer; needs ekonomiskt-bistand:read. Null once the household is gallrad.",
  })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  @Authorized(EkonomisktBistandScopes.READ)
  @Field(() => String, {
    nullable: true,
    description: "Full name; needs ekonomiskt-bistand:read. Null once the household is gallrad.",
  })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  name!: string | null;

  @Field(() => LocalDateScalar, {
    description:
      "From the personnummer (samordningsnummer: day − 60). Kept after gallring: the children's indicator counts by age on any date.",
  })
  @Column({ ...dateColumn })
  birthDate!: LocalDate;

  @Field(() => Boolean, {
    description: "A child under 7 who eats lunch at preschool 5 days a week: the riksnorm's lower amount applies.",
  })
  @Column({ type: "boolean" })
  lunchAtPreschool!: boolean;

  @Field(() => Boolean, {
    description: "19–20 years old, in upper-secondary school (gymnasieskolan) and living at home: counted as a child.",
  })
  @Column({ type: "boolean" })
  inUpperSecondary!: boolean;

  @Field(() => Boolean, {
    description: "Other adult: part of this application (false: shares the household but applies separately).",
  })
  @Column({ type: "boolean" })
  includedInNorm!: boolean;

  @Field(() => LocalDateScalar, {
    description: "The day the person joined the household: a member counts from this day's month.",
  })
  @Column({ ...dateColumn })
  joinedOn!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The day the person moved out (counts up to this day's month); null while still a member.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  leftOn!: LocalDate | null;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change: pass it as input.expectedVersion to updateAssistanceHouseholdMember.",
  })
  @VersionColumn()
  version!: number;
}
