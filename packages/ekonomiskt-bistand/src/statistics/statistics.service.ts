import type { DataSource, EntityManager } from "typeorm";
import {
  AccessAction,
  DisclosureControl,
  EXACT_POLICY,
  ValidationError,
  assertWholeMonths,
  disclosurePolicy,
  logExactStatisticsRead,
  type DisclosurePolicy,
  type RequestContext,
} from "@arbetsliv/core";
import { type LocalDate, type Ore } from "@arbetsliv/core/values";
import { inTransaction, sqlDialect, toInt } from "@arbetsliv/core/data";
import { DOMAIN } from "../scopes";
import { actorOf, logChange } from "../shared/access";
import { monthOf, monthRange, type YearMonth } from "../shared/month";
import { AssistanceBudgetYear } from "./budget-year.entity";
import {
  budgetYearsStatement,
  childrenInAssistedHouseholdsStatement,
  monthFiguresStatement,
  paidPerMonthStatement,
  recoveredPerMonthStatement,
} from "./indicator.statements";
import { MUST_NOT_BE_NEGATIVE, YEAR_2000_TO_2100 } from "../shared/messages";

export const MAX_PERIOD_MONTHS = 120;
export { LONG_TERM_MIN_MONTHS } from "./assistance-summaries";

export interface MonthFigures {
  month: YearMonth;
  households: number;
  longTermHouseholds: number;
  grossPaid: Ore;
  recovered: Ore;
  netCost: Ore;
  budget: Ore | null;
}

/** Monthly budget from the yearly one: whole öre per month, December takes the remainder so the months add up exactly. */
export function monthlyBudget(yearly: Ore, month: YearMonth): Ore {
  const base = Math.floor(yearly / 12);
  return month.endsWith("-12") ? yearly - 11 * base : base;
}

/**
 * The annual report's indicators for any period, computed by SQL aggregation over the records —
 * for the payouts through the summary rows kept with every payout (assistance-summaries.ts), so a
 * request reads rows per month or day, not per payout. Figures are memoised per instance, so a
 * GraphQL request asking for several of them runs each statement once.
 */
