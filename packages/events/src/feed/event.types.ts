import { Extensions, Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { MaxItems, PageInfo, type EventType, type OutboxEvent } from "@arbetsliv/core";
import { cloudEventJson } from "../cloud-event";

/** Fields an event's data may declare (a bound for the list; no event type has near this many). */
export const MAX_EVENT_DATA_FIELDS = 64;
/** Event types a composition may declare (the catalogue's bound; activation fails past it). */
export const MAX_EVENT_TYPES = 500;

@ObjectType("Event", {
  description:
    "A CloudEvents 1.0 event from the outbox: ids and non-personal facts only. Read details through the query of the subject's type, with your own scopes.",
})
export class EventNode {
  @Field(() => ID, { description: "The event id (the outbox id): the same on every channel; deduplicate by it." })
  id!: string;

  @Field(() => String, { description: 'The CloudEvents specification version: always "1.0".' })
  specversion!: string;

  @Field(() => String, { description: "/arbetsliv/<domain>." })
  source!: string;

  @Field(() => String, { description: "The versioned event type, e.g. se.arbetsliv.synpunkter.feedback.received.v1." })
  type!: string;

  @Field(() => String, { description: "The aggregate, e.g. FeedbackItem/42." })
  subject!: string;

  @Field(() => String, { description: "When the change happened (ISO 8601 UTC)." })
  time!: string;

  @Field(() => String, { description: 'The media type of `data`: always "application/json".' })
  datacontenttype!: string;

  @Field(() => String, {
    description: "The feed position (CloudEvents sequence extension): ascending in commit order.",
  })
  sequence!: string;

  @Field(() => GraphQLJSONObject, { description: "The event's data, as the catalogue (eventTypes) declares it." })
  data!: Record<string, unknown>;

  @Field(() => String, {
    description: "The event exactly as webhooks and JetStream carry it: structured CloudEvents JSON.",
  })
  cloudEvent!: string;

  static from(row: OutboxEvent): EventNode {
    const json = cloudEventJson(row);
    return Object.assign(new EventNode(), {
      id: String(json.id),
      specversion: String(json.specversion),
      source: String(json.source),
      type: String(json.type),
      subject: String(json.subject),
      time: String(json.time),
      datacontenttype: String(json.datacontenttype),
      sequence: String(json.sequence ?? ""),
      data: json.data as Record<string, unknown>,
      cloudEvent: JSON.stringify(json),
    });
  }
}

@ObjectType("EventEdge", { description: "One event of a page of the change feed, with its cursor." })
export class EventEdge {
  @Field(() => String, { description: "Pass as `after` to read the events after this one." })
  cursor!: string;

  @Field(() => EventNode, { description: "The event." })
  node!: EventNode;
}

@ObjectType("EventConnection", { description: "A page of the change feed, in position order." })
export class EventConnection {
  @Field(() => [EventNode], {
    description:
      "The page's events in position order, at most `first` (the same as `edges { node }`); empty when nothing newer has happened.",
  })
  @Extensions({ pagedByParent: true }) // as many as the query's `first` (core schema/list-bounds.ts)
  nodes!: EventNode[];

  @Field(() => [EventEdge], { description: "The page's events with their cursors (the same as `nodes`)." })
  @Extensions({ pagedByParent: true })
  edges!: EventEdge[];

  @Field(() => PageInfo, {
    description: "endCursor is set on every page (also an empty one): keep it and ask again later.",
  })
  pageInfo!: PageInfo;
}

@ObjectType("EventDataField", { description: "One field of an event type's data." })
export class EventDataField {
  @Field(() => String, { description: "The field's key in the event's data, e.g. feedbackId." })
  name!: string;

  @Field(() => String, {
    description: "id (decimal string), integer, money (kronor, two decimals), date (YYYY-MM-DD), enum or boolean.",
  })
  type!: string;

  @Field(() => String, { description: "What the field holds." })
  description!: string;

  @Field(() => Boolean, { description: "True when the field may be null in an event's data." })
  nullable!: boolean;
}

@ObjectType("EventTypeInfo", { description: "An event type of the catalogue." })
export class EventTypeInfo {
  @Field(() => String, { description: "The CloudEvents type." })
  type!: string;

  @Field(() => String, {
    description:
      "The domain that records it (its slug, e.g. synpunkter), as in the event's source /arbetsliv/<domain>.",
  })
  domain!: string;

  @Field(() => String, { description: "The type's name within its domain, e.g. feedback.received." })
  name!: string;

  @Field(() => Int, {
    description:
      "The version of the data's shape (the type's .v<n> suffix): a change a receiver would notice gets a new version, a new type beside the old one.",
  })
  version!: number;

  @Field(() => String, { description: "What happened when an event of this type is recorded." })
  description!: string;

  @Field(() => String, { description: "The scope a receiver needs." })
  scope!: string;

  @Field(() => String, {
    nullable: true,
    description: "The scope needed instead when the event concerns a protected identity or placement.",
  })
  protectedScope!: string | null;

  @Field(() => String, { description: "The aggregate the subject names, e.g. FeedbackItem." })
  subjectType!: string;

  @Field(() => [EventDataField], { description: "The fields of its data: ids and non-personal facts only." })
  @MaxItems(MAX_EVENT_DATA_FIELDS) // the declared fields of one type; ids and facts only
  data!: EventDataField[];

  static from(event: EventType): EventTypeInfo {
    return Object.assign(new EventTypeInfo(), {
      type: event.type,
      domain: event.domain,
      name: event.name,
      version: event.version,
      description: event.description,
      scope: event.scope,
      protectedScope: event.protectedScope ?? null,
      subjectType: event.subjectType,
      data: Object.entries(event.data).map(([name, field]) =>
        Object.assign(new EventDataField(), {
          name,
          type: field.type,
          description: field.description,
          nullable: field.nullable ?? false,
        }),
      ),
    });
  }
}
