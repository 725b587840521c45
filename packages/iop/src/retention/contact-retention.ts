import { type RetentionAction, type RetentionContext } from "@arbetsliv/core";
import { chunks } from "@arbetsliv/core/data";
import { AgreementContact } from "../agreement/agreement-contact.entity";

/** Any entry in an agreement's file on or after the cutoff keeps its contacts. */
const LATER_ENTRY = [
  "SELECT 1 FROM iop_status_change s WHERE s.agreementId = a.id AND s.effectiveDate >= ?",
  "SELECT 1 FROM iop_invoice i WHERE i.agreementId = a.id AND i.invoiceDate >= ?",
  "SELECT 1 FROM iop_evaluation e WHERE e.agreementId = a.id AND e.conductedOn >= ?",
  "SELECT 1 FROM iop_deviation d WHERE d.agreementId = a.id AND (d.detectedOn >= ? OR d.resolvedOn >= ?)",
  "SELECT 1 FROM iop_yearly_report y WHERE y.agreementId = a.id AND y.receivedOn >= ?",
  "SELECT 1 FROM iop_board_decision b WHERE b.agreementId = a.id AND b.decisionDate >= ?",
];

const DUE_CONTACTS = `SELECT c.id AS id FROM iop_agreement_contact c JOIN iop_agreement a ON a.id = c.agreementId
  WHERE c.anonymisedDate IS NULL AND (c.name IS NOT NULL OR c.email IS NOT NULL OR c.phone IS NOT NULL)
    AND a.finalEndDate IS NOT NULL AND a.finalEndDate < ?
    ${LATER_ENTRY.map((q) => `AND NOT EXISTS (${q})`).join("\n    ")}
  ORDER BY c.id`;

/**
 * Gallring of IOP: the contact persons of an agreement that ended (finalEndDate) more than five
 * years ago, with no later entry in its file, lose their name, e-mail and phone. The agreement,
 * the partner (an organisation) and the contact's role, title and unit stay: agreements are
 * public documents, and no statistic uses the contacts.
 */
export async function contactRetention({ manager, cutoff, today }: RetentionContext): Promise<RetentionAction[]> {
  const params = Array.from({ length: 1 + LATER_ENTRY.join(" ").split("?").length - 1 }, () => cutoff);
  const rows: { id: unknown }[] = await manager.query(DUE_CONTACTS, params);
  const ids = rows.map((r) => Number(r.id));
  for (const chunk of chunks(ids)) {
    await manager
      .createQueryBuilder()
      .update(AgreementContact)
      .set({ name: null, email: null, phone: null, anonymisedDate: today })
      .whereInIds(chunk)
      .execute();
  }
  return [
    {
      recordType: "IopContact",
      recordIds: ids,
      reason: `agreement ended before ${cutoff} with no later entry (more than 5 years ago): name, e-mail and phone removed`,
    },
  ];
}
