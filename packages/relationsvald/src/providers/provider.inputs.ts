import { IsOptional, Length, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import {
  LocalDateScalar,
  MoneyScalar,
  OrganisationsnummerScalar,
  type LocalDate,
  type Ore,
  MoneyRange,
  Range,
  VERSION_RANGE,
} from "@arbetsliv/core/values";
import { PlacementType, ProviderKind } from "../enums";
import { MAX_DAILY_FEE, MAX_INVOICE_AMOUNT } from "../input-limits";

@InputType({ description: "A new provider (utförare)." })
export class CreateProviderInput {
  @Field(() => String, { description: "A family home is registered under a code name." })
  @Length(1, 200)
  name!: string;

  @Field(() => ProviderKind)
  kind!: ProviderKind;

  @Field(() => OrganisationsnummerScalar, { nullable: true })
  organisationsnummer?: string;

  @Field(() => String, { nullable: true, description: "Address of the housing. Stored, never returned by the API." })
  @IsOptional()
  @Length(1, 500)
  location?: string;
}

@InputType({ description: "Changes to a provider; omitted fields stay." })
export class UpdateProviderInput {
  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => OrganisationsnummerScalar, { nullable: true })
  organisationsnummer?: string;

  @Field(() => String, { nullable: true, description: "Stored, never returned by the API." })
  @IsOptional()
  @Length(1, 500)
  location?: string;
}

@InputType({
  description:
    "A daily fee per person from a date. An open-ended fee of the same provider and type that began earlier is closed the day before.",
})
export class AddDailyFeeInput {
  @Field(() => ID)
  providerId!: string;

  @Field(() => PlacementType)
  placementType!: PlacementType;

  @Field(() => LocalDateScalar)
  validFrom!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo?: LocalDate;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_DAILY_FEE)
  dailyFee!: Ore;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "The discounted fee for municipalities covered by the provider's IOP.",
  })
  iopDiscounted!: boolean;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "What other placing municipalities pay (for a discounted fee).",
  })
  @MoneyRange(0, MAX_DAILY_FEE)
  standardDailyFee?: Ore;
}

@InputType({ description: "A provider's fixed service fee for a period (serviceavgift)." })
export class AddServiceFeeAgreementInput {
  @Field(() => ID)
  providerId!: string;

  @Field(() => String)
  @Length(1, 200)
  reference!: string;

  @Field(() => LocalDateScalar)
  validFrom!: LocalDate;

  @Field(() => LocalDateScalar)
  validTo!: LocalDate;

  @Field(() => MoneyScalar, { description: "The fixed amount for the whole period." })
  @MoneyRange(0, MAX_INVOICE_AMOUNT)
  amount!: Ore;

  @Field(() => Int, {
    defaultValue: 0,
    description: "Nights of an acute placement the fee covers (2 under the Kvinnojouren IOP).",
  })
  @Min(0)
  @Max(30)
  acuteFreeNights!: number;
}
