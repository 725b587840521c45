import { toInt } from "@arbetsliv/core/data";
import { defineGraph, defineLoader, many } from "@arbetsliv/core/read";
import { DeliveryStatus, WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook.entity";
import type { WebhookDeliveryCounts } from "./webhook.types";

/** A webhook's deliveries: the read layer makes the field, its loader and the page's prefetch. */
export const webhookGraph = defineGraph(WebhookEndpoint, {
  domain: "events",
  relations: {
    recentDeliveries: many(() => WebhookDelivery, "webhookId", {
      order: { id: "DESC" },
      paging: "first",
      description: "Its newest deliveries first: the first `first` (default 25, at most 100).",
    }),
  },
  reads: { eventTypes: ["eventTypesJson"], scopes: ["scopesJson"], deliveryCounts: [] },
});

/** Deliveries per status of a batch of webhooks: one GROUP BY for the batch. */
export const deliveryCountsByWebhook = defineLoader<number, WebhookDeliveryCounts>(
  "WebhookEndpoint.deliveryCounts",
  async (ctx, ids) => {
    const rows = await ctx.ds.manager
      .createQueryBuilder(WebhookDelivery, "d")
      .select("d.webhookId", "webhookId")
      .addSelect("d.status", "status")
      .addSelect("COUNT(*)", "n")
      .where("d.webhookId IN (:...ids)", { ids: [...ids] })
      .groupBy("d.webhookId")
      .addGroupBy("d.status")
      .getRawMany<{ webhookId: unknown; status: DeliveryStatus; n: unknown }>();
    return ids.map((id) => {
      const count = (status: DeliveryStatus) =>
        toInt(rows.find((r) => toInt(r.webhookId) === id && r.status === status)?.n);
      return {
        pending: count(DeliveryStatus.PENDING),
        failedRetrying: count(DeliveryStatus.FAILED_RETRYING),
        delivered: count(DeliveryStatus.DELIVERED),
        dead: count(DeliveryStatus.DEAD),
      };
    });
  },
);
