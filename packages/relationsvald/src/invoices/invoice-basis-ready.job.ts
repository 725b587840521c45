import type { DataSource } from "typeorm";
import { recordEvent, type ScheduledJob } from "@arbetsliv/core";
import { inTransaction, isUniqueViolation } from "@arbetsliv/core/data";
import { invoiceBasisReady } from "../events";
import { PlacementProvider } from "../providers/provider.entity";
import { InvoiceBasisReady } from "./invoice-basis-ready.entity";
import { monthPeriod } from "./invoice.service";

/** The calendar month before `now` (UTC), as YYYY-MM: the last month whose nights are all known. */
export function lastClosedMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * Records invoice-basis.ready for every provider and the month that just ended, each once. Every
 * registered provider gets it, with placements or without (the fixed service fee may still apply),
 * so neither the event nor its absence tells anything about a placement — not even a protected one.
 */
export async function recordInvoiceBasesReady(ds: DataSource, now: Date): Promise<number> {
  const month = lastClosedMonth(now);
  const period = monthPeriod(month);
  const providers = await ds.manager.find(PlacementProvider, { select: { id: true }, order: { id: "ASC" } });
  const done = new Set(
    (await ds.manager.find(InvoiceBasisReady, { where: { month }, select: { providerId: true } })).map(
      (r) => r.providerId,
    ),
  );
  let recorded = 0;
  for (const { id: providerId } of providers) {
    if (done.has(providerId)) continue;
    try {
      await inTransaction(ds, async (manager) => {
        await manager.insert(InvoiceBasisReady, { providerId, month, recordedAt: now.toISOString() });
        await recordEvent(manager, invoiceBasisReady, {
          subjectId: `${providerId}:${month}`,
          data: { providerId: String(providerId), monthStart: period.from, monthEnd: period.to },
        });
      });
      recorded += 1;
    } catch (error) {
      // Another run recorded it first: exactly once is kept by the UNIQUE index.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return recorded;
}

export const invoiceBasisReadyJob: ScheduledJob = {
  name: "relationsvald.invoice-basis-ready",
  description:
    "After a calendar month ends, records invoice-basis.ready once per provider for that month (the monthly fakturaunderlag is complete).",
  everyMs: 60 * 60 * 1000,
  run: recordInvoiceBasesReady,
};
