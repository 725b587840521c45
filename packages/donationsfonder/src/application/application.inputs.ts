import { MAX_APPLICATION_PURPOSES } from "../shared/list-limits";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, Max, Min } from "class-validator";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
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
import { ApplicationStatus, Purpose } from "../shared/enums";
import { MAX_PER_APPLICATION, MAX_YEARLY_INCOME } from "../input-limits";

@InputType("RegisterDonationApplicationInput", {
  description:
    "An ansökan (application) to the donation funds as received. Each one is kept: one received before or after the application period, or a second one of the same person in the round, is kept as REFUSED with the reason.",
})
export class RegisterApplicationInput {
  @Field(() => ID, { description: "The round applied to (DonationRound.id); it must be OPEN." })
  roundId!: string;

  @Field(() => PersonnummerScalar, {
    description: "The applicant's personnummer or samordningsnummer (the Swedish personal identity number).",
  })
  personnummer!: string;

  @Field(() => LocalDateScalar, {
    description:
      "The date the application was received (not in the future); decides whether it came within the application period.",
  })
  receivedDate!: LocalDate;

  @Field(() => Boolean, {
    description: "True when the applicant is folkbokförd (registered as resident) in the municipality.",
  })
  resident!: boolean;

  @Field(() => Int, { description: "Persons in the household, the applicant included (1–20)." })
  @Min(1)
  @Max(20)
  householdSize!: number;

  @Field(() => MoneyScalar, {
    description: "The household's yearly income before tax (Money: kronor as a decimal string), not negative.",
  })
  @MoneyRange(0, MAX_YEARLY_INCOME)
  yearlyIncome!: Ore;

  @Field(() => [Purpose], { description: "Ändamål — what the money is for: at least one, each once." })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_APPLICATION_PURPOSES)
  @ArrayUnique()
  purposes!: Purpose[];

  @Field(() => MoneyScalar, { description: "Sökt belopp — the amount asked for, whole kronor, at least 1 kr." })
  @MoneyRange(0, MAX_PER_APPLICATION)
  amountRequested!: Ore;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType("UpdateDonationApplicationInput", {
  description:
    "Corrections to a RECEIVED application while its round is OPEN (before the allocation), and which application; omitted fields stay as they are.",
})
export class UpdateApplicationInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The application to correct (DonationApplication.id). Replaces the deprecated argument updateDonationApplication(id:); give one of the two.",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The application's version as you read it (DonationApplication.version); if it has changed since, the mutation is refused with CONFLICT. Replaces the deprecated argument expectedVersion; give one of the two.",
  })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "True when the applicant is folkbokförd (registered as resident) in the municipality; null = unchanged.",
  })
  resident?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Persons in the household, the applicant included (1–20); null = unchanged.",
  })
  @IsOptional()
  @Min(1)
  @Max(20)
  householdSize?: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The household's yearly income before tax, not negative; null = unchanged.",
  })
  @MoneyRange(0, MAX_YEARLY_INCOME)
  yearlyIncome?: Ore;

  @Field(() => [Purpose], {
    nullable: true,
    description: "Ändamål — what the money is for: at least one, each once; null = unchanged.",
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_APPLICATION_PURPOSES)
  @ArrayUnique()
  purposes?: Purpose[];

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Sökt belopp — the amount asked for, whole kronor, at least 1 kr; null = unchanged.",
  })
  @MoneyRange(0, MAX_PER_APPLICATION)
  amountRequested?: Ore;
}

@ArgsType()
export class ApplicationListArgs extends PageArgs {
  @Field(() => ID, { description: "The round whose applications to list (DonationRound.id)." })
  roundId!: string;

  @Field(() => ApplicationStatus, { nullable: true, description: "Only applications with this status; null = all." })
  status?: ApplicationStatus;

  @Field(() => ID, {
    nullable: true,
    description: "Only applications drawing from this fund (DonationFund.id); null = all.",
  })
  fundId?: string;

  @Field(() => PersonnummerScalar, {
    nullable: true,
    description: "Only this person's applications in the round (the refused ones included); null = everyone's.",
  })
  personnummer?: string;
}
