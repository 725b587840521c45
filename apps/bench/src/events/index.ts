/**
 * The events part of `pnpm bench` (apps/bench/README.md, "Events"): the outbox's cost on a real
 * mutation, the relay's throughput to JetStream, and the lag from commit to a JetStream consumer
 * and to a webhook receiver — on a database of its own, with the real gateway and event runtime.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { jetstreamManager, StorageType } from "@nats-io/jetstream";
import { nanos, type NatsConnection } from "@nats-io/transport-node";
import type { DataSource } from "typeorm";
import { signDevelopmentToken, type DomainModule } from "@arbetsliv/core";
import { DUPLICATE_WINDOW_MS, streamSubjects } from "@arbetsliv/events";
import { uniqueNatsNamespace, type TestNatsNamespace } from "@arbetsliv/events/testing";
import { BENCH_ACCESS_LOG_KEY } from "../domains/common";
import { startChild, type Child } from "../measure/servers";
import { cpuMs } from "../measure/rss";
import { waitFor } from "./clock";
import { eventsDatabaseUrl, prepareEventsDatabase, unpublishedCount, unsequencedCount } from "./database";
import { benchEventType, FEEDBACK_RECEIVED } from "./event-type";
import { measureLag, startWebhookReceiver, type WebhookReceiver } from "./lag";
import { measureMutationCost } from "./mutation-cost";
import { connectNats, deleteStream, NATS_SERVERS } from "./nats";
import { fillBacklog, measureRelayThroughput } from "./relay-throughput";
import { runtimeApi } from "./runtime-api";
import { startRuntimeChild, type RuntimeChild } from "./runtime-child";
import { registerBenchWebhook } from "./webhook-registration";
import { directWriter, gatewayWriter, type Writer } from "./writers";
import type { EventsResult } from "./types";

export interface EventsOptions {
  benchUrl: string;
  outDir: string;
  /** Outbox rows the relay drains for the throughput figure. */
  backlog: number;
  /** Writes per second and seconds of the steady load for the lag figures. */
  rate: number;
  seconds: number;
  /** Sequential mutations for latency, and transaction pairs for the outbox's share. */
  requests: number;
  connections: number;
  gatewayNodeArgs: string[];
}

export type { EventsResult } from "./types";
export { renderEventsMarkdown, eventVerdicts } from "./report";

const SCOPES = ["synpunkter:write", "synpunkter:events", "events:webhooks:admin"];

