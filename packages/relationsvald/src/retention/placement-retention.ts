import type { EntityManager } from "typeorm";
import { type RetentionAction, type RetentionContext } from "@arbetsliv/core";
import { chunks } from "@arbetsliv/core/data";
import { AccompanyingChild } from "../clients/child.entity";
import { PlacementClient } from "../clients/client.entity";
import { Placement } from "../placements/placement.entity";

export const REMOVED_TEXT = "[gallrad]";

/**
 * A client's file (the client, the placements, the children's own decisions, invoices tied
 * to its placements) whose last entry is before the cutoff. Every placement has ended; a
 * client without placements counts from the registration.
 */
const DUE_CLIENTS = `SELECT c.id AS id FROM rv_client c
  WHERE c.anonymisedDate IS NULL
    AND (EXISTS (SELECT 1 FROM rv_placement p0 WHERE p0.clientId = c.id) OR c.createdAt < ?)
    AND NOT EXISTS (SELECT 1 FROM rv_placement p WHERE p.clientId = c.id
      AND (p.endDate IS NULL OR p.endDate >= ? OR p.startDate >= ? OR p.decisionDate >= ?))
    AND NOT EXISTS (SELECT 1 FROM rv_placement p JOIN rv_placement_child pc ON pc.placementId = p.id
      WHERE p.clientId = c.id AND (pc.assessedOn >= ? OR pc.decisionDate >= ?))
    AND NOT EXISTS (SELECT 1 FROM rv_placement p JOIN rv_provider_invoice i ON i.placementId = p.id
      WHERE p.clientId = c.id AND i.receivedOn >= ?)
  ORDER BY c.id`;

/**
 * Children of gallrade clients (this run's or earlier ones') that are not exempt and whose own
 * placements (they may have been covered by another client's placement) also ended before the cutoff.
 */
const DUE_CHILDREN = `SELECT k.id AS id FROM rv_child k JOIN rv_client c ON c.id = k.clientId
  WHERE c.anonymisedDate IS NOT NULL AND k.anonymisedDate IS NULL AND k.retentionExempt = 0
    AND NOT EXISTS (SELECT 1 FROM rv_placement_child pc JOIN rv_placement p ON p.id = pc.placementId
      WHERE pc.childId = k.id AND (p.endDate IS NULL OR p.endDate >= ? OR pc.assessedOn >= ? OR pc.decisionDate >= ?))
  ORDER BY k.id`;

/** Placements of gallrade clients that still hold an address and cover no exempt child (their records stay whole). */
const PLACEMENTS_WITH_ADDRESS = `SELECT p.id AS id FROM rv_placement p JOIN rv_client c ON c.id = p.clientId
  WHERE c.anonymisedDate IS NOT NULL AND p.address IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM rv_placement_child pc JOIN rv_child k ON k.id = pc.childId
      WHERE pc.placementId = p.id AND k.retentionExempt = 1)
  ORDER BY p.id`;

async function ids(manager: EntityManager, sql: string, params: unknown[]): Promise<number[]> {
  const rows: { id: unknown }[] = await manager.query(sql, params);
  return rows.map((r) => Number(r.id));
}

/**
 * Gallring of relationsvåld: when a client's file has had no entry for five years, the person
 * data of the client and of the accompanying children is removed — personnummer, name, birth
 * date, violence type, addresses — while the rows stay with their ids, so every statistic
 * (placements, persons as distinct clients and children, nights, costs) is unchanged.
 * A child placed in skyddat boende (`retentionExempt`) is never touched, nor are the
 * placements that cover such a child (SoL 2025:400 16 kap. 2 §).
 */
export async function placementRetention({ manager, cutoff, today }: RetentionContext): Promise<RetentionAction[]> {
  const clientIds = await ids(manager, DUE_CLIENTS, [cutoff, cutoff, cutoff, cutoff, cutoff, cutoff, cutoff]);
  for (const chunk of chunks(clientIds))
    await manager
      .createQueryBuilder()
      .update(PlacementClient)
      .set({ personnummer: null, name: REMOVED_TEXT, violenceType: null, address: null, anonymisedDate: today })
      .whereInIds(chunk)
      .execute();
  const childIds = await ids(manager, DUE_CHILDREN, [cutoff, cutoff, cutoff]);
  const placementIds = await ids(manager, PLACEMENTS_WITH_ADDRESS, []);
  for (const chunk of chunks(childIds))
    await manager
      .createQueryBuilder()
      .update(AccompanyingChild)
      .set({ personnummer: null, name: REMOVED_TEXT, birthDate: null, anonymisedDate: today })
      .whereInIds(chunk)
      .execute();
  for (const chunk of chunks(placementIds))
    await manager.createQueryBuilder().update(Placement).set({ address: null }).whereInIds(chunk).execute();
  const reason = `file's last entry before ${cutoff} (more than 5 years ago)`;
  return [
    { recordType: "PlacementClient", recordIds: clientIds, reason: `${reason}: person data removed, statistics kept` },
    {
      recordType: "AccompanyingChild",
      recordIds: childIds,
      reason: `${reason}: person data removed (children placed in skyddat boende are exempt), statistics kept`,
    },
    { recordType: "Placement", recordIds: placementIds, reason: `${reason}: placement address removed` },
  ];
}
