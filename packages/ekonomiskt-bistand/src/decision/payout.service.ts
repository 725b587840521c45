import { AccessAction, ValidationError, NotFoundError, type RequestContext } from "@arbetsliv/core";
import { todayLocalDate, oreToKronor } from "@arbetsliv/core/values";
import {
  applySummaryChange,
  inTransaction,
  isUniqueViolation,
  toId,
  isDeadlock,
  lockRow,
  isMysql,
} from "@arbetsliv/core/data";
import { ApplicationStatus, DecisionOutcome, MemberRole, PayoutType } from "../enums";
import { Application } from "../application/application.entity";
import { HouseholdMember } from "../household/household-member.entity";
import type { CorrectPayoutInput, PayInput } from "../application/application.inputs";
import { actorOf, assertHouseholdVisible, logChange } from "../shared/access";
import { Decision } from "./decision.entity";
import { Household } from "../household/household.entity";
import { payoutSummary } from "../statistics/assistance-summaries";
import { Payout } from "./payout.entity";
import { recordPayoutCorrected, recordPayoutMade } from "../events";
import { MAX_MONTHLY_AMOUNT } from "../input-limits";

export interface PayoutReceiptData {
  payout: Payout;
  created: boolean;
}

export class PayoutService {
  constructor(private readonly ctx: RequestContext) {}

