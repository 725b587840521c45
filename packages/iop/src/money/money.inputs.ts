import { MAX_AMENDMENT_YEARS } from "../shared/list-limits";
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField } from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  type LocalDate,
  type Ore,
  MoneyRange,
  Range,
  YEAR_RANGE,
} from "@arbetsliv/core/values";
import { InvoiceKind } from "./money.enums";
import { MAX_YEARLY_AMOUNT } from "../input-limits";

@InputType("IopAmendmentAmountInput")
export class AmendmentAmountInput {
  @Field(() => Int)
  @Range(...YEAR_RANGE)
  year!: number;

  @Field(() => MoneyScalar, { description: "Added for that year (negative to reduce)." })
  @MoneyRange(-MAX_YEARLY_AMOUNT, MAX_YEARLY_AMOUNT)
  amount!: Ore;
}

@InputType("IopAmendmentInput", { description: "Komplettering — adds amounts for given years." })
export class AmendmentInput {
  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(8000)
  description?: string;

  @Field(() => ID, { nullable: true, description: "The board decision behind it (one of the agreement's)." })
  boardDecisionId?: string;

  @Field(() => [AmendmentAmountInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AMENDMENT_YEARS)
  @ValidateNested({ each: true })
  amounts!: AmendmentAmountInput[];
}

@InputType("IopInvoiceInput", { description: "An invoice from the partner; each invoice number is registered once." })
export class InvoiceInput {
  @Field(() => String)
  @Length(1, 60)
  invoiceNumber!: string;

  @Field(() => LocalDateScalar)
  invoiceDate!: LocalDate;

  @Field(() => InvoiceKind)
  kind!: InvoiceKind;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_YEARLY_AMOUNT)
  amount!: Ore;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string;

  // IsOptional: without it class-validator checks the pattern on an absent key too.
  @IdempotencyKeyField()
  @IsOptional()
  idempotencyKey?: string | null;
}
