import { In, type EntityManager } from "typeorm";
import {
  AccessAction,
  groupByKeys,
  NotFoundError,
  ValidationError,
  type Connection,
  type RequestContext,
} from "@arbetsliv/core";
import { todayLocalDate } from "@arbetsliv/core/values";
import { inTransaction, updateVersioned, toId, pageOfQuery } from "@arbetsliv/core/data";
import { defineLoader, loaderOf } from "@arbetsliv/core/read";
import { Payout } from "../decision/payout.entity";
import { IncorrectPaymentStatus as St } from "../enums";
import { Household } from "../household/household.entity";
import {
  actorOf,
  assertHouseholdVisible,
  canSeeProtected,
  logChange,
  logRead,
  writableHousehold,
} from "../shared/access";
import type {
  DecideReclaimInput,
  IncorrectPaymentCaseListArgs,
  OpenIncorrectPaymentCaseInput,
  RegisterRecoveryInput,
  UpdateIncorrectPaymentCaseInput,
} from "./fut.inputs";
import { IncorrectPaymentCase, IncorrectPaymentCasePayout } from "./incorrect-payment-case.entity";
import { Recovery } from "./recovery.entity";
import { recordFutCaseOpened } from "../events";
import { MUST_BE_MORE_THAN_ZERO, MUST_NOT_BE_IN_FUTURE, MUST_NOT_BE_NEGATIVE } from "../shared/messages";

/**
 * The payouts under investigation in each case, through the link table (a payout can be in more
 * than one case, so this is no plain relation): two statements per batch of cases.
 */
const payoutsByCase = defineLoader<number, Payout[]>("IncorrectPaymentCase.payouts", async (ctx, ids) => {
  const links = await ctx.ds.manager.find(IncorrectPaymentCasePayout, { where: { caseId: In([...ids]) } });
  const payouts = links.length
    ? await ctx.ds.manager.find(Payout, { where: { id: In(links.map((l) => l.payoutId)) }, order: { id: "ASC" } })
    : [];
  const byId = new Map(payouts.map((p) => [p.id, p]));
  return groupByKeys(ids, links, (l) => l.caseId).map((ls) => ls.map((l) => byId.get(l.payoutId)!).filter(Boolean));
});

export const DEFAULT_RECLAIM_BASIS = "SoL 9 kap. 1 §";
const MANUAL_STATUSES = [St.INVESTIGATING, St.NO_INCORRECT_PAYMENT, St.WRITTEN_OFF, St.CLOSED];

export class FutService {
  constructor(private readonly ctx: RequestContext) {}

  private async load(manager: EntityManager, id: number, forWrite = true): Promise<IncorrectPaymentCase> {
    const c = await manager.findOne(IncorrectPaymentCase, { where: { id } });
    if (!c) throw new NotFoundError("IncorrectPaymentCase", id);
    await assertHouseholdVisible(this.ctx, manager, c.householdId, "IncorrectPaymentCase", id, forWrite);
    return c;
  }

  private async linkedTotal(manager: EntityManager, caseId: number): Promise<number> {
    const row = await manager
      .getRepository(Payout)
      .createQueryBuilder("p")
      .innerJoin(IncorrectPaymentCasePayout, "l", "l.payoutId = p.id")
      .select("SUM(p.amount)", "total")
      .where("l.caseId = :caseId", { caseId })
      .getRawOne<{ total: string | number | null }>();
    return Number(row?.total ?? 0);
  }

