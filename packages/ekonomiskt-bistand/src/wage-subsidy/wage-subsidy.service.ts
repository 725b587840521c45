import {
  AccessAction,
  ConflictError,
  NotFoundError,
  ValidationError,
  type Connection,
  type RequestContext,
} from "@arbetsliv/core";
import { inTransaction, isUniqueViolation, updateVersioned, toId, pageOfQuery } from "@arbetsliv/core/data";
import { Household } from "../household/household.entity";
import { assertNotGallrad, canSeeProtected, logChange, logRead, writableHousehold } from "../shared/access";
import { firstDayOf, lastDayOf } from "../shared/month";
import type {
  EndWageSubsidyEmploymentInput,
  RecordWageSubsidyMonthInput,
  RegisterWageSubsidyEmploymentInput,
  WageSubsidyListArgs,
} from "./wage-subsidy.inputs";
import { WageSubsidyEmployment, WageSubsidyMonth } from "./wage-subsidy.entity";
import { MUST_NOT_BE_BEFORE_START, MUST_NOT_BE_NEGATIVE } from "../shared/messages";

export class WageSubsidyService {
  constructor(private readonly ctx: RequestContext) {}

  async register(input: RegisterWageSubsidyEmploymentInput): Promise<WageSubsidyEmployment> {
    const householdId = input.householdId ? toId("input.householdId", input.householdId) : null;
    if (input.endDate && input.endDate < input.startDate)
      throw new ValidationError("input.endDate", "after-start", MUST_NOT_BE_BEFORE_START);
    if (input.monthlyAssistanceBefore < 0)
      throw new ValidationError("input.monthlyAssistanceBefore", "non-negative", MUST_NOT_BE_NEGATIVE);
    return inTransaction(this.ctx.ds, async (manager) => {
      if (householdId !== null) await writableHousehold(this.ctx, manager, householdId);
      const e = manager.create(WageSubsidyEmployment, {
        personnummer: input.personnummer,
        name: input.name.trim(),
        householdId,
        employmentType: input.employmentType,
        employer: input.employer?.trim() || null,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        monthlyAssistanceBefore: input.monthlyAssistanceBefore,
      });
      await manager.save(e);
      await logChange(
        this.ctx,
        manager,
        AccessAction.CREATE,
        "Mutation.registerWageSubsidyEmployment",
        "WageSubsidyEmployment",
        [e.id],
        [e.personnummer],
      );
      return e;
    });
  }

  async recordMonth(input: RecordWageSubsidyMonthInput): Promise<WageSubsidyMonth> {
    const employmentId = toId("input.employmentId", input.employmentId);
    for (const f of ["personnelCost", "subsidy", "assistanceNotPaid"] as const) {
      const v = input[f];
      if (v !== undefined && v !== null && v < 0)
        throw new ValidationError(`input.${f}`, "non-negative", MUST_NOT_BE_NEGATIVE);
    }
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        const e = await manager.findOne(WageSubsidyEmployment, { where: { id: employmentId } });
        if (!e) throw new NotFoundError("WageSubsidyEmployment", employmentId);
        assertNotGallrad("WageSubsidyEmployment", employmentId, e.anonymisedDate);
        if (lastDayOf(input.month) < e.startDate || (e.endDate !== null && firstDayOf(input.month) > e.endDate)) {
          throw new ValidationError("input.month", "within-employment", {
            en: "is outside the employment",
            sv: "ligger utanför anställningen",
          });
        }
        const row = manager.create(WageSubsidyMonth, {
          employmentId,
          month: input.month,
          personnelCost: input.personnelCost,
          subsidy: input.subsidy,
          assistanceNotPaid: input.assistanceNotPaid ?? e.monthlyAssistanceBefore,
        });
        await manager.save(row);
        await logChange(
          this.ctx,
          manager,
          AccessAction.CREATE,
          "Mutation.recordWageSubsidyMonth",
          "WageSubsidyMonth",
          [row.id],
          [e.personnummer],
        );
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ConflictError({
          en: `${input.month} is already recorded for employment ${employmentId}`,
          sv: `${input.month} är redan registrerad för anställning ${employmentId}`,
        });
      throw err;
    }
  }

  async end(input: EndWageSubsidyEmploymentInput): Promise<WageSubsidyEmployment> {
    const id = toId("input.id", input.id);
    return inTransaction(this.ctx.ds, async (manager) => {
      const e = await manager.findOne(WageSubsidyEmployment, { where: { id } });
      if (!e) throw new NotFoundError("WageSubsidyEmployment", id);
      assertNotGallrad("WageSubsidyEmployment", id, e.anonymisedDate);
      if (input.endDate < e.startDate)
        throw new ValidationError("input.endDate", "after-start", MUST_NOT_BE_BEFORE_START);
      await updateVersioned(manager, WageSubsidyEmployment, "WageSubsidyEmployment", id, input.expectedVersion, {
        endDate: input.endDate,
      });
      await logChange(
        this.ctx,
        manager,
        AccessAction.UPDATE,
        "Mutation.endWageSubsidyEmployment",
        "WageSubsidyEmployment",
        [id],
        [e.personnummer],
      );
      return manager.findOneOrFail(WageSubsidyEmployment, { where: { id } });
    });
  }

  async list(args: WageSubsidyListArgs): Promise<Connection<WageSubsidyEmployment>> {
    const qb = this.ctx.ds.manager.getRepository(WageSubsidyEmployment).createQueryBuilder("e");
    if (args.activeOn)
      qb.andWhere("e.startDate <= :on AND (e.endDate IS NULL OR e.endDate >= :on)", { on: args.activeOn });
    if (!canSeeProtected(this.ctx)) {
      // A person from a household with protected identity is listed only for the protected scope.
      qb.leftJoin(Household, "h", "h.id = e.householdId").andWhere("(h.id IS NULL OR h.protectedIdentity = :hidden)", {
        hidden: 0,
      });
    }
    const page = await pageOfQuery(qb.orderBy("e.id", "ASC"), args);
    const rows = page.nodes;
    await logRead(
      this.ctx,
      "Query.wageSubsidyEmployments",
      "WageSubsidyEmployment",
      rows.map((r) => r.id),
      rows.map((r) => r.personnummer),
    );
    return page;
  }
}

export function wageSubsidyService(ctx: RequestContext): WageSubsidyService {
  return new WageSubsidyService(ctx);
}
