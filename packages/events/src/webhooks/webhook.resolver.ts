import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  MaxItems,
  movedArgOptions,
  requiredMoved,
  withFirst,
  type FirstArgs,
  type RequestContext,
} from "@arbetsliv/core";
import { readList, readOne } from "@arbetsliv/core/read";
import { EventScopes } from "../scopes";
import { parseList } from "./delivery-store";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook.entity";
import { webhookGraph } from "./webhook.graph";
import {
  DeleteWebhookInput,
  MAX_WEBHOOK_EVENT_TYPES,
  RegisterWebhookInput,
  ReplayWebhookInput,
  RetryDeadDeliveryInput,
  RotateWebhookSecretInput,
  UpdateWebhookInput,
} from "./webhook.inputs";
import { MAX_GRANTED_SCOPES, MAX_WEBHOOKS, webhookService } from "./webhook.service";
import { WebhookDeliveryCounts, WebhookWithSecret } from "./webhook.types";

const WebhooksFirst = withFirst(MAX_WEBHOOKS);

/** The deprecated top-level `id` of the webhook mutations (moved to `input.id`). */
const DEPRECATED_ID_ARG = movedArgOptions("id", "Deprecated: give input.id instead.");

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Query(() => [WebhookEndpoint], { description: "Registered webhooks, oldest first." })
  webhooks(
    @Args(() => WebhooksFirst) { first }: FirstArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, webhookGraph, () => webhookService(ctx).list(first));
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Query(() => WebhookEndpoint, {
    nullable: true,
    description: "One webhook, with its recent deliveries and counts per status.",
  })
  webhook(
    @Arg("id", () => ID, { description: "The webhook's id (Webhook.id)." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, webhookGraph, () => webhookService(ctx).get(id));
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookWithSecret, {
    description:
      "Register an endpoint for event types you hold the scopes of. The answer shows the signing secret — the only time it is shown.",
  })
  registerWebhook(
    @Arg("input", () => RegisterWebhookInput, { description: "The endpoint's URL, event types and note." })
    input: RegisterWebhookInput,
    @Ctx() ctx: RequestContext,
  ) {
    return webhookService(ctx).register(input);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookEndpoint, { description: "Change a webhook's URL, event types, description or active flag." })
  updateWebhook(
    @Arg("input", () => UpdateWebhookInput, {
      description: "The webhook, the version you read and the changes; omitted fields stay as they are.",
    })
    input: UpdateWebhookInput,
    @Ctx() ctx: RequestContext,
  ) {
    return webhookService(ctx).update(input);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookWithSecret, {
    description:
      "A new signing secret (shown once). For 24 hours deliveries carry signatures with both the old and the new secret.",
  })
  rotateWebhookSecret(
    @Arg("input", () => RotateWebhookSecretInput, {
      nullable: true,
      description: "The webhook and, optionally, the version you read. Required unless the deprecated id is given.",
    })
    input: RotateWebhookSecretInput | null | undefined,
    @Arg("id", () => ID, DEPRECATED_ID_ARG)
    id: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return webhookService(ctx).rotateSecret(requiredMoved("id", input?.id, id), input?.expectedVersion ?? undefined);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => Boolean, { description: "Delete a webhook and its delivery history." })
  deleteWebhook(
    @Arg("input", () => DeleteWebhookInput, {
      nullable: true,
      description: "The webhook and, optionally, the version you read. Required unless the deprecated id is given.",
    })
    input: DeleteWebhookInput | null | undefined,
    @Arg("id", () => ID, DEPRECATED_ID_ARG)
    id: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return webhookService(ctx).remove(requiredMoved("id", input?.id, id), input?.expectedVersion ?? undefined);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookEndpoint, {
    description:
      "Deliver again every event the webhook may receive from a point in time or an event id on (same webhook-id header, so the receiver can dedupe).",
  })
  replayWebhook(
    @Arg("input", () => ReplayWebhookInput, {
      description: "The webhook and where to start: exactly one of fromTime and fromEventId.",
    })
    input: ReplayWebhookInput,
    @Ctx() ctx: RequestContext,
  ) {
    return webhookService(ctx).replay(input);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookDelivery, { description: "Try a DEAD delivery again, with a fresh number of attempts." })
  retryDeadDelivery(
    @Arg("input", () => RetryDeadDeliveryInput, {
      nullable: true,
      description: "The DEAD delivery. Required unless the deprecated id is given.",
    })
    input: RetryDeadDeliveryInput | null | undefined,
    @Arg("id", () => ID, DEPRECATED_ID_ARG)
    id: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return webhookService(ctx).retryDead(requiredMoved("id", input?.id, id));
  }

  @FieldResolver(() => [String], { description: "Event types it receives; empty = every type its scopes may receive." })
  @MaxItems(MAX_WEBHOOK_EVENT_TYPES)
  eventTypes(@Root() webhook: WebhookEndpoint): string[] {
    return parseList(webhook.eventTypesJson);
  }

  @FieldResolver(() => [String], {
    description: "The event-receiving scopes it was granted by the one who registered it.",
  })
  @MaxItems(MAX_GRANTED_SCOPES)
  scopes(@Root() webhook: WebhookEndpoint): string[] {
    return parseList(webhook.scopesJson);
  }

  @FieldResolver(() => WebhookDeliveryCounts, {
    description: "How many of its deliveries are in each status now (all it has, not only the recent ones).",
  })
  deliveryCounts(@Root() webhook: WebhookEndpoint, @Ctx() ctx: RequestContext) {
    return webhookService(ctx).deliveryCounts(webhook.id);
  }
}
