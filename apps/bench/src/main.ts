#!/usr/bin/env node
/**
 * pnpm bench: seeds MariaDB (apps/bench/README.md), starts the gateway and the raw mysql2
 * floor as two child processes, checks that both return the same bytes for each operation,
 * then measures them interleaved and writes results/latest.md and results/latest.json.
 */
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
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
import { startChild, type Child } from "./measure/servers";
import { parseOptions, type Options } from "./options";
import { writeEventsReport, writeReport, type GrowthResult, type OperationResult, type RunResult, type ServerNumbers } from "./report";
import { ensureSeeded } from "./seed/seed";
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

async function waitForLog(logFile: string, requestId: string): Promise<number | null> {
  for (let i = 0; i < 20; i++) {
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

async function sequential(targets: [Target, Target], body: string, requests: number, budgetMs: number, tag: string): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  const started = Date.now();
  for (let k = 0; k < requests; k++) {
    // Alternate which server goes first, so neither always follows the other.
    const order = k % 2 === 0 ? [0, 1] : [1, 0];
    for (const s of order) {
      const r = await post(targets[s].url, body, { ...targets[s].headers, "x-request-id": `${tag}-s${k}` });
      if (r.status !== 200) throw new Error(`${tag}: HTTP ${r.status} ${r.body.slice(0, 300)}`);
      times[s].push(r.ms);
    }
    if (Date.now() - started > budgetMs && k >= 2) break;
  }
  return times;
}

function numbers(seq: number[], loads: LoadResult[], cpu: number, rssPeak?: number): ServerNumbers {
  const sorted = [...seq].sort((a, b) => a - b);
  const requests = loads.reduce((s, l) => s + l.requests, 0);
  const seconds = loads.reduce((s, l) => s + l.seconds, 0) || NaN;
  return {
    p50: round(percentile(sorted, 50), 3),
    p99: round(percentile(sorted, 99), 3),
    samples: seq.length,
    rps: round(requests / seconds, 1),
    loadP50: round(percentile(loads.map((l) => l.p50).sort((a, b) => a - b), 50), 1),
    loadP99: round(Math.max(...loads.map((l) => l.p99)), 1),
    errors: loads.reduce((s, l) => s + l.errors, 0),
    cpuMsPerRequest: round(cpu / requests, 3),
    rssPeakMb: rssPeak,
  };
}

async function measureOperation(op: BenchOperation, index: number, opts: Options, gateway: Child, floor: Child, token: string): Promise<OperationResult> {
  const body = JSON.stringify({ query: op.query, variables: op.variables });
  const gw: Target = { url: `${gateway.url}/graphql`, headers: { "content-type": "application/json", authorization: `Bearer ${token}` } };
  const fl: Target = { url: `${floor.url}/floor/${op.name}`, headers: { "content-type": "application/json" } };
  const tag = `bench-${index}`;
  const result: OperationResult = { name: op.name, domain: op.domain, kind: op.kind, description: op.description, rows: op.rows, identical: false, bytes: 0 };

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
  result.statements = { gateway: await waitForLog(gateway.logFile, `${tag}-check`), floor: Number(f.headers["x-statements"]) };

  // 2. Statements per request at another page size (they must not grow with the page).
  if (typeof op.variables.first === "number") {
    const small = JSON.stringify({ query: op.query, variables: op.smallPageVariables ?? { ...op.variables, first: 10 } });
    await post(gw.url, small, { ...gw.headers, "x-request-id": `${tag}-first10` });
    result.statementsFirst10 = await waitForLog(gateway.logFile, `${tag}-first10`);
  }

  // 3. Warm-up (JIT, pools, caches) for both.
  if (op.kind !== "stats") {
    await load(gw.url, body, { ...gw.headers, "x-request-id": `${tag}-warm` }, opts.connections, 1);
    await load(fl.url, body, fl.headers, opts.connections, 1);
  }

  // 4. Latency one request at a time, gateway and floor interleaved request by request.
  const [seqG, seqF] = await sequential([gw, fl], body, opts.requests, op.kind === "stats" ? 8_000 : 6_000, tag);

  // 5. Throughput under concurrent load, in alternating rounds (G F, F G, …) to cancel drift.
  //    Statistics run seconds each at full scale: two connections are enough to load MariaDB.
  const connections = op.kind === "stats" ? Math.min(2, opts.connections) : opts.connections;
  const loadsG: LoadResult[] = [];
  const loadsF: LoadResult[] = [];
  let peak = 0;
  let cpuG = 0;
  let cpuF = 0;
  // A statistics query slower than a second is measured one at a time only (load would just queue it in MariaDB).
  const rounds = op.kind === "stats" && percentile([...seqG].sort((a, b) => a - b), 50) > 1000 ? 0 : opts.rounds;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ["g", "f"] : ["f", "g"];
    for (const s of order) {
      if (s === "g") {
        const stop = sampleRss(gateway.pid);
        const before = cpuMs(gateway.pid);
        loadsG.push(await load(gw.url, body, { ...gw.headers, "x-request-id": `${tag}-load` }, connections, opts.duration));
        cpuG += cpuMs(gateway.pid) - before;
        peak = Math.max(peak, stop());
      } else {
        const before = cpuMs(floor.pid);
        loadsF.push(await load(fl.url, body, fl.headers, connections, opts.duration));
        cpuF += cpuMs(floor.pid) - before;
      }
    }
  }
  result.gateway = numbers(seqG, loadsG, cpuG, peak);
  result.floor = numbers(seqF, loadsF, cpuF);
  result.ratio = {
    throughput: round(result.floor.rps / result.gateway.rps, 2),
    throughputRounds: loadsG.map((g, i) => round(loadsF[i].requests / loadsF[i].seconds / (g.requests / g.seconds), 2)),
    p50: round(result.gateway.p50 / result.floor.p50, 2),
    cpu: round(result.gateway.cpuMsPerRequest / result.floor.cpuMsPerRequest, 2),
  };
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
    say(`results: ${writeEventsReport(opts.outDir, opts.label, { date: new Date().toISOString(), machine: await machine(opts.url), events }).join(", ")}`);
    if (events.errors.length) process.exitCode = 1;
    return;
  }
  const registered = modules.map((m) => m.name);
  const domains = DOMAINS.filter((d) => registered.includes(d.module));
  const unbenched = registered.filter((m) => m !== "core" && m !== "cross-domain" && !DOMAINS.some((d) => d.module === m));
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
  if (opts.only.length) ops = ops.filter((o) => opts.only.some((s) => o.name.includes(s)));

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
    MIGRATIONS_RUN: "false",
    LOG_LEVEL: "info",
    BENCH_DATABASE_URL: opts.url,
    BENCH_SUBJECT: SUBJECT,
  };
  // The gateway runs as in production: a 64 MB young generation (semi-space) cuts GC time on list pages.
  const execArgv = ["--max-semi-space-size=64", ...opts.gatewayNodeArgs, ...(opts.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${join(opts.outDir, "profiles")}`] : [])];
  const gateway = await startChild("gateway", join(__dirname, "servers", "gateway-server.js"), env, logDir, execArgv);
  const floor = await startChild("floor", join(__dirname, "servers", "floor-server.js"), env, logDir);
  const rssStart = { gateway: rssMb(gateway.pid), floor: rssMb(floor.pid) };
  say(`gateway ${gateway.url} (pid ${gateway.pid}), floor ${floor.url} (pid ${floor.pid}); ${ops.length} operations`);

  const tokens = new Map<string, string>();
  const tokenFor = async (scopes: string[]) => {
    const key = scopes.join(" ");
    if (!tokens.has(key)) tokens.set(key, await signDevelopmentToken(secret, { sub: SUBJECT, scopes }, "12h"));
    return tokens.get(key)!;
  };

  const results: OperationResult[] = [];
  const growth: GrowthResult[] = [];
  try {
    for (const [i, op] of ops.entries()) {
      const started = Date.now();
      const r = await measureOperation(op, i, opts, gateway, floor, await tokenFor(op.scopes));
      results.push(r);
      if (r.error) say(`✗ ${op.name}: ${r.error}`);
      else
        say(
          `✓ ${op.name.padEnd(44)} gateway p50 ${r.gateway!.p50.toFixed(2)} ms ${r.gateway!.rps.toFixed(0)} req/s · floor p50 ${r.floor!.p50.toFixed(2)} ms ${r.floor!.rps.toFixed(0)} req/s · ${r.ratio!.throughput.toFixed(2)}× req/s, ${r.ratio!.cpu.toFixed(2)}× cpu (${r.gateway!.cpuMsPerRequest} vs ${r.floor!.cpuMsPerRequest} ms) · ${r.statements!.gateway} stmts (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
    }
    for (const [i, plan] of growthPlans.entries()) {
      const op = ops.find((o) => o.name === plan.operation);
      const full = results.find((r) => r.name === plan.operation);
      if (!op || !full?.gateway) continue;
      const body = JSON.stringify({ query: op.query, variables: plan.variables });
      const gw = { url: `${gateway.url}/graphql`, headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(op.scopes)}` } };
      const fl = { url: `${floor.url}/floor/${op.name}`, headers: { "content-type": "application/json" } };
      const [g, f] = await sequential([gw, fl], body, 15, 8_000, `bench-growth-${i}`);
      const p50 = round(percentile([...g].sort((a, b) => a - b), 50), 2);
      growth.push({
        operation: plan.operation,
        points: [
          { share: plan.share, rows: plan.rows, gatewayP50: p50, floorP50: round(percentile([...f].sort((a, b) => a - b), 50), 2) },
          { share: "whole period", rows: op.rows ?? 0, gatewayP50: full.gateway.p50, floorP50: full.floor!.p50 },
        ],
      });
      say(`growth ${plan.operation}: ${plan.rows} rows ${p50} ms → ${op.rows} rows ${full.gateway.p50} ms`);
    }
  } finally {
    await Promise.all([gateway.stop(), floor.stop()]);
  }
  // After the read benchmark, with its servers stopped: the events part starts its own.
  const events = opts.events ? await runEventsBench(modules, eventOpts, say) : undefined;

  const run: RunResult = {
    date: new Date().toISOString(),
    machine: await machine(opts.url),
    scale: opts.scale,
    sizes,
    seed,
    settings: { rounds: opts.rounds, duration: opts.duration, connections: opts.connections, requests: opts.requests, gatewayNodeArgs: opts.gatewayNodeArgs },
    unbenchedModules: unbenched,
    rss: { gatewayStartMb: rssStart.gateway, floorStartMb: rssStart.floor, gatewayPeakMb: Math.max(0, ...results.map((r) => r.gateway?.rssPeakMb ?? 0)) },
    operations: results,
    growth,
    events,
  };
  const files = writeReport(opts.outDir, opts.label, run);
  say(`results: ${files.join(", ")}`);
  if (results.some((r) => r.error) || events?.errors.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
