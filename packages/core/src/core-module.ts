import { AccessLogEntry } from "./audit/access-log-entry.entity";
import { AccessLogResolver } from "./audit/access-log.resolver";
import { CoreScopes } from "./auth/principal";
import { defineModule } from "./module/domain-module";
import { coreMigrations } from "./migrations";

/** The platform's own module: the access log and the platform-wide scopes. */
export const coreModule = defineModule({
  name: "core",
  description: "Access log and platform-wide scopes.",
  entities: [AccessLogEntry],
  resolvers: [AccessLogResolver],
  migrations: coreMigrations,
  scopes: [
    { name: CoreScopes.AUDIT_READ, description: "Read the access log (auditors, data-protection officer)." },
    { name: CoreScopes.ADMIN, description: "Platform administration (reference data such as riksnorm years)." },
  ],
});
