import type { DataSource, EntityManager } from "typeorm";
import { addDays, type LocalDate } from "@arbetsliv/core/values";
import { inTransaction } from "@arbetsliv/core/data";
import { SeededRandom } from "@arbetsliv/core/testing";
import { BusinessArea } from "../business-area/business-area.entity";
import { FeedbackEvent } from "../feedback/feedback-event.entity";
import { FeedbackItem } from "../feedback/feedback-item.entity";
import { FeedbackReply } from "../feedback/feedback-reply.entity";
import {
  FeedbackChannel as Ch,
  FeedbackCriterion as Cr,
  FeedbackEventType as Ev,
  FeedbackKind as K,
  FeedbackStatus,
  ImprovementKind,
} from "../feedback/feedback.enums";
import { dueDateFor } from "../feedback/feedback.rules";
import { municipalToday } from "../feedback/municipal-date";
import { rebuildFeedbackSummaries } from "../statistics/feedback-summary";

export const DEMO_HANDLING_DAYS = 14;

const AREAS = [
  "IFO Försörjningsstöd",
  "Trygghetsinsatser/Stadsdelsvärdar",
  "Jobb Borås",
  "Fixartjänst",
  "Integration och nationella minoriteter",
  "Relationsvåldsenheten",
  "Daglig verksamhet",
];

/** One demo item as the 2021 report describes it. Dates are invented but consistent. */
interface DemoItem {
  area: string;
  kind: K;
  criterion: Cr;
  channel: Ch;
  received: LocalDate;
  description: string;
  contact?: { name: string; email?: string; phone?: string };
  replies?: LocalDate[];
  closed?: LocalDate;
  /** Closed, reopened, then closed again at `closed`. */
  reopen?: { firstClosed: LocalDate; reopened: LocalDate };
  duplicateOf?: number;
  improvement?: { kind: ImprovementKind; description: string };
  forwardedTo?: string;
}

/**
 * The twelve items of 2021 ("Redovisning av inkomna synpunkter januari–december 2021"):
 * nine complaints (one sent twice), two suggestions, one question; eleven handled in time —
 * the twelfth was closed in time, reopened for completion and closed after new year.
 */
