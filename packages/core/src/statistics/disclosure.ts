import { Field, Int, ObjectType } from "type-graphql";
import { AccessAction } from "../audit/access-log-entry.entity";
import { hasScope } from "../auth/principal";
import type { RequestContext } from "../context";
import { ValidationError } from "../errors/errors";
import { addDays, type LocalDate } from "../scalars/local-date";
import { MAX_SUPPRESSED_FIELDS, MaxItems } from "../schema/list-bounds";
import { SuppressionTable } from "./suppression";

/**
 * Statistical disclosure control for every statistic a stats-only caller can read: small counts
 * of persons are suppressed with complementary cells (suppression.ts), and periods must be whole
 * calendar months. Callers holding a domain's `<domain>:stats:exact` scope (the board
 * secretariat, for the board's own report) get the exact figures; each such read is access-logged.
 */

/** Counts of persons below this are suppressed; SCB's threshold rule with a minimum frequency of 3. */
export const DEFAULT_MIN_CELL = 3;

/** Reads `DISCLOSURE_MIN_CELL` (whole number 2–100; unset → 3). */
export function minCellFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DISCLOSURE_MIN_CELL;
  if (raw === undefined || raw === "") return DEFAULT_MIN_CELL;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 2 || n > 100)
    throw new Error(`DISCLOSURE_MIN_CELL must be a whole number from 2 to 100 (got "${raw}")`);
  return n;
}

/** From DISCLOSURE_MIN_CELL on first use (the gateway's configuration check refuses a bad value at start). */
let configuredMinCell: number | undefined;

/** Sets the threshold explicitly (tests, embedders). */
export function configureDisclosure(minCell: number): void {
  if (!Number.isInteger(minCell) || minCell < 2)
    throw new Error("the minimum cell size must be a whole number of at least 2");
  configuredMinCell = minCell;
}

export interface DisclosurePolicy {
  /** True: exact figures (the `:stats:exact` scope). False: small counts suppressed, whole months only. */
  exact: boolean;
  minCell: number;
}

/** The controlled policy with the configured threshold (what stats-only callers get). */
export function controlledPolicy(): DisclosurePolicy {
  configuredMinCell ??= minCellFromEnv();
  return { exact: false, minCell: configuredMinCell };
}

export const EXACT_POLICY: DisclosurePolicy = { exact: true, minCell: 1 };

/** The scope that unlocks a domain's exact statistics: `<domain>:stats:exact`. */
export function exactStatisticsScope(domain: string): string {
  return `${domain}:stats:exact`;
}

/** Exact with the domain's exact scope, controlled otherwise (also for person-level scopes: see SECURITY.md). */
export function disclosurePolicy(ctx: Pick<RequestContext, "principal">, domain: string): DisclosurePolicy {
  return hasScope(ctx.principal, exactStatisticsScope(domain)) ? EXACT_POLICY : controlledPolicy();
}

/**
 * Logs a read of exact statistics (who, which statistic, which period) before the figures are
 * returned: exact small counts can point to a person, so they are read like person-level data.
 */
export async function logExactStatisticsRead(
  ctx: RequestContext,
  policy: DisclosurePolicy,
  domain: string,
  operation: string,
  period: string,
): Promise<void> {
  if (!policy.exact) return;
  await ctx.accessLog.append(ctx.ds.manager, {
    action: AccessAction.READ,
    operation,
    domain,
    recordType: "ExactStatistics",
    recordIds: [period],
  });
}

/**
 * The minimum period of controlled statistics: whole calendar months (from the 1st, to the last
 * day of a month), so a window cannot be narrowed to the day someone moved in.
 */
export function assertWholeMonths(
  policy: DisclosurePolicy,
  from: LocalDate,
  to: LocalDate,
  fields: { from: string; to: string } = { from: "from", to: "to" },
): void {
  if (policy.exact) return;
  if (!from.endsWith("-01"))
    throw new ValidationError(fields.from, "whole-months", {
      en: "statistics without the exact scope cover whole calendar months: must be the first day of a month",
      sv: "statistik utan behörigheten för exakta tal omfattar hela kalendermånader: måste vara den första dagen i en månad",
    });
  if (!addDays(to, 1).endsWith("-01"))
    throw new ValidationError(fields.to, "whole-months", {
      en: "statistics without the exact scope cover whole calendar months: must be the last day of a month",
      sv: "statistik utan behörigheten för exakta tal omfattar hela kalendermånader: måste vara den sista dagen i en månad",
    });
}

/**
 * A statistics period in order and at most `maxMonths` calendar months long (a month counts when
 * any of its days is in the period): otherwise a clear error on `to` with the rule `order` or `period`.
 */
