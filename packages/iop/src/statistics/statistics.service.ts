import { MAX_REPORT_YEARS } from "../shared/list-limits";
import type { DataSource, EntityManager } from "typeorm";
import { ValidationError, type RequestContext } from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { sqlDialect, toInt } from "@arbetsliv/core/data";
import { AgreementStatus } from "../agreement/agreement.enums";
import { YearlyReportKind } from "../follow-up/follow-up.enums";
import { assertOrder, assertYear, dateParam, yearBounds } from "../shared/helpers";
import { costsPerFundingBudgetStatement, costsPerPartnershipStatement } from "./cost.statements";
import type {
  BudgetCostType,
  FollowUpStatisticsType,
  PartnershipChangesType,
  PartnershipCostType,
  PartnershipCountType,
} from "./statistics.types";

const MAX_YEARS = MAX_REPORT_YEARS;
const DRAFT = `'${AgreementStatus.DRAFT}'`;

type Db = DataSource | EntityManager;

/**
 * Report queries: all figures by SQL aggregation over the stored records, for any period.
 * Same SQL on MariaDB and sqlite through sqlDialect.
 */
export class StatisticsService {
  constructor(private readonly db: Db) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.db.query(sql, params);
  }

  async partnershipCount(on: LocalDate): Promise<PartnershipCountType> {
    const dp = dateParam(this.db);
    const rows = await this.query<{ code: string; name: string; n: unknown }>(
      `SELECT b.code AS code, b.name AS name, COUNT(a.id) AS n
         FROM iop_agreement a JOIN iop_funding_budget b ON b.id = a.fundingBudgetId
        WHERE a.status <> ${DRAFT} AND a.startDate <= ${dp} AND (a.finalEndDate IS NULL OR a.finalEndDate >= ${dp})
        GROUP BY b.id, b.code, b.name ORDER BY b.code`,
      [on, on],
    );
    const byFundingBudget = rows.map((r) => ({
      fundingBudgetCode: r.code,
      fundingBudgetName: r.name,
      partnerships: toInt(r.n),
    }));
    return { date: on, inForce: byFundingBudget.reduce((s, b) => s + b.partnerships, 0), byFundingBudget };
  }

  async partnershipChanges(from: LocalDate, to: LocalDate): Promise<PartnershipChangesType> {
    assertOrder("to", from, to, "from");
    const dp = dateParam(this.db);
    const successor = `EXISTS (SELECT 1 FROM iop_agreement s WHERE s.predecessorId = a.id AND s.status <> ${DRAFT})`;
    const [row] = await this.query<Record<string, unknown>>(
      `SELECT
         SUM(CASE WHEN a.startDate BETWEEN ${dp} AND ${dp} THEN 1 ELSE 0 END) AS started,
         SUM(CASE WHEN a.finalEndDate BETWEEN ${dp} AND ${dp} AND NOT ${successor} THEN 1 ELSE 0 END) AS ended,
         SUM(CASE WHEN a.finalEndDate BETWEEN ${dp} AND ${dp} AND ${successor} THEN 1 ELSE 0 END) AS replaced,
         (SELECT COUNT(DISTINCT c.agreementId) FROM iop_status_change c
           WHERE c.toStatus = '${AgreementStatus.WINDING_DOWN}' AND c.effectiveDate BETWEEN ${dp} AND ${dp}) AS windingDown
       FROM iop_agreement a WHERE a.status <> ${DRAFT}`,
      [from, to, from, to, from, to, from, to],
    );
    return {
      from,
      to,
      started: toInt(row?.started),
      ended: toInt(row?.ended),
      replaced: toInt(row?.replaced),
      windingDown: toInt(row?.windingDown),
    };
  }

  /** The years of a cost report: each a year, fromYear first, at most MAX_YEARS of them. */
  private assertCostYears(fromYear: number, toYear: number): void {
    assertYear("fromYear", fromYear);
    assertYear("toYear", toYear);
    if (toYear < fromYear)
      throw new ValidationError("toYear", "order", {
        en: "must not be before fromYear",
        sv: "får inte vara före fromYear",
      });
    if (toYear - fromYear + 1 > MAX_YEARS)
      throw new ValidationError("toYear", "range", {
        en: `at most ${MAX_YEARS} years at a time`,
        sv: `högst ${MAX_YEARS} år åt gången`,
      });
  }

  async costsPerPartnership(fromYear: number, toYear: number): Promise<PartnershipCostType[]> {
    this.assertCostYears(fromYear, toYear);
    const rows = await this.query<Record<string, unknown>>(
      ...costsPerPartnershipStatement(sqlDialect(this.db), fromYear, toYear),
    );
    return rows.map((r) => {
      const money = moneyParts(r);
      return {
        agreementId: toInt(r.agreementId),
        agreementNumber: (r.number as string | null) ?? null,
        agreementTitle: String(r.title),
        partnerName: String(r.partnerName),
        partnerOrganisationsnummer: String(r.orgnr),
        fundingBudgetCode: String(r.budgetCode),
        year: toInt(r.costYear),
        inForce: toInt(r.inForce) === 1,
        ...money,
      };
    });
  }

  async costsPerFundingBudget(fromYear: number, toYear: number): Promise<BudgetCostType[]> {
    this.assertCostYears(fromYear, toYear);
    const rows = await this.query<Record<string, unknown>>(
      ...costsPerFundingBudgetStatement(sqlDialect(this.db), fromYear, toYear),
    );
    return rows.map((r) => ({
      fundingBudgetCode: String(r.code),
      fundingBudgetName: String(r.name),
      year: toInt(r.costYear),
      partnerships: toInt(r.partnerships),
      ...moneyParts(r),
    }));
  }

  async followUpStatistics(year: number): Promise<FollowUpStatisticsType> {
    assertYear("year", year);
    const { start, end } = yearBounds(year);
    const dp = dateParam(this.db);
    const [evaluations] = await this.query<Record<string, unknown>>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT e.agreementId) AS agreements FROM iop_evaluation e WHERE e.conductedOn BETWEEN ${dp} AND ${dp}`,
      [start, end],
    );
    const [deviations] = await this.query<Record<string, unknown>>(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN d.resolvedOn IS NULL OR d.resolvedOn > ${dp} THEN 1 ELSE 0 END) AS open
         FROM iop_deviation d WHERE d.detectedOn BETWEEN ${dp} AND ${dp}`,
      [end, start, end],
    );
    const has = (kind: YearlyReportKind) =>
      `EXISTS (SELECT 1 FROM iop_yearly_report r WHERE r.agreementId = a.id AND r.year = ? AND r.kind = '${kind}')`;
    const [reports] = await this.query<Record<string, unknown>>(
      `SELECT SUM(CASE WHEN a.requiresActivityReport = 1 THEN 1 ELSE 0 END) AS reportsExpected,
              SUM(CASE WHEN a.requiresActivityReport = 1 AND ${has(YearlyReportKind.ACTIVITY_REPORT)} THEN 1 ELSE 0 END) AS reportsReceived,
              SUM(CASE WHEN a.requiresActivityPlan = 1 THEN 1 ELSE 0 END) AS plansExpected,
              SUM(CASE WHEN a.requiresActivityPlan = 1 AND ${has(YearlyReportKind.ACTIVITY_PLAN)} THEN 1 ELSE 0 END) AS plansReceived
         FROM iop_agreement a
        WHERE a.status <> ${DRAFT} AND a.startDate <= ${dp} AND (a.finalEndDate IS NULL OR a.finalEndDate >= ${dp})`,
      [year, year, end, start],
    );
    const [served] = await this.query<Record<string, unknown>>(
      `SELECT SUM(r.individualsServed) AS n FROM iop_yearly_report r WHERE r.year = ? AND r.kind = '${YearlyReportKind.ACTIVITY_REPORT}'`,
      [year],
    );
    return {
      year,
      evaluations: toInt(evaluations?.n),
      agreementsEvaluated: toInt(evaluations?.agreements),
      deviations: toInt(deviations?.n),
      openDeviations: toInt(deviations?.open),
      activityReportsExpected: toInt(reports?.reportsExpected),
      activityReportsReceived: toInt(reports?.reportsReceived),
      activityPlansExpected: toInt(reports?.plansExpected),
      activityPlansReceived: toInt(reports?.plansReceived),
      individualsServed: toInt(served?.n),
    };
  }
}

function moneyParts(r: Record<string, unknown>) {
  const serviceFee = toInt(r.fee);
  const amendments = toInt(r.amend);
  const invoicedAgreed = toInt(r.invAgreed);
  const otherInvoices = toInt(r.invOther);
  return { serviceFee, amendments, invoicedAgreed, otherInvoices, total: serviceFee + amendments + otherInvoices };
}

/** The statistics of a request (the package's service style); `new StatisticsService(db)` for a data source of one's own. */
export function statisticsService(ctx: RequestContext): StatisticsService {
  return new StatisticsService(ctx.ds);
}
