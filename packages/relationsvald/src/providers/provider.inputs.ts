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

@InputType({ description: "A new provider (utförare — who provides placements)." })
export class CreateProviderInput {
  @Field(() => String, {
    description: "The provider's name (1–200 characters); a family home is registered under a code name.",
  })
  @Length(1, 200)
  name!: string;

  @Field(() => ProviderKind, { description: "What kind of provider it is." })
  kind!: ProviderKind;

  @Field(() => OrganisationsnummerScalar, {
    nullable: true,
    description:
      "The organisationsnummer (Swedish organisation number), when the provider is an organisation; an IOP partner's links it to its partnership.",
  })
  organisationsnummer?: string;

  @Field(() => String, {
    nullable: true,
    description: "Address of the housing (1–500 characters). Stored, never returned by the API, for any scope.",
  })
  @IsOptional()
  @Length(1, 500)
  location?: string;
}

@InputType({ description: "Changes to a provider; omitted (or null) fields stay as they are." })
export class UpdateProviderInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The provider to change (PlacementProvider.id). Required: give it here (the top-level id argument is deprecated).",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => Int, {
    description: "The provider's version you read (PlacementProvider.version); a stale one gives CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "The new name (1–200 characters)." })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => OrganisationsnummerScalar, {
    nullable: true,
    description: "The provider's organisationsnummer (Swedish organisation number), set or corrected.",
  })
  organisationsnummer?: string;

  @Field(() => String, {
    nullable: true,
    description: "The new address of the housing (1–500 characters). Stored, never returned by the API, for any scope.",
  })
  @IsOptional()
  @Length(1, 500)
  location?: string;
}

@InputType({
  description:
    "A daily fee (dygnsavgift) per person and night from a date. An open-ended fee of the same provider and type that began earlier is closed the day before.",
})
export class AddDailyFeeInput {
  @Field(() => ID, { description: "The provider (PlacementProvider.id) that charges the fee." })
  providerId!: string;

  @Field(() => PlacementType, { description: "The placement type the fee applies to." })
  placementType!: PlacementType;

  @Field(() => LocalDateScalar, { description: "The first night the fee is in force." })
  validFrom!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The last night the fee is in force (inclusive), not before validFrom; null: until further notice.",
  })
  validTo?: LocalDate;

  @Field(() => MoneyScalar, {
    description:
      "What this municipality pays per person and night, in kronor (0 to 100 000); with iopDiscounted, the discounted fee.",
  })
  @MoneyRange(0, MAX_DAILY_FEE)
  dailyFee!: Ore;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "dailyFee is the discounted fee for municipalities covered by the provider's IOP (idéburet offentligt partnerskap — a partnership with a non-profit).",
  })
  iopDiscounted!: boolean;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "What other placing municipalities pay per person and night, in kronor; only with iopDiscounted, and not below dailyFee.",
  })
  @MoneyRange(0, MAX_DAILY_FEE)
  standardDailyFee?: Ore;
}

@InputType({ description: "A provider's fixed service fee (serviceavgift) for a period." })
export class AddServiceFeeAgreementInput {
  @Field(() => ID, { description: "The provider (PlacementProvider.id) the fee is paid to." })
  providerId!: string;

  @Field(() => String, {
    description: 'The decision or agreement behind the fee (1–200 characters), e.g. "ALN 2021-00102 § 125".',
  })
  @Length(1, 200)
  reference!: string;

  @Field(() => LocalDateScalar, { description: "The first day of the period." })
  validFrom!: LocalDate;

  @Field(() => LocalDateScalar, { description: "The last day of the period (inclusive); not before validFrom." })
  validTo!: LocalDate;

  @Field(() => MoneyScalar, {
    description:
      "The fixed amount for the whole period, in kronor (0 to 100 000 000); costs spread it pro rata over its days.",
  })
  @MoneyRange(0, MAX_INVOICE_AMOUNT)
  amount!: Ore;

  @Field(() => Int, {
    defaultValue: 0,
    description:
      "Nights of an acute placement (akutplacering) at this provider that the fee covers, 0–30 (2 under the Kvinnojouren IOP; 0: none).",
  })
  @Min(0)
  @Max(30)
  acuteFreeNights!: number;
}
