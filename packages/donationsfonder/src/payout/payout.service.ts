import type { EntityManager } from "typeorm";
import {
  AccessAction,
  ConflictError,
  NotFoundError,
  ValidationError,
  idempotentCreate,
  recordEvent,
  type Connection,
  type RequestContext,
} from "@arbetsliv/core";
import { oreToKronor, todayLocalDate, knownPersonnummer } from "@arbetsliv/core/values";
import {
  applySummaryChange,
  applySummaryChanges,
  inTransaction,
  isUniqueViolation,
  updateVersioned,
  findForUpdate,
  insertChunked,
  lockMode,
  toId,
  pageOfQuery,
  selectColumns,
} from "@arbetsliv/core/data";
import { type Projection } from "@arbetsliv/core/read";
import { payoutMade, roundDecided } from "../events";
import { Allocation } from "../allocation/allocation.entity";
import { Application } from "../application/application.entity";
import { Round } from "../round/round.entity";
import type { BoardDecisionInput } from "../round/round.inputs";
import { RoundStatus } from "../shared/enums";
import { DOMAIN } from "../scopes";
import { roundStatusSv } from "../shared/messages";
import { withPersonnummer } from "../shared/util";
import { grantedPersonRounds, paidPayoutSummary, personReachSummary } from "../statistics/summary";
import { PayoutPayment } from "./payout-payment.entity";
import { Payout } from "./payout.entity";
import type { MarkPaidInput, PayoutListArgs } from "./payout.inputs";

/** The board decision, the payout list it produces, and marking payouts paid exactly once. */
export class PayoutService {
  constructor(private readonly ctx: RequestContext) {}

  /** Records the board's decision on an allocated round; the allocations become final and the payout list is produced. */
  decide(id: number, input: BoardDecisionInput, expectedVersion: number): Promise<Round> {
    if (input.decisionDate > todayLocalDate())
      throw new ValidationError("input.decisionDate", "not-in-future", {
        en: "must not be in the future",
        sv: "får inte vara en framtida dag",
      });
    return inTransaction(this.ctx.ds, async (manager) => {
      // Every round's lock first, in id order: decisions run one at a time, so the one linking its
      // persons into the reach summary sees every other decided round (sql.js runs one transaction at a time).
      await manager.find(Round, { select: { id: true }, order: { id: "ASC" }, ...lockMode(manager) });
      const round = await findForUpdate(manager, Round, "DonationRound", id);
      if (round.status !== RoundStatus.ALLOCATED) {
        throw new ConflictError({
          en: `${round.name} is ${round.status}: the board decides on an allocated round, once`,
          sv: `${round.name} är ${roundStatusSv(round.status)}: nämnden beslutar om en fördelad omgång, en gång`,
        });
      }
      if (input.decisionDate <= round.applicationCloses) {
        throw new ValidationError("input.decisionDate", "after-period", {
          en: `must be after the application period (ended ${round.applicationCloses})`,
          sv: `måste vara efter ansökningstiden (som slutade ${round.applicationCloses})`,
        });
      }
      await updateVersioned(manager, Round, "DonationRound", id, expectedVersion, {
        status: RoundStatus.DECIDED,
        decisionDate: input.decisionDate,
        decisionReference: input.reference,
      });
      const granted = await manager
        .createQueryBuilder(Allocation, "al")
        .innerJoin(Application, "a", "a.id = al.applicationId")
        .select([
          "al.id AS id",
          "al.fundId AS fundId",
          "al.applicationId AS applicationId",
          "al.amount AS amount",
          "a.personnummer AS personnummer",
          "al.personKey AS personKey",
        ])
        .where("al.roundId = :id AND al.amount > 0", { id })
        .orderBy("al.id", "ASC")
        .getRawMany<{
          id: number;
          fundId: number;
          applicationId: number;
          amount: string | number;
          personnummer: string;
          personKey: string;
        }>();
      const scheduledDate = input.decisionDate > round.plannedPayoutDate ? input.decisionDate : round.plannedPayoutDate;
      await insertChunked(
        manager,
        Payout,
        granted.map((g) => ({
          roundId: id,
          fundId: Number(g.fundId),
          allocationId: Number(g.id),
          applicationId: Number(g.applicationId),
          personnummer: g.personnummer,
          amount: Number(g.amount),
          scheduledDate,
        })),
      );
      const reach = await grantedPersonRounds(manager, round);
      await applySummaryChanges(manager, personReachSummary, reach.before, reach.after);
      const payouts = await manager.find(Payout, {
        where: { roundId: id },
        select: { id: true, personnummer: true, amount: true },
      });
      await recordEvent(manager, roundDecided, {
        subjectId: id,
        data: {
          roundId: String(id),
          year: round.year,
          decisionDate: input.decisionDate,
          scheduledPayoutDate: scheduledDate,
          payoutCount: payouts.length,
          payoutTotal: oreToKronor(payouts.reduce((sum, p) => sum + Number(p.amount), 0)),
        },
      });
      await this.ctx.accessLog.append(manager, {
        action: AccessAction.CREATE,
        operation: "Mutation.recordDonationBoardDecision",
        domain: DOMAIN,
        recordType: "Payout",
        recordIds: payouts.map((p) => p.id),
        personnummer: knownPersonnummer(payouts.map((p) => p.personnummer)),
      });
      return manager.findOneOrFail(Round, { where: { id } });
    });
  }

