import { In, type EntityManager } from "typeorm";
import {
  AccessAction,
  ConflictError,
  NotFoundError,
  ValidationError,
  idempotentCreate,
  type RequestContext,
} from "@arbetsliv/core";
import { todayLocalDate, oreToKronor } from "@arbetsliv/core/values";
import { inTransaction, isUniqueViolation, updateVersioned, toId } from "@arbetsliv/core/data";
import { CalculationInputError, calculateAssistance, workIncentiveFor } from "../calculation/assistance-calculation";
import { Calculation, CalculationLine } from "../calculation/calculation.entity";
import { Decision } from "../decision/decision.entity";
import { recordApplicationReceived, recordDecisionMade } from "../events";
import { Payout } from "../decision/payout.entity";
import {
  ApplicationChannel,
  ApplicationStatus as St,
  ApplicationType,
  CalculationLineKind,
  DecisionOutcome,
} from "../enums";
import { HouseholdMember } from "../household/household-member.entity";
import { costCapsOn, riksnormTableFor } from "../riksnorm/riksnorm.service";
import { applicantMissingReason, membersInMonth } from "../household/household.rules";
import { actorOf, assertHouseholdVisible, logChange, logRead, writableHousehold } from "../shared/access";
import { addMonthsTo, assertYearMonth, firstDayOf, lastDayOf } from "../shared/month";
import { Application, ApplicationCost, ApplicationIncome } from "./application.entity";
import type {
  CostInput,
  DecideInput,
  IncomeInput,
  SetApplicationStatusInput,
  SubmitApplicationInput,
  UpdateClaimsInput,
} from "./application.inputs";
import { OPEN_STATUSES, allowedMoves, canMoveTo, chooseApplicationType } from "./application.rules";
import { MAX_MONTHLY_AMOUNT } from "../input-limits";
import { MUST_NOT_BE_IN_FUTURE, MUST_NOT_BE_NEGATIVE } from "../shared/messages";

export const DEFAULT_LEGAL_BASIS = "SoL 4 kap. 1 § (ny SoL 2025:400 12 kap. 1 §)";

function validateClaims(costs: CostInput[], incomes: IncomeInput[], prefix: string) {
  costs.forEach((c, i) => {
    if (c.amount < 0) throw new ValidationError(`${prefix}costs.${i}.amount`, "non-negative", MUST_NOT_BE_NEGATIVE);
  });
  incomes.forEach((c, i) => {
    if (c.amount < 0) throw new ValidationError(`${prefix}incomes.${i}.amount`, "non-negative", MUST_NOT_BE_NEGATIVE);
    if (c.memberId !== undefined && c.memberId !== null) toId(`${prefix}incomes.${i}.memberId`, c.memberId);
  });
}

async function assertIncomeMembers(
  manager: EntityManager,
  householdId: number,
  incomes: IncomeInput[],
  prefix: string,
) {
  const ids = incomes
    .map((i) => i.memberId)
    .filter((m): m is string => m !== undefined && m !== null)
    .map(Number);
  if (!ids.length) return;
  const members = await manager.find(HouseholdMember, { where: { householdId, id: In(ids) }, select: { id: true } });
  const known = new Set(members.map((m) => m.id));
  incomes.forEach((inc, i) => {
    if (inc.memberId !== undefined && inc.memberId !== null && !known.has(Number(inc.memberId))) {
      throw new ValidationError(`${prefix}incomes.${i}.memberId`, "member", {
        en: "is not a member of the household",
        sv: "är inte medlem i hushållet",
      });
    }
  });
}

async function insertClaims(manager: EntityManager, applicationId: number, costs: CostInput[], incomes: IncomeInput[]) {
  if (costs.length) {
    await manager.insert(
      ApplicationCost,
      costs.map((c) => ({ applicationId, costType: c.type, amount: c.amount, note: c.note ?? null })),
    );
  }
  if (incomes.length) {
    await manager.insert(
      ApplicationIncome,
      incomes.map((c) => ({
        applicationId,
        incomeType: c.type,
        amount: c.amount,
        memberId: c.memberId ? Number(c.memberId) : null,
      })),
    );
  }
}

export class ApplicationService {
  constructor(private readonly ctx: RequestContext) {}

