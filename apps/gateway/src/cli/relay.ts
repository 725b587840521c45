#!/usr/bin/env node
/**
 * `pnpm relay`: the production event relay as its own process. It gives new outbox events their
 * feed positions, publishes them to NATS JetStream (when NATS_URL is set), delivers webhooks and,
 * while it is the leader, runs the modules' scheduled jobs and the outbox housekeeping. Run it
 * next to gateways started with EVENTS_RELAY=external; several relays may run (they coordinate
 * through the database). It never migrates: the gateway does.
 */
import "reflect-metadata";
import { createDataSource, describeDatabase } from "@arbetsliv/core/data";
import { startRelay, startWebhookDispatcher, useWebhookTargetPolicy } from "@arbetsliv/events";
import { ConfigError, loadConfig } from "../config";
import { createLogger } from "../logger";
import { manageProcess } from "../lifecycle/process-lifecycle";
import { modules } from "../modules";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  if (config.database.kind !== "mysql") {
    // sql.js keeps the database in the gateway's memory: a second process would see another copy.
    console.error(
      "pnpm relay needs DATABASE_URL (MariaDB/MySQL). With the embedded database the relay runs inside the gateway.",
    );
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  const lifecycle = manageProcess(logger, config.shutdownTimeoutMs);
  const ds = createDataSource(config.database, {
    modules,
    poolSize: 4,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    connectTimeoutMs: config.dbConnectTimeoutMs,
  });
  await ds.initialize();

  // The same namespace (NATS_STREAM, NATS_SUBJECT_PREFIX) as the gateway's config gives its own relay and subscriptions.
  const { natsUrl, natsStream, natsSubjectPrefix } = config.events;
  const nats = natsUrl ? { servers: natsUrl, stream: natsStream, subjectPrefix: natsSubjectPrefix } : undefined;
  // THE webhook target policy of this process (the gateway's registration uses the same settings).
  useWebhookTargetPolicy(config.events.webhookTargets);
  const dispatcher = startWebhookDispatcher({ ds, log: logger });
  const jobs = modules.flatMap((m) => m.jobs ?? []);
  const relay = startRelay({
    ds,
    log: logger,
    nats,
    jobs,
    retentionDays: config.events.retentionDays,
    pollMs: config.events.relayPollMs,
    retentionFloor: () => dispatcher.retentionFloor(),
  });
  relay.onSequenced(() => dispatcher.wake());

  lifecycle.manage({
    async stop() {
      // The relay finishes its batch (and closes NATS) before the pool it uses closes.
      await relay.stop();
      await dispatcher.stop();
      await ds.destroy();
      logger.log("info", "relay stopped");
    },
  });
  logger.log("info", "relay started", {
    database: describeDatabase(config.database),
    jetstream: nats
      ? { servers: nats.servers, stream: nats.stream, subjectPrefix: nats.subjectPrefix ?? null }
      : "off (NATS_URL unset: sequencing and webhooks only)",
    jobs: jobs.map((j) => j.name),
  });
}

main().catch((e) => {
  console.error(`Cannot start the relay: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