  /**
   * Marks a payout paid. Exactly once: the UNIQUE index on the payment's payoutId turns every second
   * attempt into CONFLICT — except a retry with the same input.idempotencyKey and input, which gets the first answer.
   */
  async markPaid(input: MarkPaidInput): Promise<Payout> {
    const id = toId("input.payoutId", input.payoutId);
    if (input.paidOn > todayLocalDate())
      throw new ValidationError("input.paidOn", "not-in-future", {
        en: "must not be in the future",
        sv: "får inte vara en framtida dag",
      });
    // Uses the caller's manager: inside the transaction its own connection (a second one could exhaust the pool).
    const alreadyPaid = async (manager: EntityManager) => {
      const existing = await manager.findOne(PayoutPayment, { where: { payoutId: id } });
      const reference = existing?.reference ? `, ${existing.reference}` : "";
      return new ConflictError({
        en: `Payout ${id} is already paid (${existing?.paidOn ?? "just now"}${reference}); it is never paid twice`,
        sv: `Utbetalning ${id} är redan registrerad som betald (${existing?.paidOn ?? "nyss"}${reference}); den betalas aldrig ut två gånger`,
      });
    };
    const markIn = async (manager: EntityManager) => {
      const payout = await manager.findOne(Payout, { where: { id } });
      if (!payout) throw new NotFoundError("DonationPayout", id);
      const round = await manager.findOneOrFail(Round, { where: { id: payout.roundId } });
      if (round.decisionDate && input.paidOn < round.decisionDate) {
        throw new ValidationError("input.paidOn", "after-decision", {
          en: `must not be before the board decision (${round.decisionDate})`,
          sv: `får inte vara före nämndens beslut (${round.decisionDate})`,
        });
      }
      if (await manager.exists(PayoutPayment, { where: { payoutId: id } })) throw await alreadyPaid(manager);
      await manager.insert(PayoutPayment, {
        payoutId: id,
        roundId: payout.roundId,
        paidOn: input.paidOn,
        recordedAt: new Date(),
        paidBy: this.ctx.principal?.subject ?? "anonymous",
        reference: input.reference ?? null,
      });
      await applySummaryChange(manager, paidPayoutSummary, null, payout);
      await recordEvent(manager, payoutMade, {
        subjectId: id,
        data: {
          payoutId: String(id),
          roundId: String(payout.roundId),
          fundId: String(payout.fundId),
          applicationId: String(payout.applicationId),
          amount: oreToKronor(Number(payout.amount)),
          paidOn: input.paidOn,
        },
      });
      await this.ctx.accessLog.append(manager, {
        action: AccessAction.UPDATE,
        operation: "Mutation.markDonationPayoutPaid",
        domain: DOMAIN,
        recordType: "Payout",
        recordIds: [id],
        personnummer: knownPersonnummer([payout.personnummer]),
      });
      return payout;
    };
    try {
      return await idempotentCreate(this.ctx, {
        operation: "Mutation.markDonationPayoutPaid",
        key: input.idempotencyKey,
        input,
        create: markIn,
        idOf: (payout) => payout.id,
        reread: async (payoutId) => {
          const payout = await this.ctx.ds.manager.findOneOrFail(Payout, { where: { id: Number(payoutId) } });
          await this.ctx.accessLog.append(this.ctx.ds.manager, {
            action: AccessAction.READ,
            operation: "Mutation.markDonationPayoutPaid",
            domain: DOMAIN,
            recordType: "Payout",
            recordIds: [payout.id],
            personnummer: knownPersonnummer([payout.personnummer]),
          });
          return payout;
        },
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw await alreadyPaid(this.ctx.ds.manager);
      throw e;
    }
  }

  /** A decided round's payout list; `columns` narrows what is read, always with the personnummer its access-log row names. */
  async list(args: PayoutListArgs, columns?: Projection<Payout>): Promise<Connection<Payout>> {
    const roundId = toId("roundId", args.roundId);
    const qb = selectColumns(
      this.ctx.ds.getRepository(Payout).createQueryBuilder("p"),
      withPersonnummer(columns),
    ).where("p.roundId = :roundId", { roundId });
    if (args.fundId) qb.andWhere("p.fundId = :fundId", { fundId: toId("fundId", args.fundId) });
    if (args.paid !== undefined && args.paid !== null) {
      qb.andWhere(
        `${args.paid ? "" : "NOT "}EXISTS (SELECT 1 FROM donation_payout_payment pp WHERE pp.payoutId = p.id)`,
      );
    }
    const page = await pageOfQuery(qb.orderBy("p.id", "ASC"), args);
    const rows = page.nodes;
    await this.ctx.accessLog.append(this.ctx.ds.manager, {
      action: AccessAction.READ,
      operation: "Query.donationPayouts",
      domain: DOMAIN,
      recordType: "Payout",
      recordIds: rows.map((r) => r.id),
      personnummer: knownPersonnummer(rows.map((r) => r.personnummer)),
    });
    return page;
  }
}

export function payoutService(ctx: RequestContext): PayoutService {
  return new PayoutService(ctx);
}
