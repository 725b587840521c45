import { Column, Entity, PrimaryColumn } from "typeorm";
import { moneyColumn, type Ore } from "@arbetsliv/core/values";

/**
 * Summary rows kept on write (core `addToSummary`, in the transaction that changes the records)
 * so the report reads a few rows per round instead of scanning every application and
 * allocation. Rebuilt from the records by `rebuildDonationSummaries`. Never GraphQL types.
 */

/** Applications of a round by status and rejection reason ('' = none: key columns are NOT NULL). */
@Entity({ name: "donation_round_status_summary" })
export class RoundStatusSummary {
  @PrimaryColumn({ type: "int" })
  roundId!: number;

  @PrimaryColumn({ type: "varchar", length: 16 })
  status!: string;

  @PrimaryColumn({ type: "varchar", length: 32 })
  reason!: string;

  @Column({ type: "int" })
  applications!: number;
}

/** Allocations of a round and fund: how many, how many granted (> 0 kr), their sum, and what of it is paid. */
@Entity({ name: "donation_round_fund_summary" })
export class RoundFundSummary {
  @PrimaryColumn({ type: "int" })
  roundId!: number;

  @PrimaryColumn({ type: "int" })
  fundId!: number;

  @Column({ type: "int" })
  applications!: number;

  @Column({ type: "int" })
  granted!: number;

  @Column({ ...moneyColumn })
  allocated!: Ore;

  @Column({ ...moneyColumn })
  paid!: Ore;
}

/**
 * Persons granted money in a decided round, by the decided round (in payout order) in which each
 * was last granted money before it (0 = never before). Distinct persons over the decided rounds of
 * a period are then the rows of those rounds whose previous round is not among them: every person
 * is counted once, at their first round in the period.
 */
@Entity({ name: "donation_reach_summary" })
export class ReachSummary {
  @PrimaryColumn({ type: "int" })
  roundId!: number;

  @PrimaryColumn({ type: "int" })
  previousRoundId!: number;

  @Column({ type: "int" })
  persons!: number;
}
