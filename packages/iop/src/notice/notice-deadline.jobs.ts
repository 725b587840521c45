import type { DataSource, EntityManager } from "typeorm";
import { recordEvent, type ScheduledJob } from "@arbetsliv/core";
import { daysBetween, todayLocalDate, type LocalDate } from "@arbetsliv/core/values";
import { inTransaction, isDeadlock, isUniqueViolation } from "@arbetsliv/core/data";
import { Agreement } from "../agreement/agreement.entity";
import { AgreementStatus } from "../agreement/agreement.enums";
import { nextNoticeDeadline, termAt } from "../agreement/renewal.rules";
import { agreementRenewed, noticeDeadlineApproaching } from "../events";
import { DOMAIN } from "../scopes";
import { NoticeDeadlineMark, NoticeDeadlineMarkKind } from "./notice-deadline-mark.entity";

export const NOTICE_WARNING_DAYS_ENV = "IOP_NOTICE_WARNING_DAYS";
export const DEFAULT_NOTICE_WARNING_DAYS = 30;
const HOUR_MS = 3_600_000;

/** The warning window from the environment: 1–365 whole days, 30 when unset; anything else stops the start. */
export function noticeWarningDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[NOTICE_WARNING_DAYS_ENV];
  if (raw === undefined || raw.trim() === "") return DEFAULT_NOTICE_WARNING_DAYS;
  const days = /^[0-9]{1,3}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(days >= 1 && days <= 365)) {
    throw new Error(
      `${NOTICE_WARNING_DAYS_ENV} must be a whole number of days from 1 to 365 (got "${raw.slice(0, 20)}")`,
    );
  }
  return days;
}

/**
 * Scheduled job: `agreement.notice-deadline-approaching` for every agreement in force that renews
 * automatically and whose next notice deadline (the renewal rules' nextNoticeDeadline, as
 * iopNoticeDeadlines shows it) is within the warning window — once per agreement and deadline.
 * After a renewal the next deadline is another one, so it gets its own warning.
 */
export function noticeDeadlineApproachingJob(env: NodeJS.ProcessEnv = process.env): ScheduledJob {
  const warningDays = noticeWarningDays(env);
  return {
    name: `${DOMAIN}.notice-deadline-approaching`,
    description: `Records agreement.notice-deadline-approaching ${warningDays} days (${NOTICE_WARNING_DAYS_ENV}) before an IOP agreement's notice deadline, once per agreement and deadline.`,
    everyMs: HOUR_MS,
    run: async (ds, now) => {
      const today = todayLocalDate(now);
      const due = (await renewingAgreements(ds)).flatMap((agreement) => {
        const next = nextNoticeDeadline(agreement, today)!;
        const daysLeft = daysBetween(today, next.noticeDeadline);
        return daysLeft <= warningDays ? [{ agreement, next, daysLeft }] : [];
      });
      const marked = await markedDeadlines(
        ds,
        NoticeDeadlineMarkKind.WARNING,
        due.map((d) => d.agreement.id),
      );
      let recorded = 0;
      for (const { agreement, next, daysLeft } of due) {
        if (marked.has(markKey(agreement.id, next.noticeDeadline))) continue;
        const done = await recordOnce(
          ds,
          agreement.id,
          next.noticeDeadline,
          NoticeDeadlineMarkKind.WARNING,
          now,
          (manager) =>
            recordEvent(manager, noticeDeadlineApproaching, {
              subjectId: agreement.id,
              data: {
                agreementId: String(agreement.id),
                partnerId: String(agreement.partnerId),
                noticeDeadline: next.noticeDeadline,
                daysLeft,
                warningDays,
                termEnd: next.termEnd,
                renewedUntil: next.renewedUntil,
              },
            }),
        );
        if (done) recorded++;
      }
      return recorded;
    },
  };
}

