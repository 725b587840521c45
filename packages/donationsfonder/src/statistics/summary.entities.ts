import { Column, Entity, PrimaryColumn } from "typeorm";
import { moneyColumn, type Ore } from "@arbetsliv/core";

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
