import type { DataSource, EntityManager } from "typeorm";
import { AccessAction } from "../audit/access-log-entry.entity";
import { AccessLog } from "../audit/access-log";
import { inTransaction } from "../data/transaction";
import type { DomainModule } from "../module/domain-module";
import { addMonths, type LocalDate } from "../scalars/local-date";
import { DeletionLogEntry } from "./deletion-log-entry.entity";

/** What a module's retention step removed (or would remove, in a dry run). */
export interface RetentionAction {
  recordType: string;
  recordIds: (string | number)[];
  reason: string;
}

export interface RetentionContext {
  manager: EntityManager;
  today: LocalDate;
  /** Person records whose last entry is before this date are due (5 years). */
  cutoff: LocalDate;
}

/** Social-services person records are deleted 5 years after the last entry. */
export const RETENTION_YEARS = 5;

export function retentionCutoff(today: LocalDate): LocalDate {
  return addMonths(today, -12 * RETENTION_YEARS);
}

class DryRunRollback extends Error {}

export interface RetentionReport {
  dryRun: boolean;
  today: LocalDate;
  cutoff: LocalDate;
  actions: (RetentionAction & { domain: string })[];
}

/**
 * Runs every module's retention step. Each module runs in its own transaction; a dry run
 * runs the same code and rolls back, so it reports exactly what a real run would do and
 * changes nothing. A real run writes the deletion log and access-log DELETE rows in the same
 * transaction as the deletions. Modules anonymise what statistics need instead of deleting it.
 */
export async function runRetention(
  ds: DataSource,
  modules: readonly DomainModule[],
  options: { today: LocalDate; dryRun: boolean; actor: string },
): Promise<RetentionReport> {
  const cutoff = retentionCutoff(options.today);
  const report: RetentionReport = { dryRun: options.dryRun, today: options.today, cutoff, actions: [] };
  const log = new AccessLog({ subject: options.actor, kind: "system", scopes: new Set() }, null);
  for (const module of modules) {
    if (!module.retention) continue;
    let actions: RetentionAction[] = [];
    try {
      await inTransaction(ds, async (manager) => {
        actions = (await module.retention!({ manager, today: options.today, cutoff })).filter(
          (a) => a.recordIds.length > 0,
        );
        if (options.dryRun) throw new DryRunRollback();
        for (const action of actions) {
          await manager.insert(DeletionLogEntry, {
            runAt: new Date(),
            actor: options.actor,
            domain: module.name,
            recordType: action.recordType,
            count: action.recordIds.length,
            recordIds: action.recordIds.map(String),
            reason: action.reason,
          });
          await log.append(manager, {
            action: AccessAction.DELETE,
            operation: "Job.retention",
            domain: module.name,
            recordType: action.recordType,
            recordIds: action.recordIds,
          });
        }
      });
    } catch (e) {
      if (!(e instanceof DryRunRollback)) throw e;
    }
    report.actions.push(...actions.map((a) => ({ ...a, domain: module.name })));
  }
  return report;
}
