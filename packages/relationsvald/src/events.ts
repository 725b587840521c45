import { defineEventType } from "@arbetsliv/core";
import { DOMAIN, RelationsvaldScopes } from "./scopes";

/**
 * Relationsvåld's events. Data is ids and non-personal facts only: never a personnummer, name,
 * address, decision reference or child count. Details are read through GraphQL with the
 * receiver's own scopes. Placement events about a person with protected identity (the client or
 * an accompanying child) need relationsvald:protected instead of relationsvald:events.
 */

export interface PlacementStartedData {
  placementId: string;
  providerId: string;
  placementType: string;
  startDate: string;
  endDate: string | null;
  acute: boolean;
  movedFromId: string | null;
}

export const placementStarted = defineEventType<PlacementStartedData>({
  domain: DOMAIN,
  name: "placement.started",
  version: 1,
  description:
    "A placement was registered (createPlacement) or began after a move to another provider (movePlacement).",
  scope: RelationsvaldScopes.EVENTS,
  protectedScope: RelationsvaldScopes.PROTECTED,
  subjectType: "Placement",
  data: {
    placementId: { type: "id", description: "The placement." },
    providerId: { type: "id", description: "The provider (utförare)." },
    placementType: { type: "enum", description: "PlacementType, e.g. PROTECTED_HOUSING." },
    startDate: { type: "date", description: "Move-in date (the first night)." },
    endDate: { type: "date", description: "Move-out date when registered after the fact.", nullable: true },
    acute: { type: "boolean", description: "An acute placement (akutplacering), started without a decision." },
    movedFromId: { type: "id", description: "The placement this one continues after a move.", nullable: true },
  },
});

export interface PlacementEndedData {
  placementId: string;
  providerId: string;
  placementType: string;
  startDate: string;
  endDate: string;
  movedToId: string | null;
}

export const placementEnded = defineEventType<PlacementEndedData>({
  domain: DOMAIN,
  name: "placement.ended",
  version: 1,
  description:
    "A placement's move-out date was recorded: endPlacement, a move to another provider (movePlacement), or a past placement registered with its end date.",
  scope: RelationsvaldScopes.EVENTS,
  protectedScope: RelationsvaldScopes.PROTECTED,
  subjectType: "Placement",
  data: {
    placementId: { type: "id", description: "The placement." },
    providerId: { type: "id", description: "The provider (utförare)." },
    placementType: { type: "enum", description: "PlacementType, e.g. PROTECTED_HOUSING." },
    startDate: { type: "date", description: "Move-in date." },
    endDate: { type: "date", description: "Move-out date (not itself a night)." },
    movedToId: { type: "id", description: "The placement that continues it after a move.", nullable: true },
  },
});

export interface InvoiceBasisReadyData {
  providerId: string;
  monthStart: string;
  monthEnd: string;
}

export const invoiceBasisReady = defineEventType<InvoiceBasisReadyData>({
  domain: DOMAIN,
  name: "invoice-basis.ready",
  version: 1,
  description:
    "A calendar month is over, so the provider's monthly invoice basis (fakturaunderlag) for it is complete: read it with Query.invoiceBasis(providerId, month). Recorded once per provider and month by the scheduled job relationsvald.invoice-basis-ready, for every registered provider whether or not it had placements, so the event reveals nothing about any placement; it carries no figures because the basis covers placements of protected people too.",
  scope: RelationsvaldScopes.EVENTS,
  subjectType: "InvoiceBasis",
  data: {
    providerId: { type: "id", description: "The provider (utförare)." },
    monthStart: { type: "date", description: "First day of the month (the query's month is its YYYY-MM)." },
    monthEnd: { type: "date", description: "Last day of the month." },
  },
});

export const relationsvaldEvents = [placementStarted, placementEnded, invoiceBasisReady];
