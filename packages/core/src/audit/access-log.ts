import { createHmac } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { Principal } from "../auth/principal";
import { AccessAction, AccessLogEntry } from "./access-log-entry.entity";

export interface AccessLogRecord {
  action: AccessAction;
  operation: string;
  domain: string;
  recordType: string;
  recordIds: readonly (string | number)[];
  /** Identity numbers (12 digits) of the people concerned; stored only as keyed hashes. */
  personnummer?: readonly string[];
}

let subjectKeySecret = process.env.ACCESS_LOG_KEY ?? "arbetsliv-development-access-log-key";

/** Sets the secret used to key identity numbers in the log (from configuration). */
export function configureAccessLogKey(secret: string): void {
  subjectKeySecret = secret;
}

/** A stable, non-reversible key for a personnummer, so the log can be searched by person. */
export function subjectKey(personnummer: string): string {
  return createHmac("sha256", subjectKeySecret).update(personnummer).digest("hex").slice(0, 24);
}

/**
 * Writes access-log rows. Reads are logged before the data is returned; changes are logged
 * inside the same transaction as the change, so either both happen or neither.
 */
export class AccessLog {
  constructor(
    private readonly principal: Principal | null,
    private readonly requestId: string | null,
  ) {}

  async append(manager: EntityManager, record: AccessLogRecord): Promise<void> {
    if (record.recordIds.length === 0) return;
    const keys = record.personnummer?.length
      ? `,${[...new Set(record.personnummer.map(subjectKey))].join(",")},`
      : null;
    // updateEntity(false): one INSERT, without TypeORM re-reading the generated id.
    await manager
      .createQueryBuilder()
      .insert()
      .into(AccessLogEntry)
      .updateEntity(false)
      .values({
        occurredAt: new Date(),
        actor: this.principal?.subject ?? "anonymous",
        requestId: this.requestId,
        action: record.action,
        operation: record.operation,
        domain: record.domain,
        recordType: record.recordType,
        recordIds: [...new Set(record.recordIds.map(String))],
        subjectKeys: keys,
      })
      .execute();
  }
}

// The append-only rule at the database (MariaDB triggers from the migration; sql.js triggers at initialize).
export { APPEND_ONLY_TABLES, appendOnlyTriggers, installEmbeddedAppendOnlyTriggers } from "./append-only";
