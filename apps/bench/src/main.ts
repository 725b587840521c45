#!/usr/bin/env node
/**
 * pnpm bench: seeds MariaDB (apps/bench/README.md), starts the gateway and the raw mysql2
 * floor as two child processes, checks that both return the same bytes for each operation,
 * then measures them interleaved and writes results/latest.md and results/latest.json.
 */
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { signDevelopmentToken } from "@arbetsliv/core";
import { modules } from "@arbetsliv/gateway";
import { DOMAINS } from "./domains";
import { runEventsBench, type EventsOptions } from "./events";
import { BENCH_ACCESS_LOG_KEY } from "./domains/common";
import type { BenchOperation } from "./domains/types";
import { machine } from "./machine";
import { post } from "./measure/client";
import { load, type LoadResult } from "./measure/load";
import { cpuMs, rssMb, sampleRss } from "./measure/rss";
import { prepareBaseline } from "./measure/baseline";
import { startChild, type Child } from "./measure/servers";
import { parseOptions, type Options } from "./options";
import {
  operationClass,
  writeEventsReport,
  writeReport,
  type GrowthResult,
  type OperationResult,
  type RunResult,
  type ServerNumbers,
} from "./report";
import { ensureSeeded } from "./seed/seed";
import {
  asFederatedOperation,
  crossDomainOperation,
  measureFederated,
  type FederatedOperation,
} from "./federated/measure";
import { startFederatedTopology, type FederatedTopology } from "./federated/topology";
import type { FederatedResult } from "./federated/types";
import { percentile, round } from "./util/stats";

const SUBJECT = "bench-runner";

function say(line: string): void {
  process.stderr.write(line + "\n");
}

/** The gateway's statements for a request id, from its JSON request log. */
function statementsFromLog(logFile: string, requestId: string): number | null {
  const lines = readFileSync(logFile, "utf8").split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i].includes(requestId)) continue;
    try {
      // The gateway logs the id a client sends as its correlationId (its own requestId is server-made).
      const entry = JSON.parse(lines[i]) as { correlationId?: string; message?: string; statements?: number };
      if (entry.correlationId === requestId && entry.message === "request") return entry.statements ?? null;
    } catch {
      /* a partial line */
    }
  }
  return null;
}

