import type { EntityManager } from "typeorm";
import { addToSummary } from "@arbetsliv/core";

export const STATUS_SUMMARY = "donation_round_status_summary";
export const FUND_SUMMARY = "donation_round_fund_summary";
export const REACH_SUMMARY = "donation_reach_summary";

/** One application entering (+1) or leaving (−1) a status/reason of its round. */
export interface StatusDelta {
  roundId: number;
  status: string;
  reason: string | null;
  n: number;
}

/** A change to the allocations or payments of a round and fund. */
export interface FundDelta {
  roundId: number;
  fundId: number;
  applications?: number;
  granted?: number;
  allocated?: number;
  paid?: number;
}

/** Keeps the per-round status counts; call in the transaction that writes the applications. */
export function countStatuses(manager: EntityManager, deltas: StatusDelta[]): Promise<void> {
  return addToSummary(
    manager,
    STATUS_SUMMARY,
    ["roundId", "status", "reason"],
    ["applications"],
    deltas.map((d) => ({ key: [d.roundId, d.status, d.reason ?? ""], add: [d.n] })),
  );
}

/** Keeps the per-round-and-fund figures; call in the transaction that writes the allocations or payments. */
export function addFundFigures(manager: EntityManager, deltas: FundDelta[]): Promise<void> {
  return addToSummary(
    manager,
    FUND_SUMMARY,
    ["roundId", "fundId"],
    ["applications", "granted", "allocated", "paid"],
    deltas.map((d) => ({ key: [d.roundId, d.fundId], add: [d.applications ?? 0, d.granted ?? 0, d.allocated ?? 0, d.paid ?? 0] })),
  );
}

/**
 * Drops a round's summary rows that count nothing (left after a re-allocation moved everything
 * elsewhere), so maintained rows stay exactly what a rebuild gives. Runs under the round's lock.
 */
export async function dropEmptyRows(manager: EntityManager, roundId: number): Promise<void> {
  await manager.query(`DELETE FROM ${STATUS_SUMMARY} WHERE roundId = ? AND applications = 0`, [roundId]);
  await manager.query(`DELETE FROM ${FUND_SUMMARY} WHERE roundId = ? AND applications = 0 AND granted = 0 AND allocated = 0 AND paid = 0`, [roundId]);
}

/** A decided round in payout order (planned payout date, then id: the report's order). */
export interface OrderedRound {
  id: number;
  plannedPayoutDate: string;
}
const before = (x: OrderedRound, y: OrderedRound) => x.plannedPayoutDate < y.plannedPayoutDate || (x.plannedPayoutDate === y.plannedPayoutDate && x.id < y.id);

/**
 * Links the persons granted money in a round just decided into each person's chain of decided
 * rounds: +1 (round, their previous round), and where they also have a later decided round (a
 * round decided out of order) that one now follows this round instead of the previous one.
 * `others` are the persons' granted allocations in the other decided rounds. The caller holds
 * every round's lock, so decisions run one at a time and see each other.
 */
export async function linkReach(
  manager: EntityManager,
  round: OrderedRound,
  personKeys: readonly string[],
  decided: readonly OrderedRound[],
  others: readonly { personKey: string; roundId: number }[],
): Promise<void> {
  const byId = new Map(decided.map((r) => [r.id, r]));
  const chain = new Map<string, { prev?: OrderedRound; next?: OrderedRound }>();
  for (const o of others) {
    const other = byId.get(o.roundId);
    if (!other) continue;
    const c = chain.get(o.personKey) ?? chain.set(o.personKey, {}).get(o.personKey)!;
    if (before(other, round)) {
      if (!c.prev || before(c.prev, other)) c.prev = other;
    } else if (!c.next || before(other, c.next)) c.next = other;
  }
  const deltas = [];
  for (const key of new Set(personKeys)) {
    const { prev, next } = chain.get(key) ?? {};
    deltas.push({ key: [round.id, prev?.id ?? 0], add: [1] });
    if (next) deltas.push({ key: [next.id, prev?.id ?? 0], add: [-1] }, { key: [next.id, round.id], add: [1] });
  }
  await addToSummary(manager, REACH_SUMMARY, ["roundId", "previousRoundId"], ["persons"], deltas);
  await manager.query(`DELETE FROM ${REACH_SUMMARY} WHERE persons = 0`);
}

/** SELECTs giving the summary rows from the records (the rebuild, and the tests' reference). */
export const STATUS_FROM_RECORDS = `SELECT a.roundId AS roundId, a.status AS status, COALESCE(a.rejectionReason, '') AS reason, COUNT(*) AS applications
  FROM donation_application a GROUP BY a.roundId, a.status, COALESCE(a.rejectionReason, '')`;
export const FUND_FROM_RECORDS = `SELECT x.roundId AS roundId, x.fundId AS fundId, SUM(x.applications) AS applications, SUM(x.granted) AS granted,
    SUM(x.allocated) AS allocated, SUM(x.paid) AS paid
  FROM (
    SELECT al.roundId AS roundId, al.fundId AS fundId, COUNT(*) AS applications, SUM(CASE WHEN al.amount > 0 THEN 1 ELSE 0 END) AS granted,
      SUM(al.amount) AS allocated, 0 AS paid
    FROM donation_allocation al GROUP BY al.roundId, al.fundId
    UNION ALL
    SELECT p.roundId, p.fundId, 0, 0, 0, SUM(p.amount)
    FROM donation_payout p INNER JOIN donation_payout_payment pp ON pp.payoutId = p.id GROUP BY p.roundId, p.fundId
  ) x GROUP BY x.roundId, x.fundId`;
export const REACH_FROM_RECORDS = `SELECT x.roundId AS roundId, x.previousRoundId AS previousRoundId, COUNT(*) AS persons
  FROM (
    SELECT al.roundId AS roundId,
      COALESCE(LAG(al.roundId) OVER (PARTITION BY al.personKey ORDER BY r.plannedPayoutDate, r.id), 0) AS previousRoundId
    FROM donation_allocation al INNER JOIN donation_round r ON r.id = al.roundId
    WHERE al.amount > 0 AND r.status = 'DECIDED'
  ) x GROUP BY x.roundId, x.previousRoundId`;

/**
 * Recomputes the summary tables from the records (DELETE + INSERT … SELECT … GROUP BY, on both
 * databases). For data written around the services (demo seed, bench bulk load) and as the
 * reference in tests. Run it in a transaction (and with no writers) for a consistent result.
 */
export async function rebuildDonationSummaries(manager: EntityManager): Promise<void> {
  await manager.query(`DELETE FROM ${STATUS_SUMMARY}`);
  await manager.query(`INSERT INTO ${STATUS_SUMMARY} (roundId, status, reason, applications) ${STATUS_FROM_RECORDS}`);
  await manager.query(`DELETE FROM ${FUND_SUMMARY}`);
  await manager.query(`INSERT INTO ${FUND_SUMMARY} (roundId, fundId, applications, granted, allocated, paid) ${FUND_FROM_RECORDS}`);
  await manager.query(`DELETE FROM ${REACH_SUMMARY}`);
  await manager.query(`INSERT INTO ${REACH_SUMMARY} (roundId, previousRoundId, persons) ${REACH_FROM_RECORDS}`);
}
