import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore } from "@arbetsliv/core";
import { InvoiceKind } from "./money.enums";

@InputType("IopAmendmentAmountInput")
export class AmendmentAmountInput {
  @Field(() => Int)
  year!: number;

  @Field(() => MoneyScalar, { description: "Added for that year (negative to reduce)." })
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
  @ArrayMaxSize(20)
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
  amount!: Ore;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string;
}
