import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * That the invoice-basis.ready event of a provider and month was recorded: written in the same
 * transaction as the event, and UNIQUE, so the scheduled job records each exactly once however
 * often (or on however many processes) it runs.
 */
@Entity({ name: "rv_invoice_basis_ready" })
@Index(["providerId", "month"], { unique: true })
export class InvoiceBasisReady {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  providerId!: number;

  /** YYYY-MM. */
  @Column({ type: "varchar", length: 7 })
  month!: string;

  /** ISO 8601 UTC. */
  @Column({ type: "varchar", length: 24 })
  recordedAt!: string;
}
