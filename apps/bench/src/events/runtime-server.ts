/**
 * Child process: the event runtime (relay to JetStream, webhook dispatcher) on the events
 * database, apart from the bench process so its work does not delay the arrival times the bench
 * notes. Commands over IPC: "relay", "dispatcher", "stop". Its log goes to stdout (a file).
 */
import "reflect-metadata";
import { createDataSource, mysqlConfig } from "@arbetsliv/core/data";
import { modules } from "@arbetsliv/gateway";
import type { EventLog } from "@arbetsliv/events";
import { runtimeApi, type Dispatcher, type Relay } from "./runtime-api";

const log: EventLog = {
  log: (level, message, fields) =>
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }) + "\n"),
};

async function main(): Promise<void> {
  const ds = createDataSource(mysqlConfig(process.env.BENCH_EVENTS_DATABASE_URL!), { modules, poolSize: 4 });
  await ds.initialize();
  const api = runtimeApi();
  let relay: Relay | null = null;
  let dispatcher: Dispatcher | null = null;
  const reply = (m: Record<string, unknown>) => process.send?.(m);

  process.on("message", (m: { cmd?: string; batchSize?: number }) => {
    void (async () => {
      try {
        if (m.cmd === "relay") {
          if (!api.startRelay) throw new Error("@arbetsliv/events does not export startRelay yet");
          const startedAt = Date.now();
          relay = await api.startRelay({
            ds,
            nats: {
              servers: process.env.BENCH_NATS_URL!,
              stream: process.env.BENCH_STREAM!,
              subjectPrefix: process.env.BENCH_SUBJECT_PREFIX || null,
            },
            log,
            ...(m.batchSize ? { batchSize: m.batchSize } : {}),
          });
          relay.onSequenced((position) => reply({ sequenced: position, at: Date.now() }));
          reply({ relayStarted: startedAt });
        } else if (m.cmd === "dispatcher") {
          if (!api.startWebhookDispatcher)
            throw new Error("@arbetsliv/events does not export startWebhookDispatcher yet");
          const d = await api.startWebhookDispatcher({
            ds,
            log,
            targetPolicy: { allowPrivateTargets: true, allowHttp: true }, // the receiver is on loopback
          });
          dispatcher = d;
          // As the gateway wires them: new feed positions wake the dispatcher.
          relay?.onSequenced(() => d.wake());
          reply({ dispatcherStarted: Date.now() });
        } else if (m.cmd === "stop") {
          await dispatcher?.stop();
          await relay?.stop();
          await ds.destroy();
          process.exit(0);
        }
      } catch (e) {
        reply({ error: e instanceof Error ? e.message : String(e) });
      }
    })();
  });
  process.on("disconnect", () => process.exit(0));
  reply({ ready: true, url: "" });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
