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

@InputType("IopAmendmentAmountInput", { description: "The amount an amendment adds for one calendar year." })
export class AmendmentAmountInput {
  @Field(() => Int, {
    description: "The calendar year, not before the year the agreement starts; each year once per amendment.",
  })
  @Range(...YEAR_RANGE)
  year!: number;

  @Field(() => MoneyScalar, {
    description: "Added for that year, in kronor (decimal string); negative to reduce, never zero.",
  })
  @MoneyRange(-MAX_YEARLY_AMOUNT, MAX_YEARLY_AMOUNT)
  amount!: Ore;
}

@InputType("IopAmendmentInput", {
  description:
    "Komplettering — an amendment that adds (or takes away) amounts for given years of an agreement, e.g. +150 000 kr for 2022.",
})
export class AmendmentInput {
  @Field(() => ID, {
    nullable: true,
    description: "The agreement amended. Required, here or in the deprecated top-level argument `agreementId`.",
  })
  agreementId?: string;

  @Field(() => String, { description: "Title of the amendment, 1–200 characters." })
  @Length(1, 200)
  title!: string;

  @Field(() => String, { nullable: true, description: "What it is for (at most 8 000 characters)." })
  @IsOptional()
  @MaxLength(8000)
  description?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The board decision (nämndbeslut) behind it: one of this agreement's boardDecisions.",
  })
  boardDecisionId?: string;

  @Field(() => [AmendmentAmountInput], {
    description: `The amounts per year: 1 to ${MAX_AMENDMENT_YEARS}, each year once.`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AMENDMENT_YEARS)
  @ValidateNested({ each: true })
  amounts!: AmendmentAmountInput[];
}

@InputType("IopInvoiceInput", {
  description:
    "Faktura — an invoice from the partner under an agreement; each invoice number is registered once per agreement (again is CONFLICT).",
})
export class InvoiceInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The agreement invoiced under (not a draft). Required, here or in the deprecated top-level argument `agreementId`.",
  })
  agreementId?: string;

  @Field(() => String, {
    description: "The partner's invoice number, 1–60 characters (leading and trailing spaces are dropped).",
  })
  @Length(1, 60)
  invoiceNumber!: string;

  @Field(() => LocalDateScalar, {
    description: "The invoice's date, not before the agreement starts; it decides the year the cost counts in.",
  })
  invoiceDate!: LocalDate;

  @Field(() => InvoiceKind, { description: "Whether it bills an agreed amount or adds to the cost." })
  kind!: InvoiceKind;

  @Field(() => MoneyScalar, { description: "The invoiced amount in kronor (decimal string), more than zero." })
  @MoneyRange(0, MAX_YEARLY_AMOUNT)
  amount!: Ore;

  @Field(() => String, { nullable: true, description: "What the invoice is for (at most 500 characters)." })
  @IsOptional()
  @MaxLength(500)
  description?: string;

  // IsOptional: without it class-validator checks the pattern on an absent key too.
  @IdempotencyKeyField()
  @IsOptional()
  idempotencyKey?: string | null;
}