const ITEMS_2021: DemoItem[] = [
  {
    area: AREAS[0],
    kind: K.COMPLAINT,
    criterion: Cr.SERVICES,
    channel: Ch.EMAIL,
    received: "2021-02-08",
    description: "Klagomål på handläggningen av min ansökan om försörjningsstöd: beslutet dröjde.",
    contact: { name: "Demo Person A", email: "person.a@example.se" },
    replies: ["2021-02-15"],
    closed: "2021-02-16",
    improvement: {
      kind: ImprovementKind.ROUTINE_CHANGE,
      description: "Rutinen för besked om handläggningstid ändrades.",
    },
  },
  {
    area: AREAS[0],
    kind: K.COMPLAINT,
    criterion: Cr.SERVICES,
    channel: Ch.E_SERVICE,
    received: "2021-02-10",
    description: "Samma klagomål på handläggningen, skickat en gång till.",
    contact: { name: "Demo Person A", email: "person.a@example.se" },
    closed: "2021-02-16",
    duplicateOf: 0,
  },
  {
    area: AREAS[0],
    kind: K.COMPLAINT,
    criterion: Cr.SERVICES,
    channel: Ch.E_SERVICE,
    received: "2021-04-12",
    description: "Klagomål på handläggning av bistånd.",
    closed: "2021-04-20",
  },
  {
    area: AREAS[0],
    kind: K.COMPLAINT,
    criterion: Cr.SERVICES,
    channel: Ch.PHONE,
    received: "2021-06-03",
    description: "Klagomål på handläggning av bistånd: utbetalningen kom sent.",
    contact: { name: "Demo Person B", phone: "033-100 00 01" },
    replies: ["2021-06-10"],
    closed: "2021-06-10",
  },
  {
    area: AREAS[0],
    kind: K.COMPLAINT,
    criterion: Cr.SERVICES,
    channel: Ch.E_SERVICE,
    received: "2021-09-20",
    description: "Klagomål på handläggning av bistånd: svårt att nå handläggaren.",
    contact: { name: "Demo Person C", email: "person.c@example.se" },
    replies: ["2021-09-28"],
    closed: "2021-09-28",
  },
  {
    area: AREAS[0],
    kind: K.COMPLAINT,
    criterion: Cr.SERVICES,
    channel: Ch.LETTER,
    received: "2021-12-06",
    description: "Klagomål på handläggning av bistånd: beräkningen av boendekostnad.",
    contact: { name: "Demo Person D", email: "person.d@example.se" },
    replies: ["2021-12-14", "2022-01-10"],
    reopen: { firstClosed: "2021-12-15", reopened: "2021-12-20" },
    closed: "2022-01-12",
  },
  {
    area: AREAS[0],
    kind: K.COMPLAINT,
    criterion: Cr.SERVICES,
    channel: Ch.EMAIL,
    received: "2021-10-04",
    description: "Klagomål på kompetensbrist hos personalen.",
    contact: { name: "Demo Person E", email: "person.e@example.se" },
    replies: ["2021-10-12"],
    closed: "2021-10-12",
  },
  {
    area: AREAS[1],
    kind: K.COMPLAINT,
    criterion: Cr.SERVICES,
    channel: Ch.E_SERVICE,
    received: "2021-05-17",
    description: "Stadsdelsvärdarna gör inte sitt jobb.",
    closed: "2021-05-25",
  },
  {
    area: AREAS[2],
    kind: K.SUGGESTION,
    criterion: Cr.PHYSICAL_ENVIRONMENT,
    channel: Ch.E_SERVICE,
    received: "2021-06-21",
    description: "Ferieverksamhet: ungdomar utan sommarjobb kan städa upp på Hässleholmen.",
    contact: { name: "Demo Person F", email: "person.f@example.se" },
    replies: ["2021-06-28"],
    closed: "2021-06-29",
    improvement: { kind: ImprovementKind.INFORMATION_EFFORT, description: "Informationsinsats om ferieverksamheten." },
  },
  {
    area: AREAS[2],
    kind: K.COMPLAINT,
    criterion: Cr.SERVICES,
    channel: Ch.PHONE,
    received: "2021-08-16",
    description: "Klagomål på en tjänst; personen var inte aktuell på Jobb Borås.",
    closed: "2021-08-24",
  },
  {
    area: AREAS[3],
    kind: K.QUESTION,
    criterion: Cr.SERVICES,
    channel: Ch.PHONE,
    received: "2021-03-22",
    description: "Fråga om hämtning av avfall.",
    contact: { name: "Demo Person G", phone: "033-100 00 02" },
    replies: ["2021-03-23"],
    closed: "2021-03-23",
  },
  {
    area: AREAS[4],
    kind: K.SUGGESTION,
    criterion: Cr.SERVICES,
    channel: Ch.EMAIL,
    received: "2021-11-08",
    description: "Förslag på hur medborgarna kan hjälpa till med integration.",
    contact: { name: "Demo Person H", email: "person.h@example.se" },
    replies: ["2021-11-15"],
    closed: "2021-11-16",
    improvement: {
      kind: ImprovementKind.INFORMATION_EFFORT,
      description: "Informationsinsats om hur man kan engagera sig.",
    },
  },
];

const KINDS_WEIGHTED = [K.COMPLAINT, K.COMPLAINT, K.COMPLAINT, K.COMPLAINT, K.SUGGESTION, K.QUESTION, K.PRAISE];
const CRITERIA_WEIGHTED = [
  Cr.SERVICES,
  Cr.SERVICES,
  Cr.SERVICES,
  Cr.TREATMENT,
  Cr.INFORMATION,
  Cr.PHYSICAL_ENVIRONMENT,
];
const CHANNELS = [Ch.E_SERVICE, Ch.E_SERVICE, Ch.EMAIL, Ch.PHONE, Ch.LETTER, Ch.VISIT];

/** Realistic items for the other years (2019, 2020, 2022 up to today), from a fixed seed. */
function generatedItems(today: LocalDate): DemoItem[] {
  const random = new SeededRandom(2013_12_01);
  const items: DemoItem[] = [];
  const lastYear = Number(today.slice(0, 4));
  for (const year of [2019, 2020, ...Array.from({ length: lastYear - 2021 }, (_, i) => 2022 + i)]) {
    const count = random.int(9, 18);
    for (let n = 0; n < count; n++) {
      const received = addDays(`${year}-01-02`, random.int(0, 360));
      if (received > today) continue;
      const kind = random.pick(KINDS_WEIGHTED);
      const named = random.chance(0.6);
      const handlingDays = random.chance(0.9)
        ? random.int(1, DEMO_HANDLING_DAYS)
        : random.int(DEMO_HANDLING_DAYS + 1, 40);
      const closed = addDays(received, handlingDays);
      items.push({
        area: random.pick(AREAS.slice(0, 5)),
        kind,
        criterion: random.pick(CRITERIA_WEIGHTED),
        channel: random.pick(CHANNELS),
        received,
        description: `Demo: ${kind.toLowerCase()} ${year} nr ${n + 1}.`,
        contact: named
          ? { name: `Demo Person ${year}-${n + 1}`, email: `person.${year}.${n + 1}@example.se` }
          : undefined,
        replies: named && closed <= today ? [closed] : undefined,
        closed: closed <= today ? closed : undefined,
        forwardedTo: random.chance(0.05) ? "Borås Energi och Miljö AB" : undefined,
        improvement:
          kind !== K.PRAISE && random.chance(0.15)
            ? { kind: ImprovementKind.INFORMATION_EFFORT, description: "Informationsinsats." }
            : undefined,
      });
    }
  }
  return items;
}

