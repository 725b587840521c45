import { Between, In, type EntityManager } from "typeorm";
import { ValidationError, sqlDialect, toInt, type LocalDate } from "@arbetsliv/core";
import { inPublishedOrder } from "../allocation/eligibility";
import { Application } from "../application/application.entity";
import { Fund } from "../fund/fund.entity";
import { FundBudget } from "../fund/fund-budget.entity";
import { PayoutPayment } from "../payout/payout-payment.entity";
import { Payout } from "../payout/payout.entity";
import { Round } from "../round/round.entity";
import { ApplicationStatus, RejectionReason, RoundStatus } from "../shared/enums";
import type { DonationReport, FundReport, RoundReport } from "./statistics.types";

type Raw = Record<string, string | number | null>;
const REASON_ORDER = Object.values(RejectionReason);

/**
 * Reports per round and fund, computed by SQL aggregation (GROUP BY, SUM, COUNT) over the
 * stored records for any period — a constant number of statements whatever the volume.
 */
export class StatisticsService {
  constructor(private readonly manager: EntityManager) {}

  async report(from: LocalDate, to: LocalDate): Promise<DonationReport> {
    if (from > to) throw new ValidationError("to", "order", "must not be before from");
    const m = this.manager;
    const rounds = await m.find(Round, { where: { plannedPayoutDate: Between(from, to) }, order: { plannedPayoutDate: "ASC", id: "ASC" } });
    const empty: DonationReport = { from, to, rounds: [], applications: 0, amountDistributed: 0, amountPaid: 0, personsReachedInRounds: 0, distinctPersonsReached: 0 };
    if (rounds.length === 0) return empty;
    const ids = rounds.map((r) => r.id);

    const byStatus = await m
      .createQueryBuilder(Application, "a")
      .select("a.roundId", "roundId")
      .addSelect("a.status", "status")
      .addSelect("a.rejectionReason", "reason")
      .addSelect("COUNT(*)", "n")
      .where("a.roundId IN (:...ids)", { ids })
      .groupBy("a.roundId")
      .addGroupBy("a.status")
      .addGroupBy("a.rejectionReason")
      .getRawMany<Raw>();

    // One pass over the granted/allocated allocations joined to their applications gives the
    // per-fund figures, the distinct persons per round and the distinct persons over the decided
    // rounds: WITH ROLLUP on MariaDB (the round subtotal and grand total rows), and the same
    // three grouping levels as a UNION ALL on the embedded sqlite (which has no ROLLUP).
    const decidedIds = rounds.filter((r) => r.status === RoundStatus.DECIDED).map((r) => r.id);
    const { byFund, personsByRound, distinct } = await allocationFigures(m, ids, decidedIds);

    const paidByFund = await m
      .createQueryBuilder(Payout, "p")
      .innerJoin(PayoutPayment, "pp", "pp.payoutId = p.id")
      .select("p.roundId", "roundId")
      .addSelect("p.fundId", "fundId")
      .addSelect("COALESCE(SUM(p.amount), 0)", "paid")
      .where("p.roundId IN (:...ids)", { ids })
      .groupBy("p.roundId")
      .addGroupBy("p.fundId")
      .getRawMany<Raw>();

    const budgets = await m.find(FundBudget, { where: { roundId: In(ids) } });
    const fundIds = [...new Set([...budgets.map((b) => b.fundId), ...byFund.map((r) => toInt(r.fundId))])];
    const funds = inPublishedOrder(fundIds.length ? await m.find(Fund, { where: { id: In(fundIds) } }) : []);

    const key = (roundId: unknown, fundId: unknown) => `${toInt(roundId)}:${toInt(fundId)}`;
    const fundRows = new Map(byFund.map((r) => [key(r.roundId, r.fundId), r]));
    const paidRows = new Map(paidByFund.map((r) => [key(r.roundId, r.fundId), toInt(r.paid)]));
    const budgetOf = new Map(budgets.map((b) => [key(b.roundId, b.fundId), b.available]));
    const persons = personsByRound;

    const roundReports: RoundReport[] = rounds.map((round) => {
      const decided = round.status === RoundStatus.DECIDED;
      const statusRows = byStatus.filter((r) => toInt(r.roundId) === round.id);
      const count = (status: ApplicationStatus) => statusRows.filter((r) => r.status === status).reduce((s, r) => s + toInt(r.n), 0);
      const reasons = new Map<RejectionReason, number>();
      for (const r of statusRows) if (r.reason) reasons.set(r.reason as RejectionReason, (reasons.get(r.reason as RejectionReason) ?? 0) + toInt(r.n));
      const fundReports: FundReport[] = funds
        .filter((f) => budgetOf.has(key(round.id, f.id)) || fundRows.has(key(round.id, f.id)))
        .map((f) => {
          const row = fundRows.get(key(round.id, f.id));
          const allocated = toInt(row?.allocated);
          const available = budgetOf.get(key(round.id, f.id)) ?? 0;
          return {
            fundId: f.id,
            fundCode: f.code,
            fundName: f.name,
            amountAvailable: available,
            applications: toInt(row?.applications),
            granted: toInt(row?.granted),
            amountAllocated: allocated,
            amountDistributed: decided ? allocated : 0,
            amountPaid: paidRows.get(key(round.id, f.id)) ?? 0,
            amountRemaining: available - allocated,
            personsReached: decided ? toInt(row?.persons) : 0,
          };
        });
      const total = (pick: (f: FundReport) => number) => fundReports.reduce((s, f) => s + pick(f), 0);
      return {
        roundId: round.id,
        name: round.name,
        year: round.year,
        term: round.term,
        status: round.status,
        plannedPayoutDate: round.plannedPayoutDate,
        applications: statusRows.reduce((s, r) => s + toInt(r.n), 0),
        refused: count(ApplicationStatus.REFUSED),
        awaitingAssessment: count(ApplicationStatus.RECEIVED),
        eligible: count(ApplicationStatus.ELIGIBLE),
        ineligible: count(ApplicationStatus.INELIGIBLE),
        rejectedByReason: REASON_ORDER.filter((r) => reasons.has(r)).map((reason) => ({ reason, count: reasons.get(reason)! })),
        granted: total((f) => f.granted),
        amountAvailable: total((f) => f.amountAvailable),
        amountAllocated: total((f) => f.amountAllocated),
        amountDistributed: total((f) => f.amountDistributed),
        amountPaid: total((f) => f.amountPaid),
        personsReached: decided ? (persons.get(round.id) ?? 0) : 0,
        funds: fundReports,
      };
    });

    return {
      from,
      to,
      rounds: roundReports,
      applications: roundReports.reduce((s, r) => s + r.applications, 0),
      amountDistributed: roundReports.reduce((s, r) => s + r.amountDistributed, 0),
      amountPaid: roundReports.reduce((s, r) => s + r.amountPaid, 0),
      personsReachedInRounds: roundReports.reduce((s, r) => s + r.personsReached, 0),
      distinctPersonsReached: distinct,
    };
  }
}

