import { In } from "typeorm";
import { AccessAction, ConflictError, NotFoundError, ValidationError, type RequestContext } from "@arbetsliv/core";
import { todayLocalDate, knownPersonnummer } from "@arbetsliv/core/values";
import {
  applySummaryChange,
  applySummaryChanges,
  inTransaction,
  toInt,
  updateVersioned,
  findForUpdate,
  insertChunked,
  isMysql,
  lockRow,
  toId,
} from "@arbetsliv/core/data";
import { Application } from "../application/application.entity";
import { Fund } from "../fund/fund.entity";
import { FundBudget } from "../fund/fund-budget.entity";
import { Round } from "../round/round.entity";
import { ApplicationStatus, RoundStatus } from "../shared/enums";
import { formatKronor } from "@arbetsliv/core/values";
import { DOMAIN } from "../scopes";
import { roundStatusSv } from "../shared/messages";
import { assertWholeKronor } from "../shared/util";
import { AllocationAdjustment } from "./allocation-adjustment.entity";
import { Allocation } from "./allocation.entity";
import type { AdjustAllocationInput } from "./allocation.inputs";
import type { FundRules } from "./eligibility.rules";
import { planRound, type PlannedApplication } from "./round-plan.rules";
import { allocationSummary, applicationSummary } from "../statistics/summary";

/** The funds of a round as rules, with each fund's budget in the round (0 when none). */
export function fundRulesFor(funds: Fund[], budgets: FundBudget[]): FundRules[] {
  const available = new Map(budgets.map((b) => [b.fundId, b.available]));
  return funds.map((f) => ({ ...f, available: available.get(f.id) ?? 0 }));
}

/** An application as the round plan needs it; applications of a round being allocated are never gallrade. */
function applicantFacts(app: Application): PlannedApplication {
  if (app.personnummer === null || app.householdSize === null || app.yearlyIncome === null) {
    throw new ConflictError({
      en: `Application ${app.id} has been gallrad and cannot be assessed`,
      sv: `Ansökan ${app.id} är gallrad och kan inte prövas`,
    });
  }
  return { ...app, personnummer: app.personnummer, householdSize: app.householdSize, yearlyIncome: app.yearlyIncome };
}

/** Eligibility, allocation and adjustments of a round. */
export class AllocationService {
  constructor(private readonly ctx: RequestContext) {}

  /**
   * Assesses every application taken into the round and allocates each fund's budget with
   * the round's published policy, replacing an earlier unadjusted allocation. Only after the
   * application period has ended and before the board decision.
   */
  allocateRound(id: number, expectedVersion: number, today = todayLocalDate()): Promise<Round> {
    return inTransaction(this.ctx.ds, async (manager) => {
      const round = await findForUpdate(manager, Round, "DonationRound", id);
      if (round.status === RoundStatus.DECIDED)
        throw new ConflictError({
          en: `${round.name} is decided; the allocation is final`,
          sv: `${round.name} är beslutad; fördelningen ligger fast`,
        });
      if (today <= round.applicationCloses) {
        throw new ConflictError({
          en: `${round.name}: the application period runs until ${round.applicationCloses}; allocate after it has ended`,
          sv: `${round.name}: ansökningstiden pågår till och med ${round.applicationCloses}; fördela när den har gått ut`,
        });
      }
      if (
        round.status === RoundStatus.ALLOCATED &&
        (await manager.exists(AllocationAdjustment, { where: { roundId: id } }))
      ) {
        throw new ConflictError({
          en: `${round.name} has adjusted allocations; it cannot be allocated again`,
          sv: `${round.name} har justerade fördelningar; omgången kan inte fördelas på nytt`,
        });
      }
      const funds = await manager.find(Fund, { where: { active: true } });
      const budgets = await manager.find(FundBudget, { where: { roundId: id } });
      const apps = await manager.find(Application, {
        where: {
          roundId: id,
          status: In([ApplicationStatus.RECEIVED, ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE]),
        },
      });
      const personKeyOf = new Map(apps.map((a) => [a.id, a.personKey]));
      const plan = planRound(round, fundRulesFor(funds, budgets), apps.map(applicantFacts));
      // The summary rows move with the records: out with the old statuses and allocations, in with the new.
      const previous = await manager.find(Allocation, {
        where: { roundId: id },
        select: { roundId: true, fundId: true, amount: true },
      });
      await manager.delete(Allocation, { roundId: id });
      for (const o of plan.outcomes) {
        await manager.update(
          Application,
          { id: o.applicationId },
          {
            status: o.status,
            fundId: o.fundId,
            rejectionReason: o.rejectionReason,
            rejectionText: o.rejectionText,
            assessment: o.assessment,
          },
        );
      }
      await insertChunked(
        manager,
        Allocation,
        plan.allocations.map((a) => ({
          roundId: id,
          fundId: a.fundId,
          applicationId: a.applicationId,
          personKey: personKeyOf.get(a.applicationId)!,
          proposedAmount: a.amount,
          amount: a.amount,
          explanation: a.explanation,
        })),
      );
      await applySummaryChanges(
        manager,
        applicationSummary,
        apps,
        plan.outcomes.map((o) => ({ roundId: id, ...o })),
      );
      await applySummaryChanges(
        manager,
        allocationSummary,
        previous,
        plan.allocations.map((a) => ({ roundId: id, ...a })),
      );
      await updateVersioned(manager, Round, "DonationRound", id, expectedVersion, {
        status: RoundStatus.ALLOCATED,
        allocatedAt: new Date(),
      });
      const saved = await manager.find(Allocation, {
        where: { roundId: id },
        select: { id: true, applicationId: true },
      });
      const pnr = new Map(apps.map((a) => [a.id, a.personnummer]));
      await this.ctx.accessLog.append(manager, {
        action: AccessAction.CREATE,
        operation: "Mutation.allocateDonationRound",
        domain: DOMAIN,
        recordType: "Allocation",
        recordIds: saved.map((a) => a.id),
        personnummer: saved.map((a) => pnr.get(a.applicationId)!),
      });
      return manager.findOneOrFail(Round, { where: { id } });
    });
  }

