import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { MaxItems, withFirst, type FirstArgs, type RequestContext } from "@arbetsliv/core";
import { readList, readOne } from "@arbetsliv/core/read";
import { EventScopes } from "../scopes";
import { parseList } from "./delivery-store";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook.entity";
import { webhookGraph } from "./webhook.graph";
import {
  MAX_WEBHOOK_EVENT_TYPES,
  RegisterWebhookInput,
  ReplayWebhookInput,
  UpdateWebhookInput,
} from "./webhook.inputs";
import { MAX_GRANTED_SCOPES, MAX_WEBHOOKS, webhookService } from "./webhook.service";
import { WebhookDeliveryCounts, WebhookWithSecret } from "./webhook.types";

const WebhooksFirst = withFirst(MAX_WEBHOOKS);

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
  webhook(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, webhookGraph, () => webhookService(ctx).get(id));
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookWithSecret, {
    description:
      "Register an endpoint for event types you hold the scopes of. The answer shows the signing secret — the only time it is shown.",
  })
  registerWebhook(@Arg("input", () => RegisterWebhookInput) input: RegisterWebhookInput, @Ctx() ctx: RequestContext) {
    return webhookService(ctx).register(input);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookEndpoint, { description: "Change a webhook's URL, event types, description or active flag." })
  updateWebhook(@Arg("input", () => UpdateWebhookInput) input: UpdateWebhookInput, @Ctx() ctx: RequestContext) {
    return webhookService(ctx).update(input);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookWithSecret, {
    description:
      "A new signing secret (shown once). For 24 hours deliveries carry signatures with both the old and the new secret.",
  })
  rotateWebhookSecret(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return webhookService(ctx).rotateSecret(id);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => Boolean, { description: "Delete a webhook and its delivery history." })
  deleteWebhook(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return webhookService(ctx).remove(id);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookEndpoint, {
    description:
      "Deliver again every event the webhook may receive from a point in time or an event id on (same webhook-id header, so the receiver can dedupe).",
  })
  replayWebhook(@Arg("input", () => ReplayWebhookInput) input: ReplayWebhookInput, @Ctx() ctx: RequestContext) {
    return webhookService(ctx).replay(input);
  }

  @Authorized(EventScopes.WEBHOOKS_ADMIN)
  @Mutation(() => WebhookDelivery, { description: "Try a DEAD delivery again, with a fresh number of attempts." })
  retryDeadDelivery(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return webhookService(ctx).retryDead(id);
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

  @FieldResolver(() => WebhookDeliveryCounts)
  deliveryCounts(@Root() webhook: WebhookEndpoint, @Ctx() ctx: RequestContext) {
    return webhookService(ctx).deliveryCounts(webhook.id);
  }
}
