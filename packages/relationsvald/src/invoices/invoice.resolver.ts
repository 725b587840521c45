import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { RelationsvaldScopes as S } from "../scopes";
import { InvoiceBasis, PlacementInvoiceBasis, RecordInvoiceInput } from "./invoice.types";
import { invoiceService } from "./invoice.service";
import { ProviderInvoice } from "./provider-invoice.entity";

@Resolver()
export class InvoiceResolver {
  @Authorized(S.READ, S.INVOICE)
  @Query(() => InvoiceBasis, {
    description:
      "Fakturaunderlag: a provider's placements in a month split into lines (month boundaries, fee changes, acute cover), service fees, and the invoices recorded — with the difference. Its totals cover every placement. relationsvald:read needs relationsvald:protected too; relationsvald:invoice alone gets protected placements only as one sum (protectedPlacements). Access-logged.",
  })
  invoiceBasis(
    @Arg("providerId", () => ID) providerId: string,
    @Arg("month", () => String, { description: "YYYY-MM" }) month: string,
    @Ctx() ctx: RequestContext,
  ) {
    return invoiceService(ctx).basis(providerId, month);
  }

  @Authorized(S.READ)
  @Query(() => PlacementInvoiceBasis, {
    description: "Fakturaunderlag vid utflyttning: one placement's lines month by month. Access-logged.",
  })
  placementInvoiceBasis(
    @Arg("placementId", () => ID) placementId: string,
    @Arg("to", () => LocalDateScalar, {
      nullable: true,
      description: "Last night to include; defaults to the night before move-out (or today while ongoing).",
    })
    to: LocalDate | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return invoiceService(ctx).placementBasis(placementId, to ?? undefined);
  }

  @Authorized(S.WRITE)
  @Mutation(() => ProviderInvoice, {
    description: "Record an invoice received from a provider; each invoice number once (a repeat gives CONFLICT).",
  })
  recordProviderInvoice(@Arg("input", () => RecordInvoiceInput) input: RecordInvoiceInput, @Ctx() ctx: RequestContext) {
    return invoiceService(ctx).record(input);
  }
}
