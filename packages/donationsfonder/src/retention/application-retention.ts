import { type RetentionAction, type RetentionContext } from "@arbetsliv/core";
import { chunks } from "@arbetsliv/core/data";
import { Application } from "../application/application.entity";
import { Payout } from "../payout/payout.entity";
import { RoundStatus } from "../shared/enums";

/**
 * Applications of rounds the board decided before the cutoff, with no later entry (a payment
 * of the application's payout on or after the cutoff keeps it).
 */
const DUE_APPLICATIONS = `SELECT a.id AS id FROM donation_application a JOIN donation_round r ON r.id = a.roundId
  WHERE a.anonymisedDate IS NULL AND r.status = ? AND r.decisionDate IS NOT NULL AND r.decisionDate < ?
    AND NOT EXISTS (SELECT 1 FROM donation_payout p JOIN donation_payout_payment pp ON pp.payoutId = p.id
      WHERE p.applicationId = a.id AND pp.paidOn >= ?)
  ORDER BY a.id`;

/**
 * Gallring of the donation funds: five years after the board's decision an application loses
 * its person data — personnummer (also on its payout), household size, income and the
 * assessment texts that quote them. Round, fund, dates, purposes, amounts asked, status,
 * rejection reason, allocations and payouts stay, and `personKey` (the keyed hash set at
 * registration) stays, so every report — distinct persons included — is unchanged.
 */
export async function applicationRetention({ manager, cutoff, today }: RetentionContext): Promise<RetentionAction[]> {
  const rows: { id: unknown }[] = await manager.query(DUE_APPLICATIONS, [RoundStatus.DECIDED, cutoff, cutoff]);
  const ids = rows.map((r) => Number(r.id));
  for (const chunk of chunks(ids)) {
    await manager
      .createQueryBuilder()
      .update(Application)
      .set({
        personnummer: null,
        activePersonnummer: null,
        householdSize: null,
        yearlyIncome: null,
        rejectionText: null,
        assessment: null,
        anonymisedDate: today,
      })
      .whereInIds(chunk)
      .execute();
    await manager
      .createQueryBuilder()
      .update(Payout)
      .set({ personnummer: null })
      .where("applicationId IN (:...chunk)", { chunk })
      .execute();
  }
  return [
    {
      recordType: "Application",
      recordIds: ids,
      reason: `round decided before ${cutoff} (more than 5 years ago), no later entry: person data removed, statistics kept`,
    },
  ];
}
