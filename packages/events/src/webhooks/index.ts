// The webhooks part of the events package: entities, resolvers and migrations (composed by
// events-module.ts) and the dispatcher runtime the gateway and `pnpm relay` start.
import { webhookMigrationList } from "./migrations";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook.entity";
import { WebhookResolver } from "./webhook.resolver";
import { webhookGraph } from "./webhook.graph";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const webhookEntities: Function[] = [WebhookEndpoint, WebhookDelivery];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const webhookResolvers: Function[] = [WebhookResolver];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const webhookGraphs = [webhookGraph];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const webhookMigrations: Function[] = webhookMigrationList;

export { startWebhookDispatcher, type WebhookDispatcherHandle, type WebhookDispatcherOptions } from "./dispatcher";
export { WebhookEndpoint } from "./webhook.entity";
export { WebhookDelivery, DeliveryStatus } from "./webhook-delivery.entity";
export { checkWebhookUrl, isPrivateAddress, type TargetPolicy } from "./url-guard";
export { targetPolicyFromEnv, useWebhookTargetPolicy, webhookTargetPolicy } from "./target-policy";
