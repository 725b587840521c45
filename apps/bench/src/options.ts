import { resolve } from "node:path";
import type { Scale } from "./domains/types";

export interface Options {
  url: string;
  scale: Scale;
  /** Explicit sizes, "domain.key=n", override the scale's. */
  sizeOverrides: Record<string, Record<string, number>>;
  reseed: boolean;
  seedOnly: boolean;
  /** Alternating gateway/floor load rounds per operation. */
  rounds: number;
  /** Seconds per load round. */
  duration: number;
  connections: number;
  /** Sequential (one at a time) requests per server per operation, for p50/p99. */
  requests: number;
  only: string[];
  outDir: string;
  label: string;
  cpuProf: boolean;
  /** A git ref whose gateway is built in a worktree and measured as a third server (src/measure/baseline.ts). */
  baseline?: string;
  /** Extra node flags for the gateway process (e.g. "--max-semi-space-size=64"). */
  gatewayNodeArgs: string[];
  /** The events part (src/events): run it, run only it, and its load. */
  events: boolean;
  eventsOnly: boolean;
  eventBacklog: number;
  eventRate: number;
  eventSeconds: number;
  /** Also the federated topology (apps/federation: gateway + six subgraphs), against the monolith. */
  federated: boolean;
}

const HELP = `pnpm bench [-- options]

  --scale small|medium|full   data size (default small; see apps/bench/README.md)
  --size domain.key=n         explicit size, repeatable (e.g. --size synpunkter.feedbackItems=300000)
  --reseed                    rebuild the database even if it already holds these sizes
  --seed-only                 seed, then stop
  --rounds n                  alternating gateway/floor load rounds per operation (default 2)
  --duration s                seconds per load round (default 2)
  --connections n             concurrent connections under load (default 10)
  --requests n                sequential requests per server per operation for p50/p99 (default 100)
  --only text                 only operations whose name contains text (repeatable; text$ = exactly)
  --label name                results file name (default latest)
  --out-dir dir               where results, logs and profiles go (default apps/bench/results)
  --federated                 also start the federated topology (apps/federation: its gateway and
                              six subgraphs) and measure the selected operations and a cross-domain
                              query through it against the monolith (see README "Federated topology")
  --cpu-prof                  run the gateway with node --cpu-prof (profiles in results/profiles)
  --baseline git-ref          also measure the gateway of that commit (built in a temporary git
                              worktree) in the same run, interleaved: new ÷ old CPU per request
  --gateway-node-arg flag     extra node flag for the gateway process, repeatable
                              (the gateway always gets --max-semi-space-size=64, as in production)
  --no-events                 skip the events part (outbox cost, relay throughput, lag)
  --events-only               only the events part (no seeding; results/events.md unless --label)
  --event-backlog n           outbox rows the relay drains for its throughput (default 5000)
  --event-rate n              writes per second for the lag measurement (default 200)
  --event-seconds s           seconds of that steady load (default 10)

  BENCH_DATABASE_URL (default mariadb://arbetsliv:arbetsliv@127.0.0.1:3306/arbetsliv_bench)`;

export function parseOptions(argv: string[]): Options {
  const o: Options = {
    url: process.env.BENCH_DATABASE_URL ?? "mariadb://arbetsliv:arbetsliv@127.0.0.1:3306/arbetsliv_bench",
    scale: "small",
    sizeOverrides: {},
    reseed: false,
    seedOnly: false,
    rounds: 2,
    duration: 2,
    connections: 10,
    requests: 100,
    only: [],
    outDir: resolve(__dirname, "..", "results"),
    label: "latest",
    cpuProf: false,
    gatewayNodeArgs: [],
    events: true,
    eventsOnly: false,
    eventBacklog: 5000,
    eventRate: 200,
    eventSeconds: 10,
    federated: false,
  };
  let labelGiven = false;
  const args = argv.filter((a) => a !== "--");
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = () => {
      const v = Number(next());
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    switch (a) {
      case "--scale": {
        const v = next();
        if (v !== "small" && v !== "medium" && v !== "full") throw new Error("--scale must be small, medium or full");
        o.scale = v;
        break;
      }
      case "--size": {
        const m = /^([\w-]+)\.(\w+)=(\d+)$/.exec(next());
        if (!m) throw new Error("--size must look like synpunkter.feedbackItems=300000");
        (o.sizeOverrides[m[1]] ??= {})[m[2]] = Number(m[3]);
        break;
      }
      case "--reseed":
        o.reseed = true;
        break;
      case "--seed-only":
        o.seedOnly = true;
        break;
      case "--rounds":
        o.rounds = Math.round(num());
        break;
      case "--duration":
        o.duration = num();
        break;
      case "--connections":
        o.connections = Math.round(num());
        break;
      case "--requests":
        o.requests = Math.round(num());
        break;
      case "--only":
        o.only.push(next());
        break;
      case "--label":
        o.label = next().replace(/[^\w.-]/g, "_");
        labelGiven = true;
        break;
      case "--out-dir":
        o.outDir = resolve(next());
        break;
      case "--federated":
        o.federated = true;
        break;
      case "--no-events":
        o.events = false;
        break;
      case "--events-only":
        o.eventsOnly = true;
        break;
      case "--event-backlog":
        o.eventBacklog = Math.round(num());
        break;
      case "--event-rate":
        o.eventRate = Math.round(num());
        break;
      case "--event-seconds":
        o.eventSeconds = num();
        break;
      case "--gateway-node-arg":
        o.gatewayNodeArgs.push(next());
        break;
      case "--baseline":
        o.baseline = next();
        break;
      case "--cpu-prof":
        o.cpuProf = true;
        break;
      case "--help":
      case "-h":
        process.stdout.write(HELP + "\n");
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${a}\n\n${HELP}`);
    }
  }
  // A partial run never overwrites results/latest.*.
  if (o.eventsOnly && !labelGiven) o.label = "events";
  if (!/^(mysql|mariadb):\/\//.test(o.url)) throw new Error("BENCH_DATABASE_URL must be mariadb://… or mysql://…");
  return o;
}
