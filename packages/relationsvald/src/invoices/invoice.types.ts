import { Length, Matches } from "class-validator";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { IdempotencyKeyField, MAX_REPORT_ROWS, MaxItems } from "@arbetsliv/core";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore, MoneyRange } from "@arbetsliv/core/values";
import { PlacementType } from "../enums";
import { ProviderInvoice } from "./provider-invoice.entity";
import { MAX_INVOICE_AMOUNT } from "../input-limits";

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

@ObjectType({ description: "Fakturaunderlag — one line: a placement's nights in one month at one fee." })
export class InvoiceLine {
  @Field(() => ID)
  placementId!: number;

  @Field(() => PlacementType)
  placementType!: PlacementType;

  @Field(() => String, { description: "YYYY-MM" })
  month!: string;

  @Field(() => LocalDateScalar)
  firstNight!: LocalDate;

  @Field(() => LocalDateScalar, { description: "Last night of the line (inclusive)." })
  lastNight!: LocalDate;

  @Field(() => Int)
  nights!: number;

  @Field(() => Int)
  persons!: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Per person and night; null when no fee is in force (fix the fee table).",
  })
  dailyFee!: Ore | null;

  @Field(() => Boolean, {
    description: "An acute placement's first nights, covered by the fixed service fee (partner rule).",
  })
  coveredByServiceFee!: boolean;

  @Field(() => MoneyScalar)
  amount!: Ore;
}

@ObjectType({ description: "The share of a fixed service fee that falls in the period (pro rata over its days)." })
export class ServiceFeeLine {
  @Field(() => ID)
  agreementId!: number;

  @Field(() => String)
  reference!: string;

  @Field(() => MoneyScalar)
  amount!: Ore;
}

@ObjectType({
  description:
    "The placements of people with protected identity in an invoice basis, summed: no count, placement id, person, date or type.",
})
export class ProtectedPlacementsSum {
  @Field(() => Int, { description: "Their nights in the month." })
  nights!: number;

  @Field(() => MoneyScalar, { description: "Their share of placementTotal." })
  amount!: Ore;

  @Field(() => MoneyScalar, {
    description:
      "Placement invoices tied to one of them (at move-out); in invoicedTotal, and listed in invoices only when itemised.",
  })
  invoiced!: Ore;
}

@ObjectType({
  description:
    "Fakturaunderlag per utförare och månad — the monthly invoice basis, compared with what the provider invoiced.",
})
export class InvoiceBasis {
  @Field(() => ID)
  providerId!: number;

  @Field(() => String)
  providerName!: string;

  @Field(() => String, { description: "YYYY-MM" })
  month!: string;

  @Field(() => [InvoiceLine], {
    description:
      "Every placement's lines — without relationsvald:protected, those of placements concerning a protected person are left out and only summed in protectedPlacements.",
  })
  @MaxItems(MAX_REPORT_ROWS)
  lines!: InvoiceLine[];

  @Field(() => Boolean, {
    description:
      "True when protected placements are itemised in lines and invoices (the caller holds relationsvald:protected); false when they appear only in protectedPlacements.",
  })
  protectedItemised!: boolean;

  @Field(() => ProtectedPlacementsSum, {
    description:
      "The placements of people with protected identity, summed — included in every total whoever asks, so finance pays the true invoice.",
  })
  protectedPlacements!: ProtectedPlacementsSum;

  @Field(() => Int, { description: "Nights of all the month's placements, protected ones included." })
  nights!: number;

  @Field(() => Int, {
    description: "Person-nights (nights × persons) of all the month's placements, protected ones included.",
  })
  personNights!: number;

  @Field(() => [ServiceFeeLine])
  @MaxItems(MAX_REPORT_ROWS)
  serviceFees!: ServiceFeeLine[];

  @Field(() => MoneyScalar)
  placementTotal!: Ore;

  @Field(() => MoneyScalar)
  serviceFeeTotal!: Ore;

  @Field(() => MoneyScalar, { description: "placementTotal + serviceFeeTotal" })
  total!: Ore;

  @Field(() => Int, {
    description: "Nights with no fee in force (protected placements included); they are in the lines with amount 0.",
  })
  nightsWithoutFee!: number;

  @Field(() => [ProviderInvoice], {
    description:
      "Invoices recorded for this provider and month (monthly and at move-out); one tied to a protected placement only when protectedItemised.",
  })
  @MaxItems(MAX_REPORT_ROWS)
  invoices!: ProviderInvoice[];

  @Field(() => MoneyScalar, {
    description: "Sum of the month's placement invoices (service-fee invoices excluded), protected ones included.",
  })
  invoicedTotal!: Ore;

  @Field(() => MoneyScalar, {
    description: "invoicedTotal − placementTotal: positive when the provider invoiced more than the basis.",
  })
  difference!: Ore;
}

@ObjectType({ description: "Fakturaunderlag vid utflyttning — all lines of one placement, month by month." })
export class PlacementInvoiceBasis {
  @Field(() => ID)
  placementId!: number;

  @Field(() => LocalDateScalar)
  from!: LocalDate;

  @Field(() => LocalDateScalar, { description: "Last night counted." })
  to!: LocalDate;

  @Field(() => [InvoiceLine])
  @MaxItems(MAX_REPORT_ROWS)
  lines!: InvoiceLine[];

  @Field(() => MoneyScalar)
  total!: Ore;
}

@InputType({ description: "An invoice received from a provider." })
export class RecordInvoiceInput {
  @Field(() => ID)
  providerId!: string;

  @Field(() => String)
  @Length(1, 64)
  invoiceNumber!: string;

  @Field(() => String, { description: "YYYY-MM the invoice covers." })
  @Matches(MONTH_PATTERN, { message: "month must be YYYY-MM" })
  month!: string;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_INVOICE_AMOUNT)
  amount!: Ore;

  @Field(() => LocalDateScalar)
  receivedOn!: LocalDate;

  @Field(() => ID, { nullable: true, description: "For an invoice at move-out: the placement." })
  placementId?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "An invoice of the fixed service fee rather than of placement days.",
  })
  serviceFee!: boolean;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
