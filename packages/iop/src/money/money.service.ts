import type { EntityManager } from "typeorm";
import {
  AccessAction,
  idempotentCreate,
  ConflictError,
  ValidationError,
  type Moved,
  type RequestContext,
} from "@arbetsliv/core";
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

  async addAmendment(agreement: Moved<string>, input: AmendmentInput): Promise<Amendment> {
    const agreementId = toId(agreement.field, agreement.value);
    const years = new Set<number>();
    input.amounts.forEach((a, i) => {
      assertYear(`input.amounts.${i}.year`, a.year);
      if (years.has(a.year))
        throw new ValidationError(`input.amounts.${i}.year`, "unique", {
          en: `${a.year} is given twice`,
          sv: `${a.year} anges två gånger`,
        });
      if (a.amount === 0)
        throw new ValidationError(`input.amounts.${i}.amount`, "non-zero", {
          en: "must not be zero",
          sv: "får inte vara noll",
        });
      years.add(a.year);
    });
    return inTransaction(this.ctx.ds, async (manager) => {
      const found = await findAgreement(manager, agreementId);
      let boardDecisionId: number | null = null;
      if (input.boardDecisionId) {
        boardDecisionId = toId("input.boardDecisionId", input.boardDecisionId);
        if (!(await manager.exists(BoardDecision, { where: { id: boardDecisionId, agreementId } }))) {
          throw new ValidationError("input.boardDecisionId", "exists", {
            en: "is not a board decision of this agreement",
            sv: "är inte ett nämndbeslut om den här överenskommelsen",
          });
        }
      }
      const startYear = Number(found.startDate.slice(0, 4));
      input.amounts.forEach((a, i) => {
        if (a.year < startYear)
          throw new ValidationError(`input.amounts.${i}.year`, "in-period", {
            en: `is before the agreement starts (${found.startDate})`,
            sv: `är före överenskommelsens startdag (${found.startDate})`,
          });
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
  async registerInvoice(agreement: Moved<string>, input: InvoiceInput): Promise<Invoice> {
    const agreementId = toId(agreement.field, agreement.value);
    if (input.amount <= 0)
      throw new ValidationError("input.amount", "positive", {
        en: "must be more than zero",
        sv: "måste vara mer än noll",
      });
    const invoiceNumber = input.invoiceNumber.trim();
    if (!invoiceNumber)
      throw new ValidationError("input.invoiceNumber", "required", {
        en: "must not be blank",
        sv: "får inte vara tomt",
      });
    try {
      return await idempotentCreate(this.ctx, {
        operation: "Mutation.registerIopInvoice",
        key: input.idempotencyKey,
        input: { ...input, agreementId },
        create: (manager) => this.registerInvoiceIn(manager, agreementId, agreement.field, invoiceNumber, input),
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
    agreementField: string,
    invoiceNumber: string,
    input: InvoiceInput,
  ): Promise<Invoice> {
    const agreement = await findAgreement(manager, agreementId);
    if (agreement.status === AgreementStatus.DRAFT)
      throw new ValidationError(agreementField, "signed", {
        en: "the agreement is a draft; nothing can be invoiced under it",
        sv: "överenskommelsen är ett utkast; inget kan faktureras enligt den",
      });
    if (input.invoiceDate < agreement.startDate) {
      throw new ValidationError("input.invoiceDate", "after-start", {
        en: `must not be before the agreement starts (${agreement.startDate})`,
        sv: `får inte vara före överenskommelsens startdag (${agreement.startDate})`,
      });
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
  return new ConflictError(
    {
      en: `Invoice ${invoiceNumber} is already registered for this agreement`,
      sv: `Faktura ${invoiceNumber} är redan registrerad för den här överenskommelsen`,
    },
    { field: "input.invoiceNumber" },
  );
}

export function moneyService(ctx: RequestContext): MoneyService {
  return new MoneyService(ctx);
}