  async open(input: OpenIncorrectPaymentCaseInput): Promise<IncorrectPaymentCase> {
    const householdId = toId("input.householdId", input.householdId);
    const payoutIds = [...new Set(input.payoutIds.map((p, i) => toId(`input.payoutIds.${i}`, p)))];
    const openedOn = input.openedOn ?? todayLocalDate();
    if (openedOn > todayLocalDate())
      throw new ValidationError("input.openedOn", "not-in-future", MUST_NOT_BE_IN_FUTURE);
    return inTransaction(this.ctx.ds, async (manager) => {
      const household = await writableHousehold(this.ctx, manager, householdId);
      const payouts = await manager.find(Payout, { where: { id: In(payoutIds), householdId }, select: { id: true } });
      if (payouts.length !== payoutIds.length)
        throw new ValidationError("input.payoutIds", "household-payouts", {
          en: "must all be payouts to this household",
          sv: "måste alla vara utbetalningar till detta hushåll",
        });
      const c = manager.create(IncorrectPaymentCase, {
        householdId,
        openedOn,
        status: St.OPEN,
        reason: input.reason.trim(),
        investigator: actorOf(this.ctx),
        amountWronglyPaid: null,
        reclaimAmount: null,
        reclaimDecidedOn: null,
        reclaimLegalBasis: null,
        notes: null,
      });
      await manager.save(c);
      await manager.insert(
        IncorrectPaymentCasePayout,
        payoutIds.map((payoutId) => ({ caseId: c.id, payoutId })),
      );
      await recordFutCaseOpened(manager, c, payoutIds.length, household);
      await logChange(
        this.ctx,
        manager,
        AccessAction.CREATE,
        "Mutation.openIncorrectPaymentCase",
        "IncorrectPaymentCase",
        [c.id],
      );
      return c;
    });
  }

  async update(input: UpdateIncorrectPaymentCaseInput): Promise<IncorrectPaymentCase> {
    const id = toId("input.id", input.id);
    if (input.status && !MANUAL_STATUSES.includes(input.status)) {
      throw new ValidationError("input.status", "manual", {
        en: `must be one of ${MANUAL_STATUSES.join(", ")} (a reclaim is decided with decideReclaim)`,
        sv: `måste vara en av ${MANUAL_STATUSES.join(", ")} (återkrav beslutas med decideReclaim)`,
      });
    }
    if (input.amountWronglyPaid !== undefined && input.amountWronglyPaid !== null && input.amountWronglyPaid < 0) {
      throw new ValidationError("input.amountWronglyPaid", "non-negative", MUST_NOT_BE_NEGATIVE);
    }
    return inTransaction(this.ctx.ds, async (manager) => {
      const c = await this.load(manager, id);
      if (
        input.amountWronglyPaid !== undefined &&
        input.amountWronglyPaid !== null &&
        input.amountWronglyPaid > (await this.linkedTotal(manager, id))
      ) {
        throw new ValidationError("input.amountWronglyPaid", "at-most-paid", {
          en: "must not exceed the linked payouts",
          sv: "får inte överstiga de kopplade utbetalningarna",
        });
      }
      const changes: Partial<IncorrectPaymentCase> = {};
      if (input.status) changes.status = input.status;
      if (input.amountWronglyPaid !== undefined && input.amountWronglyPaid !== null)
        changes.amountWronglyPaid = input.amountWronglyPaid;
      if (input.notes !== undefined && input.notes !== null) changes.notes = input.notes;
      void c;
      await updateVersioned(manager, IncorrectPaymentCase, "IncorrectPaymentCase", id, input.expectedVersion, changes);
      await logChange(
        this.ctx,
        manager,
        AccessAction.UPDATE,
        "Mutation.updateIncorrectPaymentCase",
        "IncorrectPaymentCase",
        [id],
      );
      return manager.findOneOrFail(IncorrectPaymentCase, { where: { id } });
    });
  }

