import { Field, Int, ObjectType } from "type-graphql";
import { WebhookEndpoint } from "./webhook.entity";

@ObjectType({ description: "A webhook and its signing secret — the only answer that ever shows the secret." })
export class WebhookWithSecret {
  @Field(() => WebhookEndpoint, { description: "The webhook as it is now, with its new version." })
  webhook!: WebhookEndpoint;

  @Field(() => String, {
    description:
      "Standard Webhooks secret (whsec_…): verify each delivery's webhook-signature with it. Shown once; store it now.",
  })
  secret!: string;
}

@ObjectType({ description: "Deliveries of one webhook by status." })
export class WebhookDeliveryCounts {
  @Field(() => Int, { description: "Deliveries not tried yet." }) pending!: number;
  @Field(() => Int, { description: "Deliveries that failed and wait for their next try." }) failedRetrying!: number;
  @Field(() => Int, { description: "Deliveries the receiver accepted (a 2xx answer)." }) delivered!: number;
  @Field(() => Int, {
    description: "Deliveries given up after the last try: retryDeadDelivery or replayWebhook sends them again.",
  })
  dead!: number;
}
