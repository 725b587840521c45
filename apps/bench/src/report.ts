import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Machine } from "./machine";
import type { OperationKind } from "./domains/types";
import type { SeedInfo } from "./seed/seed";
import { renderEventsMarkdown, type EventsResult } from "./events";

export interface ServerNumbers {
  /** Sequential latency (one request at a time), ms. */
  p50: number;
  p99: number;
  samples: number;
  /** Throughput under concurrent load. */
  rps: number;
  /** autocannon latency under load (whole ms). */
  loadP50: number;
  loadP99: number;
  errors: number;
  /** CPU time of the server process per request under load (user + system). */
  cpuMsPerRequest: number;
  rssPeakMb?: number;
}

export interface OperationResult {
  name: string;
  domain: string;
  kind: OperationKind;
  description: string;
  rows?: number;
  identical: boolean;
  bytes: number;
  error?: string;
  statements?: { gateway: number | null; floor: number };
  statementsFirst10?: number | null;
  gateway?: ServerNumbers;
  floor?: ServerNumbers;
  /**
   * Gateway cost over the floor's: floor req/s ÷ gateway req/s, gateway p50 ÷ floor p50, CPU per
   * request; throughputRounds: the req/s quotient of each load round pair (their spread is the noise).
   */
  ratio?: { throughput: number; p50: number; cpu: number; throughputRounds?: number[] };
}

export interface GrowthResult {
  operation: string;
  points: { share: string; rows: number; gatewayP50: number; floorP50: number }[];
}

export interface RunResult {
  date: string;
  machine: Machine;
  scale: string;
  sizes: Record<string, Record<string, number>>;
  seed: SeedInfo;
  settings: { rounds: number; duration: number; connections: number; requests: number; gatewayNodeArgs: string[] };
  unbenchedModules: string[];
  rss: { gatewayStartMb: number; floorStartMb: number; gatewayPeakMb: number };
  operations: OperationResult[];
  growth: GrowthResult[];
  /** The events part (src/events); absent with --no-events. */
  events?: EventsResult;
}

const n = (x: number | undefined | null, d = 0) => (x === undefined || x === null || Number.isNaN(x) ? "–" : x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));

interface Verdict {
  target: string;
  operation: string;
  value: string;
  met: boolean;
}

export function verdicts(run: RunResult): Verdict[] {
  const out: Verdict[] = [];
  const ok = run.operations.filter((o) => o.ratio);
  for (const o of ok) {
    if (o.kind === "flat") out.push({ target: "flat page ≤ 1.5× floor", operation: o.name, value: `${o.ratio!.throughput}×`, met: o.ratio!.throughput <= 1.5 });
    if (o.kind === "nested") out.push({ target: "one nested level ≤ 2× floor", operation: o.name, value: `${o.ratio!.throughput}×`, met: o.ratio!.throughput <= 2 });
    if (o.kind === "deep") {
      const base = o.name.replace(/\.deep$/, "");
      const flat = ok.find((x) => x.name === `${base}.flat`);
      const nested = ok.find((x) => x.name === `${base}.nested`);
      if (flat && nested) out.push(linearityVerdict(flat, nested, o));
    }
    if (o.statementsFirst10 !== undefined && o.statements) {
      out.push({
        // A page of 100 may need fewer batches than a page of 10 (the per-request loaders already hold
        // a second level's keys), never more: one statement per row would show as 100 against 10.
        target: "constant SQL statements whatever the page size (first 100 ≤ first 10)",
        operation: o.name,
        value: `${o.statementsFirst10} (first 10) / ${o.statements.gateway} (first 100)`,
        met: o.statements.gateway !== null && o.statementsFirst10 !== null && o.statements.gateway <= o.statementsFirst10,
      });
    }
    if (o.kind === "stats") {
      out.push({
        target: `statistics < 1 s (${run.scale} scale${run.scale === "full" ? "" : "; the target applies to full scale"})`,
        operation: o.name,
        value: `p50 ${n(o.gateway!.p50, 1)} ms, p99 ${n(o.gateway!.p99, 1)} ms`,
        met: o.gateway!.p99 < 1000,
      });
    }
  }
  for (const g of run.growth) {
    const [a, b] = g.points;
    if (!a || !b || !a.rows || !b.rows) continue;
    const perRowA = a.gatewayP50 / a.rows;
    const perRowB = b.gatewayP50 / b.rows;
    out.push({
      target: "statistics grow linearly (ms per row stays within 1.5×)",
      operation: g.operation,
      value: `${n(a.rows)} rows ${n(a.gatewayP50, 1)} ms → ${n(b.rows)} rows ${n(b.gatewayP50, 1)} ms`,
      met: perRowB <= perRowA * 1.5,
    });
  }
  return out;
}