  async decideReclaim(input: DecideReclaimInput): Promise<IncorrectPaymentCase> {
    const id = toId("input.id", input.id);
    const decidedOn = input.decidedOn ?? todayLocalDate();
    if (!(input.reclaimAmount > 0))
      throw new ValidationError("input.reclaimAmount", "positive", MUST_BE_MORE_THAN_ZERO);
    return inTransaction(this.ctx.ds, async (manager) => {
      const c = await this.load(manager, id);
      if (c.amountWronglyPaid === null)
        throw new ValidationError("input.id", "amount-established", {
          en: "establish the amount wrongly paid first",
          sv: "fastställ först det felaktigt utbetalda beloppet",
        });
      if (input.reclaimAmount > c.amountWronglyPaid)
        throw new ValidationError("input.reclaimAmount", "at-most-wrongly-paid", {
          en: "must not exceed the amount wrongly paid",
          sv: "får inte överstiga det felaktigt utbetalda beloppet",
        });
      if (decidedOn < c.openedOn)
        throw new ValidationError("input.decidedOn", "after-opened", {
          en: "must not be before the case was opened",
          sv: "får inte vara före den dag ärendet öppnades",
        });
      await updateVersioned(manager, IncorrectPaymentCase, "IncorrectPaymentCase", id, input.expectedVersion, {
        status: St.RECLAIM_DECIDED,
        reclaimAmount: input.reclaimAmount,
        reclaimDecidedOn: decidedOn,
        reclaimLegalBasis: input.legalBasis?.trim() || DEFAULT_RECLAIM_BASIS,
      });
      await logChange(this.ctx, manager, AccessAction.UPDATE, "Mutation.decideReclaim", "IncorrectPaymentCase", [id]);
      return manager.findOneOrFail(IncorrectPaymentCase, { where: { id } });
    });
  }

  async registerRecovery(input: RegisterRecoveryInput): Promise<Recovery> {
    const householdId = toId("input.householdId", input.householdId);
    const caseId = input.incorrectPaymentCaseId
      ? toId("input.incorrectPaymentCaseId", input.incorrectPaymentCaseId)
      : null;
    if (!(input.amount > 0)) throw new ValidationError("input.amount", "positive", MUST_BE_MORE_THAN_ZERO);
    if (input.receivedDate > todayLocalDate())
      throw new ValidationError("input.receivedDate", "not-in-future", MUST_NOT_BE_IN_FUTURE);
    return inTransaction(this.ctx.ds, async (manager) => {
      await writableHousehold(this.ctx, manager, householdId);
      if (caseId !== null) {
        const c = await manager.findOne(IncorrectPaymentCase, { where: { id: caseId } });
        if (!c || c.householdId !== householdId)
          throw new ValidationError("input.incorrectPaymentCaseId", "household-case", {
            en: "is not a case of this household",
            sv: "är inte ett ärende för detta hushåll",
          });
      }
      const r = manager.create(Recovery, {
        householdId,
        kind: input.kind,
        amount: input.amount,
        receivedDate: input.receivedDate,
        incorrectPaymentCaseId: caseId,
        note: input.note?.trim() || null,
        registeredBy: actorOf(this.ctx),
      });
      await manager.save(r);
      await logChange(this.ctx, manager, AccessAction.CREATE, "Mutation.registerAssistanceRecovery", "Recovery", [
        r.id,
      ]);
      return r;
    });
  }

  async get(idValue: string): Promise<IncorrectPaymentCase> {
    const id = toId("id", idValue);
    const c = await this.load(this.ctx.ds.manager, id, false);
    await logRead(this.ctx, "Query.incorrectPaymentCase", "IncorrectPaymentCase", [id]);
    return c;
  }

  /** The payouts a case investigates (the `payouts` field), batched per request. */
  payoutsOfCase(caseId: number): Payout[] | Promise<Payout[]> {
    return loaderOf(this.ctx, payoutsByCase).get(caseId);
  }

  async list(args: IncorrectPaymentCaseListArgs): Promise<Connection<IncorrectPaymentCase>> {
    const qb = this.ctx.ds.manager.getRepository(IncorrectPaymentCase).createQueryBuilder("c");
    if (!canSeeProtected(this.ctx)) {
      qb.innerJoin(Household, "h", "h.id = c.householdId").andWhere("h.protectedIdentity = :hidden", { hidden: 0 });
    }
    if (args.status) qb.andWhere("c.status = :status", { status: args.status });
    const page = await pageOfQuery(qb.orderBy("c.id", "DESC"), args);
    const rows = page.nodes;
    await logRead(
      this.ctx,
      "Query.incorrectPaymentCases",
      "IncorrectPaymentCase",
      rows.map((r) => r.id),
    );
    return page;
  }
}

export function futService(ctx: RequestContext): FutService {
  return new FutService(ctx);
}
