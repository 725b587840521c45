import {
  DEFAULT_STREAM,
  streamNameProblem,
  subjectPrefixProblem,
  targetPolicyFromEnv,
  type TargetPolicy,
} from "@arbetsliv/events";

/** The event runtime's settings (environment variables in apps/gateway/.env.example). */
export interface EventsConfig {
  /** NATS with JetStream (e.g. nats://127.0.0.1:4222); null: no JetStream, subscriptions read the outbox. */
  natsUrl: string | null;
  /** NATS_STREAM: the stream the relay publishes to and subscriptions read. */
  natsStream: string;
  /**
   * NATS_SUBJECT_PREFIX: put before every event subject (`<prefix>.arbetsliv.…`), by the relay, the
   * stream it creates and the subscriptions' source alike; null: none.
   */
  natsSubjectPrefix: string | null;
  /** EVENT_RETENTION_DAYS: delivered events stay this long in the outbox (and the change feed). */
  retentionDays: number;
  /** EVENTS_POLL_MS: how often the relay looks for new outbox rows when no mutation woke it. */
  relayPollMs: number;
  /** in-process: the gateway runs the relay and the webhook dispatcher; external: `pnpm relay` does. */
  relay: "in-process" | "external";
  /** WEBHOOK_ALLOW_HTTP, WEBHOOK_ALLOW_PRIVATE_TARGETS: read by the events package's one reader (both off in production). */
  webhookTargets: TargetPolicy;
  subscriptions: SubscriptionLimits;
}

export interface SubscriptionLimits {
  /** WebSocket connections this gateway process holds at most (more are refused with HTTP 503). */
  maxConnections: number;
  /** Connections one token subject may hold at once (more are closed with 4429). */
  maxConnectionsPerSubject: number;
  /** Active subscriptions on one connection. */
  maxSubscriptionsPerConnection: number;
  /** Largest WebSocket message accepted, in bytes (larger closes the connection with 1009). */
  maxMessageBytes: number;
  /** A connection that sends no connection_init within this is closed (4408). */
  connectionInitTimeoutMs: number;
  /** Events queued for one subscription that is not reading before it is ended. */
  maxQueuedEvents: number;
}

type Int = (name: string, fallback: number, min: number, max: number) => number;

export const DEFAULT_NATS_STREAM = DEFAULT_STREAM;

function webhookTargets(env: NodeJS.ProcessEnv, problems: string[]): TargetPolicy {
  try {
    return targetPolicyFromEnv(env);
  } catch (e) {
    problems.push((e as Error).message);
    return { allowHttp: false, allowPrivateTargets: false };
  }
}

export function eventsConfigFromEnv(env: NodeJS.ProcessEnv, int: Int, problems: string[]): EventsConfig {
  const natsUrl = env.NATS_URL?.trim() || null;
  if (natsUrl && !/^(nats|tls|wss?):\/\/[^\s]+$/.test(natsUrl) && !/^[\w.-]+:\d+$/.test(natsUrl))
    problems.push(`NATS_URL must be a NATS server URL like nats://127.0.0.1:4222 (got "${natsUrl}")`);
  const natsStream = env.NATS_STREAM?.trim() || DEFAULT_NATS_STREAM;
  const streamProblem = streamNameProblem(natsStream);
  if (streamProblem) problems.push(`NATS_STREAM ${streamProblem} (got "${natsStream}")`);
  const natsSubjectPrefix = env.NATS_SUBJECT_PREFIX?.trim() || null;
  const prefixProblem = natsSubjectPrefix ? subjectPrefixProblem(natsSubjectPrefix) : null;
  if (prefixProblem) problems.push(`NATS_SUBJECT_PREFIX ${prefixProblem} (got "${natsSubjectPrefix}")`);
  const relay = env.EVENTS_RELAY?.trim() || "in-process";
  if (relay !== "in-process" && relay !== "external")
    problems.push(`EVENTS_RELAY must be in-process or external (got "${relay}")`);
  return {
    natsUrl,
    natsStream,
    natsSubjectPrefix: prefixProblem ? null : natsSubjectPrefix,
    retentionDays: int("EVENT_RETENTION_DAYS", 30, 1, 3650),
    relayPollMs: int("EVENTS_POLL_MS", 100, 10, 600_000),
    relay: relay === "external" ? "external" : "in-process",
    webhookTargets: webhookTargets(env, problems),
    subscriptions: {
      maxConnections: int("WS_MAX_CONNECTIONS", 1_000, 0, 1_000_000),
      maxConnectionsPerSubject: int("WS_MAX_CONNECTIONS_PER_SUBJECT", 10, 1, 10_000),
      maxSubscriptionsPerConnection: int("WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", 10, 1, 1_000),
      maxMessageBytes: int("WS_MAX_MESSAGE_BYTES", 64_000, 1_000, 10_000_000),
      connectionInitTimeoutMs: int("WS_CONNECTION_INIT_TIMEOUT_MS", 5_000, 100, 120_000),
      maxQueuedEvents: int("WS_MAX_QUEUED_EVENTS", 1_000, 10, 1_000_000),
    },
  };
}
