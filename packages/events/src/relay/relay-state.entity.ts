import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The relay's coordination rows, one per role: "sequencer" (holds the last feed position given
 * out, so positions never restart even after old outbox rows are deleted), "publisher" (locked
 * while one relay publishes, so the stream keeps position order) and "leader" (a lease: the
 * relay holding it runs the scheduled jobs and housekeeping).
 */
@Entity({ name: "event_relay_state" })
export class RelayState {
  @PrimaryColumn({ type: "varchar", length: 32 })
  name!: string;

  /** "sequencer": the highest position assigned so far (0 before the first). */
  @Column({ type: "int", default: 0 })
  lastPosition!: number;

  /** "leader": the relay instance holding the lease. */
  @Column({ type: "varchar", length: 64, nullable: true, default: null })
  holder!: string | null;

  /** "leader": the lease runs out at this time (ISO 8601 UTC) unless renewed. */
  @Column({ type: "varchar", length: 24, nullable: true, default: null })
  leaseUntil!: string | null;
}
