import { Length, Matches } from "class-validator";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { IdempotencyKeyField, MAX_REPORT_ROWS, MaxItems } from "@arbetsliv/core";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore, MoneyRange } from "@arbetsliv/core/values";
import { PlacementType } from "../enums";
import { ProviderInvoice } from "./provider-invoice.entity";
import { MAX_INVOICE_AMOUNT } from "../input-limits";

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

@ObjectType({
  description:
    "One line of an invoice basis (fakturaunderlag): a placement's consecutive nights in one month at one daily fee. A new line starts at a month boundary, a fee change and the end of an acute placement's covered nights.",
})
export class InvoiceLine {
  @Field(() => ID, { description: "The placement the nights belong to (Placement.id)." })
  placementId!: number;

  @Field(() => PlacementType, { description: "The placement's type, which decides the fee." })
  placementType!: PlacementType;

  @Field(() => String, { description: "The calendar month of the nights, as YYYY-MM." })
  month!: string;

  @Field(() => LocalDateScalar, { description: "The first night of the line." })
  firstNight!: LocalDate;

  @Field(() => LocalDateScalar, { description: "Last night of the line (inclusive)." })
  lastNight!: LocalDate;

  @Field(() => Int, { description: "Nights from firstNight to lastNight, both included." })
  nights!: number;

  @Field(() => Int, { description: "Persons covered (the adult and accompanying children): the fee is per person." })
  persons!: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "The daily fee (dygnsavgift) per person and night in force for the nights, in kronor; null when no fee is in force (the amount is then 0: fix the fee table).",
  })
  dailyFee!: Ore | null;

  @Field(() => Boolean, {
    description:
      "An acute placement's first nights, covered by the fixed service fee (the partner rule of ServiceFeeAgreement.acuteFreeNights): the amount is 0.",
  })
  coveredByServiceFee!: boolean;

  @Field(() => MoneyScalar, {
    description:
      "nights × persons × dailyFee in kronor, exact to the öre; 0 when covered by the service fee or no fee is in force.",
  })
  amount!: Ore;
}

@ObjectType({
  description:
    "The share of a fixed service fee (serviceavgift) that falls in the month: its amount spread pro rata over the days of its period, rounded to the öre so that the months of a period add up to the amount exactly.",
})
export class ServiceFeeLine {
  @Field(() => ID, { description: "The service-fee agreement (ServiceFeeAgreement.id)." })
  agreementId!: number;

  @Field(() => String, { description: 'The agreement\'s decision or reference, e.g. "ALN 2021-00102 § 125".' })
  reference!: string;

  @Field(() => MoneyScalar, { description: "The month's share in kronor." })
  amount!: Ore;
}

@ObjectType({
  description:
    "The placements of people with protected identity (skyddade personuppgifter) in an invoice basis, summed: no count, placement id, person, date or type. Zeros when there are none.",
})
export class ProtectedPlacementsSum {
  @Field(() => Int, { description: "Their nights in the month." })
  nights!: number;

  @Field(() => MoneyScalar, { description: "Their share of placementTotal, in kronor." })
  amount!: Ore;

  @Field(() => MoneyScalar, {
    description:
      "Placement invoices tied to one of them (at move-out), in kronor; in invoicedTotal, and listed in invoices only when itemised.",
  })
  invoiced!: Ore;
}

@ObjectType({
  description:
    "The invoice basis (fakturaunderlag — what a provider's invoice is checked against) of one provider and calendar month, compared with what the provider invoiced. Amounts in kronor.",
})
export class InvoiceBasis {
  @Field(() => ID, { description: "The provider (PlacementProvider.id)." })
  providerId!: number;

  @Field(() => String, { description: "The provider's name (a family home's code name)." })
  providerName!: string;

  @Field(() => String, { description: "The calendar month, as YYYY-MM." })
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

  @Field(() => [ServiceFeeLine], {
    description: "The month's share of each service-fee agreement of the provider in force in the month.",
  })
  @MaxItems(MAX_REPORT_ROWS)
  serviceFees!: ServiceFeeLine[];

  @Field(() => MoneyScalar, {
    description: "The sum of every placement line of the month, protected placements included, in kronor.",
  })
  placementTotal!: Ore;

  @Field(() => MoneyScalar, { description: "The sum of serviceFees, in kronor." })
  serviceFeeTotal!: Ore;

  @Field(() => MoneyScalar, { description: "placementTotal + serviceFeeTotal, in kronor." })
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
    description: "invoicedTotal − placementTotal, in kronor: positive when the provider invoiced more than the basis.",
  })
  difference!: Ore;
}

@ObjectType({
  description:
    "The invoice basis at move-out (fakturaunderlag vid utflyttning): every line of one placement, month by month.",
})
export class PlacementInvoiceBasis {
  @Field(() => ID, { description: "The placement (Placement.id)." })
  placementId!: number;

  @Field(() => LocalDateScalar, { description: "The first night counted: the placement's start date." })
  from!: LocalDate;

  @Field(() => LocalDateScalar, { description: "Last night counted." })
  to!: LocalDate;

  @Field(() => [InvoiceLine], { description: "The placement's lines from `from` to `to`, oldest first." })
  @MaxItems(MAX_REPORT_ROWS)
  lines!: InvoiceLine[];

  @Field(() => MoneyScalar, { description: "The sum of the lines, in kronor." })
  total!: Ore;
}

@InputType({ description: "An invoice received from a provider." })
export class RecordInvoiceInput {
  @Field(() => ID, { description: "The provider (PlacementProvider.id) that sent the invoice." })
  providerId!: string;

  @Field(() => String, {
    description: "The provider's invoice number (1–64 characters); each is recorded once per provider.",
  })
  @Length(1, 64)
  invoiceNumber!: string;

  @Field(() => String, { description: "The calendar month the invoice covers, as YYYY-MM." })
  @Matches(MONTH_PATTERN, { message: "month must be YYYY-MM" })
  month!: string;

  @Field(() => MoneyScalar, {
    description: "The invoiced amount in kronor (0 to 100 000 000); record a credit note separately.",
  })
  @MoneyRange(0, MAX_INVOICE_AMOUNT)
  amount!: Ore;

  @Field(() => LocalDateScalar, { description: "The day the invoice was received." })
  receivedOn!: LocalDate;

  @Field(() => ID, {
    nullable: true,
    description:
      "For an invoice at move-out (utflyttning): the placement (Placement.id), one with this provider that the caller may see. Null for a monthly invoice.",
  })
  placementId?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "An invoice of the fixed service fee rather than of placement nights (then without placementId); left out of the monthly comparison.",
  })
  serviceFee!: boolean;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