/** Waits up to 10 s: on a saturated machine the gateway writes its log line late. */
async function waitForLog(logFile: string, requestId: string): Promise<number | null> {
  for (let i = 0; i < 200; i++) {
    const n = statementsFromLog(logFile, requestId);
    if (n !== null) return n;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at byte ${i}: gateway …${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))}… floor …${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}…`;
}

interface Target {
  url: string;
  headers: Record<string, string>;
}

/** Sequential latency: one request at a time, the servers taking turns in a rotating order. */
async function sequential(
  targets: Target[],
  body: string,
  requests: number,
  budgetMs: number,
  tag: string,
): Promise<number[][]> {
  const times: number[][] = targets.map(() => []);
  const started = Date.now();
  for (let k = 0; k < requests; k++) {
    // Rotate which server goes first, so none always follows another.
    for (const s of rotation(targets.length, k)) {
      const r = await post(targets[s].url, body, { ...targets[s].headers, "x-request-id": `${tag}-s${k}` });
      if (r.status !== 200) throw new Error(`${tag}: HTTP ${r.status} ${r.body.slice(0, 300)}`);
      times[s].push(r.ms);
    }
    if (Date.now() - started > budgetMs && k >= 2) break;
  }
  return times;
}

/** Round k's order of n servers: rotated by k, reversed every other round (0 1 2, 2 0 1 reversed, …). */
function rotation(n: number, k: number): number[] {
  const order = Array.from({ length: n }, (_, i) => (i + k) % n);
  return Math.floor(k / n) % 2 === 1 ? order.reverse() : order;
}

/** One load round of one server, with the CPU time its process used during it. */
interface Round {
  load: LoadResult;
  cpuMs: number;
}

function numbers(seq: number[], rounds: Round[], rssPeak?: number): ServerNumbers {
  const sorted = [...seq].sort((a, b) => a - b);
  const loads = rounds.map((r) => r.load);
  const requests = loads.reduce((s, l) => s + l.requests, 0);
  const seconds = loads.reduce((s, l) => s + l.seconds, 0) || NaN;
  const cpu = rounds.reduce((s, r) => s + r.cpuMs, 0);
  return {
    p50: round(percentile(sorted, 50), 3),
    p99: round(percentile(sorted, 99), 3),
    samples: seq.length,
    rps: round(requests / seconds, 1),
    loadP50: round(
      percentile(
        loads.map((l) => l.p50).sort((a, b) => a - b),
        50,
      ),
      1,
    ),
    loadP99: round(Math.max(...loads.map((l) => l.p99)), 1),
    errors: loads.reduce((s, l) => s + l.errors, 0),
    cpuMsPerRequest: requests > 0 ? round(cpu / requests, 4) : NaN,
    rssPeakMb: rssPeak,
  };
}

const perRequest = (r: Round) => r.cpuMs / r.load.requests;
const rps = (r: Round) => r.load.requests / r.load.seconds;

/** A measured server: the child process and how a request reaches it. */
interface Server {
  child: Child;
  target: Target;
  rounds: Round[];
  peak: number;
}

async function measureOperation(
  op: BenchOperation,
  index: number,
  opts: Options,
  gateway: Child,
  floor: Child,
  baseline: Child | undefined,
  token: string,
): Promise<OperationResult> {
  const body = JSON.stringify({ query: op.query, variables: op.variables });
  const graphql = (c: Child): Target => ({
    url: `${c.url}/graphql`,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
  });
  const gw = graphql(gateway);
  const fl: Target = { url: `${floor.url}/floor/${op.name}`, headers: { "content-type": "application/json" } };
  const tag = `bench-${index}`;
  const result: OperationResult = {
    name: op.name,
    domain: op.domain,
    kind: op.kind,
    class: operationClass(op.kind),
    description: op.description,
    rows: op.rows,
    identical: false,
    bytes: 0,
  };

  // 1. Byte identity, before anything is measured.
  const g = await post(gw.url, body, { ...gw.headers, "x-request-id": `${tag}-check` });
  const f = await post(fl.url, body, { ...fl.headers, "x-request-id": `${tag}-check` });
  result.bytes = Buffer.byteLength(g.body);
  if (g.status !== 200 || g.body.includes('"errors"')) {
    result.error = `gateway answered HTTP ${g.status}: ${g.body.slice(0, 400)}`;
    return result;
  }
  if (f.status !== 200) {
    result.error = `floor answered HTTP ${f.status}: ${f.body.slice(0, 400)}`;
    return result;
  }
  if (g.body !== f.body) {
    result.error = `not byte-identical (${g.body.length} vs ${f.body.length} bytes) ${firstDifference(g.body, f.body)}`;
    return result;
  }
  result.identical = true;
  result.statements = {
    gateway: await waitForLog(gateway.logFile, `${tag}-check`),
    floor: Number(f.headers["x-statements"]),
  };

  // The old build is compared only where it answers the same bytes (a later fix may change an
  // answer) but for its cursors: builds before keyset paging (2026-12) gave offset cursors.
  let old: Target | undefined;
  if (baseline) {
    const b = await post(graphql(baseline).url, body, { ...gw.headers, "x-request-id": `${tag}-check` });
    if (b.status !== 200 || b.body.includes('"errors"'))
      result.baselineNote = `not comparable: the old build answered HTTP ${b.status}: ${b.body.slice(0, 300)}`;
    else if (withoutCursors(b.body) !== withoutCursors(g.body))
      result.baselineNote = `not comparable: the old build's body differs ${firstDifference(withoutCursors(g.body), withoutCursors(b.body)).replace("floor", "old build")}`;
    else old = graphql(baseline);
  }

  // 2. Statements per request at another page size (they must not grow with the page).
  if (typeof op.variables.first === "number") {
    const small = JSON.stringify({
      query: op.query,
      variables: op.smallPageVariables ?? { ...op.variables, first: 10 },
    });
    await post(gw.url, small, { ...gw.headers, "x-request-id": `${tag}-first10` });
    result.statementsFirst10 = await waitForLog(gateway.logFile, `${tag}-first10`);
  }

  const servers: Server[] = [
    { child: gateway, target: gw, rounds: [], peak: 0 },
    { child: floor, target: fl, rounds: [], peak: 0 },
    ...(old && baseline ? [{ child: baseline, target: old, rounds: [], peak: 0 }] : []),
  ];

  // 3. Warm-up (JIT, pools, caches) for each, as long as a round: with 1 s the first operation
  //    measured carried the whole process's warm-up in its first round (synpunkter's single
  //    record: 3.5× the floor in round 1, 1.8× in round 3).
  if (op.kind !== "stats")
    for (const s of servers)
      await load(
        s.target.url,
        body,
        { ...s.target.headers, "x-request-id": `${tag}-warm` },
        opts.connections,
        opts.duration,
      );

  // 4. Latency one request at a time, the servers interleaved request by request.
  const seq = await sequential(
    servers.map((s) => s.target),
    body,
    opts.requests,
    op.kind === "stats" ? 8_000 : 6_000,
    tag,
  );

  // 5. Throughput under concurrent load, in rotating rounds (G F B, B G F reversed, …) to cancel
  //    drift; the CPU time each server's process used in its round (all its threads, /proc).
  //    Statistics run seconds each at full scale: two connections are enough to load MariaDB.
  const connections = op.kind === "stats" ? Math.min(2, opts.connections) : opts.connections;
  // A statistics query slower than a second is measured one at a time only (load would just queue it in MariaDB).
  const rounds =
    op.kind === "stats" &&
    percentile(
      [...seq[0]].sort((a, b) => a - b),
      50,
    ) > 1000
      ? 0
      : opts.rounds;
  for (let r = 0; r < rounds; r++) {
    for (const i of rotation(servers.length, r)) {
      const s = servers[i];
      const stop = sampleRss(s.child.pid);
      const before = cpuMs(s.child.pid);
      const l = await load(
        s.target.url,
        body,
        { ...s.target.headers, "x-request-id": `${tag}-load` },
        connections,
        opts.duration,
      );
      s.rounds.push({ load: l, cpuMs: cpuMs(s.child.pid) - before });
      s.peak = Math.max(s.peak, stop());
    }
  }
  const [G, F, B] = servers;
  result.gateway = numbers(seq[0], G.rounds, G.peak);
  result.floor = numbers(seq[1], F.rounds);
  result.ratio = {
    cpu: round(result.gateway.cpuMsPerRequest / result.floor.cpuMsPerRequest, 2),
    cpuRounds: G.rounds.map((g, i) => round(perRequest(g) / perRequest(F.rounds[i]), 3)),
    throughput: round(result.floor.rps / result.gateway.rps, 2),
    throughputRounds: G.rounds.map((g, i) => round(rps(F.rounds[i]) / rps(g), 2)),
    p50: round(result.gateway.p50 / result.floor.p50, 2),
  };
  if (B) {
    result.baseline = numbers(seq[2], B.rounds, B.peak);
    result.vsBaseline = {
      cpu: round(result.gateway.cpuMsPerRequest / result.baseline.cpuMsPerRequest, 2),
      cpuRounds: G.rounds.map((g, i) => round(perRequest(g) / perRequest(B.rounds[i]), 3)),
      throughput: round(result.baseline.rps / result.gateway.rps, 2),
      p50: round(result.gateway.p50 / result.baseline.p50, 2),
    };
  }
  return result;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const eventOpts: EventsOptions = {
    benchUrl: opts.url,
    outDir: opts.outDir,
    backlog: opts.eventBacklog,
    rate: opts.eventRate,
    seconds: opts.eventSeconds,
    requests: opts.requests,
    connections: opts.connections,
    gatewayNodeArgs: opts.gatewayNodeArgs,
  };
  if (opts.eventsOnly) {
    const events = await runEventsBench(modules, eventOpts, say);
    say(
      `results: ${writeEventsReport(opts.outDir, opts.label, { date: new Date().toISOString(), machine: await machine(opts.url), events }).join(", ")}`,
    );
    if (events.errors.length) process.exitCode = 1;
    return;
  }
  const registered = modules.map((m) => m.name);
  const domains = DOMAINS.filter((d) => registered.includes(d.module));
  const unbenched = registered.filter(
    (m) => m !== "core" && m !== "cross-domain" && !DOMAINS.some((d) => d.module === m),
  );
  if (unbenched.length) say(`note: registered modules without a benchmark yet: ${unbenched.join(", ")}`);
  const sizes: Record<string, Record<string, number>> = {};
  for (const d of domains) sizes[d.module] = { ...d.sizes(opts.scale), ...opts.sizeOverrides[d.module] };

  const seed = await ensureSeeded({ url: opts.url, scale: opts.scale, sizes, force: opts.reseed }, modules, domains);
  if (opts.seedOnly) return;

  const mysqlUrl = opts.url.replace(/^mariadb:/, "mysql:");
  const conn = await createConnection({ uri: mysqlUrl, dateStrings: true });
  let ops: BenchOperation[] = [];
  const growthPlans: Awaited<ReturnType<NonNullable<(typeof DOMAINS)[number]["growth"]>>> = [];
  try {
    for (const d of domains) {
      ops.push(...(await d.operations(conn, sizes[d.module], seed.endDate)));
      if (d.growth) growthPlans.push(...(await d.growth(conn, sizes[d.module], seed.endDate)));
    }
  } finally {
    await conn.end();
  }
  if (opts.only.length)
    ops = ops.filter((o) => opts.only.some((s) => (s.endsWith("$") ? o.name === s.slice(0, -1) : o.name.includes(s))));

  const secret = randomBytes(24).toString("hex");
  const logDir = join(opts.outDir, "logs");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: opts.url,
    AUTH_JWT_SECRET: secret,
    ACCESS_LOG_KEY: BENCH_ACCESS_LOG_KEY,
    RATE_LIMIT_PER_MINUTE: "0",
    // The relay and webhook dispatcher poll the outbox in the background: outside the gateway, so the
    // CPU the bench reads from the gateway's process is the requests' (the events part measures them).
    EVENTS_RELAY: "external",
    MIGRATIONS_RUN: "false",
    LOG_LEVEL: "info",
    BENCH_DATABASE_URL: opts.url,
    BENCH_SUBJECT: SUBJECT,
  };
  // The gateway runs as in production: a 64 MB young generation (semi-space) cuts GC time on list pages.
  // With --cpu-prof the old build is profiled too (the bench names both pids), so the two profiles compare.
  const execArgv = [
    "--max-semi-space-size=64",
    ...opts.gatewayNodeArgs,
    ...(opts.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${join(opts.outDir, "profiles")}`] : []),
  ];
  // The old build first (building it may take minutes), then the servers, so none idles long before the run.
  const old = opts.baseline ? prepareBaseline(opts.baseline, say) : undefined;
  const gatewayScript = join(__dirname, "servers", "gateway-server.js");
  const gateway = await startChild("gateway", gatewayScript, env, logDir, execArgv);
  const floor = await startChild("floor", join(__dirname, "servers", "floor-server.js"), env, logDir);
  const baseline = old
    ? await startChild(
        "gateway-baseline",
        gatewayScript,
        { ...env, BENCH_GATEWAY_ENTRY: old.gatewayEntry },
        logDir,
        execArgv,
      )
    : undefined;
  // The federated topology (--federated) on the same database, with the gateway's flags.
  // Beside it, the raw floor of one extra hop (a plain proxy in front of the monolith).
  let federation: FederatedTopology | undefined;
  let hopFloor: Child | undefined;
  try {
    federation = opts.federated ? await startFederatedTopology(env, logDir, execArgv) : undefined;
    hopFloor = opts.federated
      ? await startChild(
          "hop-floor",
          join(__dirname, "servers", "hop-floor-server.js"),
          {
            ...env,
            BENCH_HOP_TARGET: gateway.url,
          },
          logDir,
          execArgv,
        )
      : undefined;
  } catch (e) {
    await Promise.all([gateway.stop(), floor.stop(), baseline?.stop(), federation?.stop()]);
    throw e;
  }
  if (federation)
    say(
      `federated gateway ${federation.gateway.url} (pid ${federation.gateway.pid}), subgraphs ${federation.subgraphs.map((s) => `${s.name} pid ${s.pid}`).join(", ")}`,
    );
  const rssStart = { gateway: rssMb(gateway.pid), floor: rssMb(floor.pid) };
  say(
    `gateway ${gateway.url} (pid ${gateway.pid}), floor ${floor.url} (pid ${floor.pid})${baseline ? `, old build ${old!.commit.slice(0, 7)} ${baseline.url} (pid ${baseline.pid})` : ""}; ${ops.length} operations`,
  );

  const tokens = new Map<string, string>();
  const tokenFor = async (scopes: string[]) => {
    const key = scopes.join(" ");
    if (!tokens.has(key)) tokens.set(key, await signDevelopmentToken(secret, { sub: SUBJECT, scopes }, "12h"));
    return tokens.get(key)!;
  };

  const results: OperationResult[] = [];
  const growth: GrowthResult[] = [];
  const federated: FederatedResult[] = [];
  const loadAverage = { start: loadavg()[0] };
  try {
    for (const [i, op] of ops.entries()) {
      const started = Date.now();
      const r = await measureOperation(op, i, opts, gateway, floor, baseline, await tokenFor(op.scopes));
      results.push(r);
      if (r.error) say(`✗ ${op.name}: ${r.error}`);
      else
        say(
          `✓ ${op.name.padEnd(44)} CPU/req gateway ${r.gateway!.cpuMsPerRequest} ms, floor ${r.floor!.cpuMsPerRequest} ms: ${r.ratio!.cpu.toFixed(2)}× · ${r.ratio!.throughput.toFixed(2)}× req/s · p50 ${r.gateway!.p50.toFixed(2)} / ${r.floor!.p50.toFixed(2)} ms${r.vsBaseline ? ` · new÷old CPU ${r.vsBaseline.cpu.toFixed(2)}×` : r.baselineNote ? ` · old build ${r.baselineNote.slice(0, 60)}` : ""} · ${r.statements!.gateway} stmts (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
    }
    for (const [i, plan] of growthPlans.entries()) {
      const op = ops.find((o) => o.name === plan.operation);
      const full = results.find((r) => r.name === plan.operation);
      if (!op || !full?.gateway) continue;
      const body = JSON.stringify({ query: op.query, variables: plan.variables });
      const gw = {
        url: `${gateway.url}/graphql`,
        headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(op.scopes)}` },
      };
      const fl = { url: `${floor.url}/floor/${op.name}`, headers: { "content-type": "application/json" } };
      const [g, f] = await sequential([gw, fl], body, 15, 8_000, `bench-growth-${i}`);
      const p50 = round(
        percentile(
          [...g].sort((a, b) => a - b),
          50,
        ),
        2,
      );
      growth.push({
        operation: plan.operation,
        points: [
          {
            share: plan.share,
            rows: plan.rows,
            gatewayP50: p50,
            floorP50: round(
              percentile(
                [...f].sort((a, b) => a - b),
                50,
              ),
              2,
            ),
          },
          { share: "whole period", rows: op.rows ?? 0, gatewayP50: full.gateway.p50, floorP50: full.floor!.p50 },
        ],
      });
      say(`growth ${plan.operation}: ${plan.rows} rows ${p50} ms → ${op.rows} rows ${full.gateway.p50} ms`);
    }
    if (federation) {
      const fedOps: FederatedOperation[] = [...ops.map(asFederatedOperation), crossDomainOperation()];
      for (const [i, op] of fedOps.entries()) {
        const r = await measureFederated(op, i, gateway, federation, await tokenFor(op.scopes), opts, hopFloor);
        federated.push(r);
        if (r.error || !r.ratio) say(`✗ federated ${op.name}: ${r.error}`);
        else
          say(
            `✓ federated ${op.name.padEnd(44)} CPU/req ${r.federated!.cpuMsPerRequest} ms (gateway ${r.federated!.gatewayCpuMsPerRequest}) vs monolith ${r.monolith!.cpuMsPerRequest} ms: ${r.ratio.cpu.toFixed(2)}× (gateway alone ${r.ratio.gatewayCpu.toFixed(2)}×; raw hop floor ${r.hop?.ratio.toFixed(2) ?? "–"}×, monolith behind it ${r.hop?.behind.toFixed(2) ?? "–"}×)`,
          );
      }
    }
  } finally {
    await Promise.all([gateway.stop(), floor.stop(), baseline?.stop(), federation?.stop(), hopFloor?.stop()]);
  }
  // After the read benchmark, with its servers stopped: the events part starts its own.
  const events = opts.events ? await runEventsBench(modules, eventOpts, say) : undefined;

  const run: RunResult = {
    date: new Date().toISOString(),
    machine: await machine(opts.url),
    scale: opts.scale,
    sizes,
    seed,
    baseline: old ? { ref: old.ref, commit: old.commit } : undefined,
    loadAverage: { start: round(loadAverage.start, 1), end: round(loadavg()[0], 1) },
    settings: {
      rounds: opts.rounds,
      duration: opts.duration,
      connections: opts.connections,
      requests: opts.requests,
      gatewayNodeArgs: opts.gatewayNodeArgs,
    },
    unbenchedModules: unbenched,
    rss: {
      gatewayStartMb: rssStart.gateway,
      floorStartMb: rssStart.floor,
      gatewayPeakMb: Math.max(0, ...results.map((r) => r.gateway?.rssPeakMb ?? 0)),
    },
    operations: results,
    growth,
    events,
    federated: federation ? federated : undefined,
  };
  const files = writeReport(opts.outDir, opts.label, run);
  say(`results: ${files.join(", ")}`);
  if (results.some((r) => r.error) || events?.errors.length || federated.some((r) => r.error)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});

/** A body with its cursor values blanked: the old build's offset cursors are not the new keyset ones. */
function withoutCursors(body: string): string {
  return body.replace(/"(endCursor|startCursor|cursor)":"[^"]*"/g, '"$1":""');
}
