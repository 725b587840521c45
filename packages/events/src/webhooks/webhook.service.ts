import {
  assertVersion,
  ConflictError,
  DomainError,
  ErrorCode,
  NotFoundError,
  OutboxEvent,
  refuseBeyondMaxItems,
  ValidationError,
  type Principal,
  type Moved,
  type RequestContext,
} from "@arbetsliv/core";
import { inTransaction, lockRow, toId, toInt, updateVersioned } from "@arbetsliv/core/data";
import { loaderOf } from "@arbetsliv/core/read";
import { activeCatalogue } from "../catalogue-registry";
import { lastPosition } from "./delivery-store";
import { newWebhookSecret, ROTATION_OVERLAP_MS } from "./signing";
import { webhookTargetPolicy } from "./target-policy";
import { checkWebhookUrl, type TargetPolicy } from "./url-guard";
import { DeliveryStatus, WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook.entity";
import { deliveryCountsByWebhook } from "./webhook.graph";
import type { RegisterWebhookInput, ReplayWebhookInput, UpdateWebhookInput } from "./webhook.inputs";
import type { WebhookWithSecret } from "./webhook.types";

/** Webhooks one platform may have (the dispatcher visits each every tick; `webhooks(first)` lists them all). */
export const MAX_WEBHOOKS = 100;
/** Scopes one webhook may hold (the catalogue's receiving scopes are far fewer). */
export const MAX_GRANTED_SCOPES = 100;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Every scope some event type needs to be received (its scope or its protected scope). */
function receivingScopes(): Set<string> {
  const scopes = new Set<string>();
  for (const type of activeCatalogue().values()) {
    scopes.add(type.scope);
    if (type.protectedScope) scopes.add(type.protectedScope);
  }
  return scopes;
}

/** The caller's event-receiving scopes: what a webhook it registers is granted. */
function grantedScopes(principal: Principal, field: string): string[] {
  const receiving = receivingScopes();
  const granted = [...principal.scopes].filter((s) => receiving.has(s)).sort();
  if (granted.length > MAX_GRANTED_SCOPES)
    throw new ConflictError(
      {
        en: `a webhook can hold at most ${MAX_GRANTED_SCOPES} scopes`,
        sv: `en webhook kan ha högst ${MAX_GRANTED_SCOPES} behörigheter`,
      },
      { field },
    );
  return granted;
}

/** Each type exists in the catalogue and the caller holds its scope; with no types, the caller must be able to receive something. */
function checkEventTypes(
  types: readonly string[],
  principal: Principal,
  granted: readonly string[],
  field: string,
): void {
  const catalogue = activeCatalogue();
  for (const [i, name] of types.entries()) {
    const type = catalogue.get(name);
    if (!type)
      throw new ValidationError(`${field}.${i}`, "catalogue", {
        en: `${name} is not an event type of this platform (see the event catalogue)`,
        sv: `${name} är ingen händelsetyp på den här plattformen (se händelsekatalogen)`,
      });
    if (!principal.scopes.has(type.scope))
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        {
          en: `${field}.${i}: receiving ${name} needs the scope ${type.scope}`,
          sv: `${field}.${i}: för att ta emot ${name} krävs behörigheten ${type.scope}`,
        },
        { field: `${field}.${i}`, eventType: name, requiredScopes: [type.scope] },
      );
  }
  if (types.length === 0 && granted.length === 0)
    throw new ValidationError(field, "receivable", {
      en: "your token holds no scope of any event type, so the webhook could receive nothing",
      sv: "din token har ingen behörighet till någon händelsetyp, så webhooken skulle inte kunna ta emot något",
    });
}