  /**
   * Pays a decision exactly once. The ORIGINAL payout row carries onceKey = decision id under a
   * UNIQUE index: a retried or concurrent request finds (or collides with) the first row and gets
   * it back with created: false — never a second payout.
   */
  async pay(input: PayInput): Promise<PayoutReceiptData> {
    const decisionId = toId("input.decisionId", input.decisionId);
    const today = todayLocalDate();
    const paymentDate = input.paymentDate ?? today;
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.ctx.ds, async (manager) => {
          const decision = await manager.findOne(Decision, { where: { id: decisionId } });
          if (!decision) throw new NotFoundError("Decision", decisionId);
          const household = await assertHouseholdVisible(
            this.ctx,
            manager,
            decision.householdId,
            "Decision",
            decisionId,
            true,
          );
          // Payouts of one household one at a time: its summary rows are computed from its paid months.
          await lockRow(manager, Household, { id: decision.householdId });
          if (decision.outcome === DecisionOutcome.REJECTED || decision.amount <= 0) {
            throw new ValidationError("input.decisionId", "granted", {
              en: "only a granted decision with an amount is paid",
              sv: "bara ett beslut om bifall med ett belopp betalas ut",
            });
          }
          if (paymentDate < decision.decidedOn)
            throw new ValidationError("input.paymentDate", "after-decision", {
              en: "must not be before the decision date",
              sv: "får inte vara före beslutsdatumet",
            });
          const existing = await manager.findOne(Payout, { where: { onceKey: decisionId } });
          if (existing) return { payout: existing, created: false };
          const applicant = await manager.findOne(HouseholdMember, {
            where: { householdId: decision.householdId, role: MemberRole.APPLICANT },
          });
          const payout = manager.create(Payout, {
            householdId: decision.householdId,
            decisionId,
            month: decision.month,
            type: PayoutType.ORIGINAL,
            amount: decision.amount,
            paymentDate,
            recipient: input.recipient?.trim() || applicant?.name || "Sökande",
            onceKey: decisionId,
            correctsPayoutId: null,
            reason: null,
            createdBy: actorOf(this.ctx),
            createdAt: new Date(),
          });
          await manager.save(payout);
          await applySummaryChange(manager, payoutSummary, null, payout);
          await manager
            .createQueryBuilder()
            .update(Application)
            .set({ status: ApplicationStatus.PAID })
            .where("id = :id AND status = :decided", { id: decision.applicationId, decided: ApplicationStatus.DECIDED })
            .execute();
          await recordPayoutMade(manager, payout, decision.applicationId, household);
          await logChange(this.ctx, manager, AccessAction.CREATE, "Mutation.payAssistanceDecision", "Payout", [
            payout.id,
          ]);
          return { payout, created: true };
        });
      } catch (e) {
        if (isUniqueViolation(e) || isDeadlock(e)) {
          const existing = await this.ctx.ds.manager.findOne(Payout, { where: { onceKey: decisionId } });
          if (existing) return { payout: existing, created: false };
          if (attempt < 3) continue;
        }
        throw e;
      }
    }
  }

  /** A correction is a new entry referencing the original payout; the original is never changed. */
  async correct(input: CorrectPayoutInput): Promise<Payout> {
    const originalId = toId("input.payoutId", input.payoutId);
    if (input.amount === 0)
      throw new ValidationError("input.amount", "non-zero", {
        en: "a correction must change the amount",
        sv: "en rättelse måste ändra beloppet",
      });
    const today = todayLocalDate();
    const paymentDate = input.paymentDate ?? today;
    return inTransaction(this.ctx.ds, async (manager) => {
      const original = await manager.findOne(Payout, { where: { id: originalId } });
      if (!original) throw new NotFoundError("Payout", originalId);
      const household = await assertHouseholdVisible(
        this.ctx,
        manager,
        original.householdId,
        "Payout",
        originalId,
        true,
      );
      await lockRow(manager, Household, { id: original.householdId });
      if (original.type !== PayoutType.ORIGINAL)
        throw new ValidationError("input.payoutId", "original", {
          en: "a correction refers to the original payout, not to another correction",
          sv: "en rättelse avser den ursprungliga utbetalningen, inte en annan rättelse",
        });
      if (paymentDate < original.paymentDate)
        throw new ValidationError("input.paymentDate", "after-original", {
          en: "must not be before the original payment",
          sv: "får inte vara före den ursprungliga utbetalningen",
        });
      const qb = manager
        .getRepository(Payout)
        .createQueryBuilder("p")
        .select("SUM(p.amount)", "total")
        .where("p.decisionId = :decisionId", { decisionId: original.decisionId });
      // A locking read: a correction committed while we waited for the household's lock counts (the snapshot would miss it).
      if (isMysql(manager)) qb.setLock("pessimistic_read");
      const row = await qb.getRawOne<{ total: string | number | null }>();
      const total = Number(row?.total ?? 0);
      if (total + input.amount < 0) {
        throw new ValidationError("input.amount", "not-below-zero", {
          en: "would make the month's payouts negative; an over-payment beyond that is a reclaim (FUT)",
          sv: "skulle göra månadens utbetalningar negativa; en överbetalning utöver det är ett återkrav (FUT)",
        });
      }
      // A correction cannot exceed what it corrects, and a month never pays more than one month can.
      if (input.amount > original.amount) {
        throw new ValidationError("input.amount", "at-most-original", {
          en: `must not exceed the payout it corrects (${oreToKronor(original.amount)} kr)`,
          sv: `får inte överstiga utbetalningen som rättas (${oreToKronor(original.amount)} kr)`,
        });
      }
      if (total + input.amount > MAX_MONTHLY_AMOUNT) {
        throw new ValidationError("input.amount", "month-cap", {
          en: `would make the month's payouts more than ${oreToKronor(MAX_MONTHLY_AMOUNT)} kr`,
          sv: `skulle göra månadens utbetalningar större än ${oreToKronor(MAX_MONTHLY_AMOUNT)} kr`,
        });
      }
      const correction = manager.create(Payout, {
        householdId: original.householdId,
        decisionId: original.decisionId,
        month: original.month,
        type: PayoutType.CORRECTION,
        amount: input.amount,
        paymentDate,
        recipient: original.recipient,
        onceKey: null,
        correctsPayoutId: original.id,
        reason: input.reason.trim(),
        createdBy: actorOf(this.ctx),
        createdAt: new Date(),
      });
      await manager.save(correction);
      await applySummaryChange(manager, payoutSummary, null, correction);
      await recordPayoutCorrected(manager, correction, household);
      await logChange(this.ctx, manager, AccessAction.CREATE, "Mutation.correctAssistancePayout", "Payout", [
        correction.id,
        original.id,
      ]);
      return correction;
    });
  }
}

export function payoutService(ctx: RequestContext): PayoutService {
  return new PayoutService(ctx);
}