  /** Adjusts one allocation before the decision: logged, never above what was asked, the round's cap or what the fund has. */
  adjust(input: AdjustAllocationInput): Promise<Allocation> {
    const id = toId("input.allocationId", input.allocationId);
    assertWholeKronor("input.amount", input.amount);
    const actor = this.ctx.principal?.subject ?? "anonymous";
    return inTransaction(this.ctx.ds, async (manager) => {
      const allocation = await manager.findOne(Allocation, { where: { id } });
      if (!allocation) throw new NotFoundError("DonationAllocation", id);
      const round = await findForUpdate(manager, Round, "DonationRound", allocation.roundId, "pessimistic_read");
      if (round.status !== RoundStatus.ALLOCATED) {
        throw new ConflictError({
          en: `${round.name} is ${round.status}: allocations can only be adjusted after the allocation and before the board decision`,
          sv: `${round.name} är ${roundStatusSv(round.status)}: fördelningar kan bara justeras efter fördelningen och före nämndens beslut`,
        });
      }
      const app = await manager.findOneOrFail(Application, { where: { id: allocation.applicationId } });
      if (input.amount > app.amountRequested) {
        throw new ValidationError("input.amount", "asked", {
          en: `must not exceed the amount asked (${formatKronor(app.amountRequested)})`,
          sv: `får inte överstiga det sökta beloppet (${formatKronor(app.amountRequested)})`,
        });
      }
      if (round.maxPerApplication !== null && input.amount > round.maxPerApplication) {
        throw new ValidationError("input.amount", "cap", {
          en: `must not exceed the round's maximum per application (${formatKronor(round.maxPerApplication)})`,
          sv: `får inte överstiga omgångens högsta belopp per ansökan (${formatKronor(round.maxPerApplication)})`,
        });
      }
      // Lock the fund's budget row so two adjustments in the same fund cannot both pass the check.
      const budget = await lockRow(manager, FundBudget, { roundId: round.id, fundId: allocation.fundId });
      // The amount as it is now (a locking read), not as this transaction's snapshot saw it: the
      // summary row moves by exactly the change this update makes.
      const before = (await lockRow(manager, Allocation, { id }))?.amount ?? allocation.amount;
      // A locking read: on MariaDB a plain SELECT would see the transaction's snapshot, taken before
      // the budget lock was granted, and miss adjustments committed while this one waited.
      const sum = manager
        .createQueryBuilder(Allocation, "al")
        .select("COALESCE(SUM(al.amount), 0)", "total")
        .where("al.roundId = :roundId AND al.fundId = :fundId", { roundId: round.id, fundId: allocation.fundId });
      if (isMysql(manager)) sum.setLock("pessimistic_read");
      const raw = await sum.getRawOne<{ total: string | number }>();
      const total = toInt(raw?.total) - before + input.amount;
      const available = budget?.available ?? 0;
      if (total > available) {
        const left = formatKronor(available - (total - input.amount));
        throw new ValidationError("input.amount", "fund-limit", {
          en: `would bring the fund's allocations to ${formatKronor(total)}, above the ${formatKronor(available)} it has this round (${left} left for this application)`,
          sv: `skulle göra fondens fördelningar ${formatKronor(total)}, mer än de ${formatKronor(available)} den har i omgången (${left} kvar för den här ansökan)`,
        });
      }
      await updateVersioned(manager, Allocation, "DonationAllocation", id, input.expectedVersion, {
        amount: input.amount,
      });
      await applySummaryChange(
        manager,
        allocationSummary,
        { ...allocation, amount: before },
        { ...allocation, amount: input.amount },
      );
      await manager.insert(AllocationAdjustment, {
        allocationId: id,
        roundId: round.id,
        actor,
        adjustedAt: new Date(),
        fromAmount: before,
        toAmount: input.amount,
        reason: input.reason,
      });
      await this.ctx.accessLog.append(manager, {
        action: AccessAction.UPDATE,
        operation: "Mutation.adjustDonationAllocation",
        domain: DOMAIN,
        recordType: "Allocation",
        recordIds: [id],
        personnummer: knownPersonnummer([app.personnummer]),
      });
      return manager.findOneOrFail(Allocation, { where: { id } });
    });
  }
}

export function allocationService(ctx: RequestContext): AllocationService {
  return new AllocationService(ctx);
}
