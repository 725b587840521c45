import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, Matches, MaxLength, MinLength, ValidateNested } from "class-validator";
import { PageArgs } from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  PersonnummerScalar,
  type LocalDate,
  type Ore,
  MoneyRange,
  Range,
  VERSION_RANGE,
} from "@arbetsliv/core/values";
import { HousingType, MemberRole } from "../enums";
import { MAX_MONTHLY_AMOUNT } from "../input-limits";

@InputType("AssistanceMemberInput", {
  description: "A person in the household. The birth date comes from the personnummer.",
})
export class MemberInput {
  @Field(() => MemberRole)
  role!: MemberRole;

  @Field(() => PersonnummerScalar)
  personnummer!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => Boolean, { nullable: true, description: "Child under 7 eating lunch at preschool 5 days a week." })
  lunchAtPreschool?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Child 19–20 in upper-secondary school." })
  inUpperSecondary?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Other adult: part of this application (default true)." })
  includedInNorm?: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day the person joined the household. Default: today (the day of registration); a month before every member's joinedOn cannot be calculated, so give the real date when registering for an earlier month.",
  })
  joinedOn?: LocalDate;
}

@InputType("AssistanceAddressInput")
export class AddressInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  street!: string;

  @Field(() => String, { description: "Postnummer, NNN NN." })
  @Matches(/^\d{3} ?\d{2}$/, { message: "postalCode must be five digits, NNN NN" })
  postalCode!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(100)
  city!: string;
}

@InputType("CreateAssistanceHouseholdInput")
export class CreateHouseholdInput {
  @Field(() => AddressInput)
  @ValidateNested()
  address!: AddressInput;

  @Field(() => HousingType)
  housingType!: HousingType;

  @Field(() => MoneyScalar, { nullable: true })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  monthlyRent?: Ore | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Skyddade personuppgifter. Setting it needs ekonomiskt-bistand:protected.",
  })
  protectedIdentity?: boolean;

  @Field(() => [MemberInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  members!: MemberInput[];
}

@InputType("UpdateAssistanceHouseholdInput", { description: "Only the fields given change." })
export class UpdateHouseholdInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => AddressInput, { nullable: true })
  @ValidateNested()
  address?: AddressInput;

  @Field(() => HousingType, { nullable: true })
  housingType?: HousingType;

  @Field(() => MoneyScalar, { nullable: true })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  monthlyRent?: Ore | null;

  @Field(() => Boolean, { nullable: true })
  protectedIdentity?: boolean;
}

@InputType("UpdateAssistanceMemberInput", { description: "Only the fields given change." })
export class UpdateMemberInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => Boolean, { nullable: true })
  lunchAtPreschool?: boolean;

  @Field(() => Boolean, { nullable: true })
  inUpperSecondary?: boolean;

  @Field(() => Boolean, { nullable: true })
  includedInNorm?: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: "Moved out on this date." })
  leftOn?: LocalDate;
}

@InputType("AssistanceHouseholdFilter")
export class HouseholdFilter {
  @Field(() => PersonnummerScalar, { nullable: true, description: "Households where this person is or was a member." })
  personnummer?: string;

  @Field(() => String, { nullable: true, description: "Households paid for this month (YYYY-MM)." })
  paidInMonth?: string;
}

@ArgsType()
export class HouseholdListArgs extends PageArgs {
  @Field(() => HouseholdFilter, { nullable: true })
  @ValidateNested()
  filter?: HouseholdFilter;
}
