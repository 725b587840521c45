import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from "class-validator";
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
  description:
    "A person in the household (hushållsmedlem): in createAssistanceHousehold's members, or the input of addAssistanceHouseholdMember. The birth date comes from the personnummer.",
})
export class MemberInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "addAssistanceHouseholdMember only (required there): the household the person joins (moved from the mutation's householdId argument). Refused in createAssistanceHousehold's members, where the household is the one being created.",
  })
  @IsOptional()
  householdId?: string | null;

  @Field(() => MemberRole, {
    description:
      "The person's role. A household has exactly one APPLICANT and at most one CO_APPLICANT, both 18 or older.",
  })
  role!: MemberRole;

  @Field(() => PersonnummerScalar, {
    description:
      "Personnummer or samordningsnummer (Swedish identity number); unique among the household's current members. Gives the birth date and so the riksnorm age group.",
  })
  personnummer!: string;

  @Field(() => String, { description: "Full name, 1–200 characters (surrounding spaces trimmed)." })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "CHILD under 7 only: eats lunch at preschool 5 days a week, so the riksnorm's lower amount applies. Default false.",
  })
  lunchAtPreschool?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "CHILD only: 19–20 years old and in upper-secondary school, so still counted as a child. Default false.",
  })
  inUpperSecondary?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "OTHER_ADULT only: false when the person shares the household but applies separately (not in this calculation). Default true.",
  })
  includedInNorm?: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day the person joined the household. Default: today (the day of registration); a month before every member's joinedOn cannot be calculated, so give the real date when registering for an earlier month.",
  })
  joinedOn?: LocalDate;
}

@InputType("AssistanceAddressInput", {
  description:
    "The household's address (folkbokföringsadress or where it lives). Stored, but never returned for a household with protected identity.",
})
export class AddressInput {
  @Field(() => String, { description: "Street and number, 1–200 characters." })
  @MinLength(1)
  @MaxLength(200)
  street!: string;

  @Field(() => String, {
    description: "Postnummer (postal code): five digits, NNN NN or NNNNN; stored without the space.",
  })
  @Matches(/^\d{3} ?\d{2}$/, { message: "postalCode must be five digits, NNN NN" })
  postalCode!: string;

  @Field(() => String, { description: "Postort (town), 1–100 characters." })
  @MinLength(1)
  @MaxLength(100)
  city!: string;
}

@InputType("CreateAssistanceHouseholdInput", {
  description: "A new household (hushåll) with its members, for createAssistanceHousehold.",
})
export class CreateHouseholdInput {
  @Field(() => AddressInput, { description: "Where the household lives." })
  @ValidateNested()
  address!: AddressInput;

  @Field(() => HousingType, { description: "How the household lives (boendeform)." })
  housingType!: HousingType;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Rent per month in kronor, 0–1 000 000; null or omitted when there is none.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  monthlyRent?: Ore | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Skyddade personuppgifter (protected identity): hides the household from callers without ekonomiskt-bistand:protected and its address from everyone. Setting it true needs that scope (FORBIDDEN otherwise). Default false.",
  })
  protectedIdentity?: boolean;

  @Field(() => [MemberInput], {
    description:
      "Everyone in the household, 1–20 persons: exactly one APPLICANT, at most one CO_APPLICANT, no personnummer twice. An applicant or co-applicant who is still one in another household is refused (CONFLICT). Give no householdId here.",
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  members!: MemberInput[];
}

@InputType("UpdateAssistanceHouseholdInput", {
  description:
    "Changes to a household, for updateAssistanceHousehold. Only the fields given change; a household that is gallrad (its person data removed) cannot change (CONFLICT).",
})
export class UpdateHouseholdInput {
  @Field(() => ID, { description: "The household to change." })
  id!: string;

  @Field(() => Int, {
    description: "The household's version as last read (optimistic locking): another version → CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => AddressInput, { nullable: true, description: "The new address, whole." })
  @ValidateNested()
  address?: AddressInput;

  @Field(() => HousingType, { nullable: true, description: "The new housing type." })
  housingType?: HousingType;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The new rent per month in kronor, 0–1 000 000. Omitted: unchanged; null: no rent.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  monthlyRent?: Ore | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Set or lift protected identity (skyddade personuppgifter); needs ekonomiskt-bistand:protected.",
  })
  protectedIdentity?: boolean;
}

@InputType("UpdateAssistanceMemberInput", {
  description:
    "Changes to a household member, for updateAssistanceHouseholdMember. Only the fields given change; role and personnummer never change (register the person again instead).",
})
export class UpdateMemberInput {
  @Field(() => ID, { description: "The member to change (AssistanceHouseholdMember.id)." })
  memberId!: string;

  @Field(() => Int, {
    description: "The member's version as last read (optimistic locking): another version → CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "The new name, 1–200 characters." })
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "CHILD only: eats lunch at preschool 5 days a week (the lower riksnorm amount under 7).",
  })
  lunchAtPreschool?: boolean;

  @Field(() => Boolean, { nullable: true, description: "CHILD only: 19–20 and in upper-secondary school." })
  inUpperSecondary?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "OTHER_ADULT only: part of the application (true) or applying separately (false).",
  })
  includedInNorm?: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day the person moved out: the member counts in every month up to and including this day's. Not before joinedOn; the APPLICANT cannot leave.",
  })
  leftOn?: LocalDate;
}

@InputType("AssistanceHouseholdFilter", {
  description: "Narrows assistanceHouseholds; the filters given must all hold.",
})
export class HouseholdFilter {
  @Field(() => PersonnummerScalar, { nullable: true, description: "Households where this person is or was a member." })
  personnummer?: string;

  @Field(() => String, {
    nullable: true,
    description: "Households with a positive net payout (corrections included) for this month, YYYY-MM.",
  })
  paidInMonth?: string;
}

@ArgsType()
export class HouseholdListArgs extends PageArgs {
  @Field(() => HouseholdFilter, { nullable: true, description: "Which households; omitted: all the caller may see." })
  @ValidateNested()
  filter?: HouseholdFilter;
}
