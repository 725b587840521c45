import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "@arbetsliv/core";
import { IopScopes } from "../scopes";
import { Amendment } from "./amendment.entity";
import { Invoice } from "./invoice.entity";
import { AmendmentInput, InvoiceInput } from "./money.inputs";
import { moneyService } from "./money.service";

// An amendment's amounts, total and board decision are declared in money.graph.ts.
@Resolver(() => Amendment)
export class AmendmentResolver {
  @Authorized(IopScopes.WRITE)
  @Mutation(() => Amendment, { description: "Komplettering: add amounts for given years (e.g. +150 tkr for 2022)." })
  addIopAmendment(
    @Arg("agreementId", () => ID) agreementId: string,
    @Arg("input", () => AmendmentInput) input: AmendmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return moneyService(ctx).addAmendment(agreementId, input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Invoice, {
    description: "Register an invoice from the partner, exactly once per invoice number (again → CONFLICT).",
  })
  registerIopInvoice(
    @Arg("agreementId", () => ID) agreementId: string,
    @Arg("input", () => InvoiceInput) input: InvoiceInput,
    @Ctx() ctx: RequestContext,
  ) {
    return moneyService(ctx).registerInvoice(agreementId, input);
  }
}
