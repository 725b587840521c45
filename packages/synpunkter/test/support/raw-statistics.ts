import type { DataSource } from "typeorm";
import { EXACT_POLICY, ValidationError } from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { sqlDialect, toInt } from "@arbetsliv/core/data";
import { assembleStatistics, controlFeedbackStatistics, type GroupRow } from "../../src/statistics/statistics.service";
import type { FeedbackStatistics } from "../../src/statistics/statistics.types";
import { municipalToday } from "../../src/feedback/municipal-date";

/**
 * The test oracle: the statistics' grouped rows as they were computed before the summary rows,
 * by three grouped passes over every item of the period (feedback_item only), pivoted by the
 * package's own assembleStatistics. feedbackStatistics (summary rows + edge days) must give
 * exactly the same figures for every period.
 */
export async function rawFeedbackStatistics(
  ds: DataSource,
  from: LocalDate,
  to: LocalDate,
  today: LocalDate = municipalToday(),
): Promise<FeedbackStatistics> {
  if (from > to)
    throw new ValidationError("to", "order", { en: "must not be before from", sv: "får inte vara före from" });
  const sql = sqlDialect(ds);
  const period = "f.receivedDate BETWEEN ? AND ?";

  const groups: (GroupRow & { openOverdue: unknown })[] = await ds.query(
    `SELECT f.businessAreaId AS areaId, f.kind AS kind, f.criterion AS criterion,
            COUNT(*) AS received,
            SUM(CASE WHEN f.closedDate IS NOT NULL THEN 1 ELSE 0 END) AS closed,
            SUM(CASE WHEN f.closedDate <= f.dueDate THEN 1 ELSE 0 END) AS inTime,
            SUM(CASE WHEN f.closedDate > f.dueDate THEN 1 ELSE 0 END) AS late,
            SUM(CASE WHEN f.closedDate IS NULL AND f.dueDate < ? THEN 1 ELSE 0 END) AS openOverdue,
            SUM(CASE WHEN f.forwardedTo IS NOT NULL THEN 1 ELSE 0 END) AS forwarded,
            SUM(CASE WHEN f.improvementKind IS NOT NULL THEN 1 ELSE 0 END) AS improvements,
            SUM(CASE WHEN f.duplicateOfId IS NOT NULL THEN 1 ELSE 0 END) AS duplicates,
            SUM(CASE WHEN f.reopenedCount > 0 THEN 1 ELSE 0 END) AS reopened,
            SUM(CASE WHEN f.wantsReply THEN 1 ELSE 0 END) AS wantedReply,
            SUM(CASE WHEN f.wantsReply AND f.replyCount > 0 THEN 1 ELSE 0 END) AS replied
       FROM feedback_item f WHERE ${period}
      GROUP BY f.businessAreaId, f.kind, f.criterion`,
    [today, from, to],
  );
  const monthRows: { receivedMonth: string; closedMonth: string | null; n: unknown }[] = await ds.query(
    `SELECT ${sql.yearMonth("f.receivedDate")} AS receivedMonth, ${sql.yearMonth("f.closedDate")} AS closedMonth, COUNT(*) AS n
       FROM feedback_item f WHERE ${period}
      GROUP BY ${sql.yearMonth("f.receivedDate")}, ${sql.yearMonth("f.closedDate")}`,
    [from, to],
  );
  const days = sql.daysBetween("f.receivedDate", "f.closedDate");
  const histogram: { d: unknown; n: unknown }[] = await ds.query(
    `SELECT ${days} AS d, COUNT(*) AS n FROM feedback_item f WHERE ${period} AND f.closedDate IS NOT NULL GROUP BY ${days} ORDER BY d`,
    [from, to],
  );
  const openOverdue = groups.reduce((sum, g) => sum + toInt(g.openOverdue), 0);
  return controlFeedbackStatistics(
    await assembleStatistics(ds, from, to, { groups, monthRows, histogram, openOverdue }),
    EXACT_POLICY,
  );
}
