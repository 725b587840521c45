import { AccessLogEntry } from "./audit/access-log-entry.entity";
import { AccessLogResolver } from "./audit/access-log.resolver";
import { DeletionLogEntry } from "./retention/deletion-log-entry.entity";
import { DeletionLogResolver } from "./retention/deletion-log.resolver";
import { CoreScopes } from "./auth/principal";
import { defineModule } from "./module/domain-module";
import { coreMigrations } from "./migrations";
import { OutboxEvent } from "./events/outbox-event.entity";
import { IdempotencyKey } from "./events/idempotency-key.entity";

/** The platform's own module: the access log and the platform-wide scopes. */
export const coreModule = defineModule({
  name: "core",
  description: "Access log, deletion log, the event outbox, idempotency keys and platform-wide scopes.",
  entities: [AccessLogEntry, DeletionLogEntry, OutboxEvent, IdempotencyKey],
  resolvers: [AccessLogResolver, DeletionLogResolver],
  migrations: coreMigrations,
  scopes: [
    { name: CoreScopes.AUDIT_READ, description: "Read the access log (auditors, data-protection officer)." },
    { name: CoreScopes.ADMIN, description: "Platform administration (reference data such as riksnorm years)." },
  ],
});
