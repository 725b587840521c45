#!/usr/bin/env node
/**
 * Where a V8 CPU profile's time went (`pnpm bench -- --cpu-prof` writes the gateway's to
 * results/profiles/): self time per module group (graphql-jit, Apollo, type-graphql, TypeORM,
 * mysql2, our packages, JSON, GC, …) and the top frames by self time, idle time left out.
 *
 *   node apps/bench/dist/measure/profile-summary.js results/profiles/CPU.….cpuprofile [top]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const PACKAGES: [RegExp, string][] = [
  [/graphql-jit/, "graphql-jit"],
  [/@apollo\/subgraph/, "@apollo/subgraph"],
  [/@apollo\//, "Apollo Server"],
  [/@graphql-hive\//, "Hive Gateway (@graphql-hive)"],
  [/@graphql-mesh\//, "Hive Gateway (@graphql-mesh)"],
  [/@graphql-tools\//, "@graphql-tools"],
  [/@whatwg-node\//, "@whatwg-node (fetch, Request/Response)"],
  [/graphql-yoga|@envelop\//, "GraphQL Yoga / envelop"],
  [/\/apps\/federation\//, "our federation (apps/federation)"],
  [/\/type-graphql\//, "type-graphql"],
  [/\/graphql@|\/node_modules\/graphql\//, "graphql-js"],
  [/\/typeorm@|\/node_modules\/typeorm\//, "TypeORM"],
  [/\/mysql2@|\/node_modules\/mysql2\//, "mysql2"],
  [/\/packages\/core\//, "our core (packages/core)"],
  [/\/packages\/[\w-]+\//, "our domain packages"],
  [/\/apps\/gateway\//, "our gateway (apps/gateway)"],
  [/\/dataloader/, "dataloader"],
];

/** The module group a frame belongs to. */
export function moduleOf(frame: ProfileNode["callFrame"]): string {
  const { url, functionName } = frame;
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)") return "V8 (program: compiler, runtime)";
  if (!url) {
    if (functionName === "stringify" || functionName === "parse") return "JSON";
    if (/^write(v|Buffer|Utf8String|Latin1String)$/.test(functionName)) return "socket writes (native)";
    return "native built-ins";
  }
  if (url.startsWith("node:")) return "Node internals (http, net, streams)";
  for (const [re, name] of PACKAGES) if (re.test(url)) return name;
  const m = /node_modules\/(?:\.pnpm\/)?(@?[^/@]+(?:\/[^/@]+)?)/.exec(url);
  return m ? m[1].replace(/\+/, "/") : url;
}

export interface ProfileSummary {
  totalMs: number;
  modules: { module: string; ms: number; share: number }[];
  frames: { frame: string; module: string; ms: number; share: number }[];
}

/**
 * Self time per module and per frame, without idle time and without the start-up (loading
 * modules, building the schema): samples count from the first one inside Apollo's request
 * pipeline (`processGraphQLRequest`), i.e. from the first request on.
 */
export function summarise(profile: Profile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inRequest = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)!.callFrame.functionName === "processGraphQLRequest") return true;
    return false;
  };
  const first = profile.samples.findIndex(inRequest);
  const self = new Map<number, number>();
  for (let i = Math.max(0, first); i < profile.samples.length; i++)
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const modules = new Map<string, number>();
  const frames = new Map<string, { module: string; us: number }>();
  let total = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    total += us;
    const module = moduleOf(frame);
    modules.set(module, (modules.get(module) ?? 0) + us);
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\/(\.pnpm\/)?/, "").replace(/^file:\/\/.*\/(packages|apps)\//, "$1/")}:${frame.lineNumber + 1}`;
    const f = frames.get(key) ?? { module, us: 0 };
    f.us += us;
    frames.set(key, f);
  }
  const share = (us: number) => Math.round((us / total) * 1000) / 10;
  return {
    totalMs: Math.round(total / 1000),
    modules: [...modules]
      .sort((a, b) => b[1] - a[1])
      .map(([module, us]) => ({ module, ms: Math.round(us / 1000), share: share(us) })),
    frames: [...frames]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([frame, f]) => ({ frame, module: f.module, ms: Math.round(f.us / 1000), share: share(f.us) })),
  };
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: profile-summary.js <file.cpuprofile> [top frames]\n");
    process.exit(2);
  }
  const s = summarise(JSON.parse(readFileSync(file, "utf8")) as Profile, Number(top) || 25);
  const out = [
    `${file}: ${s.totalMs} ms of CPU from the first request on (idle left out)`,
    "",
    "| module | self ms | share |",
    "|---|---:|---:|",
  ];
  for (const m of s.modules) out.push(`| ${m.module} | ${m.ms} | ${m.share} % |`);
  out.push("", "| frame | module | self ms | share |", "|---|---|---:|---:|");
  for (const f of s.frames) out.push(`| \`${f.frame}\` | ${f.module} | ${f.ms} | ${f.share} % |`);
  process.stdout.write(out.join("\n") + "\n");
}