/** The replay's first feed position, or null when nothing is at or after that point. */
async function replayStart(ctx: RequestContext, input: ReplayWebhookInput): Promise<number | null> {
  const hasTime = input.fromTime !== null && input.fromTime !== undefined;
  const hasEvent = input.fromEventId !== null && input.fromEventId !== undefined;
  if (hasTime === hasEvent)
    throw new ValidationError("input.fromTime", "one-of", {
      en: "give exactly one of fromTime and fromEventId",
      sv: "ange exakt ett av fromTime och fromEventId",
    });
  if (hasEvent) {
    const id = toId("input.fromEventId", input.fromEventId!);
    const event = await ctx.ds.manager.findOne(OutboxEvent, { where: { id }, select: { id: true, position: true } });
    if (!event) throw new NotFoundError("Event", id);
    if (event.position === null)
      throw new ValidationError("input.fromEventId", "sequenced", {
        en: "the event is not in the feed yet; it will be delivered without a replay",
        sv: "händelsen finns inte i flödet ännu; den levereras utan att spelas upp igen",
      });
    return event.position;
  }
  const time = input.fromTime!;
  const parsed = new Date(time);
  if (!ISO_DATE_TIME.test(time) || Number.isNaN(parsed.getTime()))
    throw new ValidationError("input.fromTime", "date-time", {
      en: "must be an ISO 8601 date-time, e.g. 2026-05-01T08:00:00Z",
      sv: "måste vara en tidpunkt enligt ISO 8601, t.ex. 2026-05-01T08:00:00Z",
    });
  const raw = await ctx.ds.manager
    .createQueryBuilder(OutboxEvent, "e")
    .select("MIN(e.position)", "min")
    .where("e.occurredAt >= :from", { from: parsed.toISOString() })
    .andWhere("e.position IS NOT NULL")
    .getRawOne<{ min: unknown }>();
  return raw?.min === null || raw?.min === undefined ? null : toInt(raw.min);
}

