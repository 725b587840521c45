import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { MaxItems, MoneyScalar, type RequestContext } from "@arbetsliv/core";
import { MAX_AMENDMENT_YEARS } from "../shared/list-limits";
import { BoardDecision } from "../agreement/board-decision.entity";
import { IopScopes } from "../scopes";
import { loadById, loadMany } from "../shared/loaders";
import { Amendment, AmendmentAmount } from "./amendment.entity";
import { Invoice } from "./invoice.entity";
import { AmendmentInput, InvoiceInput } from "./money.inputs";
import { moneyService } from "./money.service";

@Resolver(() => Amendment)
export class AmendmentResolver {
  @Authorized(IopScopes.WRITE)
  @Mutation(() => Amendment, { description: "Komplettering: add amounts for given years (e.g. +150 tkr for 2022)." })
  addIopAmendment(@Arg("agreementId", () => ID) agreementId: string, @Arg("input", () => AmendmentInput) input: AmendmentInput, @Ctx() ctx: RequestContext) {
    return moneyService(ctx).addAmendment(agreementId, input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Invoice, { description: "Register an invoice from the partner, exactly once per invoice number (again → CONFLICT)." })
  registerIopInvoice(@Arg("agreementId", () => ID) agreementId: string, @Arg("input", () => InvoiceInput) input: InvoiceInput, @Ctx() ctx: RequestContext) {
    return moneyService(ctx).registerInvoice(agreementId, input);
  }

  @FieldResolver(() => [AmendmentAmount], { description: "Amounts per year." })
  @MaxItems(MAX_AMENDMENT_YEARS)
  amounts(@Root() a: Amendment, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "amountsByAmendment", AmendmentAmount, "amendmentId", a.id, { year: "ASC" });
  }

  @FieldResolver(() => MoneyScalar, { description: "Sum over all years." })
  async total(@Root() a: Amendment, @Ctx() ctx: RequestContext) {
    const amounts = await loadMany(ctx, "amountsByAmendment", AmendmentAmount, "amendmentId", a.id, { year: "ASC" });
    return amounts.reduce((s, x) => s + x.amount, 0);
  }

  @FieldResolver(() => BoardDecision, { nullable: true })
  boardDecision(@Root() a: Amendment, @Ctx() ctx: RequestContext) {
    return a.boardDecisionId === null ? null : loadById(ctx, "decisionById", BoardDecision, a.boardDecisionId);
  }
}