/**
 * Two levels no worse than linear: the deep page's ratio against the straight line through flat
 * and nested (nested + (nested − flat), never below nested). The three ratios are each measured
 * with noise, and the line extrapolates the difference of two of them, so the check allows the
 * measured noise: it fails when the deep ratio lies above the line by more than two standard
 * errors (from the spread of each operation's load rounds), i.e. when the growth is superlinear
 * beyond what the run can tell apart from chance.
 */
function linearityVerdict(flat: OperationResult, nested: OperationResult, deep: OperationResult): Verdict {
  const [f, n, d] = [flat, nested, deep].map((o) => o.ratio!.throughput);
  const rising = n >= f;
  const limit = rising ? 2 * n - f : n;
  const [sf, sn, sd] = [flat, nested, deep].map((o) => standardError(o.ratio!.throughputRounds));
  const noise = 2 * Math.sqrt(sd ** 2 + (rising ? 4 * sn ** 2 + sf ** 2 : sn ** 2));
  const target = "two levels: no worse than linear (≤ nested + (nested − flat), within 2 standard errors)";
  if (!Number.isFinite(noise)) return { target, operation: deep.name, value: `${d}× (limit ${round2(limit)}×)`, met: d <= limit };
  return { target, operation: deep.name, value: `${d}× (limit ${round2(limit)}× + ${round2(noise)} noise)`, met: d <= limit + noise };
}

/** Standard error of the mean of per-round values; NaN with fewer than two rounds. */
function standardError(values: number[] | undefined): number {
  if (!values || values.length < 2) return NaN;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance / values.length);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function crossScale(outDir: string): { scale: string; date: string; operation: string; rows: number; p50: number; p99: number }[] {
  const rows: { scale: string; date: string; operation: string; rows: number; p50: number; p99: number }[] = [];
  for (const f of readdirSync(outDir).filter((x) => /^scale-\w+\.json$/.test(x))) {
    try {
      const run = JSON.parse(readFileSync(join(outDir, f), "utf8")) as RunResult;
      for (const o of run.operations) if (o.kind === "stats" && o.gateway) rows.push({ scale: run.scale, date: run.date.slice(0, 10), operation: o.name, rows: o.rows ?? 0, p50: o.gateway.p50, p99: o.gateway.p99 });
    } catch {
      /* ignore unreadable files */
    }
  }
  return rows.sort((a, b) => a.operation.localeCompare(b.operation) || a.rows - b.rows);
}

