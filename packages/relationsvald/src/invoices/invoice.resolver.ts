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
      "The monthly invoice basis (fakturaunderlag — the basis against which a provider's invoice is checked): a provider's placements in a month split into lines (month boundaries, fee changes, acute cover), its service fees, and the invoices recorded — with the difference. Its totals cover every placement. relationsvald:read needs relationsvald:protected too; relationsvald:invoice alone gets protected placements only as one sum (protectedPlacements). Access-logged. NOT_FOUND for an unknown provider.",
  })
  invoiceBasis(
    @Arg("providerId", () => ID, { description: "The provider (PlacementProvider.id) whose month it is." })
    providerId: string,
    @Arg("month", () => String, { description: "The calendar month, as YYYY-MM (e.g. 2022-03)." }) month: string,
    @Ctx() ctx: RequestContext,
  ) {
    return invoiceService(ctx).basis(providerId, month);
  }

  @Authorized(S.READ)
  @Query(() => PlacementInvoiceBasis, {
    description:
      "The invoice basis at move-out (fakturaunderlag vid utflyttning): one placement's lines month by month, from its first night (relationsvald:read). Access-logged; NOT_FOUND for a placement the caller cannot see.",
  })
  placementInvoiceBasis(
    @Arg("placementId", () => ID, { description: "The placement (Placement.id)." }) placementId: string,
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
    description:
      "Record an invoice received from a provider (relationsvald:write), to compare with the invoice basis; each invoice number once per provider (a repeat gives CONFLICT on input.invoiceNumber). With input.idempotencyKey a retry returns the first answer.",
  })
  recordProviderInvoice(
    @Arg("input", () => RecordInvoiceInput, { description: "The invoice." }) input: RecordInvoiceInput,
    @Ctx() ctx: RequestContext,
  ) {
    return invoiceService(ctx).record(input);
  }
}
