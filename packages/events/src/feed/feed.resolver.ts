import { ArrayMaxSize, IsOptional, Max, Min, ValidateNested } from "class-validator";
import {
  Args,
  ArgsType,
  Arg,
  Authorized,
  Ctx,
  Field,
  InputType,
  Int,
  Query,
  Resolver,
  Root,
  Subscription,
} from "type-graphql";
import {
  MaxItems,
  UnauthenticatedError,
  ValidationError,
  type OutboxEvent,
  type RequestContext,
} from "@arbetsliv/core";
import { subscriptionOverHttp } from "@arbetsliv/core/execution";
import { activeCatalogue } from "../catalogue-registry";
import type { EventHub } from "./event-hub";
import { EventConnection, EventNode, EventTypeInfo, MAX_EVENT_TYPES } from "./event.types";
import { FEED_SCOPES } from "./feed-access";
import { positionAfter } from "./feed-cursor";
import { feedPage } from "./feed-page";

export const DEFAULT_FEED_PAGE = 50;
export const MAX_FEED_PAGE = 100;

@InputType("EventFilter", { description: "Which events: omit a field for no restriction." })
export class EventFilterInput {
  @Field(() => [String], {
    nullable: true,
    description: "Only these event types (see eventTypes); omit for every type your scopes allow.",
  })
  @IsOptional()
  @ArrayMaxSize(MAX_EVENT_TYPES)
  types?: string[] | null;
}

@ArgsType()
export class EventFeedArgs {
  @Field(() => String, {
    nullable: true,
    description: "pageInfo.endCursor of the previous page; omit to start at the beginning.",
  })
  after?: string | null;

  @Field(() => EventFilterInput, {
    nullable: true,
    description: "Only these events; omit for every event your scopes may receive.",
  })
  @IsOptional()
  @ValidateNested()
  filter?: EventFilterInput | null;

  @Field(() => Int, {
    defaultValue: DEFAULT_FEED_PAGE,
    description: `Events in this page, 1–${MAX_FEED_PAGE} (default ${DEFAULT_FEED_PAGE}).`,
  })
  @Min(1, { message: `$property must be at least 1` })
  @Max(MAX_FEED_PAGE, { message: `$property must be at most ${MAX_FEED_PAGE}` })
  first!: number;
}

/** `types` checked against the catalogue: an unknown type is a typo, not an empty filter. */
export function knownTypes(types: readonly string[] | null | undefined, field = "filter.types"): string[] | null {
  if (types === null || types === undefined) return null;
  if (types.length > MAX_EVENT_TYPES)
    throw new ValidationError(field, "maxItems", {
      en: `at most ${MAX_EVENT_TYPES} types`,
      sv: `högst ${MAX_EVENT_TYPES} typer`,
    });
  const catalogue = activeCatalogue();
  types.forEach((t, i) => {
    if (!catalogue.has(t))
      throw new ValidationError(`${field}[${i}]`, "eventType", {
        en: "is not an event type of the catalogue (see the eventTypes query)",
        sv: "är ingen händelsetyp i katalogen (se frågan eventTypes)",
      });
  });
  return [...new Set(types)];
}

/** What a subscription's context carries besides the request context: the process's event hub. */
export interface EventSubscriptionContext extends RequestContext {
  eventHub?: EventHub;
}

function callerScopes(ctx: RequestContext): string[] {
  if (!ctx.principal) throw new UnauthenticatedError();
  return [...ctx.principal.scopes];
}

@Resolver()
export class EventFeedResolver {
  @Authorized(FEED_SCOPES)
  @Query(() => EventConnection, {
    description:
      "The change feed: events in position (commit) order after a cursor, only those your scopes may receive. Keep pageInfo.endCursor and ask again to catch up; pages have no gaps and no duplicates.",
  })
  events(@Args(() => EventFeedArgs) args: EventFeedArgs, @Ctx() ctx: RequestContext): Promise<EventConnection> {
    const first = args.first ?? DEFAULT_FEED_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_FEED_PAGE)
      throw new ValidationError("first", "range", {
        en: `must be between 1 and ${MAX_FEED_PAGE}`,
        sv: `måste vara mellan 1 och ${MAX_FEED_PAGE}`,
      });
    return feedPage(ctx, {
      after: positionAfter(args.after),
      scopes: callerScopes(ctx),
      types: knownTypes(args.filter?.types),
      first,
    });
  }

  @Authorized(FEED_SCOPES)
  @Query(() => [EventTypeInfo], {
    description: "The event catalogue: every event type, the scope it needs and the fields of its data.",
  })
  @MaxItems(MAX_EVENT_TYPES) // the catalogue of the composition (checked when the events module is composed)
  eventTypes(): EventTypeInfo[] {
    return [...activeCatalogue().values()].sort((a, b) => a.type.localeCompare(b.type)).map(EventTypeInfo.from);
  }

  @Authorized(FEED_SCOPES)
  @Subscription(() => EventNode, {
    name: "events",
    description:
      "Live events your scopes may receive, from the moment you subscribe (over graphql-ws at /graphql). Catch up on what you missed with the events query.",
    subscribe: ({ args, context }) => {
      const ctx = context as EventSubscriptionContext;
      if (!ctx.eventHub) throw subscriptionOverHttp();
      return ctx.eventHub.subscribe({
        scopes: callerScopes(ctx),
        types: knownTypes((args as { filter?: EventFilterInput | null }).filter?.types),
      });
    },
  })
  eventsSubscription(
    @Root() event: OutboxEvent,
    @Arg("filter", () => EventFilterInput, {
      nullable: true,
      description: "Only these events; omit for every event your scopes may receive.",
    })
    _filter?: EventFilterInput | null,
  ): EventNode {
    return EventNode.from(event);
  }
}
