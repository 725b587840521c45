import type { EntityManager } from "typeorm";
import { AccessAction, idempotentCreate, ConflictError, ValidationError, type RequestContext } from "@arbetsliv/core";
import { inTransaction, isUniqueViolation, toId } from "@arbetsliv/core/data";
import { AgreementStatus } from "../agreement/agreement.enums";
import { BoardDecision } from "../agreement/board-decision.entity";
import { assertYear } from "../shared/helpers";
import { Amendment, AmendmentAmount } from "./amendment.entity";
import { Invoice } from "./invoice.entity";
import type { AmendmentInput, InvoiceInput } from "./money.inputs";
import { findAgreement } from "../agreement/find-agreement";
import { logIopChange } from "../shared/change-log";

/** Amendments (kompletteringar) and the partner's invoices. */
export class MoneyService {
  constructor(private readonly ctx: RequestContext) {}

  async addAmendment(agreementIdValue: string, input: AmendmentInput): Promise<Amendment> {
    const agreementId = toId("agreementId", agreementIdValue);
    const years = new Set<number>();
    input.amounts.forEach((a, i) => {
      assertYear(`input.amounts.${i}.year`, a.year);
      if (years.has(a.year)) throw new ValidationError(`input.amounts.${i}.year`, "unique", `${a.year} is given twice`);
      if (a.amount === 0) throw new ValidationError(`input.amounts.${i}.amount`, "non-zero", "must not be zero");
      years.add(a.year);
    });
    return inTransaction(this.ctx.ds, async (manager) => {
      const agreement = await findAgreement(manager, agreementId);
      let boardDecisionId: number | null = null;
      if (input.boardDecisionId) {
        boardDecisionId = toId("input.boardDecisionId", input.boardDecisionId);
        if (!(await manager.exists(BoardDecision, { where: { id: boardDecisionId, agreementId } }))) {
          throw new ValidationError("input.boardDecisionId", "exists", "is not a board decision of this agreement");
        }
      }
      const startYear = Number(agreement.startDate.slice(0, 4));
      input.amounts.forEach((a, i) => {
        if (a.year < startYear)
          throw new ValidationError(
            `input.amounts.${i}.year`,
            "in-period",
            `is before the agreement starts (${agreement.startDate})`,
          );
      });
      const amendment = manager.create(Amendment, {
        agreementId,
        title: input.title,
        description: input.description ?? null,
        boardDecisionId,
      });
      await manager.save(amendment);
      await manager.insert(
        AmendmentAmount,
        input.amounts.map((a) => ({ amendmentId: amendment.id, agreementId, year: a.year, amount: a.amount })),
      );
      await logIopChange(this.ctx, manager, AccessAction.CREATE, "Mutation.addIopAmendment", "IopAmendment", [
        amendment.id,
      ]);
      return amendment;
    });
  }

  /** Registers an invoice exactly once: the same invoice number again is CONFLICT, however many arrive at once. */
  async registerInvoice(agreementIdValue: string, input: InvoiceInput): Promise<Invoice> {
    const agreementId = toId("agreementId", agreementIdValue);
    if (input.amount <= 0) throw new ValidationError("input.amount", "positive", "must be more than zero");
    const invoiceNumber = input.invoiceNumber.trim();
    if (!invoiceNumber) throw new ValidationError("input.invoiceNumber", "required", "must not be blank");
    try {
      return await idempotentCreate(this.ctx, {
        operation: "Mutation.registerIopInvoice",
        key: input.idempotencyKey,
        input: { ...input, agreementId },
        create: (manager) => this.registerInvoiceIn(manager, agreementId, invoiceNumber, input),
        idOf: (invoice) => invoice.id,
        reread: (id) => this.ctx.ds.manager.findOneOrFail(Invoice, { where: { id: Number(id) } }),
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicate(invoiceNumber);
      throw e;
    }
  }

  /** The registration itself, inside the caller's transaction (it opens none). */
  private async registerInvoiceIn(
    manager: EntityManager,
    agreementId: number,
    invoiceNumber: string,
    input: InvoiceInput,
  ): Promise<Invoice> {
    const agreement = await findAgreement(manager, agreementId);
    if (agreement.status === AgreementStatus.DRAFT)
      throw new ValidationError("agreementId", "signed", "the agreement is a draft; nothing can be invoiced under it");
    if (input.invoiceDate < agreement.startDate) {
      throw new ValidationError(
        "input.invoiceDate",
        "after-start",
        `must not be before the agreement starts (${agreement.startDate})`,
      );
    }
    if (await manager.exists(Invoice, { where: { agreementId, invoiceNumber } })) throw duplicate(invoiceNumber);
    const invoice = manager.create(Invoice, {
      agreementId,
      invoiceNumber,
      invoiceDate: input.invoiceDate,
      kind: input.kind,
      amount: input.amount,
      description: input.description ?? null,
    });
    await manager.save(invoice);
    await logIopChange(this.ctx, manager, AccessAction.CREATE, "Mutation.registerIopInvoice", "IopInvoice", [
      invoice.id,
    ]);
    return invoice;
  }
}

function duplicate(invoiceNumber: string): ConflictError {
  return new ConflictError(`Invoice ${invoiceNumber} is already registered for this agreement`, {
    field: "input.invoiceNumber",
  });
}

export function moneyService(ctx: RequestContext): MoneyService {
  return new MoneyService(ctx);
}
