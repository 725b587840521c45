import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { movedArgOptions, requiredMoved, type RequestContext } from "@arbetsliv/core";
import { IopScopes } from "../scopes";
import { Amendment } from "./amendment.entity";
import { Invoice } from "./invoice.entity";
import { AmendmentInput, InvoiceInput } from "./money.inputs";
import { moneyService } from "./money.service";

// An amendment's amounts, total and board decision are declared in money.graph.ts.
@Resolver(() => Amendment)
export class AmendmentResolver {
  @Authorized(IopScopes.WRITE)
  @Mutation(() => Amendment, {
    description:
      "Komplettering — add amounts for given years to an agreement (e.g. +150 000 kr for 2022); answers the new amendment. Scope iop:write.",
  })
  addIopAmendment(
    @Arg(
      "agreementId",
      () => ID,
      movedArgOptions("agreementId", "The agreement amended. Deprecated: give input.agreementId instead."),
    )
    agreementId: string | undefined,
    @Arg("input", () => AmendmentInput, { description: "The agreement (agreementId) and the amendment." })
    input: AmendmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return moneyService(ctx).addAmendment(requiredMoved("agreementId", input.agreementId, agreementId), input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Invoice, {
    description:
      "Register an invoice from the partner, exactly once per invoice number and agreement (again → CONFLICT); with input.idempotencyKey a retry answers the first result. Scope iop:write.",
  })
  registerIopInvoice(
    @Arg(
      "agreementId",
      () => ID,
      movedArgOptions("agreementId", "The agreement invoiced under. Deprecated: give input.agreementId instead."),
    )
    agreementId: string | undefined,
    @Arg("input", () => InvoiceInput, { description: "The agreement (agreementId) and the invoice." })
    input: InvoiceInput,
    @Ctx() ctx: RequestContext,
  ) {
    return moneyService(ctx).registerInvoice(requiredMoved("agreementId", input.agreementId, agreementId), input);
  }
}
