import type { SqlDialect } from "@arbetsliv/core/data";
import { AgreementStatus } from "../agreement/agreement.enums";
import { InvoiceKind } from "../money/money.enums";
import { dialectDateParam, yearBounds } from "../shared/helpers";

/*
 * The cost reports' statements, each with its parameters ([sql, values]): StatisticsService
 * (statistics.service.ts) runs them after checking the years, and the bench's floor imports them
 * so it runs the same SQL. `d` is the source's dialect (core's sqlDialect).
 */

/** A positional statement: the SQL and its values in order. */
export type Statement = [sql: string, values: unknown[]];

const DRAFT = `'${AgreementStatus.DRAFT}'`;

/**
 * One row per agreement and year: in force that year (its service fee pro rata over its days
 * in force), or with amendments or invoices for it — a UNION ALL over a derived table of the years.
 */
export function costRowsStatement(d: SqlDialect, fromYear: number, toYear: number): { sql: string; params: unknown[] } {
  const dp = dialectDateParam(d);
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(y);
  const yearsSql = years.map(() => `SELECT ? AS y, ${dp} AS ys, ${dp} AS ye, ? AS yd`).join(" UNION ALL ");
  const yearParams = years.flatMap((y) => {
    const b = yearBounds(y);
    return [y, b.start, b.end, b.days];
  });
  const daysInForce = `(${d.daysBetween(d.greatest("a.startDate", "yr.ys"), d.least("COALESCE(a.finalEndDate, yr.ye)", "yr.ye"))} + 1)`;
  const sql = `
      SELECT a.id AS agreementId, yr.y AS costYear, 1 AS inForce,
             COALESCE(ROUND(a.annualServiceFee * ${daysInForce} * 1.0 / yr.yd), 0) AS fee, 0 AS amend, 0 AS invAgreed, 0 AS invOther
        FROM iop_agreement a
        JOIN (${yearsSql}) yr ON a.startDate <= yr.ye AND (a.finalEndDate IS NULL OR a.finalEndDate >= yr.ys)
       WHERE a.status <> ${DRAFT}
      UNION ALL
      SELECT aa.agreementId, aa.year, 0, 0, aa.amount, 0, 0
        FROM iop_amendment_amount aa WHERE aa.year BETWEEN ? AND ?
      UNION ALL
      SELECT i.agreementId, ${d.year("i.invoiceDate")}, 0, 0, 0,
             CASE WHEN i.kind = '${InvoiceKind.AGREED}' THEN i.amount ELSE 0 END,
             CASE WHEN i.kind = '${InvoiceKind.OTHER}' THEN i.amount ELSE 0 END
        FROM iop_invoice i WHERE i.invoiceDate BETWEEN ${dp} AND ${dp}`;
  return { sql, params: [...yearParams, fromYear, toYear, `${fromYear}-01-01`, `${toYear}-12-31`] };
}

/** Costs per partnership and year (costsPerPartnership). */
export function costsPerPartnershipStatement(d: SqlDialect, fromYear: number, toYear: number): Statement {
  const { sql, params } = costRowsStatement(d, fromYear, toYear);
  return [
    `SELECT t.agreementId AS agreementId, t.costYear AS costYear, MAX(t.inForce) AS inForce,
              SUM(t.fee) AS fee, SUM(t.amend) AS amend, SUM(t.invAgreed) AS invAgreed, SUM(t.invOther) AS invOther,
              a.number AS number, a.title AS title, p.name AS partnerName, p.organisationsnummer AS orgnr, b.code AS budgetCode
         FROM (${sql}) t
         JOIN iop_agreement a ON a.id = t.agreementId
         JOIN iop_partner p ON p.id = a.partnerId
         JOIN iop_funding_budget b ON b.id = a.fundingBudgetId
        GROUP BY t.agreementId, t.costYear, a.number, a.title, p.name, p.organisationsnummer, b.code
        ORDER BY t.costYear, p.name, t.agreementId`,
    params,
  ];
}

/** Costs per funding budget and year, with the partnerships in force (costsPerFundingBudget). */
export function costsPerFundingBudgetStatement(d: SqlDialect, fromYear: number, toYear: number): Statement {
  const { sql, params } = costRowsStatement(d, fromYear, toYear);
  return [
    `SELECT b.code AS code, b.name AS name, t.costYear AS costYear,
              COUNT(DISTINCT CASE WHEN t.inForce = 1 THEN t.agreementId END) AS partnerships,
              SUM(t.fee) AS fee, SUM(t.amend) AS amend, SUM(t.invAgreed) AS invAgreed, SUM(t.invOther) AS invOther
         FROM (${sql}) t
         JOIN iop_agreement a ON a.id = t.agreementId
         JOIN iop_funding_budget b ON b.id = a.fundingBudgetId
        GROUP BY b.id, b.code, b.name, t.costYear
        ORDER BY t.costYear, b.code`,
    params,
  ];
}