export function renderMarkdown(run: RunResult, outDir: string): string {
  const m = run.machine;
  const L: string[] = [];
  L.push(`# Benchmark results — gateway vs raw-SQL floor`, "");
  L.push(`Run ${run.date} · scale **${run.scale}** · generated by \`pnpm bench\` (apps/bench). Do not edit by hand.`, "");
  L.push(`| machine | |`, `|---|---|`);
  L.push(`| CPU | ${m.cpu} × ${m.cores} cores |`, `| memory | ${m.memoryGb} GB |`, `| OS | ${m.os} |`, `| Node | ${m.node} |`, `| database | ${m.database} (same host, TCP loopback) |`);
  L.push(
    `| settings | ${run.settings.requests} sequential requests per server and operation (p50/p99); load: autocannon, ${run.settings.connections} connections, ${run.settings.rounds} alternating rounds × ${run.settings.duration} s per server |`,
    "",
  );
  L.push(`Data (seeded ${run.seed.seededAt.slice(0, 16)}Z in ${run.seed.seconds} s, ending ${run.seed.endDate}):`, "");
  L.push(`| table | rows |`, `|---|---:|`);
  const empty: string[] = [];
  for (const [t, c] of Object.entries(run.seed.rows)) {
    if (c > 0) L.push(`| ${t} | ${n(c)} |`);
    else empty.push(t);
  }
  L.push("");
  if (empty.length) L.push(`Empty (${empty.length} tables of modules not seeded yet): ${empty.join(", ")}.`, "");
  if (run.unbenchedModules.length) L.push(`Registered modules without a benchmark yet: ${run.unbenchedModules.join(", ")}.`, "");

  L.push(`## Gateway vs floor`, "");
  L.push(
    "Latency: one request at a time, gateway and floor alternating request by request. Throughput: requests/s under load. " +
      "**× floor** = floor req/s ÷ gateway req/s (the headline; CPU cost per request) and gateway p50 ÷ floor p50. " +
      "Statements: SQL statements per request, gateway (from its request log) / floor; in brackets the gateway at `first: 10`. " +
      "For statistics the database does the work: compare p50 (req/s under load there mostly measures MariaDB contention).",
    "",
  );
  L.push(`| operation | kind | rows | gateway p50 / p99 ms | gateway req/s | floor p50 / p99 ms | floor req/s | × floor (req/s) | × floor (p50) | × floor (CPU ms/req) | statements | bytes |`);
  L.push(`|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const o of run.operations) {
    if (!o.gateway || !o.floor || !o.ratio) {
      L.push(`| ${o.name} | ${o.kind} | ${n(o.rows)} | **failed**: ${(o.error ?? "").replace(/\|/g, "\\|").slice(0, 300)} | | | | | | | | |`);
      continue;
    }
    const st = `${o.statements?.gateway ?? "?"} / ${o.statements?.floor ?? "?"}${o.statementsFirst10 !== undefined ? ` (${o.statementsFirst10})` : ""}`;
    L.push(
      `| ${o.name} | ${o.kind} | ${n(o.rows)} | ${n(o.gateway.p50, 2)} / ${n(o.gateway.p99, 2)} | ${n(o.gateway.rps)} | ${n(o.floor.p50, 2)} / ${n(o.floor.p99, 2)} | ${n(o.floor.rps)} | **${n(o.ratio.throughput, 2)}×** | ${n(o.ratio.p50, 2)}× | ${n(o.ratio.cpu, 2)}× (${n(o.gateway.cpuMsPerRequest, 2)} / ${n(o.floor.cpuMsPerRequest, 2)}) | ${st} | ${n(o.bytes)} |`,
    );
  }
  L.push("");
  L.push(`Every row above was checked byte-identical (gateway body === floor body) before it was measured.`, "");
  L.push(`Gateway memory (RSS): ${n(run.rss.gatewayStartMb)} MB after start, peak ${n(run.rss.gatewayPeakMb)} MB under load; floor ${n(run.rss.floorStartMb)} MB after start.`, "");

  L.push(`## Targets`, "");
  L.push(`| target | operation | value | |`, `|---|---|---|---|`);
  for (const v of verdicts(run)) L.push(`| ${v.target} | ${v.operation} | ${v.value} | ${v.met ? "met" : "**missed**"} |`);
  L.push("");

  if (run.growth.length) {
    L.push(`## Statistics: growth with the data`, "", `Same statistics query over part of the period and over all of it (gateway p50, sequential).`, "");
    L.push(`| operation | period | rows | gateway p50 ms | floor p50 ms | gateway µs per 1 000 rows |`, `|---|---|---:|---:|---:|---:|`);
    for (const g of run.growth) for (const p of g.points) L.push(`| ${g.operation} | ${p.share} | ${n(p.rows)} | ${n(p.gatewayP50, 1)} | ${n(p.floorP50, 1)} | ${p.rows ? n((p.gatewayP50 * 1e6) / p.rows / 1000, 1) : "–"} |`);
    L.push("");
  }
  const scales = crossScale(outDir);
  if (scales.length) {
    L.push(`Across seeded sizes (from \`results/scale-*.json\`, the latest run of each scale):`, "");
    L.push(`| operation | scale | run | rows | gateway p50 ms | p99 ms | µs per 1 000 rows |`, `|---|---|---|---:|---:|---:|---:|`);
    for (const s of scales) L.push(`| ${s.operation} | ${s.scale} | ${s.date} | ${n(s.rows)} | ${n(s.p50, 1)} | ${n(s.p99, 1)} | ${s.rows ? n((s.p50 * 1e6) / s.rows / 1000, 1) : "–"} |`);
    L.push("");
  }
  if (run.events) L.push(renderEventsMarkdown(run.events));
  return L.join("\n");
}

/** `--events-only`: the events section alone (never over latest.*, see options.ts). */
export function writeEventsReport(outDir: string, label: string, run: { date: string; machine: Machine; events: EventsResult }): string[] {
  mkdirSync(outDir, { recursive: true });
  const m = run.machine;
  const md = [`# Benchmark results — events only`, "", `Run ${run.date} · generated by \`pnpm bench -- --events-only\`. ${m.cpu} × ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.database}.`, "", renderEventsMarkdown(run.events)];
  writeFileSync(join(outDir, `${label}.json`), JSON.stringify(run, null, 2) + "\n");
  writeFileSync(join(outDir, `${label}.md`), md.join("\n") + "\n");
  return [join(outDir, `${label}.json`), join(outDir, `${label}.md`)];
}

export function writeReport(outDir: string, label: string, run: RunResult): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const json = JSON.stringify(run, null, 2) + "\n";
  if (label === "latest") {
    writeFileSync(join(outDir, `scale-${run.scale}.json`), json);
    files.push(join(outDir, `scale-${run.scale}.json`));
  }
  writeFileSync(join(outDir, `${label}.json`), json);
  writeFileSync(join(outDir, `${label}.md`), renderMarkdown(run, outDir) + "\n");
  files.push(join(outDir, `${label}.json`), join(outDir, `${label}.md`));
  return files;
}
