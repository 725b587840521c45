import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { dateColumn, moneyColumn, type LocalDate, type Ore } from "@arbetsliv/core/values";

/*
 * Summary rows kept on write (src/statistics/assistance-summaries.ts), in the transaction that
 * writes the payout, so the indicators read a few rows instead of scanning every payout. They
 * are derived from eb_payout only and can always be rebuilt from it (rebuildAssistanceSummaries).
 * None of them leaves the server as such.
 */

/** The net of a household's payouts (original and corrections) for the month they concern; paid when > 0. */
@Entity({ name: "eb_paid_month" })
// The children's indicator reads one month's paid households.
@Index(["month", "netAmount"])
export class PaidMonth {
  @PrimaryColumn({ type: "int" })
  householdId!: number;

  @PrimaryColumn({ type: "varchar", length: 7 })
  month!: string;

  @Column({ ...moneyColumn })
  netAmount!: Ore;
}

/** Per month: households paid for it, and households paid in ≥ 11 of the 12 months ending with it. */
@Entity({ name: "eb_month_figures" })
export class MonthSummary {
  @PrimaryColumn({ type: "varchar", length: 7 })
  month!: string;

  @Column({ type: "int" })
  households!: number;

  @Column({ type: "int" })
  longTermHouseholds!: number;
}

/** Payouts and corrections summed per payment date (the costs are by payment date). */
@Entity({ name: "eb_payment_day" })
export class PaymentDay {
  @PrimaryColumn({ ...dateColumn })
  paymentDate!: LocalDate;

  @Column({ ...moneyColumn })
  amount!: Ore;
}
