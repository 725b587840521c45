import type { EntityManager } from "typeorm";
import { LessThanOrEqual } from "typeorm";
import { AccessAction, ConflictError, ValidationError, type Message, type RequestContext } from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { inTransaction, isUniqueViolation } from "@arbetsliv/core/data";
import { CostCap } from "../calculation/cost-cap.entity";
import { ChildAgeGroup, LUNCH_AGE_GROUPS } from "../enums";
import { actorOf, logChange } from "../shared/access";
import type { AddRiksnormYearInput, SetCostCapsInput } from "./riksnorm.inputs";
import { RiksnormYear } from "./riksnorm-year.entity";
import { tableProblems, type RiksnormTable } from "./riksnorm-table";
import { GIVEN_TWICE, MUST_BE_MORE_THAN_ZERO, MUST_NOT_BE_NEGATIVE, ONLY_UNDER_7_HAVE_LUNCH } from "../shared/messages";

/**
 * The riksnorm table for a year, or a clear error naming `field` — the input the year comes from
 * (an application's month: "application.month"). A year is never derived from another.
 */
export async function riksnormTableFor(manager: EntityManager, year: number, field: string): Promise<RiksnormTable> {
  const row = await manager.findOne(RiksnormYear, { where: { year } });
  if (!row) {
    throw new ValidationError(field, "riksnorm-year-missing", {
      en: `there is no riksnorm table for ${year}: the verified years are loaded at start, and an administrator must add any other year from the official SFS text (addRiksnormYear) — amounts are never derived from another year`,
      sv: `det finns ingen riksnorm för ${year}: de verifierade åren läses in vid start, och andra år måste en administratör lägga till från SFS-texten (addRiksnormYear) — beloppen räknas aldrig fram från ett annat år`,
    });
  }
  return row.toTable();
}

/** Cap rules in effect on a date: per cost type, the rule set with the latest validFrom on or before it. */
export async function costCapsOn(manager: EntityManager, on: LocalDate): Promise<CostCap[]> {
  const rows = await manager.find(CostCap, { where: { validFrom: LessThanOrEqual(on) }, order: { validFrom: "DESC" } });
  const latest = new Map<string, string>();
  for (const r of rows) if (!latest.has(r.costType)) latest.set(r.costType, r.validFrom);
  return rows.filter((r) => latest.get(r.costType) === r.validFrom);
}

function riksnormYearExists(year: number): Message {
  return {
    en: `Riksnorm ${year} already exists; amounts of a year are not edited`,
    sv: `Riksnorm ${year} finns redan; ett års belopp ändras inte`,
  };
}

/** Builds a table from the input and lists what is missing or wrong, naming the input fields. */
export function tableFromInput(input: AddRiksnormYearInput): RiksnormTable {
  const children: Partial<Record<ChildAgeGroup, number>> = {};
  const lunch: Partial<Record<ChildAgeGroup, number>> = {};
  input.children.forEach((c, i) => {
    if (children[c.ageGroup] !== undefined)
      throw new ValidationError(`input.children.${i}.ageGroup`, "unique", {
        en: `${c.ageGroup} is given twice`,
        sv: `${c.ageGroup} anges två gånger`,
      });
    children[c.ageGroup] = c.amount;
    if (c.amountLunchAtPreschool !== null && c.amountLunchAtPreschool !== undefined) {
      if (!LUNCH_AGE_GROUPS.includes(c.ageGroup)) {
        throw new ValidationError(`input.children.${i}.amountLunchAtPreschool`, "under-7", ONLY_UNDER_7_HAVE_LUNCH);
      }
      lunch[c.ageGroup] = c.amountLunchAtPreschool;
    }
  });
  const table = {
    year: input.year,
    adultSingle: input.adultSingle,
    adultCohabitingPair: input.adultCohabitingPair,
    children,
    childrenLunchAtPreschool: Object.keys(lunch).length ? lunch : null,
    commonByHouseholdSize: input.commonByHouseholdSize,
    prisbasbelopp: input.prisbasbelopp,
  };
  const problems = tableProblems(table);
  if (problems.length) {
    const [first] = problems;
    const more = problems
      .slice(1)
      .map((p) => p.field)
      .join(", ");
    throw new ValidationError(first.field, "incomplete-table", {
      en: `${first.detail.en}${problems.length > 1 ? ` (and ${problems.length - 1} more: ${more})` : ""}`,
      sv: `${first.detail.sv}${problems.length > 1 ? ` (och ${problems.length - 1} till: ${more})` : ""}`,
    });
  }
  return table as RiksnormTable;
}

export class RiksnormService {
  constructor(private readonly ctx: RequestContext) {}

  list(): Promise<RiksnormYear[]> {
    return this.ctx.ds.manager.find(RiksnormYear, { order: { year: "ASC" } });
  }

  async add(input: AddRiksnormYearInput): Promise<RiksnormYear> {
    const table = tableFromInput(input);
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        if (await manager.exists(RiksnormYear, { where: { year: table.year } })) {
          throw new ConflictError(riksnormYearExists(table.year));
        }
        const row = manager.create(RiksnormYear, {
          ...RiksnormYear.columnsFor(table),
          source: input.source,
          addedBy: actorOf(this.ctx),
          addedAt: new Date(),
        });
        await manager.save(row);
        await logChange(this.ctx, manager, AccessAction.CREATE, "Mutation.addRiksnormYear", "RiksnormYear", [row.id]);
        return row;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError(riksnormYearExists(table.year));
      throw e;
    }
  }

  /** All cap rules, or those in effect on `on`: the first `first`. */
  async costCaps(on: LocalDate | undefined, first = Number.POSITIVE_INFINITY): Promise<CostCap[]> {
    const rows = on
      ? await costCapsOn(this.ctx.ds.manager, on)
      : await this.ctx.ds.manager.find(CostCap, { order: { costType: "ASC", validFrom: "ASC", threshold: "ASC" } });
    return rows.slice(0, first);
  }

  async setCostCaps(input: SetCostCapsInput): Promise<CostCap[]> {
    const thresholds = new Set<number>();
    input.steps.forEach((s, i) => {
      if (thresholds.has(s.threshold)) throw new ValidationError(`input.steps.${i}.threshold`, "unique", GIVEN_TWICE);
      thresholds.add(s.threshold);
      if (!(s.amount > 0)) throw new ValidationError(`input.steps.${i}.amount`, "positive", MUST_BE_MORE_THAN_ZERO);
      if ((s.perAdditional ?? 0) < 0)
        throw new ValidationError(`input.steps.${i}.perAdditional`, "non-negative", MUST_NOT_BE_NEGATIVE);
    });
    return inTransaction(this.ctx.ds, async (manager) => {
      await manager.delete(CostCap, { costType: input.costType, validFrom: input.validFrom });
      const rows = input.steps.map((s) =>
        manager.create(CostCap, {
          costType: input.costType,
          validFrom: input.validFrom,
          basis: input.basis,
          threshold: s.threshold,
          amount: s.amount,
          perAdditional: s.perAdditional ?? 0,
        }),
      );
      await manager.save(rows);
      await logChange(
        this.ctx,
        manager,
        AccessAction.UPDATE,
        "Mutation.setCostCaps",
        "CostCap",
        rows.map((r) => r.id),
      );
      return rows;
    });
  }
}

export function riksnormService(ctx: RequestContext): RiksnormService {
  return new RiksnormService(ctx);
}
