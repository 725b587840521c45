import { coreModule, defineEventType, defineModule, recordEvent, type DomainModule } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import type { DataSource } from "typeorm";
import { ensureStateRows, eventsModule, sequenceBatch } from "../src";

/** A module of the tests' own: two event types, one of them also about protected subjects. */
export const CaseOpened = defineEventType<{ caseId: string; unit: string }>({
  domain: "feedtest",
  name: "case.opened",
  version: 1,
  description: "A test case was opened.",
  scope: "feedtest:events",
  protectedScope: "feedtest:protected",
  subjectType: "TestCase",
  data: { caseId: { type: "id", description: "The case." }, unit: { type: "enum", description: "Its unit." } },
});

export const CaseClosed = defineEventType<{ caseId: string }>({
  domain: "feedtest",
  name: "case.closed",
  version: 1,
  description: "A test case was closed.",
  scope: "feedtest:events",
  subjectType: "TestCase",
  data: { caseId: { type: "id", description: "The case." } },
});

export const feedTestModule: DomainModule = defineModule({
  name: "feedtest",
  description: "Event types for the change feed's tests.",
  entities: [],
  resolvers: [],
  migrations: [],
  scopes: [
    { name: "feedtest:events", description: "Receive test events." },
    { name: "feedtest:protected", description: "Receive test events about protected subjects." },
    { name: "feedtest:other", description: "A scope that receives no events." },
  ],
  events: [CaseOpened, CaseClosed],
});

export const feedModules = (): DomainModule[] => [feedTestModule, eventsModule([coreModule, feedTestModule])];

let nextCase = 1;

/** Commits one change with its event; returns the event's outbox id. */
export async function writeEvent(
  ds: DataSource,
  kind: "opened" | "closed" = "opened",
  protectedSubject = false,
): Promise<number> {
  const caseId = String(nextCase++);
  return inTransaction(ds, async (manager) => {
    if (kind === "opened")
      await recordEvent(manager, CaseOpened, { subjectId: caseId, data: { caseId, unit: "NORTH" }, protectedSubject });
    else await recordEvent(manager, CaseClosed, { subjectId: caseId, data: { caseId } });
    const [row] = (await manager.query(
      ds.options.type === "sqljs" ? "SELECT last_insert_rowid() AS id" : "SELECT LAST_INSERT_ID() AS id",
    )) as { id: number | string }[];
    return Number(row.id);
  });
}

/** What the relay does in the gateway: positions for every committed row. */
export async function sequenceAll(ds: DataSource): Promise<void> {
  await ensureStateRows(ds);
  while ((await sequenceBatch(ds, 100)).count === 100);
}