/**
 * Allocations per round and fund (count, granted, allocated, distinct persons granted), distinct
 * persons granted per round, and distinct persons granted over the decided rounds — one statement.
 */
async function allocationFigures(
  m: EntityManager,
  roundIds: number[],
  decidedIds: number[],
): Promise<{ byFund: Raw[]; personsByRound: Map<number, number>; distinct: number }> {
  const inRounds = roundIds.map(() => "?").join(", ");
  const decided = decidedIds.length ? `al.roundId IN (${decidedIds.map(() => "?").join(", ")})` : "1 = 0";
  const measures = `COUNT(*) AS applications,
          SUM(CASE WHEN al.amount > 0 THEN 1 ELSE 0 END) AS granted,
          COALESCE(SUM(al.amount), 0) AS allocated,
          COUNT(DISTINCT CASE WHEN al.amount > 0 THEN a.personKey END) AS persons,
          COUNT(DISTINCT CASE WHEN al.amount > 0 AND ${decided} THEN a.personKey END) AS decidedPersons`;
  const from = `FROM donation_allocation al INNER JOIN donation_application a ON a.id = al.applicationId WHERE al.roundId IN (${inRounds})`;
  const params = [...decidedIds, ...roundIds];
  const rows: Raw[] =
    sqlDialect(m).kind === "mysql"
      ? await m.query(`SELECT al.roundId AS roundId, al.fundId AS fundId, ${measures} ${from} GROUP BY al.roundId, al.fundId WITH ROLLUP`, params)
      : await m.query(
          `SELECT al.roundId AS roundId, al.fundId AS fundId, ${measures} ${from} GROUP BY al.roundId, al.fundId
           UNION ALL SELECT al.roundId, NULL, ${measures} ${from} GROUP BY al.roundId
           UNION ALL SELECT NULL, NULL, ${measures} ${from}`,
          [...params, ...params, ...params],
        );
  const byFund = rows.filter((r) => r.roundId !== null && r.fundId !== null);
  const personsByRound = new Map(rows.filter((r) => r.roundId !== null && r.fundId === null).map((r) => [toInt(r.roundId), toInt(r.persons)]));
  const total = rows.find((r) => r.roundId === null);
  return { byFund, personsByRound, distinct: toInt(total?.decidedPersons) };
}
