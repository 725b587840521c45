import { In, type EntityManager } from "typeorm";
import {
  AccessAction,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  hasScope,
  ValidationError,
  idempotentCreate,
  type RequestContext,
} from "@arbetsliv/core";
import { addDays, todayLocalDate, type LocalDate } from "@arbetsliv/core/values";
import { isUniqueViolation, toId } from "@arbetsliv/core/data";
import { costLines, proRata, type CostLine, type Period } from "../costs/placement-days.rules";
import { Placement } from "../placements/placement.entity";
import { placementService } from "../placements/placement.service";
import { ProviderDailyFee } from "../providers/provider-fee.entity";
import { PlacementProvider } from "../providers/provider.entity";
import { ServiceFeeAgreement } from "../providers/service-fee-agreement.entity";
import { DOMAIN, RelationsvaldScopes } from "../scopes";
import { placementNotProtectedSql, seesProtected } from "../shared";
import { ProviderInvoice } from "./provider-invoice.entity";
import {
  MONTH_PATTERN,
  type InvoiceBasis,
  type InvoiceLine,
  type PlacementInvoiceBasis,
  type RecordInvoiceInput,
} from "./invoice.types";

export function monthPeriod(month: string): Period {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

function sum<T>(rows: readonly T[], value: (row: T) => number): number {
  return rows.reduce((s, r) => s + value(r), 0);
}

function toLines(placement: Placement, lines: CostLine[]): InvoiceLine[] {
  return lines.map((l) => ({
    placementId: placement.id,
    placementType: placement.type,
    month: l.month,
    firstNight: l.firstNight,
    lastNight: l.lastNight,
    nights: l.nights,
    persons: l.persons,
    dailyFee: l.dailyFeeOre,
    coveredByServiceFee: l.coveredByServiceFee,
    amount: l.amountOre,
  }));
}

/** Invoice basis (fakturaunderlag) per provider and month and at move-out; provider invoices and the comparison. */
export class InvoiceService {
  constructor(private readonly ctx: RequestContext) {}

  private async feesAndCovers(manager: EntityManager, providerIds: number[]) {
    const [fees, agreements] = await Promise.all([
      manager.find(ProviderDailyFee, { where: { providerId: In(providerIds) } }),
      manager.find(ServiceFeeAgreement, { where: { providerId: In(providerIds) } }),
    ]);
    const feesFor = (p: Placement) =>
      fees
        .filter((f) => f.providerId === p.providerId && f.placementType === p.type)
        .map((f) => ({ ...f, dailyFeeOre: f.dailyFee }));
    const coversFor = (p: Placement) => agreements.filter((a) => a.providerId === p.providerId);
    return { feesFor, coversFor, agreements };
  }

  /**
   * The monthly invoice basis of a provider. Its totals cover every placement, including those of
   * people with protected identity, whoever asks: finance must check and pay the true invoice.
   * With relationsvald:protected (on top of :read or :invoice) every placement is itemised; with
   * relationsvald:invoice alone the protected ones are left out of `lines` and `invoices` and appear
   * only as one sum (`protectedPlacements`) that names no placement, person, date or type.
   * relationsvald:read alone is refused: a caseworker's view has no protected placements at all.
   */
  async basis(providerIdValue: string, month: string): Promise<InvoiceBasis> {
    const itemised = seesProtected(this.ctx);
    if (!itemised && !hasScope(this.ctx.principal, RelationsvaldScopes.INVOICE)) {
      throw new ForbiddenError([RelationsvaldScopes.PROTECTED, RelationsvaldScopes.INVOICE]);
    }
    if (!MONTH_PATTERN.test(month))
      throw new ValidationError("month", "format", { en: "must be YYYY-MM", sv: "måste anges som ÅÅÅÅ-MM" });
    const providerId = toId("providerId", providerIdValue);
    const manager = this.ctx.ds.manager;
    const provider = await manager.findOne(PlacementProvider, { where: { id: providerId } });
    if (!provider) throw new NotFoundError("PlacementProvider", providerId);
    const period = monthPeriod(month);
    const placements = await manager
      .createQueryBuilder(Placement, "p")
      .where("p.providerId = :providerId", { providerId })
      .andWhere("p.startDate <= :to AND (p.endDate IS NULL OR p.endDate > :from)", period)
      .orderBy("p.startDate", "ASC")
      .addOrderBy("p.id", "ASC")
      .getMany();
    const allInvoices = await manager.find(ProviderInvoice, { where: { providerId, month }, order: { id: "ASC" } });
    // An invoice at move-out may name a placement with no night in this month: check its id too.
    const protectedIds = await this.protectedAmong(manager, [
      ...placements.map((p) => p.id),
      ...allInvoices.flatMap((i) => (i.placementId === null ? [] : [i.placementId])),
    ]);
    const isProtected = (p: Pick<Placement, "id">) => protectedIds.has(p.id);
    const { feesFor, coversFor, agreements } = await this.feesAndCovers(manager, [providerId]);
    const allLines = placements.flatMap((p) => toLines(p, costLines(p, feesFor(p), coversFor(p), period)));
    const ofProtectedPlacement = (l: InvoiceLine) => isProtected({ id: l.placementId });
    const protectedLines = allLines.filter(ofProtectedPlacement);
    const serviceFees = agreements
      .map((a) => ({
        agreementId: a.id,
        reference: a.reference,
        amount: proRata(a.amount, a.validFrom, a.validTo, period),
      }))
      .filter((s) => s.amount !== 0);
    const ofProtected = (i: ProviderInvoice) => i.placementId !== null && isProtected({ id: i.placementId });
    await this.logBasisRead(placements, isProtected, itemised, providerId, month);
    const placementTotal = sum(allLines, (l) => l.amount);
    const serviceFeeTotal = sum(serviceFees, (l) => l.amount);
    const placementInvoices = allInvoices.filter((i) => !i.serviceFee);
    const invoicedTotal = sum(placementInvoices, (i) => i.amount);
    return {
      providerId,
      providerName: provider.name,
      month,
      lines: itemised ? allLines : allLines.filter((l) => !ofProtectedPlacement(l)),
      protectedItemised: itemised,
      protectedPlacements: {
        nights: sum(protectedLines, (l) => l.nights),
        amount: sum(protectedLines, (l) => l.amount),
        invoiced: sum(placementInvoices.filter(ofProtected), (i) => i.amount),
      },
      nights: sum(allLines, (l) => l.nights),
      personNights: sum(allLines, (l) => l.nights * l.persons),
      serviceFees,
      placementTotal,
      serviceFeeTotal,
      total: placementTotal + serviceFeeTotal,
      nightsWithoutFee: sum(
        allLines.filter((l) => l.dailyFee === null),
        (l) => l.nights,
      ),
      invoices: itemised ? allInvoices : allInvoices.filter((i) => !ofProtected(i)),
      invoicedTotal,
      difference: invoicedTotal - placementTotal,
    };
  }

  /** The ids among these placement ids that concern a person with protected identity (client or covered child): one query. */
  private async protectedAmong(manager: EntityManager, placementIds: number[]): Promise<Set<number>> {
    const ids = [...new Set(placementIds)];
    if (ids.length === 0) return new Set();
    const open = await manager
      .createQueryBuilder(Placement, "p")
      .select("p.id", "id")
      .where("p.id IN (:...ids)", { ids })
      .andWhere(placementNotProtectedSql("p"))
      .getRawMany<{ id: number | string }>();
    const openIds = new Set(open.map((r) => Number(r.id)));
    return new Set(ids.filter((id) => !openIds.has(id)));
  }

  /**
   * The access log of a basis: the itemised placements by id, as every person-level read. Without
   * relationsvald:protected the protected placements were read only into a sum, so they are not
   * named (the log is searched by person, and that caller never saw them); the read of the basis
   * itself is logged as `InvoiceBasis` `<providerId>:<YYYY-MM>` — always, so the row says nothing
   * about whether protected placements exist.
   */
  private async logBasisRead(
    placements: Placement[],
    isProtected: (p: Placement) => boolean,
    itemised: boolean,
    providerId: number,
    month: string,
  ): Promise<void> {
    const read = itemised ? placements : placements.filter((p) => !isProtected(p));
    await placementService(this.ctx).logRead("Query.invoiceBasis", read);
    if (itemised) return;
    await this.ctx.accessLog.append(this.ctx.ds.manager, {
      action: AccessAction.READ,
      operation: "Query.invoiceBasis",
      domain: DOMAIN,
      recordType: "InvoiceBasis",
      recordIds: [`${providerId}:${month}`],
    });
  }

  /** The invoice basis at move-out: every line of one placement from its start to its end (or `to`). */
  async placementBasis(placementIdValue: string, to?: LocalDate): Promise<PlacementInvoiceBasis> {
    const id = toId("placementId", placementIdValue);
    const manager = this.ctx.ds.manager;
    const placement = await placementService(this.ctx).findVisible(manager, id);
    if (!placement) throw new NotFoundError("Placement", id);
    const lastNight = to ?? (placement.endDate ? addDays(placement.endDate, -1) : todayLocalDate());
    if (lastNight < placement.startDate)
      throw new ValidationError("to", "after-start", {
        en: `must not be before the start date ${placement.startDate}`,
        sv: `får inte vara före startdatumet ${placement.startDate}`,
      });
    const { feesFor, coversFor } = await this.feesAndCovers(manager, [placement.providerId]);
    const lines = toLines(
      placement,
      costLines(placement, feesFor(placement), coversFor(placement), { from: placement.startDate, to: lastNight }),
    );
    await placementService(this.ctx).logRead("Query.placementInvoiceBasis", [placement]);
    return {
      placementId: id,
      from: placement.startDate,
      to: lastNight,
      lines,
      total: lines.reduce((s, l) => s + l.amount, 0),
    };
  }

  /**
   * Records a provider's invoice exactly once per (provider, invoice number): a repeat gives
   * CONFLICT — unless it repeats input.idempotencyKey with the same input, which returns the first answer.
   */
  async record(input: RecordInvoiceInput): Promise<ProviderInvoice> {
    toId("input.providerId", input.providerId);
    if (input.placementId) toId("input.placementId", input.placementId);
    if (input.amount < 0)
      throw new ValidationError("input.amount", "range", {
        en: "must not be negative; record a credit note separately",
        sv: "får inte vara negativt; registrera en kreditfaktura separat",
      });
    try {
      return await idempotentCreate(this.ctx, {
        operation: "Mutation.recordProviderInvoice",
        key: input.idempotencyKey,
        input,
        create: (manager) => this.recordIn(manager, input),
        idOf: (invoice) => invoice.id,
        reread: (id) => this.ctx.ds.manager.findOneOrFail(ProviderInvoice, { where: { id: Number(id) } }),
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new ConflictError(
          {
            en: `Invoice ${input.invoiceNumber} from this provider is already recorded`,
            sv: `Faktura ${input.invoiceNumber} från den här utföraren är redan registrerad`,
          },
          { field: "input.invoiceNumber" },
        );
      }
      throw e;
    }
  }

  /** The record itself, inside the caller's transaction (idempotentCreate's). */
  private async recordIn(manager: EntityManager, input: RecordInvoiceInput): Promise<ProviderInvoice> {
    const providerId = toId("input.providerId", input.providerId);
    const placementId = input.placementId ? toId("input.placementId", input.placementId) : null;
    if (!(await manager.exists(PlacementProvider, { where: { id: providerId } }))) {
      throw new ValidationError("input.providerId", "exists", {
        en: "is not a registered provider",
        sv: "är ingen registrerad utförare",
      });
    }
    if (placementId !== null && input.serviceFee) {
      throw new ValidationError("input.placementId", "service-fee", {
        en: "a service-fee invoice concerns no single placement",
        sv: "en faktura för serviceavgift gäller ingen enskild placering",
      });
    }
    if (placementId !== null) {
      const placement = await placementService(this.ctx).findVisible(manager, placementId);
      if (!placement || placement.providerId !== providerId) {
        throw new ValidationError("input.placementId", "exists", {
          en: "is not a placement with this provider",
          sv: "är ingen placering hos den här utföraren",
        });
      }
    }
    const invoice = await manager.save(
      manager.create(ProviderInvoice, {
        providerId,
        invoiceNumber: input.invoiceNumber,
        month: input.month,
        placementId,
        amount: input.amount,
        receivedOn: input.receivedOn,
        serviceFee: input.serviceFee,
      }),
    );
    await this.ctx.accessLog.append(manager, {
      action: AccessAction.CREATE,
      operation: "Mutation.recordProviderInvoice",
      domain: DOMAIN,
      recordType: "ProviderInvoice",
      recordIds: [invoice.id],
    });
    return invoice;
  }
}

export const invoiceService = (ctx: RequestContext) => new InvoiceService(ctx);