  private async load(manager: EntityManager, id: number, forWrite = true): Promise<Application> {
    return (await this.loadWithHousehold(manager, id, forWrite)).app;
  }

  /** The application and its household's protection (which decides who receives its events). */
  private async loadWithHousehold(manager: EntityManager, id: number, forWrite = true) {
    const app = await manager.findOne(Application, { where: { id } });
    if (!app) throw new NotFoundError("Application", id);
    const household = await assertHouseholdVisible(this.ctx, manager, app.householdId, "Application", id, forWrite);
    return { app, household };
  }

  async get(idValue: string): Promise<Application> {
    const id = toId("id", idValue);
    const app = await this.load(this.ctx.ds.manager, id, false);
    const members = await this.ctx.ds.manager.find(HouseholdMember, {
      where: { householdId: app.householdId },
      select: { id: true, personnummer: true },
    });
    await logRead(
      this.ctx,
      "Query.assistanceApplication",
      "Application",
      [id],
      members.map((m) => m.personnummer),
    );
    return app;
  }

  /** One calculation, of a household the caller may see; the read is access-logged with the household's members. */
  async getCalculation(idValue: string): Promise<Calculation> {
    const id = toId("id", idValue);
    const manager = this.ctx.ds.manager;
    const calc = await manager.findOne(Calculation, { where: { id } });
    if (!calc) throw new NotFoundError("Calculation", id);
    await assertHouseholdVisible(this.ctx, manager, calc.householdId, "Calculation", id);
    const members = await manager.find(HouseholdMember, {
      where: { householdId: calc.householdId },
      select: { id: true, personnummer: true },
    });
    await logRead(
      this.ctx,
      "Query.assistanceCalculation",
      "Calculation",
      [id],
      members.map((m) => m.personnummer),
    );
    return calc;
  }

