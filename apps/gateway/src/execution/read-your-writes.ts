/**
 * Read-your-writes with read replicas: after a caller's mutation, its requests read from the
 * primary for `windowMs`, so it never sees data older than its own write while the replicas catch
 * up (packages/core/src/data/read-replicas.ts). Per gateway process: behind a load balancer that
 * spreads one caller over several replicas, make it sticky per Authorization header, or keep the
 * window above the replicas' usual lag.
 */
export class RecentWriters {
  private readonly until = new Map<string, number>();
  private sweptAt = 0;

  constructor(private readonly windowMs: number) {}

  /** The caller's mutation has just finished: it reads from the primary for the window. */
  note(subject: string, now = Date.now()): void {
    this.until.set(subject, now + this.windowMs);
    if (now - this.sweptAt > this.windowMs) this.sweep(now);
  }

  wroteRecently(subject: string | undefined, now = Date.now()): boolean {
    if (subject === undefined) return false;
    const until = this.until.get(subject);
    return until !== undefined && until > now;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [subject, until] of this.until) if (until <= now) this.until.delete(subject);
  }
}
