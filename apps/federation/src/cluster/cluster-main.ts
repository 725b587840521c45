import { spawnSync } from "node:child_process";
import { connect } from "node:net";
import { resolve } from "node:path";
import { serverQuery, splitMysqlUrl } from "@arbetsliv/core/testing";
import { SUBGRAPHS } from "../topology";
import { clusterConfig, FIRST_GATEWAY_PORT, FIRST_SUBGRAPH_PORT, type ClusterConfig } from "./cluster-config";
import { SupervisedProcess } from "./supervised-process";

/**
 * `pnpm start:cluster`: the federated topology on one machine — the database migrated and seeded
 * once by the monolith's own start, the event relay (`pnpm relay`: sequencing, JetStream, webhooks,
 * scheduled jobs), six subgraphs, two federated gateway replicas and HAProxy (deploy/haproxy.cfg)
 * in front, round robin. Ctrl-C (SIGINT) or SIGTERM stops every child in
 * order and waits for each; a child that dies on its own stops the cluster (exit 1).
 */
const MONOLITH_MAIN = resolve(__dirname, "../../../gateway/dist/main.js");
const RELAY_MAIN = resolve(__dirname, "../../../gateway/dist/cli/relay.js");
const SUBGRAPH_MAIN = resolve(__dirname, "../subgraph-main.js");
const GATEWAY_MAIN = resolve(__dirname, "../gateway-main.js");
const HAPROXY_CONFIG = resolve(__dirname, "../../deploy/haproxy.cfg");
const START_TIMEOUT_MS = 180_000;

const say = (text: string) => process.stdout.write(`cluster: ${text}\n`);
const passOn = (line: string) => process.stdout.write(`${line}\n`);

function haproxyInstalled(): boolean {
  return !spawnSync("haproxy", ["-v"], { stdio: "ignore" }).error;
}

