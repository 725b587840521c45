import { renderFederatedMarkdown } from "./federated/report";
import type { FederatedResult } from "./federated/types";
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

/** The classes of the issue's CPU targets (statistics have their own: < 1 s, linear growth). */
export type OperationClass = "single record" | "flat page" | "one nested level" | "deeper nesting" | "statistics";

export function operationClass(kind: OperationKind): OperationClass {
  return (
    {
      single: "single record",
      flat: "flat page",
      nested: "one nested level",
      deep: "deeper nesting",
      stats: "statistics",
    } as const
  )[kind];
}

/** Gateway CPU per request ÷ floor CPU per request allowed per class (deeper nesting: linear, see linearityVerdict). */
export const CPU_TARGETS: Partial<Record<OperationClass, number>> = {
  "flat page": 1.3,
  "one nested level": 1.5,
  "single record": 2,
};

export interface OperationResult {
  name: string;
  domain: string;
  kind: OperationKind;
  class?: OperationClass;
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
   * Gateway cost over the floor's: CPU per request (the headline), floor req/s ÷ gateway req/s,
   * gateway p50 ÷ floor p50; cpuRounds / throughputRounds: the quotient of each load round pair
   * (their spread is the noise).
   */
  ratio?: { cpu: number; throughput: number; p50: number; cpuRounds?: number[]; throughputRounds?: number[] };
  /** The old build (--baseline), measured in the same rounds; absent when not run or not comparable. */
  baseline?: ServerNumbers;
  /** New over old: CPU per request, old req/s ÷ new req/s, p50; cpuRounds per round. */
  vsBaseline?: { cpu: number; throughput: number; p50: number; cpuRounds?: number[] };
  /** Why the old build was not compared (its answer differs or failed). */
  baselineNote?: string;
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
  /** The machine's 1-minute load average when the measuring started and ended (2 cores: above 2, runs queue). */
  loadAverage?: { start: number; end: number };
  /** The old build measured beside the new one (--baseline). */
  baseline?: { ref: string; commit: string };
  settings: { rounds: number; duration: number; connections: number; requests: number; gatewayNodeArgs: string[] };
  unbenchedModules: string[];
  rss: { gatewayStartMb: number; floorStartMb: number; gatewayPeakMb: number };
  operations: OperationResult[];
  growth: GrowthResult[];
  /** The events part (src/events); absent with --no-events. */
  events?: EventsResult;
  /** The federated topology beside the monolith (--federated). */
  federated?: FederatedResult[];
}

const n = (x: number | undefined | null, d = 0) =>
  x === undefined || x === null || Number.isNaN(x)
    ? "–"
    : x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

export interface Verdict {
  target: string;
  operation: string;
  value: string;
  met: boolean;
}