export function webhookService(ctx: RequestContext, policy: TargetPolicy = webhookTargetPolicy()) {
  const principal = () => ctx.principal!;

  const get = async (id: number): Promise<WebhookEndpoint> => {
    const webhook = await ctx.ds.manager.findOne(WebhookEndpoint, { where: { id } });
    if (!webhook) throw new NotFoundError("Webhook", id);
    return webhook;
  };

  return {
    get: (id: string) => get(toId("id", id)),

    list: (first: number) => ctx.ds.manager.find(WebhookEndpoint, { order: { id: "ASC" }, take: first }),

    /** Deliveries per status, batched over the webhooks of the request. */
    deliveryCounts: (webhookId: number) => loaderOf(ctx, deliveryCountsByWebhook).get(webhookId),

    async register(input: RegisterWebhookInput): Promise<WebhookWithSecret> {
      const granted = grantedScopes(principal(), "input.eventTypes");
      checkEventTypes(input.eventTypes, principal(), granted, "input.eventTypes");
      const url = await checkWebhookUrl(input.url, policy, "input.url");
      const secret = newWebhookSecret();
      const webhook = await inTransaction(ctx.ds, async (manager) => {
        await refuseBeyondMaxItems(manager, WebhookEndpoint, MAX_WEBHOOKS, "webhooks");
        const row = manager.create(WebhookEndpoint, {
          url: url.toString(),
          description: input.description,
          eventTypesJson: JSON.stringify(input.eventTypes),
          scopesJson: JSON.stringify(granted),
          secret,
          previousSecret: null,
          previousSecretUntil: null,
          active: true,
          version: 1,
          createdAt: new Date().toISOString(),
          createdBy: principal().subject.slice(0, 128),
          // From now on: earlier events are a replay away.
          scheduledThrough: await lastPosition(manager),
        });
        return manager.save(row);
      });
      return { webhook, secret };
    },

    async update(input: UpdateWebhookInput): Promise<WebhookEndpoint> {
      const id = toId("input.id", input.id);
      const changes: Partial<WebhookEndpoint> = {};
      if (input.url !== null && input.url !== undefined)
        changes.url = (await checkWebhookUrl(input.url, policy, "input.url")).toString();
      if (input.eventTypes !== null && input.eventTypes !== undefined) {
        const granted = grantedScopes(principal(), "input.eventTypes");
        checkEventTypes(input.eventTypes, principal(), granted, "input.eventTypes");
        changes.eventTypesJson = JSON.stringify(input.eventTypes);
        changes.scopesJson = JSON.stringify(granted);
      }
      if (input.description !== null && input.description !== undefined) changes.description = input.description;
      if (input.active !== null && input.active !== undefined) changes.active = input.active;
      await inTransaction(ctx.ds, (manager) =>
        updateVersioned(manager, WebhookEndpoint, "Webhook", id, input.expectedVersion, {
          ...changes,
          version: input.expectedVersion + 1,
        }),
      );
      return get(id);
    },

    /** A new secret; with `expectedVersion`, only if the webhook is still at that version. */
    async rotateSecret(ref: Moved<string>, expectedVersion?: number): Promise<WebhookWithSecret> {
      const id = toId(ref.field, ref.value);
      const secret = newWebhookSecret();
      await inTransaction(ctx.ds, async (manager) => {
        const webhook = await lockRow(manager, WebhookEndpoint, { id });
        if (!webhook) throw new NotFoundError("Webhook", id);
        assertVersion("Webhook", id, expectedVersion, webhook.version);
        await manager.update(
          WebhookEndpoint,
          { id },
          {
            secret,
            previousSecret: webhook.secret,
            previousSecretUntil: new Date(Date.now() + ROTATION_OVERLAP_MS).toISOString(),
            version: webhook.version + 1,
          },
        );
      });
      return { webhook: await get(id), secret };
    },

    /** Deletes it and its deliveries; with `expectedVersion`, only if it is still at that version. */
    async remove(ref: Moved<string>, expectedVersion?: number): Promise<boolean> {
      const id = toId(ref.field, ref.value);
      return inTransaction(ctx.ds, async (manager) => {
        const webhook = await lockRow(manager, WebhookEndpoint, { id });
        if (!webhook) throw new NotFoundError("Webhook", id);
        assertVersion("Webhook", id, expectedVersion, webhook.version);
        await manager.delete(WebhookDelivery, { webhookId: id });
        await manager.delete(WebhookEndpoint, { id });
        return true;
      });
    },

    /**
     * Rewinds the webhook's cursor to just before the starting point: the dispatcher schedules
     * every event from there again (those already delivered become PENDING again, with the same
     * webhook-id so the receiver can dedupe), applying the webhook's current types and scopes.
     */
    async replay(input: ReplayWebhookInput): Promise<WebhookEndpoint> {
      const id = toId("input.id", input.id);
      await get(id);
      const start = await replayStart(ctx, input);
      if (start !== null) {
        await inTransaction(ctx.ds, async (manager) => {
          const webhook = await lockRow(manager, WebhookEndpoint, { id });
          if (!webhook) throw new NotFoundError("Webhook", id);
          if (start - 1 < webhook.scheduledThrough)
            await manager.update(WebhookEndpoint, { id }, { scheduledThrough: start - 1 });
        });
      }
      return get(id);
    },

    async retryDead(ref: Moved<string>): Promise<WebhookDelivery> {
      const id = toId(ref.field, ref.value);
      return inTransaction(ctx.ds, async (manager) => {
        const delivery = await lockRow(manager, WebhookDelivery, { id });
        if (!delivery) throw new NotFoundError("WebhookDelivery", id);
        if (delivery.status !== DeliveryStatus.DEAD)
          throw new ValidationError(ref.field, "dead", {
            en: `only a DEAD delivery can be retried (this one is ${delivery.status})`,
            sv: `bara en leverans med status DEAD kan försökas igen (den här har status ${delivery.status})`,
          });
        const changes = { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: new Date().toISOString() };
        await manager.update(WebhookDelivery, { id }, changes);
        return { ...delivery, ...changes };
      });
    },
  };
}