async function insertItems(manager: EntityManager, areaIds: Map<string, number>, items: DemoItem[]): Promise<void> {
  const ids: number[] = [];
  for (const d of items) {
    const item = manager.create(FeedbackItem, {
      kind: d.kind,
      criterion: d.criterion,
      businessAreaId: areaIds.get(d.area)!,
      channel: d.channel,
      registeredBy: d.channel === Ch.E_SERVICE ? "e-tjanst" : "demo-handlaggare",
      receivedDate: d.received,
      description: d.description,
      submitterName: d.contact?.name ?? null,
      submitterEmail: d.contact?.email ?? null,
      submitterPhone: d.contact?.phone ?? null,
      wantsReply: Boolean(d.replies?.length),
      status: d.closed ? FeedbackStatus.CLOSED : FeedbackStatus.IN_PROGRESS,
      dueDate: dueDateFor(d.received, DEMO_HANDLING_DAYS),
      assignedTo: "demo-handlaggare",
      closedDate: d.closed ?? null,
      reopenedCount: d.reopen ? 1 : 0,
      replyCount: d.replies?.length ?? 0,
      duplicateOfId: d.duplicateOf !== undefined ? ids[d.duplicateOf] : null,
      forwardedTo: d.forwardedTo ?? null,
      improvementKind: d.improvement?.kind ?? null,
      improvementDescription: d.improvement?.description ?? null,
    });
    await manager.save(item);
    ids.push(item.id);
    const events: Partial<FeedbackEvent>[] = [{ type: Ev.REGISTERED, date: d.received }];
    if (d.reopen)
      events.push(
        { type: Ev.CLOSED, date: d.reopen.firstClosed },
        { type: Ev.REOPENED, date: d.reopen.reopened, note: "Öppnad för komplettering" },
      );
    for (const r of d.replies ?? []) events.push({ type: Ev.REPLIED, date: r });
    if (d.duplicateOf !== undefined)
      events.push({ type: Ev.MARKED_DUPLICATE, date: d.closed!, note: `duplicate of ${ids[d.duplicateOf]}` });
    if (d.forwardedTo) events.push({ type: Ev.FORWARDED, date: d.received, note: d.forwardedTo });
    if (d.improvement)
      events.push({ type: Ev.IMPROVEMENT_RECORDED, date: d.closed ?? d.received, note: d.improvement.kind });
    if (d.closed) events.push({ type: Ev.CLOSED, date: d.closed });
    await manager.insert(
      FeedbackEvent,
      events.map((e) => ({ feedbackId: item.id, actor: "demo-handlaggare", note: null, ...e })),
    );
    if (d.replies?.length) {
      await manager.insert(
        FeedbackReply,
        d.replies.map((date) => ({
          feedbackId: item.id,
          repliedDate: date,
          text: "Tack för din synpunkt. Vi har tagit del av den.",
          repliedBy: "demo-handlaggare",
        })),
      );
    }
  }
}

/** Demo data: business areas, the twelve 2021 items of the board report, and other years. */
export async function seedSynpunkterDemo(ds: DataSource, today: LocalDate = municipalToday()): Promise<void> {
  await inTransaction(ds, async (manager) => {
    if ((await manager.count(BusinessArea)) > 0) return;
    const areaIds = new Map<string, number>();
    for (const name of AREAS) {
      const area = await manager.save(
        manager.create(BusinessArea, { name, handlingDays: DEMO_HANDLING_DAYS, active: true }),
      );
      areaIds.set(name, area.id);
    }
    // 2021 first: its duplicate refers to an earlier item of the same list by position.
    await insertItems(manager, areaIds, [...ITEMS_2021, ...generatedItems(today)]);
    // The items were written directly (not through the service): derive their summary rows.
    await rebuildFeedbackSummaries(manager);
  });
}
