import { FUND_SUMMARY, REACH_SUMMARY, STATUS_SUMMARY } from "./summary";

/*
 * The report's statements over the summary rows (statistics.service.ts runs them; the bench's
 * floor imports them). Each takes how many ids it gets and binds them positionally ("?" on both
 * drivers), so the caller passes exactly the ids (the decided ids twice for the reach).
 */

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** Applications per round, status and rejection reason; parameters: the round ids. */
export function statusRowsStatement(rounds: number): string {
  return `SELECT roundId, status, reason, applications AS n FROM ${STATUS_SUMMARY} WHERE roundId IN (${placeholders(rounds)}) AND applications <> 0`;
}

/** Applications, granted, allocated and paid per round and fund; parameters: the round ids. */
export function fundRowsStatement(rounds: number): string {
  return `SELECT roundId, fundId, applications, granted, allocated, paid FROM ${FUND_SUMMARY} WHERE roundId IN (${placeholders(rounds)}) AND applications > 0`;
}

/**
 * Distinct persons over the period's decided rounds: each person once, at the first of their
 * rounds in the period — the reach rows whose previous round is not in the period
 * (summary.entities.ts). Parameters: the decided round ids, twice.
 */
export function distinctReachStatement(decidedRounds: number): string {
  const ids = placeholders(decidedRounds);
  return `SELECT COALESCE(SUM(persons), 0) AS n FROM ${REACH_SUMMARY} WHERE roundId IN (${ids}) AND previousRoundId NOT IN (${ids})`;
}