/**
 * Scheduled job: `agreement.renewed` once the latest notice deadline of an agreement in force has
 * passed without notice (the renewal is then binding) — once per agreement and deadline. Only
 * deadlines on or after the day the agreement was registered: older renewals were facts already.
 */
export function agreementRenewedJob(): ScheduledJob {
  return {
    name: `${DOMAIN}.agreement-renewed`,
    description:
      "Records agreement.renewed when an IOP agreement's notice deadline has passed without notice, once per agreement and deadline.",
    everyMs: HOUR_MS,
    run: async (ds, now) => {
      const today = todayLocalDate(now);
      const due = (await renewingAgreements(ds)).flatMap((agreement) => {
        const next = nextNoticeDeadline(agreement, today)!;
        if (next.termIndex === 0) return [];
        const passed = termAt(agreement, next.termIndex - 1).noticeDeadline!;
        if (passed < todayLocalDate(agreement.createdAt)) return [];
        return [{ agreement, passed, renewal: termAt(agreement, next.termIndex), nextDeadline: next.noticeDeadline }];
      });
      const marked = await markedDeadlines(
        ds,
        NoticeDeadlineMarkKind.RENEWED,
        due.map((d) => d.agreement.id),
      );
      let recorded = 0;
      for (const { agreement, passed, renewal, nextDeadline } of due) {
        if (marked.has(markKey(agreement.id, passed))) continue;
        const done = await recordOnce(ds, agreement.id, passed, NoticeDeadlineMarkKind.RENEWED, now, (manager) =>
          recordEvent(manager, agreementRenewed, {
            subjectId: agreement.id,
            data: {
              agreementId: String(agreement.id),
              partnerId: String(agreement.partnerId),
              renewalKind: "AUTOMATIC",
              passedNoticeDeadline: passed,
              renewedFrom: renewal.start,
              renewedUntil: renewal.end!,
              nextNoticeDeadline: nextDeadline,
            },
          }),
        );
        if (done) recorded++;
      }
      return recorded;
    },
  };
}

/** Agreements in force that renew automatically (notice given, winding down or ended: none). */
function renewingAgreements(ds: DataSource): Promise<Agreement[]> {
  return ds
    .getRepository(Agreement)
    .createQueryBuilder("a")
    .where(
      "a.status = :active AND a.endDate IS NOT NULL AND a.renewalTermMonths IS NOT NULL AND a.renewalTermMonths > 0",
      {
        active: AgreementStatus.ACTIVE,
      },
    )
    .orderBy("a.id", "ASC")
    .getMany();
}

function markKey(agreementId: number, deadline: LocalDate): string {
  return `${agreementId}|${deadline}`;
}

/** Marks already recorded for these agreements: skips the inserts a repeated run would only see fail. */
async function markedDeadlines(
  ds: DataSource,
  kind: NoticeDeadlineMarkKind,
  agreementIds: number[],
): Promise<Set<string>> {
  if (agreementIds.length === 0) return new Set();
  const rows = await ds
    .getRepository(NoticeDeadlineMark)
    .createQueryBuilder("m")
    .where("m.kind = :kind AND m.agreementId IN (:...ids)", { kind, ids: agreementIds })
    .getMany();
  return new Set(rows.map((m) => markKey(m.agreementId, m.noticeDeadline)));
}

/**
 * The mark and the event in one transaction. The unique key decides between concurrent runs: the
 * loser's insert fails (or is a deadlock victim) and it records nothing; a rolled-back try leaves
 * no mark, so a later run records it.
 */
async function recordOnce(
  ds: DataSource,
  agreementId: number,
  noticeDeadline: LocalDate,
  kind: NoticeDeadlineMarkKind,
  now: Date,
  record: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  try {
    await inTransaction(ds, async (manager) => {
      await manager.insert(NoticeDeadlineMark, { agreementId, noticeDeadline, kind, recordedAt: now.toISOString() });
      await record(manager);
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error) || isDeadlock(error)) return false;
    throw error;
  }
}
