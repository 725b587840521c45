import { type RetentionAction, type RetentionContext } from "@arbetsliv/core";
import { chunks } from "@arbetsliv/core/data";
import { FeedbackEvent } from "../feedback/feedback-event.entity";
import { FeedbackItem } from "../feedback/feedback-item.entity";
import { FeedbackReply } from "../feedback/feedback-reply.entity";

export const REMOVED_TEXT = "[gallrad]";

/**
 * Gallring of feedback: a closed item whose last entry (received, closed, reply or history) is
 * older than the cutoff loses its person data — description, submitter contact, reply texts,
 * history notes. Kind, criterion, area and dates stay, so every statistic is unchanged.
 */
export async function feedbackRetention({ manager, cutoff, today }: RetentionContext): Promise<RetentionAction[]> {
  const rows: { id: number }[] = await manager.query(
    `SELECT f.id AS id FROM feedback_item f
      WHERE f.anonymisedDate IS NULL AND f.closedDate IS NOT NULL AND f.closedDate < ? AND f.receivedDate < ?
        AND NOT EXISTS (SELECT 1 FROM feedback_reply r WHERE r.feedbackId = f.id AND r.repliedDate >= ?)
        AND NOT EXISTS (SELECT 1 FROM feedback_event e WHERE e.feedbackId = f.id AND e.date >= ?)
      ORDER BY f.id`,
    [cutoff, cutoff, cutoff, cutoff],
  );
  const ids = rows.map((r) => Number(r.id));
  for (const chunk of chunks(ids)) {
    await manager
      .createQueryBuilder()
      .update(FeedbackItem)
      .set({
        description: REMOVED_TEXT,
        submitterName: null,
        submitterEmail: null,
        submitterPhone: null,
        anonymisedDate: today,
      })
      .whereInIds(chunk)
      .execute();
    await manager
      .createQueryBuilder()
      .update(FeedbackReply)
      .set({ text: REMOVED_TEXT })
      .where("feedbackId IN (:...chunk)", { chunk })
      .execute();
    await manager
      .createQueryBuilder()
      .update(FeedbackEvent)
      .set({ note: null })
      .where("feedbackId IN (:...chunk)", { chunk })
      .execute();
  }
  return [
    {
      recordType: "FeedbackItem",
      recordIds: ids,
      reason: `closed, last entry before ${cutoff} (more than 5 years ago): person data removed, statistics kept`,
    },
  ];
}