export function verdicts(run: RunResult): Verdict[] {
  const out: Verdict[] = [];
  const ok = run.operations.filter((o) => o.ratio);
  for (const o of ok) {
    const cpu = cpuVerdict(o, ok);
    if (cpu) out.push(cpu);
    if (run.baseline && o.vsBaseline) out.push(baselineVerdict(o, run.baseline.commit));
    if (o.statementsFirst10 !== undefined && o.statements) {
      out.push({
        // A page of 100 may need fewer batches than a page of 10 (the per-request loaders already hold
        // a second level's keys), never more: one statement per row would show as 100 against 10.
        target: "constant SQL statements whatever the page size (first 100 ≤ first 10)",
        operation: o.name,
        value: `${o.statementsFirst10} (first 10) / ${o.statements.gateway} (first 100)`,
        met:
          o.statements.gateway !== null && o.statementsFirst10 !== null && o.statements.gateway <= o.statementsFirst10,
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

/** The operation's CPU target verdict: gateway CPU per request ÷ the floor's, against its class's limit. */
export function cpuVerdict(o: OperationResult, all: OperationResult[]): Verdict | undefined {
  const cls = o.class ?? operationClass(o.kind);
  if (!Number.isFinite(o.ratio?.cpu)) return undefined; // not measured under load (JSON keeps NaN as null)
  const limit = CPU_TARGETS[cls];
  if (limit !== undefined)
    return {
      target: `${cls} ≤ ${limit}× floor CPU/req`,
      operation: o.name,
      value: `${o.ratio!.cpu}×`,
      met: o.ratio!.cpu <= limit,
    };
  if (cls !== "deeper nesting") return undefined;
  const base = o.name.replace(/\.deep$/, "");
  const flat = all.find((x) => x.name === `${base}.flat` && x.ratio);
  const nested = all.find((x) => x.name === `${base}.nested` && x.ratio);
  return flat && nested ? linearityVerdict(flat, nested, o) : undefined;
}

/**
 * Two levels no worse than linear: the deep page's CPU ratio against the straight line through
 * flat and nested (nested + (nested − flat), never below nested). The three ratios are each
 * measured with noise, and the line extrapolates the difference of two of them, so the check
 * allows the measured noise: it fails when the deep ratio lies above the line by more than two
 * standard errors (from the spread of each operation's load rounds), i.e. when the growth is
 * superlinear beyond what the run can tell apart from chance.
 */
function linearityVerdict(flat: OperationResult, nested: OperationResult, deep: OperationResult): Verdict {
  const [f, n, d] = [flat, nested, deep].map((o) => o.ratio!.cpu);
  const rising = n >= f;
  const limit = rising ? 2 * n - f : n;
  const [sf, sn, sd] = [flat, nested, deep].map((o) => standardError(o.ratio!.cpuRounds));
  const noise = 2 * Math.sqrt(sd ** 2 + (rising ? 4 * sn ** 2 + sf ** 2 : sn ** 2));
  const target =
    "two levels (deeper nesting): no worse than linear in depth (CPU/req ratio ≤ nested + (nested − flat), within 2 standard errors)";
  if (!Number.isFinite(noise))
    return { target, operation: deep.name, value: `${d}× (limit ${round2(limit)}×)`, met: d <= limit };
  return {
    target,
    operation: deep.name,
    value: `${d}× (limit ${round2(limit)}× + ${round2(noise)} noise)`,
    met: d <= limit + noise,
  };
}

/**
 * No slower than the old build: new ÷ old CPU per request, measured in the same rounds. Each
 * round pair gives a quotient; the operation is slower when the mean lies above 1 by more than
 * two standard errors of those quotients (less is what the run cannot tell from chance).
 */
export function baselineVerdict(o: OperationResult, commit: string): Verdict {
  const v = o.vsBaseline!;
  const noise = 2 * standardError(v.cpuRounds);
  const target = `no slower than at ${commit.slice(0, 7)} (new ÷ old CPU/req ≤ 1, within 2 standard errors)`;
  if (!Number.isFinite(noise)) return { target, operation: o.name, value: `${v.cpu}×`, met: v.cpu <= 1 };
  return { target, operation: o.name, value: `${v.cpu}× (+ ${round2(noise)} noise)`, met: v.cpu <= 1 + noise };
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

function crossScale(
  outDir: string,
): { scale: string; date: string; operation: string; rows: number; p50: number; p99: number }[] {
  const rows: { scale: string; date: string; operation: string; rows: number; p50: number; p99: number }[] = [];
  for (const f of readdirSync(outDir).filter((x) => /^scale-\w+\.json$/.test(x))) {
    try {
      const run = JSON.parse(readFileSync(join(outDir, f), "utf8")) as RunResult;
      for (const o of run.operations)
        if (o.kind === "stats" && o.gateway)
          rows.push({
            scale: run.scale,
            date: run.date.slice(0, 10),
            operation: o.name,
            rows: o.rows ?? 0,
            p50: o.gateway.p50,
            p99: o.gateway.p99,
          });
    } catch {
      /* ignore unreadable files */
    }
  }
  return rows.sort((a, b) => a.operation.localeCompare(b.operation) || a.rows - b.rows);
}

function headlineAcrossScales(
  outDir: string,
): { scale: string; date: string; operation: string; cls: string; cell: string }[] {
  const rows: { scale: string; date: string; operation: string; cls: string; cell: string }[] = [];
  for (const f of readdirSync(outDir).filter((x) => /^scale-\w+\.json$/.test(x))) {
    try {
      const run = JSON.parse(readFileSync(join(outDir, f), "utf8")) as RunResult;
      for (const o of run.operations) {
        if (!o.ratio?.cpu) continue;
        const v = cpuVerdict(o, run.operations);
        rows.push({
          scale: run.scale,
          date: run.date.slice(0, 10),
          operation: o.name,
          cls: o.class ?? operationClass(o.kind),
          cell: `${n(o.ratio.cpu, 2)}×${v ? (v.met ? " pass" : " **miss**") : ""}`,
        });
      }
    } catch {
      /* ignore unreadable files */
    }
  }
  return rows;
}

export function renderMarkdown(run: RunResult, outDir: string): string {
  const m = run.machine;
  const L: string[] = [];
  L.push(`# Benchmark results — gateway vs raw-SQL floor`, "");
  L.push(
    `Run ${run.date} · scale **${run.scale}** · generated by \`pnpm bench\` (apps/bench). Do not edit by hand.`,
    "",
  );
  L.push(`| machine | |`, `|---|---|`);
  if (run.loadAverage)
    L.push(
      `| load average (1 min) | ${run.loadAverage.start} at the start, ${run.loadAverage.end} at the end of the measuring |`,
    );
  L.push(
    `| CPU | ${m.cpu} × ${m.cores} cores |`,
    `| memory | ${m.memoryGb} GB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| database | ${m.database} (same host, TCP loopback) |`,
  );
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
  if (run.unbenchedModules.length)
    L.push(`Registered modules without a benchmark yet: ${run.unbenchedModules.join(", ")}.`, "");

  const all = verdicts(run);
  const missed = all.filter((v) => !v.met);
  L.push(
    `**Targets missed: ${missed.length} of ${all.length}**${missed.length ? ` — ${missed.map((v) => `${v.operation} (${v.target.split(" (")[0].split(":")[0]}: ${v.value})`).join("; ")}` : ""}.`,
    "",
  );

  L.push(`## Gateway vs floor: CPU per request`, "");
  L.push(
    "**Headline: the gateway's CPU per request ÷ the floor's**, each the CPU time (user + system, all threads, from `/proc/<pid>/stat`) " +
      "its process used during its load rounds (all its threads, from `/proc/<pid>/task/*/schedstat`) divided by the requests it served in them, measured in the same run. " +
      "Targets per class: flat page ≤ 1.3×, one nested level ≤ 1.5×, single record ≤ 2×, deeper nesting no worse than linear (see Targets). " +
      "Second column: floor req/s ÷ gateway req/s under load; then gateway p50 ÷ floor p50 (one request at a time, the servers alternating). " +
      "Statements: SQL statements per request, gateway (from its request log) / floor; in brackets the gateway at `first: 10`. " +
      "For statistics the database does the work: compare p50.",
    "",
  );
  const base = run.baseline;
  L.push(
    `| operation | class | rows | gateway CPU ms/req | floor CPU ms/req | **× floor CPU/req** | target | | × floor (req/s) | × floor (p50) | gateway p50 / p99 ms | gateway req/s | floor req/s | statements | bytes |${base ? ` new ÷ ${base.commit.slice(0, 7)} CPU/req |` : ""}`,
  );
  L.push(`|---|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|${base ? "---:|" : ""}`);
  for (const o of run.operations) {
    const cls = o.class ?? operationClass(o.kind);
    if (!o.gateway || !o.floor || !o.ratio) {
      L.push(
        `| ${o.name} | ${cls} | ${n(o.rows)} | **failed**: ${(o.error ?? "").replace(/\|/g, "\\|").slice(0, 300)} | | | | | | | | | | | |${base ? " |" : ""}`,
      );
      continue;
    }
    const v = cpuVerdict(o, run.operations);
    const target = v
      ? CPU_TARGETS[cls] !== undefined
        ? `≤ ${CPU_TARGETS[cls]}×`
        : `≤ ${v.value.replace(/^[\d.]+× \(limit /, "").replace(/\)$/, "")}`
      : cls === "statistics"
        ? "(< 1 s)"
        : "–";
    const st = `${o.statements?.gateway ?? "?"} / ${o.statements?.floor ?? "?"}${o.statementsFirst10 !== undefined ? ` (${o.statementsFirst10})` : ""}`;
    const old = o.vsBaseline
      ? `${n(o.vsBaseline.cpu, 2)}× (${n(o.gateway.cpuMsPerRequest, 3)} / ${n(o.baseline!.cpuMsPerRequest, 3)})`
      : o.baselineNote
        ? "not comparable"
        : "–";
    L.push(
      `| ${o.name} | ${cls} | ${n(o.rows)} | ${n(o.gateway.cpuMsPerRequest, 3)} | ${n(o.floor.cpuMsPerRequest, 3)} | **${n(o.ratio.cpu, 2)}×** | ${target} | ${v ? (v.met ? "pass" : "**miss**") : ""} | ${n(o.ratio.throughput, 2)}× | ${n(o.ratio.p50, 2)}× | ${n(o.gateway.p50, 2)} / ${n(o.gateway.p99, 2)} | ${n(o.gateway.rps)} | ${n(o.floor.rps)} | ${st} | ${n(o.bytes)} |${base ? ` ${old} |` : ""}`,
    );
  }
  L.push("");
  L.push(`Every row above was checked byte-identical (gateway body === floor body) before it was measured.`, "");
  if (base) {
    L.push(
      `**Old build beside the new**: the gateway of ${base.ref === base.commit.slice(0, base.ref.length) ? base.commit.slice(0, 7) : `${base.ref} (${base.commit.slice(0, 7)})`}, built in a temporary git worktree, ran as a third server in the same rounds, ` +
        `where its body was byte-identical to the new gateway's. new ÷ old CPU/req > 1 means the new gateway spends more CPU per request.`,
      "",
    );
    const notComparable = run.operations.filter((o) => o.baselineNote);
    for (const o of notComparable) L.push(`- ${o.name}: ${o.baselineNote!.replace(/\n/g, " ").slice(0, 400)}`);
    if (notComparable.length) L.push("");
  }
  L.push(
    `Gateway memory (RSS): ${n(run.rss.gatewayStartMb)} MB after start, peak ${n(run.rss.gatewayPeakMb)} MB under load; floor ${n(run.rss.floorStartMb)} MB after start.`,
    "",
  );

  L.push(`## Targets`, "");
  L.push(`| target | operation | value | |`, `|---|---|---|---|`);
  for (const v of all) L.push(`| ${v.target} | ${v.operation} | ${v.value} | ${v.met ? "met" : "**missed**"} |`);
  L.push("");

  if (run.growth.length) {
    L.push(
      `## Statistics: growth with the data`,
      "",
      `Same statistics query over part of the period and over all of it (gateway p50, sequential).`,
      "",
    );
    L.push(
      `| operation | period | rows | gateway p50 ms | floor p50 ms | gateway µs per 1 000 rows |`,
      `|---|---|---:|---:|---:|---:|`,
    );
    for (const g of run.growth)
      for (const p of g.points)
        L.push(
          `| ${g.operation} | ${p.share} | ${n(p.rows)} | ${n(p.gatewayP50, 1)} | ${n(p.floorP50, 1)} | ${p.rows ? n((p.gatewayP50 * 1e6) / p.rows / 1000, 1) : "–"} |`,
        );
    L.push("");
  }
  const headlines = headlineAcrossScales(outDir);
  if (headlines.length) {
    L.push(
      `## CPU per request ÷ floor at every scale`,
      "",
      `From \`results/scale-*.json\` (the latest run of each scale; this run included).`,
      "",
    );
    const scaleNames = [...new Set(headlines.map((h) => `${h.scale} (${h.date})`))];
    L.push(`| operation | class | ${scaleNames.join(" | ")} |`, `|---|---|${scaleNames.map(() => "---:|").join("")}`);
    for (const name of [...new Set(headlines.map((h) => h.operation))]) {
      const cells = scaleNames.map(
        (s) => headlines.find((h) => h.operation === name && `${h.scale} (${h.date})` === s)?.cell ?? "–",
      );
      L.push(`| ${name} | ${headlines.find((h) => h.operation === name)!.cls} | ${cells.join(" | ")} |`);
    }
    L.push("");
  }
  const scales = crossScale(outDir);
  if (scales.length) {
    L.push(`Across seeded sizes (from \`results/scale-*.json\`, the latest run of each scale):`, "");
    L.push(
      `| operation | scale | run | rows | gateway p50 ms | p99 ms | µs per 1 000 rows |`,
      `|---|---|---|---:|---:|---:|---:|`,
    );
    for (const s of scales)
      L.push(
        `| ${s.operation} | ${s.scale} | ${s.date} | ${n(s.rows)} | ${n(s.p50, 1)} | ${n(s.p99, 1)} | ${s.rows ? n((s.p50 * 1e6) / s.rows / 1000, 1) : "–"} |`,
      );
    L.push("");
  }
  if (run.federated) L.push(renderFederatedMarkdown(run.federated));
  if (run.events) L.push(renderEventsMarkdown(run.events));
  return L.join("\n");
}

/** `--events-only`: the events section alone (never over latest.*, see options.ts). */
export function writeEventsReport(
  outDir: string,
  label: string,
  run: { date: string; machine: Machine; events: EventsResult },
): string[] {
  mkdirSync(outDir, { recursive: true });
  const m = run.machine;
  const md = [
    `# Benchmark results — events only`,
    "",
    `Run ${run.date} · generated by \`pnpm bench -- --events-only\`. ${m.cpu} × ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.database}.`,
    "",
    renderEventsMarkdown(run.events),
  ];
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