export class AssistanceStatistics {
  readonly months: YearMonth[];
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly source: DataSource | EntityManager,
    readonly from: LocalDate,
    readonly to: LocalDate,
    /** How the figures read through the controlled tables below are protected (the resolver's; exact in-process). */
    readonly policy: DisclosurePolicy = EXACT_POLICY,
  ) {
    if (from > to)
      throw new ValidationError("to", "order", {
        en: "must not be before from",
        sv: "får inte vara före periodens början (from)",
      });
    this.months = monthRange(monthOf(from), monthOf(to));
    if (this.months.length > MAX_PERIOD_MONTHS)
      throw new ValidationError("to", "period", {
        en: `the period may cover at most ${MAX_PERIOD_MONTHS} months`,
        sv: `perioden får omfatta högst ${MAX_PERIOD_MONTHS} månader`,
      });
  }

  private get manager(): EntityManager {
    return "manager" in this.source ? this.source.manager : this.source;
  }

  private memo<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fn();
      this.cache.set(key, p);
    }
    return p;
  }

  private get endMonth(): YearMonth {
    return this.months[this.months.length - 1];
  }

  /** Households with försörjningsstöd per month of the period (the month rows of paidMonthFigures). */
  async householdsPerMonth(): Promise<Map<YearMonth, number>> {
    return (await this.paidMonthFigures()).households;
  }

  async householdsAtEnd(): Promise<number> {
    return (await this.householdsPerMonth()).get(this.endMonth) ?? 0;
  }

  /** Average households per month over the period's months, to one decimal. */
  async averageHouseholdsPerMonth(): Promise<number> {
    const per = await this.householdsPerMonth();
    const sum = this.months.reduce((s, m) => s + (per.get(m) ?? 0), 0);
    return Math.round((sum / this.months.length) * 10) / 10;
  }

  /**
   * Households paid in more than ten distinct months of the 12 months ending each month of the
   * period (for December: the calendar year, as the annual report counts it).
   */
  async longTermPerMonth(): Promise<Map<YearMonth, number>> {
    return (await this.paidMonthFigures()).longTerm;
  }

  /**
   * Households paid per month and long-term households per month: the month rows kept on write
   * with every payout (assistance-summaries.ts), one row per month of the period.
   */
  private paidMonthFigures(): Promise<{ households: Map<YearMonth, number>; longTerm: Map<YearMonth, number> }> {
    return this.memo("paidMonths", async () => {
      const rows: { month: string; households: unknown; longTerm: unknown }[] = await this.manager.query(
        ...monthFiguresStatement(this.months[0], this.endMonth),
      );
      const households = new Map(this.months.map((m) => [m, 0]));
      const longTerm = new Map(households);
      for (const r of rows) {
        households.set(r.month, toInt(r.households));
        longTerm.set(r.month, toInt(r.longTerm));
      }
      return { households, longTerm };
    });
  }

  async longTermHouseholds(): Promise<number> {
    return (await this.longTermPerMonth()).get(this.endMonth) ?? 0;
  }

  /** Payouts (with corrections) by payment month and recoveries by month received, within the period's dates. */
  costsPerMonth(): Promise<{
    paid: Map<YearMonth, Ore>;
    recovered: Map<YearMonth, Ore>;
    recoveries: Map<YearMonth, number>;
  }> {
    return this.memo("costs", async () => {
      const d = sqlDialect(this.manager);
      const paid: { month: string; total: unknown }[] = await this.manager.query(
        ...paidPerMonthStatement(d, this.from, this.to),
      );
      const recovered: { month: string; total: unknown; n: unknown }[] = await this.manager.query(
        ...recoveredPerMonthStatement(d, this.from, this.to),
      );
      return {
        paid: new Map(paid.map((r) => [r.month, toInt(r.total)])),
        recovered: new Map(recovered.map((r) => [r.month, toInt(r.total)])),
        // How many recoveries make up each month's sum: the basis of its disclosure control.
        recoveries: new Map(recovered.map((r) => [r.month, toInt(r.n)])),
      };
    });
  }

  async grossPaid(): Promise<Ore> {
    const { paid } = await this.costsPerMonth();
    return [...paid.values()].reduce((s, v) => s + v, 0);
  }

  async recovered(): Promise<Ore> {
    const { recovered } = await this.costsPerMonth();
    return [...recovered.values()].reduce((s, v) => s + v, 0);
  }

  /** Net cost = payouts (with corrections) − money recovered. */
  async netCost(): Promise<Ore> {
    return (await this.grossPaid()) - (await this.recovered());
  }

  budgets(): Promise<Map<number, Ore>> {
    return this.memo("budgets", async () => {
      const years = [...new Set(this.months.map((m) => Number(m.slice(0, 4))))];
      const rows: { year: unknown; netCostBudget: unknown }[] = await this.manager.query(
        ...budgetYearsStatement(years),
      );
      return new Map(rows.map((r) => [toInt(r.year), toInt(r.netCostBudget)]));
    });
  }

  /** The budget for the period's months (null when a year in the period has none). */
  async budget(): Promise<Ore | null> {
    const budgets = await this.budgets();
    let total = 0;
    for (const m of this.months) {
      const yearly = budgets.get(Number(m.slice(0, 4)));
      if (yearly === undefined) return null;
      total += monthlyBudget(yearly, m);
    }
    return total;
  }

  async monthly(): Promise<MonthFigures[]> {
    const [households, longTerm, costs, budgets] = await Promise.all([
      this.householdsPerMonth(),
      this.longTermPerMonth(),
      this.costsPerMonth(),
      this.budgets(),
    ]);
    return this.months.map((month) => {
      const grossPaid = costs.paid.get(month) ?? 0;
      const recovered = costs.recovered.get(month) ?? 0;
      const yearly = budgets.get(Number(month.slice(0, 4)));
      return {
        month,
        households: households.get(month) ?? 0,
        longTermHouseholds: longTerm.get(month) ?? 0,
        grossPaid,
        recovered,
        netCost: grossPaid - recovered,
        budget: yearly === undefined ? null : monthlyBudget(yearly, month),
      };
    });
  }

  /** Children (0–17 on the period's last day) living in a household paid for that month. */
  childrenInAssistedHouseholds(): Promise<number> {
    return this.memo("children", async () => {
      const [row]: { n: unknown }[] = await this.manager.query(
        ...childrenInAssistedHouseholdsStatement(this.to, this.endMonth),
      );
      return toInt(row?.n);
    });
  }

  /** Andel barn som inte lever i hushåll med försörjningsstöd, % to one decimal, given the municipality's children. */
  async shareOfChildrenNotInAssistedHouseholds(childrenInMunicipality: number): Promise<number> {
    if (!Number.isInteger(childrenInMunicipality) || childrenInMunicipality < 1) {
      throw new ValidationError("childrenInMunicipality", "positive", {
        en: "must be a whole number above 0",
        sv: "måste vara ett heltal större än 0",
      });
    }
    const children = await this.childrenInAssistedHouseholds();
    if (children > childrenInMunicipality) {
      throw new ValidationError("childrenInMunicipality", "at-least-assisted", {
        en: `must be at least the ${children} children in assisted households`,
        sv: `måste vara minst de ${children} barnen i hushåll med försörjningsstöd`,
      });
    }
    return Math.round((1 - children / childrenInMunicipality) * 1000) / 10;
  }

  /** "Växla bidrag mot lön": persons employed in the period's last month, and the money over the period. */
  wageSubsidy(): Promise<{
    personsAtEnd: number;
    personnelCostMinusSubsidy: Ore;
    assistanceNotPaid: Ore;
    employments: number;
  }> {
    return this.memo("wageSubsidy", async () => {
      const persons = await this.manager
        .createQueryBuilder()
        .select("COUNT(DISTINCT e.personnummer)", "n")
        // Gallrade employments have no personnummer; the person key gallring leaves counts them as distinct persons.
        .addSelect("COUNT(DISTINCT e.anonymousPersonKey)", "gallrade")
        .from("eb_wage_subsidy_month", "w")
        .innerJoin("eb_wage_subsidy_employment", "e", "e.id = w.employmentId")
        .where("w.month = :month", { month: this.endMonth })
        .getRawOne<{ n: unknown; gallrade: unknown }>();
      const sums = await this.manager
        .createQueryBuilder()
        .select("SUM(w.personnelCost - w.subsidy)", "net")
        .addSelect("SUM(w.assistanceNotPaid)", "saved")
        .addSelect("COUNT(DISTINCT w.employmentId)", "employments")
        .from("eb_wage_subsidy_month", "w")
        .where("w.month BETWEEN :a AND :b", { a: this.months[0], b: this.endMonth })
        .getRawOne<{ net: unknown; saved: unknown; employments: unknown }>();
      return {
        personsAtEnd: toInt(persons?.n) + toInt(persons?.gallrade),
        personnelCostMinusSubsidy: toInt(sums?.net),
        assistanceNotPaid: toInt(sums?.saved),
        employments: toInt(sums?.employments),
      };
    });
  }

  // --- The figures a GraphQL caller reads, under disclosure control (three independent tables, each
  // computed only when one of its fields is asked for; which cells are hidden never depends on the selection).

  /** Households, long-term households and money, per month and for the period. */
  householdTable(): Promise<HouseholdTable> {
    return this.memo("householdTable", async () => {
      const [months, costs] = await Promise.all([this.monthly(), this.costsPerMonth()]);
      const last = months[months.length - 1];
      const sum = (pick: (m: MonthFigures) => number) => months.reduce((s, m) => s + pick(m), 0);
      const table: HouseholdTable = {
        householdsAtEnd: last.households,
        averageHouseholdsPerMonth: Math.round((sum((m) => m.households) / months.length) * 10) / 10,
        longTermHouseholds: last.longTermHouseholds,
        grossPaid: sum((m) => m.grossPaid),
        recovered: sum((m) => m.recovered),
        netCost: sum((m) => m.netCost),
        months: months.map((m) => ({ ...m, suppressed: [] })),
        suppressed: [],
      };
      return controlHouseholdTable(
        table,
        months.map((m) => costs.recoveries.get(m.month) ?? 0),
        this.policy,
      );
    });
  }

  /** Children in assisted households on `to` (and the share, given the municipality's children). */
  childrenTable(): Promise<{ children: number | null; suppressed: string[] }> {
    return this.memo("childrenTable", async () => {
      return controlChildren({ children: await this.childrenInAssistedHouseholds(), suppressed: [] }, this.policy);
    });
  }

  /** Växla bidrag mot lön: persons at the end and the money over the period (hidden with fewer than minCell employments). */
  wageSubsidyTable(): Promise<WageSubsidyTable> {
    return this.memo("wageSubsidyTable", async () => {
      const w = await this.wageSubsidy();
      const table: WageSubsidyTable = {
        personsAtEnd: w.personsAtEnd,
        personnelCostMinusSubsidy: w.personnelCostMinusSubsidy,
        assistanceNotPaid: w.assistanceNotPaid,
        netSaving: w.assistanceNotPaid - w.personnelCostMinusSubsidy,
        suppressed: [],
      };
      const control = new DisclosureControl();
      control.count(table, "personsAtEnd");
      const basis = [control.hiddenCount(w.employments)];
      const notPaid = control.magnitude(table, "assistanceNotPaid", basis);
      control.sum(notPaid, [
        control.magnitude(table, "personnelCostMinusSubsidy", basis),
        control.magnitude(table, "netSaving", basis),
      ]);
      control.apply(this.policy);
      return table;
    });
  }
}

