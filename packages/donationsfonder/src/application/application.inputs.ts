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
} from "@arbetsliv/core/values";
import { ApplicationStatus, Purpose } from "../shared/enums";
import { MAX_PER_APPLICATION, MAX_YEARLY_INCOME } from "../input-limits";

@InputType("RegisterDonationApplicationInput", {
  description: "Ansökan as received. Late, early or duplicate ones are kept as REFUSED with the reason.",
})
export class RegisterApplicationInput {
  @Field(() => ID)
  roundId!: string;

  @Field(() => PersonnummerScalar)
  personnummer!: string;

  @Field(() => LocalDateScalar, { description: "The date the application was received (not in the future)." })
  receivedDate!: LocalDate;

  @Field(() => Boolean, { description: "Folkbokförd i kommunen." })
  resident!: boolean;

  @Field(() => Int, { description: "Persons in the household, the applicant included." })
  @Min(1)
  @Max(20)
  householdSize!: number;

  @Field(() => MoneyScalar, { description: "The household's yearly income before tax." })
  @MoneyRange(0, MAX_YEARLY_INCOME)
  yearlyIncome!: Ore;

  @Field(() => [Purpose])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_APPLICATION_PURPOSES)
  @ArrayUnique()
  purposes!: Purpose[];

  @Field(() => MoneyScalar, { description: "Sökt belopp, whole kronor." })
  @MoneyRange(0, MAX_PER_APPLICATION)
  amountRequested!: Ore;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType("UpdateDonationApplicationInput", {
  description: "Corrections to a received application before the allocation; omitted fields stay.",
})
export class UpdateApplicationInput {
  @Field(() => Boolean, { nullable: true })
  resident?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(20)
  householdSize?: number;

  @Field(() => MoneyScalar, { nullable: true })
  @MoneyRange(0, MAX_YEARLY_INCOME)
  yearlyIncome?: Ore;

  @Field(() => [Purpose], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_APPLICATION_PURPOSES)
  @ArrayUnique()
  purposes?: Purpose[];

  @Field(() => MoneyScalar, { nullable: true })
  @MoneyRange(0, MAX_PER_APPLICATION)
  amountRequested?: Ore;
}

@ArgsType()
export class ApplicationListArgs extends PageArgs {
  @Field(() => ID)
  roundId!: string;

  @Field(() => ApplicationStatus, { nullable: true })
  status?: ApplicationStatus;

  @Field(() => ID, { nullable: true, description: "Applications drawing from this fund." })
  fundId?: string;

  @Field(() => PersonnummerScalar, { nullable: true, description: "One person's applications in the round." })
  personnummer?: string;
}
