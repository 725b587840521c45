import { eventsConfigFromEnv, type EventsConfig } from "./events/events-config";
import {
  DEFAULT_TOKEN_POLICY,
  minCellFromEnv,
  parseLanguage,
  type Language,
  type TokenPolicy,
  type TokenVerifierConfig,
} from "@arbetsliv/core";
import { databaseConfigFromEnv, type DatabaseConfig } from "@arbetsliv/core/data";
import { metricsTokenFromEnv, tracingConfigFromEnv, type TracingConfig } from "@arbetsliv/core/observability";
import { loadTrustedDocuments, type TrustedDocuments } from "./http/trusted-documents";

export type Environment = "development" | "production" | "test";

export interface GatewayConfig {
  env: Environment;
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Load demo data into an empty embedded database at start. */
  demoSeed: boolean;
  /** Run pending migrations at start (MySQL/MariaDB). */
  migrationsRun: boolean;
  auth: TokenVerifierConfig;
  /** Only for `pnpm dev-token` in development: the shared secret tokens are signed with. */
  devSecret: string | null;
  accessLogKey: string;
  maxBodyBytes: number;
  /** A query whose JSON answer is larger than this is refused (400 RESPONSE_TOO_LARGE): ask for smaller pages. */
  maxResponseBytes: number;
  shutdownTimeoutMs: number;
  rateLimitPerMinute: number;
  /** The rate limit's window (60 s; shorter only in tests). At most rateLimitPerMinute requests in any such interval. */
  rateLimitWindowMs: number;
  /** REDIS_URL: the rate limit's counters in Redis, shared by every replica (http/redis-rate-limit.ts); null keeps them in memory. */
  redisUrl: string | null;
  /** REDIS_KEY_PREFIX: the namespace of this installation's keys in a shared Redis. */
  redisKeyPrefix: string;
  /** With DATABASE_REPLICA_URLS: how long after a caller's mutation its reads stay on the primary (read-your-writes). */
  readYourWritesMs: number;
  /** A request passing this is answered 503 REQUEST_TIMEOUT and its remaining statements are refused. */
  requestTimeoutMs: number;
  /** MySQL/MariaDB: the longest one statement may run (0 = no limit). */
  dbStatementTimeoutMs: number;
  /** MySQL/MariaDB: how long opening a connection may take. */
  dbConnectTimeoutMs: number;
  graphiql: boolean;
  introspection: boolean;
  /** TRUSTED_DOCUMENTS: the manifests' documents, the only ones run (http/trusted-documents.ts); null runs any. */
  trustedDocuments: TrustedDocuments | null;
  logLevel: "debug" | "info" | "warn" | "error";
  /**
   * The language of error messages when a request's `Accept-Language` names neither Swedish nor
   * English (or is missing): `en` by default, `sv` for a deployment that serves only caseworkers.
   */
  defaultLanguage: Language;
  /** Relay, webhooks, JetStream and subscription limits (events/events-config.ts). */
  events: EventsConfig;
  /** METRICS_TOKEN: /metrics answers only requests bearing it; null (unset): no /metrics and no recording. */
  metricsToken: string | null;
  /** OTEL_TRACES_EXPORTER=otlp turns traces on (core's observability/tracing.ts); off by default. */
  tracing: TracingConfig;
}

export const DEVELOPMENT_SECRET = "arbetsliv-development-secret-not-for-production";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee apps/gateway/.env.example for every variable.`,
    );
  }
}

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes"].includes(raw)) return true;
  if (["0", "false", "no"].includes(raw)) return false;
  problems.push(`${name} must be true or false (got "${env[name]}")`);
  return fallback;
}

function redisUrl(env: NodeJS.ProcessEnv, problems: string[]): string | null {
  const raw = env.REDIS_URL;
  if (!raw) return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(raw)) problems.push(`REDIS_URL must be a redis:// or rediss:// URL (got "${raw}")`);
  return raw;
}