export interface HouseholdTable {
  householdsAtEnd: number | null;
  averageHouseholdsPerMonth: number | null;
  longTermHouseholds: number | null;
  grossPaid: Ore | null;
  recovered: Ore | null;
  netCost: Ore | null;
  months: (Omit<MonthFigures, "households" | "longTermHouseholds" | "grossPaid" | "recovered" | "netCost"> & {
    households: number | null;
    longTermHouseholds: number | null;
    grossPaid: Ore | null;
    recovered: Ore | null;
    netCost: Ore | null;
    suppressed: string[];
  })[];
  suppressed: string[];
}

/** A lone count (nothing adds up to it): hidden from 1 to minCell − 1. */
export function controlChildren(
  table: { children: number | null; suppressed: string[] },
  policy: DisclosurePolicy,
): { children: number | null; suppressed: string[] } {
  const control = new DisclosureControl();
  control.count(table, "children");
  control.apply(policy);
  return table;
}

export interface WageSubsidyTable {
  personsAtEnd: number | null;
  personnelCostMinusSubsidy: Ore | null;
  assistanceNotPaid: Ore | null;
  netSaving: Ore | null;
  suppressed: string[];
}

/**
 * Disclosure control of the household table: households and long-term households per month are
 * counts; a month's payouts are hidden with its households, its recoveries when fewer than minCell
 * recoveries make them up; the period's figures are the months' sums (the average × months too),
 * the figures at the end are the last month's. `recoveries[i]` belongs to `table.months[i]`.
 */