  /**
   * Registers an application. With `input.idempotencyKey`, a retry (or a concurrent twin) with the
   * same key and input gets the first call's application back and nothing is created twice.
   */
  async submit(input: SubmitApplicationInput): Promise<Application> {
    const householdId = toId("input.householdId", input.householdId);
    const month = assertYearMonth("input.month", input.month);
    const today = todayLocalDate();
    const receivedDate = input.receivedDate ?? today;
    if (receivedDate > today) throw new ValidationError("input.receivedDate", "not-in-future", MUST_NOT_BE_IN_FUTURE);
    if (month > addMonthsTo(receivedDate.slice(0, 7), 1)) {
      throw new ValidationError("input.month", "not-too-early", {
        en: "can be applied for at the earliest the month before it starts",
        sv: "kan sökas tidigast månaden innan den börjar",
      });
    }
    validateClaims(input.costs ?? [], input.incomes ?? [], "input.");
    try {
      return await idempotentCreate(this.ctx, {
        operation: "Mutation.submitAssistanceApplication",
        key: input.idempotencyKey,
        input,
        create: (manager) => this.submitIn(manager, input, householdId, month, receivedDate),
        idOf: (app) => app.id,
        reread: (id) => this.reread(Number(id), "Mutation.submitAssistanceApplication"),
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new ConflictError({
          en: `An application for ${month} was registered at the same time; add to it instead (duplicate)`,
          sv: `En ansökan för ${month} registrerades samtidigt; komplettera den i stället (dubblett)`,
        });
      throw e;
    }
  }

  /** The create itself, in the given transaction (idempotentCreate's); never opens one. */
  async submitIn(
    manager: EntityManager,
    input: SubmitApplicationInput,
    householdId: number,
    month: string,
    receivedDate: string,
  ): Promise<Application> {
    const costs = input.costs ?? [];
    const incomes = input.incomes ?? [];
    const household = await writableHousehold(this.ctx, manager, householdId);
    if (household.protectedIdentity && input.channel === ApplicationChannel.E_SERVICE) {
      // Sundsvall's rule: no digital application for these applicants; the reason is not exposed.
      throw new ValidationError("input.channel", "channel-not-available", {
        en: "the e-service is not available for this household; register the application on paper or at a visit",
        sv: "e-tjänsten kan inte användas för detta hushåll; registrera ansökan på papper eller vid besök",
      });
    }
    await assertIncomeMembers(manager, householdId, incomes, "input.");
    const history = await this.history(manager, householdId, month);
    const choice = chooseApplicationType(month, history);
    if ("duplicateOf" in choice) {
      throw new ConflictError(
        {
          en: `Application ${choice.duplicateOf} for ${month} is already being handled; add to it instead (duplicate)`,
          sv: `Ansökan ${choice.duplicateOf} för ${month} handläggs redan; komplettera den i stället (dubblett)`,
        },
        {
          duplicateOf: String(choice.duplicateOf),
        },
      );
    }
    const app = manager.create(Application, {
      householdId,
      month,
      type: choice.type,
      channel: input.channel,
      status: St.RECEIVED,
      receivedDate,
      ordinaryKey: choice.type === ApplicationType.SUPPLEMENTARY ? null : `${householdId}:${month}`,
      statusNote: null,
      claimsRevision: 1,
      registeredBy: actorOf(this.ctx),
      createdAt: new Date(),
    });
    await manager.save(app);
    await insertClaims(manager, app.id, costs, incomes);
    await recordApplicationReceived(manager, app, household);
    await logChange(this.ctx, manager, AccessAction.CREATE, "Mutation.submitAssistanceApplication", "Application", [
      app.id,
    ]);
    return app;
  }

  /** A repeated create's answer: the application as stored now, read (and access-logged) like any read. */
  private async reread(id: number, operation: string): Promise<Application> {
    const app = await this.load(this.ctx.ds.manager, id, false);
    const members = await this.ctx.ds.manager.find(HouseholdMember, {
      where: { householdId: app.householdId },
      select: { id: true, personnummer: true },
    });
    await logRead(
      this.ctx,
      operation,
      "Application",
      [id],
      members.map((m) => m.personnummer),
    );
    return app;
  }

  private async history(manager: EntityManager, householdId: number, month: string) {
    const apps = await manager
      .getRepository(Application)
      .createQueryBuilder("a")
      .leftJoin(Decision, "d", "d.applicationId = a.id")
      .select(["a.id AS id", "a.month AS month", "a.type AS type", "a.status AS status", "d.outcome AS outcome"])
      .where("a.householdId = :householdId AND a.month BETWEEN :from AND :to", {
        householdId,
        from: addMonthsTo(month, -3),
        to: month,
      })
      .getRawMany<{ id: number; month: string; type: ApplicationType; status: St; outcome: DecisionOutcome | null }>();
    return apps.map((a) => ({
      id: Number(a.id),
      month: a.month,
      type: a.type,
      status: a.status,
      decisionOutcome: a.outcome ?? null,
    }));
  }

  async updateClaims(input: UpdateClaimsInput): Promise<Application> {
    const id = toId("input.applicationId", input.applicationId);
    validateClaims(input.costs, input.incomes, "input.");
    return inTransaction(this.ctx.ds, async (manager) => {
      const app = await this.load(manager, id);
      if (!OPEN_STATUSES.includes(app.status))
        throw new ValidationError("input.applicationId", "open", {
          en: `is ${app.status}; claims can change only while it is handled`,
          sv: `har status ${app.status}; yrkandena kan bara ändras medan ansökan handläggs`,
        });
      await assertIncomeMembers(manager, app.householdId, input.incomes, "input.");
      await updateVersioned(manager, Application, "Application", id, input.expectedVersion, {
        claimsRevision: app.claimsRevision + 1,
        status: app.status === St.SUPPLEMENT_REQUESTED ? St.UNDER_REVIEW : app.status,
      });
      await manager.delete(ApplicationCost, { applicationId: id });
      await manager.delete(ApplicationIncome, { applicationId: id });
      await insertClaims(manager, id, input.costs, input.incomes);
      await logChange(this.ctx, manager, AccessAction.UPDATE, "Mutation.updateAssistanceClaims", "Application", [id]);
      return manager.findOneOrFail(Application, { where: { id } });
    });
  }

  async setStatus(input: SetApplicationStatusInput): Promise<Application> {
    const id = toId("input.applicationId", input.applicationId);
    const note = input.note?.trim() || null;
    if ((input.status === St.SUPPLEMENT_REQUESTED || input.status === St.WITHDRAWN) && !note) {
      throw new ValidationError("input.note", "required", {
        en: `is required for ${input.status}: say what is missing or why`,
        sv: `måste anges för ${input.status}: ange vad som saknas eller varför`,
      });
    }
    return inTransaction(this.ctx.ds, async (manager) => {
      const app = await this.load(manager, id);
      if (!canMoveTo(app.status, input.status)) {
        const allowed = allowedMoves(app.status);
        throw new ValidationError("input.status", "transition", {
          en: `cannot go from ${app.status} to ${input.status}${allowed.length ? `; allowed: ${allowed.join(", ")}` : ""}`,
          sv: `kan inte gå från ${app.status} till ${input.status}${allowed.length ? `; tillåtet: ${allowed.join(", ")}` : ""}`,
        });
      }
      const changes: Partial<Application> = { status: input.status, statusNote: note ?? app.statusNote };
      if (input.status === St.WITHDRAWN) changes.ordinaryKey = null; // a new ordinary application for the month may follow
      await updateVersioned(manager, Application, "Application", id, input.expectedVersion, changes);
      await logChange(
        this.ctx,
        manager,
        AccessAction.UPDATE,
        "Mutation.setAssistanceApplicationStatus",
        "Application",
        [id],
      );
      return manager.findOneOrFail(Application, { where: { id } });
    });
  }

  /** Calculates the application's month from the stored claims and keeps every line. */
  /** `field` names where the id came from: input.applicationId, or the deprecated applicationId argument. */
  async calculate(idValue: string, field = "applicationId"): Promise<Calculation> {
    const id = toId(field, idValue);
    return inTransaction(this.ctx.ds, async (manager) => {
      const app = await this.load(manager, id);
      if (!OPEN_STATUSES.includes(app.status))
        throw new ValidationError(field, "open", {
          en: `is ${app.status}; only an application being handled is calculated`,
          sv: `har status ${app.status}; bara en ansökan som handläggs kan beräknas`,
        });
      const year = Number(app.month.slice(0, 4));
      const table = await riksnormTableFor(manager, year, "application.month");
      const start = firstDayOf(app.month);
      const end = lastDayOf(app.month);
      const allMembers = await manager.find(HouseholdMember, {
        where: { householdId: app.householdId },
        order: { id: "ASC" },
      });
      const missing = applicantMissingReason(app.month, start, end, allMembers);
      if (missing) throw new ValidationError("application.month", "applicant-in-month", missing);
      const members = membersInMonth(allMembers, start, end);
      const [caps, costs, incomes, paidMonths, firstApplied, childEarnings] = [
        await costCapsOn(manager, start),
        await manager.find(ApplicationCost, { where: { applicationId: id }, order: { id: "ASC" } }),
        await manager.find(ApplicationIncome, { where: { applicationId: id }, order: { id: "ASC" } }),
        await this.paidMonthsBefore(manager, app.householdId, app.month),
        await this.firstWorkIncentiveMonth(manager, app.householdId, app.month),
        await this.childEarningsDisregarded(manager, app.householdId, app.month),
      ];
      let result;
      try {
        result = calculateAssistance({
          month: app.month,
          table,
          members: members.map((m) => ({
            id: m.id,
            role: m.role,
            birthDate: m.birthDate,
            name: m.name ?? undefined,
            lunchAtPreschool: m.lunchAtPreschool,
            inUpperSecondary: m.inUpperSecondary,
            includedInNorm: m.includedInNorm,
          })),
          costs: costs.map((c) => ({ type: c.costType, claimed: c.amount, note: c.note })),
          incomes: incomes.map((i) => ({ type: i.incomeType, amount: i.amount, memberId: i.memberId })),
          caps,
          workIncentive: workIncentiveFor(app.month, paidMonths, firstApplied),
          childEarningsDisregardedThisYear: childEarnings,
        });
      } catch (e) {
        if (e instanceof CalculationInputError)
          throw new ValidationError(`application.${e.field}`, "calculation", e.text);
        throw e;
      }
      const calc = manager.create(Calculation, {
        applicationId: id,
        householdId: app.householdId,
        month: app.month,
        claimsRevision: app.claimsRevision,
        riksnormYear: table.year,
        householdSize: result.householdSize,
        norm: result.norm,
        reasonableCosts: result.reasonableCosts,
        countedIncome: result.countedIncome,
        balance: result.balance,
        assistance: result.assistance,
        workIncomeDisregarded: result.workIncomeDisregarded,
        workIncentiveSince:
          result.workIncomeDisregarded > 0
            ? (workIncentiveFor(app.month, paidMonths, firstApplied).since ?? app.month)
            : null,
        suggestedOutcome: result.suggestedOutcome,
        calculatedAt: new Date(),
        calculatedBy: actorOf(this.ctx),
      });
      await manager.save(calc);
      await manager.insert(
        CalculationLine,
        result.lines.map((l, i) => ({
          calculationId: calc.id,
          position: i + 1,
          kind: l.kind,
          memberId: l.memberId,
          label: l.label.slice(0, 300),
          basis: l.basis.slice(0, 500),
          amount: l.amount,
        })),
      );
      if (app.status === St.RECEIVED) {
        await manager
          .createQueryBuilder()
          .update(Application)
          .set({ status: St.UNDER_REVIEW })
          .where("id = :id", { id })
          .execute();
      }
      await logChange(
        this.ctx,
        manager,
        AccessAction.CREATE,
        "Mutation.calculateAssistanceApplication",
        "Calculation",
        [calc.id],
      );
      return calc;
    });
  }

  /** Months in the 6 before `month` the household was paid for (net of corrections). */
  private async paidMonthsBefore(manager: EntityManager, householdId: number, month: string): Promise<Set<string>> {
    const rows = await manager
      .getRepository(Payout)
      .createQueryBuilder("p")
      .select("p.month", "month")
      .where("p.householdId = :householdId AND p.month >= :from AND p.month < :month", {
        householdId,
        from: addMonthsTo(month, -6),
        month,
      })
      .groupBy("p.month")
      .having("SUM(p.amount) > 0")
      .getRawMany<{ month: string }>();
    return new Set(rows.map((r) => r.month));
  }

  /** The first month a decided calculation applied the work-income disregard (its 24 months run from there). */
  private async firstWorkIncentiveMonth(
    manager: EntityManager,
    householdId: number,
    month: string,
  ): Promise<string | null> {
    const row = await manager
      .getRepository(Calculation)
      .createQueryBuilder("c")
      .innerJoin(Decision, "d", "d.calculationId = c.id")
      .select("MIN(c.workIncentiveSince)", "since")
      .where("c.householdId = :householdId AND c.month < :month AND c.workIncomeDisregarded > 0", {
        householdId,
        month,
      })
      .getRawOne<{ since: string | null }>();
    return row?.since ?? null;
  }

  /** Children's earnings already disregarded in decided calculations earlier in the calendar year, per member. */
  private async childEarningsDisregarded(
    manager: EntityManager,
    householdId: number,
    month: string,
  ): Promise<Record<number, number>> {
    const rows = await manager
      .getRepository(CalculationLine)
      .createQueryBuilder("l")
      .innerJoin(Calculation, "c", "c.id = l.calculationId")
      .innerJoin(Decision, "d", "d.calculationId = c.id")
      .select("l.memberId", "memberId")
      .addSelect("SUM(l.amount)", "total")
      .where("c.householdId = :householdId AND l.kind = :kind AND c.month >= :start AND c.month < :month", {
        householdId,
        kind: CalculationLineKind.CHILD_EARNINGS_DISREGARD,
        start: `${month.slice(0, 4)}-01`,
        month,
      })
      .groupBy("l.memberId")
      .getRawMany<{ memberId: number; total: string | number }>();
    return Object.fromEntries(rows.map((r) => [Number(r.memberId), Number(r.total)]));
  }

  async decide(input: DecideInput): Promise<Decision> {
    const id = toId("input.applicationId", input.applicationId);
    const today = todayLocalDate();
    const decidedOn = input.decidedOn ?? today;
    if (decidedOn > today) throw new ValidationError("input.decidedOn", "not-in-future", MUST_NOT_BE_IN_FUTURE);
    const reasons = input.reasons?.trim() ?? "";
    if (input.outcome !== DecisionOutcome.GRANTED && !reasons) {
      throw new ValidationError("input.reasons", "required", {
        en: "are required for a partly granted or rejected application (motivering)",
        sv: "måste anges vid delvis bifall eller avslag (motivering)",
      });
    }
    if (
      input.outcome === DecisionOutcome.REJECTED &&
      input.amount !== undefined &&
      input.amount !== null &&
      input.amount !== 0
    ) {
      throw new ValidationError("input.amount", "rejected-zero", {
        en: "must be 0 (or left out) when the application is rejected",
        sv: "måste vara 0 (eller utelämnas) vid avslag",
      });
    }
    if (
      input.outcome === DecisionOutcome.PARTLY_GRANTED &&
      !(input.amount !== undefined && input.amount !== null && input.amount > 0)
    ) {
      throw new ValidationError("input.amount", "required", {
        en: "a partly granted decision needs the amount granted, more than 0",
        sv: "ett beslut om delvis bifall behöver det beviljade beloppet, större än 0",
      });
    }
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        const { app, household } = await this.loadWithHousehold(manager, id);
        if (!OPEN_STATUSES.includes(app.status))
          throw new ConflictError({
            en: `Application ${id} is ${app.status}; it has already been decided or ended`,
            sv: `Ansökan ${id} har status ${app.status}; den är redan beslutad eller avslutad`,
          });
        if (decidedOn < app.receivedDate)
          throw new ValidationError("input.decidedOn", "after-received", {
            en: "must not be before the application was received",
            sv: "får inte vara före den dag ansökan kom in",
          });
        const calc = await manager.findOne(Calculation, { where: { applicationId: id }, order: { id: "DESC" } });
        let amount = 0;
        if (input.outcome !== DecisionOutcome.REJECTED) {
          if (!calc)
            throw new ValidationError("input.applicationId", "calculated", {
              en: "calculate the application before granting it",
              sv: "beräkna ansökan innan den beviljas",
            });
          if (calc.claimsRevision !== app.claimsRevision) {
            throw new ValidationError("input.applicationId", "recalculate", {
              en: "the claims changed after the last calculation; calculate again",
              sv: "yrkandena har ändrats efter den senaste beräkningen; beräkna igen",
            });
          }
          if (calc.assistance <= 0)
            throw new ValidationError("input.outcome", "no-need", {
              en: "the calculation gives no assistance; reject the application instead",
              sv: "beräkningen ger inget bistånd; avslå ansökan i stället",
            });
          if (input.outcome === DecisionOutcome.GRANTED) {
            if (input.amount !== undefined && input.amount !== null && input.amount !== calc.assistance) {
              throw new ValidationError("input.amount", "calculated", {
                en: "a granted decision pays the calculated amount; use PARTLY_GRANTED for less",
                sv: "ett bifall betalar det beräknade beloppet; använd PARTLY_GRANTED (delvis bifall) för mindre",
              });
            }
            amount = calc.assistance;
            if (amount > MAX_MONTHLY_AMOUNT)
              throw new ValidationError("input.outcome", "month-cap", {
                en: `the calculated amount exceeds the most one month can pay (${oreToKronor(MAX_MONTHLY_AMOUNT)} kr); check the claims`,
                sv: `det beräknade beloppet överstiger det mesta som kan betalas ut för en månad (${oreToKronor(MAX_MONTHLY_AMOUNT)} kr); kontrollera yrkandena`,
              });
          } else {
            if (input.amount! > calc.assistance)
              throw new ValidationError("input.amount", "at-most-calculated", {
                en: "must not exceed the calculated amount",
                sv: "får inte överstiga det beräknade beloppet",
              });
            amount = input.amount!;
          }
        }
        await updateVersioned(manager, Application, "Application", id, input.expectedVersion, { status: St.DECIDED });
        const decision = manager.create(Decision, {
          applicationId: id,
          householdId: app.householdId,
          month: app.month,
          calculationId: calc?.id ?? null,
          outcome: input.outcome,
          amount,
          reasons: reasons || "Bifall enligt beräkning.",
          legalBasis: input.legalBasis?.trim() || DEFAULT_LEGAL_BASIS,
          decidedBy: actorOf(this.ctx),
          decidedOn,
        });
        await manager.save(decision);
        await recordDecisionMade(manager, decision, household);
        await logChange(this.ctx, manager, AccessAction.CREATE, "Mutation.decideAssistanceApplication", "Decision", [
          decision.id,
        ]);
        return decision;
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new ConflictError({
          en: `Application ${id} was decided by someone else at the same time`,
          sv: `Ansökan ${id} beslutades samtidigt av någon annan`,
        });
      throw e;
    }
  }
}

export function applicationService(ctx: RequestContext): ApplicationService {
  return new ApplicationService(ctx);
}