/** Reads and validates the configuration; every problem is listed at once with what to do. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const problems: string[] = [];
  const rawEnv = env.NODE_ENV ?? "development";
  if (!["development", "production", "test"].includes(rawEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${rawEnv}")`);
  }
  const production = rawEnv === "production";

  let database: DatabaseConfig = { kind: "sqljs" };
  try {
    database = databaseConfigFromEnv(env);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (production && database.kind === "sqljs" && !bool(env, "DB_ALLOW_EMBEDDED", false, problems)) {
    problems.push(
      "Production needs DATABASE_URL (mariadb://user:pass@host:3306/db); the embedded database is for development. Set DB_ALLOW_EMBEDDED=true only for a demo.",
    );
  }

  const secret = env.AUTH_JWT_SECRET;
  const jwksUrl = env.AUTH_JWKS_URL;
  let auth: TokenVerifierConfig;
  let devSecret: string | null = null;
  const issuer = env.AUTH_ISSUER || undefined;
  const audience = env.AUTH_AUDIENCE || undefined;
  // Tokens must carry exp and live at most this long (exp − iat, or exp − now without iat).
  const tokenPolicy: TokenPolicy = {
    maxLifetimeSeconds: int(
      env,
      "AUTH_MAX_TOKEN_LIFETIME_SECONDS",
      DEFAULT_TOKEN_POLICY.maxLifetimeSeconds,
      60,
      7 * 86_400,
      problems,
    ),
    clockToleranceSeconds: int(
      env,
      "AUTH_CLOCK_SKEW_SECONDS",
      DEFAULT_TOKEN_POLICY.clockToleranceSeconds,
      0,
      300,
      problems,
    ),
  };
  if (jwksUrl) {
    try {
      new URL(jwksUrl);
    } catch {
      problems.push(`AUTH_JWKS_URL must be a URL (got "${jwksUrl}")`);
    }
    auth = { kind: "jwks", jwksUrl, issuer, audience, ...tokenPolicy };
  } else if (secret) {
    if (production && secret.length < 32) problems.push("AUTH_JWT_SECRET must be at least 32 characters in production");
    auth = { kind: "secret", secret, issuer, audience, ...tokenPolicy };
    devSecret = production ? null : secret;
  } else if (production) {
    problems.push("Production needs AUTH_JWKS_URL (public keys of your identity provider) or AUTH_JWT_SECRET");
    auth = { kind: "secret", secret: "", issuer, audience, ...tokenPolicy };
  } else {
    auth = { kind: "secret", secret: DEVELOPMENT_SECRET, issuer, audience, ...tokenPolicy };
    devSecret = DEVELOPMENT_SECRET;
  }

  const accessLogKey = env.ACCESS_LOG_KEY ?? (production ? "" : "arbetsliv-development-access-log-key");
  if (production && accessLogKey.length < 32)
    problems.push(
      "ACCESS_LOG_KEY must be set to at least 32 characters in production (it keys identity numbers in the access log)",
    );

  // Statistics disclosure control: counts of persons below this are suppressed (core reads it per request).
  try {
    minCellFromEnv(env);
  } catch (e) {
    problems.push((e as Error).message);
  }
  const logLevel = (env.LOG_LEVEL ?? "info") as GatewayConfig["logLevel"];
  if (!["debug", "info", "warn", "error"].includes(logLevel))
    problems.push(`LOG_LEVEL must be debug, info, warn or error (got "${logLevel}")`);

  // Read and checked now, so a bad manifest stops the start with its file and entry named.
  const trustedFiles = (env.TRUSTED_DOCUMENTS ?? "")
    .split(",")
    .map((file) => file.trim())
    .filter(Boolean);
  let trustedDocuments: TrustedDocuments | null = null;
  if (trustedFiles.length) {
    const loaded = loadTrustedDocuments(trustedFiles);
    problems.push(...loaded.problems);
    trustedDocuments = loaded.documents;
  }
  // GraphiQL sends free text and introspects, which trusted documents refuse: off with them.
  const graphiql = bool(env, "GRAPHIQL", !production && !trustedDocuments, problems);
  if (graphiql && trustedDocuments)
    problems.push(
      "GRAPHIQL cannot be on with TRUSTED_DOCUMENTS: the IDE sends documents that are not in the list; set GRAPHIQL=false",
    );

  const rawLanguage = env.API_DEFAULT_LANGUAGE ?? "";
  const defaultLanguage = rawLanguage === "" ? "en" : parseLanguage(rawLanguage);
  if (!defaultLanguage)
    problems.push(
      `API_DEFAULT_LANGUAGE must be en or sv: the language of error messages when Accept-Language names neither (got "${rawLanguage}")`,
    );

  const metrics = metricsTokenFromEnv(env);
  if (metrics.problem) problems.push(metrics.problem);
  const tracing = tracingConfigFromEnv(env, "arbetsliv-gateway");
  problems.push(...tracing.problems);

  const config: GatewayConfig = {
    env: rawEnv as Environment,
    host: env.HOST ?? "127.0.0.1",
    port: int(env, "PORT", 4000, 0, 65535, problems),
    database,
    demoSeed: bool(env, "DEMO_SEED", database.kind === "sqljs" && !production, problems),
    migrationsRun: bool(env, "MIGRATIONS_RUN", true, problems),
    auth,
    devSecret,
    accessLogKey,
    maxBodyBytes: int(env, "MAX_BODY_BYTES", 100_000, 1_000, 10_000_000, problems),
    maxResponseBytes: int(env, "MAX_RESPONSE_BYTES", 8_000_000, 1_000, 1_000_000_000, problems),
    shutdownTimeoutMs: int(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 120_000, problems),
    rateLimitPerMinute: int(env, "RATE_LIMIT_PER_MINUTE", 600, 0, 1_000_000, problems),
    rateLimitWindowMs: int(env, "RATE_LIMIT_WINDOW_MS", 60_000, 1_000, 3_600_000, problems),
    redisUrl: redisUrl(env, problems),
    redisKeyPrefix: env.REDIS_KEY_PREFIX || "arbetsliv:",
    readYourWritesMs: int(env, "READ_YOUR_WRITES_MS", 5_000, 0, 600_000, problems),
    requestTimeoutMs: int(env, "REQUEST_TIMEOUT_MS", 15_000, 100, 600_000, problems),
    dbStatementTimeoutMs: int(env, "DB_STATEMENT_TIMEOUT_MS", 10_000, 0, 3_600_000, problems),
    dbConnectTimeoutMs: int(env, "DB_CONNECT_TIMEOUT_MS", 5_000, 100, 120_000, problems),
    graphiql,
    introspection: bool(env, "INTROSPECTION", !production, problems),
    trustedDocuments,
    logLevel,
    defaultLanguage: defaultLanguage ?? "en",
    events: eventsConfigFromEnv(
      env,
      (name, fallback, min, max) => int(env, name, fallback, min, max, problems),
      problems,
    ),
    metricsToken: metrics.token,
    tracing: tracing.config,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