export function controlHouseholdTable(
  table: HouseholdTable,
  recoveries: readonly number[],
  policy: DisclosurePolicy,
): HouseholdTable {
  const control = new DisclosureControl();
  const cells = table.months.map((m, i) => {
    const households = control.count(m, "households");
    const longTerm = control.count(m, "longTermHouseholds");
    const gross = control.magnitude(m, "grossPaid", [households]);
    const recovered = control.magnitude(m, "recovered", [control.hiddenCount(recoveries[i])]);
    const net = control.magnitude(m, "netCost", [households]);
    control.sum(gross, [net, recovered]);
    return { households, longTerm, gross, recovered, net };
  });
  const last = cells[cells.length - 1];
  control.sum(control.count(table, "householdsAtEnd"), [last.households]);
  control.sum(control.count(table, "longTermHouseholds"), [last.longTerm]);
  control.relation([
    [control.magnitude(table, "averageHouseholdsPerMonth", []), cells.length],
    ...cells.map((c): [number, number] => [c.households, -1]),
  ]);
  const gross = control.magnitude(table, "grossPaid", []);
  const recovered = control.magnitude(table, "recovered", [control.hiddenCount(recoveries.reduce((s, n) => s + n, 0))]);
  const net = control.magnitude(table, "netCost", []);
  control.sum(
    gross,
    cells.map((c) => c.gross),
  );
  control.sum(
    recovered,
    cells.map((c) => c.recovered),
  );
  control.sum(
    net,
    cells.map((c) => c.net),
  );
  control.sum(gross, [net, recovered]);
  control.apply(policy);
  return table;
}

