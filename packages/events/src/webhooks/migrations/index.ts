import { EventsWebhooks1796575132632 } from "./1796575132632-EventsWebhooks";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const webhookMigrationList: Function[] = [EventsWebhooks1796575132632];
