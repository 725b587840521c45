import { Field, Int, ObjectType } from "type-graphql";
import { WebhookEndpoint } from "./webhook.entity";

@ObjectType({ description: "A webhook and its signing secret — the only answer that ever shows the secret." })
export class WebhookWithSecret {
  @Field(() => WebhookEndpoint)
  webhook!: WebhookEndpoint;

  @Field(() => String, {
    description:
      "Standard Webhooks secret (whsec_…): verify each delivery's webhook-signature with it. Shown once; store it now.",
  })
  secret!: string;
}

@ObjectType({ description: "Deliveries of one webhook by status." })
export class WebhookDeliveryCounts {
  @Field(() => Int) pending!: number;
  @Field(() => Int) failedRetrying!: number;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) dead!: number;
}
