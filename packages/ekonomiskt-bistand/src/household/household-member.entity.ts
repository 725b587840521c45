import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { LocalDateScalar, PersonnummerScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { MemberRole } from "../enums";
import { EkonomisktBistandScopes } from "../scopes";

/** A person in a household for a period (joinedOn … leftOn). */
@ObjectType("AssistanceHouseholdMember", {
  description: "Hushållsmedlem: sökande, medsökande, hemmavarande barn eller annan vuxen.",
})
@Entity({ name: "eb_household_member" })
@Index(["householdId"])
@Index(["personnummer"])
export class HouseholdMember {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  householdId!: number;

  @Field(() => MemberRole)
  @Column({ type: "varchar", length: 16 })
  role!: MemberRole;

  @Authorized(EkonomisktBistandScopes.READ)
  @Field(() => PersonnummerScalar, { nullable: true, description: "Null once the household is gallrad." })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  @Authorized(EkonomisktBistandScopes.READ)
  @Field(() => String, { nullable: true, description: "Null once the household is gallrad." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  name!: string | null;

  @Field(() => LocalDateScalar, {
    description:
      "From the personnummer (samordningsnummer: day − 60). Kept after gallring: the children's indicator counts by age on any date.",
  })
  @Column({ ...dateColumn })
  birthDate!: LocalDate;

  @Field(() => Boolean, {
    description: "Barn under 7 som äter lunch i förskolan 5 dagar/vecka (the lower norm amount).",
  })
  @Column({ type: "boolean" })
  lunchAtPreschool!: boolean;

  @Field(() => Boolean, { description: "19–20 år: går i gymnasieskolan och bor hemma (counted as a child)." })
  @Column({ type: "boolean" })
  inUpperSecondary!: boolean;

  @Field(() => Boolean, {
    description: "Other adult: part of this application (false: shares the household but applies separately).",
  })
  @Column({ type: "boolean" })
  includedInNorm!: boolean;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  joinedOn!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ ...dateColumn, nullable: true, default: null })
  leftOn!: LocalDate | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}