export async function runEventsBench(
  modules: readonly DomainModule[],
  opts: EventsOptions,
  say: (line: string) => void,
): Promise<EventsResult> {
  const started = Date.now();
  const url = eventsDatabaseUrl(opts.benchUrl);
  const result: EventsResult = {
    errors: [],
    seconds: 0,
    database: url.replace(/\/\/[^@]*@/, "//"),
    nats: NATS_SERVERS,
  };
  // A stream and subjects of its own: a developer's gateway (ARBETSLIV_EVENTS on arbetsliv.>) or a
  // test run on the same NATS server neither blocks the bench nor shares its duplicate window.
  const namespace = uniqueNatsNamespace("bench");
  const stream = namespace.stream;
  const logDir = join(opts.outDir, "logs");
  const { type: eventType, declared } = benchEventType(modules);
  let nc: NatsConnection | null = null;
  let ds: DataSource | null = null;
  let gateway: Child | null = null;
  let runtime: RuntimeChild | null = null;
  let receiver: WebhookReceiver | null = null;
  const attempt = async (part: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      const message = `${part}: ${e instanceof Error ? e.message : String(e)}`;
      result.errors.push(message);
      say(`✗ events ${message}`);
    }
  };

  try {
    nc = await connectNats();
    const natsProblem = nc ? await createBenchStream(nc, namespace) : `NATS unreachable at ${NATS_SERVERS}`;
    if (natsProblem) {
      result.skipped = `relay throughput and lag not measured: ${natsProblem}`;
      say(`events: ${result.skipped}`);
    }
    say(`events: recreating ${result.database} from the migrations`);
    const prepared = await prepareEventsDatabase(url, modules);
    ds = prepared.ds;
    const secret = randomBytes(24).toString("hex");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: url,
      AUTH_JWT_SECRET: secret,
      ACCESS_LOG_KEY: BENCH_ACCESS_LOG_KEY,
      RATE_LIMIT_PER_MINUTE: "0",
      MIGRATIONS_RUN: "false",
      LOG_LEVEL: "warn",
      // The receiver is http on loopback: the operator's settings for that, not a switch for events.
      WEBHOOK_ALLOW_HTTP: "true",
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      BENCH_EVENTS_DATABASE_URL: url,
      BENCH_NATS_URL: NATS_SERVERS,
      BENCH_STREAM: stream,
      BENCH_SUBJECT_PREFIX: namespace.subjectPrefix,
    };
    delete env.NATS_URL;
    const execArgv = ["--max-semi-space-size=64", ...opts.gatewayNodeArgs];
    const startGateway = (extra: NodeJS.ProcessEnv) =>
      startChild(
        "gateway-events",
        join(__dirname, "..", "servers", "gateway-server.js"),
        { ...env, ...extra },
        logDir,
        execArgv,
      );
    const token = await signDevelopmentToken(secret, { sub: "bench-runner", scopes: SCOPES }, "1h");

    // 1. The mutation with its outbox insert; the relay runs elsewhere (EVENTS_RELAY=external), so
    //    the gateway's CPU per request is the mutation's alone.
    gateway = await startGateway({ EVENTS_RELAY: "external" });
    const graphqlUrl = () => `${gateway!.url}/graphql`;
    await attempt("outbox cost on a mutation", async () => {
      const m = await measureMutationCost({
        graphqlUrl: graphqlUrl(),
        token,
        gatewayPid: gateway!.pid,
        businessAreaId: prepared.businessAreaId,
        ds: ds!,
        eventType,
        requests: opts.requests,
        pairs: opts.requests * 2,
        loadSeconds: 3,
        connections: opts.connections,
      });
      const [{ n }] = (await ds!.query("SELECT COUNT(*) AS n FROM event_outbox WHERE type = ?", [
        FEEDBACK_RECEIVED,
      ])) as { n: string }[];
      result.mutation = { ...m, recordsEvent: Number(n) > 0 };
      say(
        `✓ events registerFeedback p50 ${m.p50} ms, ${m.cpuMsPerRequest} ms gateway CPU; outbox insert +${m.transaction.deltaP50} ms (${m.latencySharePct} % of p50), +${m.transaction.cpuDeltaMs} ms CPU (${m.cpuSharePct} %)${result.mutation.recordsEvent ? "" : " — registerFeedback records no event yet"}`,
      );
    });
    if (natsProblem) return result;
    const api = runtimeApi();
    if (!api.startRelay) {
      result.errors.push("relay throughput and lag: @arbetsliv/events does not export startRelay yet");
      return result;
    }

    // 2. The relay alone (as `EVENTS_RELAY=external` runs it) on a backlog of committed rows.
    await attempt("relay throughput", async () => {
      const missing = opts.backlog - (await unsequencedCount(ds!));
      if (missing > 0) await fillBacklog(ds!, eventType, missing, 60_000_000);
      runtime = await startRuntimeChild(env, logDir);
      const r = await measureRelayThroughput(ds!, nc!, stream, runtime);
      result.relay = r;
      say(
        `✓ events relay: ${r.events} events sequenced in ${r.sequencedSeconds} s, published in ${r.publishedSeconds} s → ${r.eventsPerSecond} events/s`,
      );
      await runtime.stop();
      runtime = null;
    });

    // 3. Lag as deployed by default: the gateway runs the relay and the webhook dispatcher in
    //    process, woken by each mutation, publishing to the bench's stream.
    await attempt("end-to-end lag", async () => {
      await gateway!.stop();
      gateway = null;
      gateway = await startGateway({
        EVENTS_RELAY: "in-process",
        NATS_URL: NATS_SERVERS.includes("://") ? NATS_SERVERS : `nats://${NATS_SERVERS}`,
        ...namespace.env,
      });
      const viaGateway = declared && result.mutation?.recordsEvent === true;
      const probe = viaGateway
        ? gatewayWriter(graphqlUrl(), token, prepared.businessAreaId, eventType.subjectType)
        : directWriter(ds!, eventType, 69_000_000);
      await probe(0);
      let topology = "the gateway's in-process relay and webhook dispatcher";
      if (!(await waitFor(async () => (await unpublishedCount(ds!)) === 0, 5_000, 50))) {
        // This gateway does not run the event runtime (yet): run it beside, as EVENTS_RELAY=external would.
        runtime = await startRuntimeChild(env, logDir);
        await runtime.command("relay", "relayStarted");
        if (api.startWebhookDispatcher) await runtime.command("dispatcher", "dispatcherStarted");
        topology = "a relay and webhook dispatcher in a separate process (this gateway runs none)";
      }
      receiver = await startWebhookReceiver();
      const hook = await registerBenchWebhook({
        ds: ds!,
        graphqlUrl: graphqlUrl(),
        token,
        url: receiver.url,
        eventType: eventType.type,
      });
      say(`events: webhook registered (${hook.via}) → ${receiver.url}; events by ${topology}`);
      result.lag = [];
      const loads: { scenario: string; writer: Writer; writerName: string; rate: number }[] = [];
      if (viaGateway) {
        // The mutation at a rate it sustains here (half its measured throughput): woken by each commit.
        const rate = Math.max(5, Math.min(opts.rate, Math.floor((result.mutation?.rps ?? 0) / 2)));
        loads.push({
          scenario: "mutations",
          writer: probe,
          writerName: `registerFeedback through the gateway; ${topology}, woken by each mutation`,
          rate,
        });
      }
      // The target rate as plain outbox writes from another process: the relay finds them by polling.
      loads.push({
        scenario: "outbox writes",
        writer: directWriter(ds!, eventType, 70_000_000),
        writerName: `recordEvent transactions from the bench process; ${topology}, polling`,
        rate: opts.rate,
      });
      for (const l of loads) {
        const cpuBefore = cpuMs(gateway.pid);
        const lag = await measureLag({
          ...l,
          seconds: opts.seconds,
          nc: nc!,
          stream,
          webhook: { receiver, secret: hook.secret },
          drainMs: 20_000,
        });
        lag.gatewayCpuMsPerWrite =
          Math.round(((cpuMs(gateway.pid) - cpuBefore) / Math.max(1, lag.written)) * 1000) / 1000;
        result.lag.push(lag);
        const w = lag.webhook;
        say(
          `✓ events lag (${l.scenario}) at ${lag.achievedRate} writes/s: JetStream p50 ${lag.jetstream?.fromCommit.p50} ms p99 ${lag.jetstream?.fromCommit.p99} ms` +
            (w
              ? `; webhook p50 ${w.fromCommit.p50} ms p99 ${w.fromCommit.p99} ms, ${w.signaturesVerified} signatures verified, ${w.signaturesFailed} failed`
              : "") +
            `; missing ${lag.missing.jetstream} / ${lag.missing.webhook}`,
        );
      }
    });
    return result;
  } catch (e) {
    result.errors.push(e instanceof Error ? e.message : String(e));
    say(`✗ events: ${e instanceof Error ? e.message : String(e)}`);
    return result;
  } finally {
    await (runtime as RuntimeChild | null)?.stop();
    await (receiver as WebhookReceiver | null)?.close();
    await (gateway as Child | null)?.stop();
    await ds?.destroy();
    if (nc) {
      await deleteStream(nc, stream);
      await nc.close();
    }
    result.seconds = Math.round((Date.now() - started) / 100) / 10;
  }
}

/**
 * The bench's own stream, as the relay would create it (its namespace's subjects, file storage,
 * its duplicate window).
 */
async function createBenchStream(nc: NatsConnection, namespace: TestNatsNamespace): Promise<string | null> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.add({
      name: namespace.stream,
      subjects: streamSubjects(namespace.subjectPrefix),
      storage: StorageType.File,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
    return null;
  } catch (e) {
    return `cannot create the bench stream (${e instanceof Error ? e.message : String(e)})`;
  }
}