export function assertPeriodWithin(from: LocalDate, to: LocalDate, maxMonths: number): void {
  if (from > to)
    throw new ValidationError("to", "order", {
      en: "must not be before from",
      sv: "får inte vara före periodens början (from)",
    });
  const monthIndex = (d: LocalDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  if (monthIndex(to) - monthIndex(from) + 1 > maxMonths)
    throw new ValidationError("to", "period", {
      en: `the period may cover at most ${maxMonths} months`,
      sv: `perioden får omfatta högst ${maxMonths} månader`,
    });
}

/** An object of a statistics answer that can have suppressed fields. */
export interface Suppressible {
  suppressed: string[];
}

type FieldOf<T> = Extract<keyof T, string>;

/**
 * Binds the cells of a SuppressionTable to the fields of the answer's objects, then writes the
 * decision back: a hidden field becomes null (or the given empty value) and its name is listed
 * in its object's `suppressed`.
 */
export class DisclosureControl {
  readonly table = new SuppressionTable();
  private readonly bound: { cell: number; row: Suppressible; field: string }[] = [];
  private readonly derived: { row: Suppressible; field: string; inputs: number[]; empty: unknown }[] = [];

  /** A count of persons in row[field]. */
  count<T extends Suppressible>(row: T, field: FieldOf<T>): number {
    return this.bind(this.table.count(this.read(row, field)), row, field);
  }

  /** A count that is not shown (e.g. placements behind a cost row), used as a magnitude's basis. */
  hiddenCount(value: number): number {
    return this.table.count(value);
  }

  /** Nights or money in row[field], hidden when a basis count is. */
  magnitude<T extends Suppressible>(row: T, field: FieldOf<T>, basis: readonly number[]): number {
    return this.bind(this.table.magnitude(this.read(row, field), basis), row, field);
  }

  /** A value the reader knows anyway (a budget, a fixed fee): part of relations, never hidden. */
  known(value: number): number {
    return this.table.known(value);
  }

  sum(total: number, parts: readonly number[]): void {
    this.table.sum(total, parts);
  }

  relation(terms: readonly [cell: number, coef: number][]): void {
    this.table.relation(terms);
  }

  /** A value computed from cells (a share, an average, the most common kind): hidden when any input is. */
  dependent<T extends Suppressible>(row: T, field: FieldOf<T>, inputs: readonly number[], empty: unknown = null): void {
    this.derived.push({ row, field, inputs: [...inputs], empty });
  }

  /** Applies the policy to the bound objects; with the exact policy nothing changes. */
  apply(policy: DisclosurePolicy): void {
    if (policy.exact) return;
    const hidden = this.table.suppress(policy.minCell);
    const hide = (row: Suppressible, field: string, empty: unknown) => {
      (row as unknown as Record<string, unknown>)[field] = empty;
      // Objects built outside a resolver (the bench's floor) may carry no list.
      if (Array.isArray(row.suppressed) && !row.suppressed.includes(field)) row.suppressed.push(field);
    };
    for (const b of this.bound) if (hidden.has(b.cell)) hide(b.row, b.field, null);
    for (const d of this.derived) if (d.inputs.some((i) => hidden.has(i))) hide(d.row, d.field, d.empty);
  }

  private bind(cell: number, row: Suppressible, field: string): number {
    this.bound.push({ cell, row, field });
    return cell;
  }

  private read(row: object, field: string): number {
    const value = (row as Record<string, unknown>)[field];
    if (typeof value !== "number") throw new Error(`disclosure control: ${field} is not a number`);
    return value;
  }
}

@ObjectType("StatisticsDisclosure", {
  description: "How the figures of this answer were protected against identifying people.",
})
export class StatisticsDisclosure {
  @Field(() => Boolean, {
    description:
      "True: exact figures (the domain's `:stats:exact` scope, access-logged). False: small counts suppressed.",
  })
  exact!: boolean;

  @Field(() => Int, {
    description:
      "Counts of persons from 1 to minimumCount − 1 are suppressed (null, named in the object's `suppressed`), with complementary cells so no hidden value can be computed from totals; 1 when exact.",
  })
  minimumCount!: number;

  @Field(() => Boolean, { description: "True when the period had to be whole calendar months." })
  wholeMonthsOnly!: boolean;
}

/** The `disclosure` field of an answer under this policy. */
export function disclosureInfo(policy: DisclosurePolicy, wholeMonthsOnly: boolean): StatisticsDisclosure {
  return {
    exact: policy.exact,
    minimumCount: policy.exact ? 1 : policy.minCell,
    wholeMonthsOnly: !policy.exact && wholeMonthsOnly,
  };
}

/** Description of the `suppressed` field, the same on every statistics type. */
export const SUPPRESSED_DESCRIPTION =
  "Names of this object's fields hidden by disclosure control (their value is null, or an empty list): small counts of persons and the cells that would let them be computed. Empty with the exact scope.";

/** The `suppressed` field of a statistics type: the same description and list bound everywhere. */
export function SuppressedFields(): PropertyDecorator {
  const field = Field(() => [String], { description: SUPPRESSED_DESCRIPTION });
  const bound = MaxItems(MAX_SUPPRESSED_FIELDS);
  return (target, key) => {
    field(target, key);
    bound(target, key);
  };
}
