import type { EntityManager } from "typeorm";
import {
  rebuildSummaries,
  summaryProjection,
  toInt,
  type SummaryDeclaration,
  type SummaryTable,
} from "@arbetsliv/core/data";
import type { Allocation } from "../allocation/allocation.entity";
import type { Application } from "../application/application.entity";
import type { Payout } from "../payout/payout.entity";
import { Round } from "../round/round.entity";
import { RoundStatus } from "../shared/enums";

/*
 * Summary rows kept on write (core summary projections, in the transaction that changes the
 * records) so the report reads a few rows per round instead of scanning every application and
 * allocation. Each table drops rows that come to count nothing (after a re-allocation moved
 * everything elsewhere), so the rows kept equal exactly what a rebuild gives.
 */

export const STATUS_SUMMARY = "donation_round_status_summary";
export const FUND_SUMMARY = "donation_round_fund_summary";
export const REACH_SUMMARY = "donation_reach_summary";

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

/** Applications of a round by status and rejection reason ('' = none). */
export const statusSummary: SummaryTable = {
  table: STATUS_SUMMARY,
  keys: ["roundId", "status", "reason"],
  counters: ["applications"],
  fromRecords: STATUS_FROM_RECORDS,
  dropZeroRows: true,
};

/** Allocations of a round and fund (how many, granted, their sum) and what of it is paid. */
export const fundSummary: SummaryTable = {
  table: FUND_SUMMARY,
  keys: ["roundId", "fundId"],
  counters: ["applications", "granted", "allocated", "paid"],
  fromRecords: FUND_FROM_RECORDS,
  dropZeroRows: true,
};

/** Persons granted money in a decided round, by the decided round they were last granted money in before it. */
export const reachSummary: SummaryTable = {
  table: REACH_SUMMARY,
  keys: ["roundId", "previousRoundId"],
  counters: ["persons"],
  fromRecords: REACH_FROM_RECORDS,
  dropZeroRows: true,
};

/** An application counts once in its round, under its status and rejection reason. */
export const applicationSummary = summaryProjection<Pick<Application, "roundId" | "status" | "rejectionReason">>({
  name: "DonationApplication",
  tables: [statusSummary],
  contribution: (a) => [{ table: statusSummary, key: [a.roundId, a.status, a.rejectionReason ?? ""], add: [1] }],
});

/** An allocation counts once in its round and fund, as granted when above 0 kr, with its amount. */
export const allocationSummary = summaryProjection<Pick<Allocation, "roundId" | "fundId" | "amount">>({
  name: "DonationAllocation",
  tables: [fundSummary],
  contribution: (al) => [
    { table: fundSummary, key: [al.roundId, al.fundId], add: [1, al.amount > 0 ? 1 : 0, al.amount, 0] },
  ],
});

/** A paid payout adds its amount to what is paid of its round and fund. */
export const paidPayoutSummary = summaryProjection<Pick<Payout, "roundId" | "fundId" | "amount">>({
  name: "DonationPayout (paid)",
  tables: [fundSummary],
  contribution: (p) => [{ table: fundSummary, key: [p.roundId, p.fundId], add: [0, 0, 0, Number(p.amount)] }],
});

/** A decided round in payout order (planned payout date, then id: the report's order). */
export interface OrderedRound {
  id: number;
  plannedPayoutDate: string;
}
const inPayoutOrder = (x: OrderedRound, y: OrderedRound) =>
  x.plannedPayoutDate < y.plannedPayoutDate ? -1 : x.plannedPayoutDate > y.plannedPayoutDate ? 1 : x.id - y.id;

/** One person's decided rounds in which they were granted money (any order). */
export interface PersonRounds {
  rounds: readonly OrderedRound[];
}

/** A person counts in each of their decided rounds, under the round before it in payout order (0: none). */
export const personReachSummary = summaryProjection<PersonRounds>({
  name: "DonationPerson (granted rounds)",
  tables: [reachSummary],
  contribution: ({ rounds }) =>
    [...rounds]
      .sort(inPayoutOrder)
      .map((r, i, chain) => ({ table: reachSummary, key: [r.id, i === 0 ? 0 : chain[i - 1].id], add: [1] })),
});

/** The summary tables of donationsfonder, in rebuild order (DomainModule.summaries). */
export const donationSummaries: SummaryDeclaration = {
  tables: [statusSummary, fundSummary, reachSummary],
  projections: [applicationSummary, allocationSummary, paidPayoutSummary, personReachSummary],
};

/**
 * The granted persons of a round just decided, each with their other decided rounds before the
 * decision and with this round after it (for personReachSummary). The caller holds every round's
 * lock, so decisions run one at a time and see each other.
 */
export async function grantedPersonRounds(
  manager: EntityManager,
  round: OrderedRound,
): Promise<{ before: PersonRounds[]; after: PersonRounds[] }> {
  const decided = await manager.find(Round, {
    where: { status: RoundStatus.DECIDED },
    select: { id: true, plannedPayoutDate: true },
  });
  const others: { personKey: string; roundId: unknown }[] = await manager.query(
    `SELECT g.personKey AS personKey, o.roundId AS roundId FROM donation_allocation g
       LEFT JOIN donation_allocation o ON o.personKey = g.personKey AND o.roundId <> g.roundId AND o.amount > 0
     WHERE g.roundId = ? AND g.amount > 0`,
    [round.id],
  );
  const byId = new Map(decided.map((r) => [r.id, r]));
  const roundsOf = new Map<string, Set<OrderedRound>>();
  for (const o of others) {
    const rounds = roundsOf.get(o.personKey) ?? roundsOf.set(o.personKey, new Set()).get(o.personKey)!;
    const other = o.roundId === null ? undefined : byId.get(toInt(o.roundId));
    if (other && other.id !== round.id) rounds.add(other);
  }
  const before = [...roundsOf.values()].map((rounds) => ({ rounds: [...rounds] }));
  return { before, after: before.map((p) => ({ rounds: [...p.rounds, round] })) };
}

/**
 * Recomputes the summary tables from the records (DELETE + INSERT … SELECT … GROUP BY, on both
 * databases). For data written around the services (demo seed, bench bulk load) and as the
 * reference in tests. Run it with no writers for a consistent result.
 */
export function rebuildDonationSummaries(manager: EntityManager): Promise<void> {
  return rebuildSummaries(manager, donationSummaries.tables);
}