/** The indicators a query answers: the period, its figures (computed when a field asks) and the municipality's children. */
export interface AssistanceIndicatorsData {
  from: LocalDate;
  to: LocalDate;
  stats: AssistanceStatistics;
  childrenInMunicipality: number | null;
}

/** The statistics a caller reads (under their disclosure policy) and the budgets the board sets. */
export class StatisticsService {
  constructor(private readonly ctx: RequestContext) {}

  /** Exact with ekonomiskt-bistand:stats:exact (access-logged); otherwise whole months and small counts suppressed. */
  async indicators(
    from: LocalDate,
    to: LocalDate,
    childrenInMunicipality: number | undefined,
  ): Promise<AssistanceIndicatorsData> {
    const policy = disclosurePolicy(this.ctx, DOMAIN);
    const stats = new AssistanceStatistics(this.ctx.ds, from, to, policy);
    assertWholeMonths(policy, from, to);
    await logExactStatisticsRead(this.ctx, policy, DOMAIN, "Query.assistanceIndicators", `${from}..${to}`);
    return { from, to, stats, childrenInMunicipality: childrenInMunicipality ?? null };
  }

  budgets(): Promise<AssistanceBudgetYear[]> {
    return this.ctx.ds.manager.find(AssistanceBudgetYear, { order: { year: "ASC" } });
  }

  /**
   * Sets the year's net-cost budget (as the board decided it), replacing an earlier one. `prefix` is
   * "input." when the values came in the mutation's input, "" for the deprecated arguments.
   */
  async setBudget(year: number, netCostBudget: Ore, prefix: "" | "input." = ""): Promise<AssistanceBudgetYear> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new ValidationError(`${prefix}year`, "range", YEAR_2000_TO_2100);
    if (netCostBudget < 0) throw new ValidationError(`${prefix}netCostBudget`, "non-negative", MUST_NOT_BE_NEGATIVE);
    return inTransaction(this.ctx.ds, async (manager) => {
      let row = await manager.findOne(AssistanceBudgetYear, { where: { year } });
      if (row) {
        row.netCostBudget = netCostBudget;
        row.setBy = actorOf(this.ctx);
      } else {
        row = manager.create(AssistanceBudgetYear, { year, netCostBudget, setBy: actorOf(this.ctx) });
      }
      await manager.save(row);
      await logChange(
        this.ctx,
        manager,
        row.id ? AccessAction.UPDATE : AccessAction.CREATE,
        "Mutation.setAssistanceBudget",
        "AssistanceBudgetYear",
        [row.id],
      );
      return row;
    });
  }
}

export function statisticsService(ctx: RequestContext): StatisticsService {
  return new StatisticsService(ctx);
}