/** CREATE DATABASE IF NOT EXISTS: the first start creates it; migrations and seed are the monolith's. */
async function ensureDatabase(url: string): Promise<void> {
  const { database } = splitMysqlUrl(url.replace(/^mariadb:/, "mysql:"));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`DATABASE_URL names an unusual database "${database}"`);
  try {
    await serverQuery(
      url.replace(/^mariadb:/, "mysql:"),
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci`,
    );
  } catch (e) {
    throw new Error(
      `Cannot reach or create the database (${(e as Error).message}). Start MariaDB and create the user with: bash .ci/mariadb-setup.sh`,
    );
  }
}

/** Whether something listens at a service's URL (Redis, NATS), `port` when the URL names none. */
function serviceAnswers(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port || defaultPort), timeout: 1_000 });
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
    socket.once("timeout", () => (socket.destroy(), done(false)));
  });
}

async function frontReady(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > until)
      throw new Error(`HAProxy at ${url} did not answer /readyz 200 within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * The platform subgraph holds one upstream connection per client connection of every gateway
 * replica: its connection limits are the replicas' (WS_MAX_CONNECTIONS, …_PER_SUBJECT, defaults
 * 1000 and 10) times their number, so the gateways' own limits are the ones a client meets.
 */
function relayedConnectionLimits(env: NodeJS.ProcessEnv, replicas: number): Record<string, string> {
  // Within what the configuration accepts (apps/gateway/src/events/events-config.ts).
  const times = (name: string, fallback: number, max: number) =>
    String(Math.min(max, (Number(env[name]) || fallback) * replicas));
  return {
    WS_MAX_CONNECTIONS: times("WS_MAX_CONNECTIONS", 1_000, 1_000_000),
    WS_MAX_CONNECTIONS_PER_SUBJECT: times("WS_MAX_CONNECTIONS_PER_SUBJECT", 10, 10_000),
  };
}

const running: SupervisedProcess[] = [];
let shutdown: Promise<void> | undefined;

/** Stops every child, the last started first (HAProxy, gateways, subgraphs), each by its pid, waits, and exits. */
function stopAll(code: number, why: string): Promise<void> {
  return (shutdown ??= (async () => {
    say(`stopping (${why})`);
    for (const child of [...running].reverse()) await child.stop();
    say("stopped");
    process.exit(code);
  })());
}

async function main(config: ClusterConfig): Promise<void> {
  process.once("SIGINT", () => void stopAll(0, "SIGINT"));
  process.once("SIGTERM", () => void stopAll(0, "SIGTERM"));
  // Last resort (an exit without stopAll): no child outlives the cluster.
  process.once("exit", () => running.forEach((child) => child.kill()));
  if (!haproxyInstalled()) {
    say(
      "HAProxy is not installed. On Debian or Ubuntu: sudo apt-get install haproxy (then run pnpm start:cluster again)",
    );
    process.exit(1);
  }
  await ensureDatabase(config.databaseUrl);
  if (!(await serviceAnswers(config.redisUrl, 6379)))
    say(
      `no Redis at ${config.redisUrl}: each subgraph remembers gateway signatures on its own and each gateway rate-limits on its own until Redis answers`,
    );
  if (!(await serviceAnswers(config.natsUrl, 4222)))
    say(
      `no NATS at ${config.natsUrl}: the relay still sequences events and delivers webhooks, and subscriptions wait for JetStream (start nats-server -js)`,
    );

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    // The relay publishes to JetStream; the platform subgraph's subscriptions read it (EVENTS_RELAY=external).
    NATS_URL: config.natsUrl,
    EVENTS_RELAY: "external",
    GATEWAY_SUBGRAPH_SECRET: config.subgraphSecret,
    HOST: "127.0.0.1",
  };
  const start = (name: string, command: string, args: string[], childEnv: NodeJS.ProcessEnv) => {
    const child = new SupervisedProcess(name, command, args, childEnv, passOn);
    running.push(child);
    say(`started ${name} (pid ${child.pid})`);
    void child.exited.then(({ code, signal }) => {
      if (child.stopping || shutdown) return;
      say(`${name} (pid ${child.pid}) exited unexpectedly (${signal ?? `code ${code}`})`);
      void stopAll(1, `${name} died`);
    });
    return child;
  };

  // 1. Migrations and the demo seed, once, by the monolith's own start (a seeded database is left as it is).
  const migrate = start("migrate", process.execPath, [MONOLITH_MAIN], {
    ...env,
    PORT: "0",
    DEMO_SEED: process.env.DEMO_SEED ?? "true",
  });
  await migrate.loggedUrl("gateway started", START_TIMEOUT_MS);
  await migrate.stop();
  running.splice(running.indexOf(migrate), 1);
  say("database migrated and seeded");

  // 2. The one event relay: without it the subgraphs' writes stay in the outbox (no feed, no JetStream, no webhooks).
  await start("relay", process.execPath, [RELAY_MAIN], env).lineMatching(
    (line) => line.includes('"message":"relay started"'),
    '"relay started"',
    START_TIMEOUT_MS,
  );

  // 3. The subgraphs, started together.
  const subgraphUrls = await Promise.all(
    SUBGRAPHS.map((spec, i) =>
      start(`subgraph ${spec.name}`, process.execPath, [SUBGRAPH_MAIN], {
        ...env,
        SUBGRAPH: spec.name,
        PORT: String(config.ephemeralPorts ? 0 : FIRST_SUBGRAPH_PORT + i),
        ...(spec.subscriptions ? relayedConnectionLimits(process.env, config.replicas) : {}),
      })
        .loggedUrl("subgraph listening", START_TIMEOUT_MS)
        .then((url) => `${spec.name}=${url}`),
    ),
  );

  // 4. The federated gateway replicas.
  const gatewayUrls = await Promise.all(
    Array.from({ length: config.replicas }, (_, i) =>
      start(`gateway-${i + 1}`, process.execPath, [GATEWAY_MAIN], {
        ...env,
        PORT: String(config.ephemeralPorts ? 0 : FIRST_GATEWAY_PORT + i),
        SUBGRAPH_URLS: subgraphUrls.join(","),
      }).loggedUrl("federated gateway listening", START_TIMEOUT_MS),
    ),
  );

  // 5. HAProxy in front, in the foreground (-db), its addresses from the environment (deploy/haproxy.cfg).
  const bind = `${config.host}:${config.port}`;
  start("haproxy", "haproxy", ["-db", "-f", HAPROXY_CONFIG], {
    PATH: process.env.PATH,
    CLUSTER_BIND: bind,
    ...Object.fromEntries(gatewayUrls.map((url, i) => [`GATEWAY_${i + 1}`, new URL(url).host])),
  });
  const front = `http://${bind}`;
  await frontReady(front, START_TIMEOUT_MS);

  say(`ready: ${front}/graphql (HAProxy, round robin over ${gatewayUrls.join(", ")})`);
  if (config.secretGenerated) say("GATEWAY_SUBGRAPH_SECRET was generated for this start (set it to keep one)");
  if (process.env.NODE_ENV !== "production")
    say(
      `a token for trying it: TOKEN=$(pnpm -s dev-token -- --scopes synpunkter:read); curl -s ${front}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ feedbackItems(first: 3) { totalCount } }"}'`,
    );
  say("Ctrl-C stops every process");
}

let config: ClusterConfig;
try {
  config = clusterConfig(process.env);
} catch (e) {
  say((e as Error).message);
  process.exit(2);
}
main(config).catch((e) => {
  say(e instanceof Error ? e.message : String(e));
  void stopAll(1, "the start failed");
});
