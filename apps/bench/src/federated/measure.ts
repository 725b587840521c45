import { readFileSync } from "node:fs";
import type { BenchOperation } from "../domains/types";
import { post } from "../measure/client";
import { load, type LoadResult } from "../measure/load";
import { cpuMs } from "../measure/rss";
import type { Child } from "../measure/servers";
import { round } from "../util/stats";
import type { FederatedTopology } from "./topology";
import type { FederatedResult } from "./types";

export interface FederatedOperation {
  name: string;
  class: FederatedResult["class"];
  description: string;
  query: string;
  variables: Record<string, unknown>;
  scopes: string[];
}

/** The cross-domain query of the federated topology: IOP agreements with relationsvåld's placement costs. */
export function crossDomainOperation(): FederatedOperation {
  return {
    name: "cross-domain.iopAgreements.placementCosts",
    class: "cross-domain",
    description:
      "page of 20 IOP agreements (IOP) + each one's placement costs over its own period (relationsvåld, @requires)",
    query: `query Costs($first: Int!) { iopAgreements(first: $first) { nodes { id title startDate endDate placementCosts { from to total placementCost serviceFee registeredProvider suppressed } } } }`,
    variables: { first: 20 },
    scopes: ["iop:read", "relationsvald:stats:exact"],
  };
}

export function asFederatedOperation(op: BenchOperation): FederatedOperation {
  return {
    name: op.name,
    class: "single-domain",
    description: op.description,
    query: op.query,
    variables: op.variables,
    scopes: op.scopes,
  };
}

/** JSON log lines of a file with `field` equal to `value` and `message` "request". */
function requestLines(logFile: string, field: string, value: string): { statements?: number }[] {
  const found: { statements?: number }[] = [];
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.includes(value)) continue;
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry[field] === value && entry.message === "request") found.push(entry as { statements?: number });
    } catch {
      /* a partial line */
    }
  }
  return found;
}

/** Waits (up to 10 s) until some process logged a request line for the id; then gives every process's lines. */
async function linesFor(
  children: Child[],
  field: string,
  value: string,
): Promise<Map<Child, { statements?: number }[]>> {
  let lines = new Map<Child, { statements?: number }[]>();
  for (let i = 0; i < 200; i++) {
    lines = new Map(children.map((c) => [c, requestLines(c.logFile, field, value)]));
    if ([...lines.values()].some((l) => l.length > 0)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // A subgraph answering a second call of the plan may log a moment after the first.
  await new Promise((r) => setTimeout(r, 200));
  return new Map(children.map((c) => [c, requestLines(c.logFile, field, value)]));
}

interface FedRound {
  load: LoadResult;
  cpuMs: number[];
}

/**
 * One operation on the monolith and on the federated topology: byte-identical answers first,
 * then alternating load rounds, reading the CPU time of the monolith's process and of every
 * federated process (gateway and subgraphs) during its own round.
 */
export async function measureFederated(
  op: FederatedOperation,
  index: number,
  monolith: Child,
  topology: FederatedTopology,
  token: string,
  settings: { rounds: number; duration: number; connections: number },
  /** The raw hop floor in front of the monolith (servers/hop-floor-server.ts), measured in its own rounds. */
  hop?: Child,
): Promise<FederatedResult> {
  const body = JSON.stringify({ query: op.query, variables: op.variables });
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const tag = `fed-${index}`;
  const result: FederatedResult = {
    name: op.name,
    class: op.class,
    description: op.description,
    identical: false,
    bytes: 0,
  };
  const m = await post(`${monolith.url}/graphql`, body, { ...headers, "x-request-id": `${tag}-check` });
  const f = await post(`${topology.gateway.url}/graphql`, body, { ...headers, "x-request-id": `${tag}-check` });
  result.bytes = Buffer.byteLength(m.body);
  if (m.status !== 200 || m.body.includes('"errors"'))
    return { ...result, error: `monolith answered HTTP ${m.status}: ${m.body.slice(0, 300)}` };
  if (f.body !== m.body)
    return { ...result, error: `federated answer differs (HTTP ${f.status}): ${f.body.slice(0, 300)}` };
  result.identical = true;
  // The subgraphs log the gateway's own request id (the x-request-id it answers with).
  const gatewayId = String(f.headers["x-request-id"] ?? "");
  const subgraphLines = await linesFor(topology.subgraphs, "requestId", gatewayId);
  result.subgraphRequests = Object.fromEntries(
    [...subgraphLines].filter(([, l]) => l.length).map(([c, l]) => [c.name.replace(/^subgraph-/, ""), l.length]),
  );
  const monolithLines = await linesFor([monolith], "correlationId", `${tag}-check`);
  result.statements = {
    monolith: monolithLines.get(monolith)?.[0]?.statements ?? null,
    federated: [...subgraphLines.values()].flat().reduce((s, l) => s + (l.statements ?? 0), 0),
  };

  const targets = [
    { url: `${monolith.url}/graphql`, processes: [monolith] },
    { url: `${topology.gateway.url}/graphql`, processes: topology.all },
    ...(hop ? [{ url: `${hop.url}/graphql`, processes: [hop, monolith] }] : []),
  ];
  // Warm-up as long as a round: the subgraphs serve nothing before this operation, and a 1 s warm-up
  // left their JIT compilation and first-use module loading in the measured rounds.
  for (const t of targets)
    await load(t.url, body, { ...headers, "x-request-id": `${tag}-warm` }, settings.connections, settings.duration);
  const rounds: FedRound[][] = targets.map(() => []);
  const order = targets.map((_, i) => i);
  for (let r = 0; r < settings.rounds; r++) {
    for (const i of r % 2 === 0 ? order : [...order].reverse()) {
      const t = targets[i];
      const before = t.processes.map((p) => cpuMs(p.pid));
      const l = await load(
        t.url,
        body,
        { ...headers, "x-request-id": `${tag}-load` },
        settings.connections,
        settings.duration,
      );
      rounds[i].push({ load: l, cpuMs: t.processes.map((p, k) => cpuMs(p.pid) - before[k]) });
    }
  }
  const requests = (rs: FedRound[]) => rs.reduce((s, x) => s + x.load.requests, 0);
  const cpu = (rs: FedRound[], k?: number) =>
    rs.reduce((s, x) => s + (k === undefined ? x.cpuMs.reduce((a, b) => a + b, 0) : x.cpuMs[k]), 0);
  const rps = (rs: FedRound[]) => requests(rs) / rs.reduce((s, x) => s + x.load.seconds, 0);
  const p50 = (rs: FedRound[]) => Math.max(...rs.map((x) => x.load.p50));
  const [M, F, H] = rounds;
  const errors = rounds.flat().reduce((s, x) => s + x.load.errors, 0);
  if (errors) result.error = `${errors} requests failed under load`;
  result.monolith = { cpuMsPerRequest: round(cpu(M) / requests(M), 4), rps: round(rps(M), 1), loadP50: p50(M) };
  result.federated = {
    cpuMsPerRequest: round(cpu(F) / requests(F), 4),
    gatewayCpuMsPerRequest: round(cpu(F, 0) / requests(F), 4),
    byProcess: Object.fromEntries(topology.all.map((p, k) => [p.name, round(cpu(F, k) / requests(F), 4)])),
    rps: round(rps(F), 1),
    loadP50: p50(F),
  };
  if (H?.length) {
    const hopCpu = cpu(H, 0) / requests(H);
    const monolithBehindHop = cpu(H, 1) / requests(H);
    const monolithAlone = cpu(M) / requests(M);
    result.hop = {
      cpuMsPerRequest: round(hopCpu, 4),
      monolithCpuMsPerRequest: round(monolithBehindHop, 4),
      ratio: round((hopCpu + monolithBehindHop) / monolithAlone, 2),
      behind: round(monolithBehindHop / monolithAlone, 2),
    };
  }
  const perRequest = (x: FedRound) => x.cpuMs.reduce((a, b) => a + b, 0) / x.load.requests;
  result.ratio = {
    cpu: round(result.federated.cpuMsPerRequest / result.monolith.cpuMsPerRequest, 2),
    gatewayCpu: round(result.federated.gatewayCpuMsPerRequest / result.monolith.cpuMsPerRequest, 2),
    cpuRounds: F.map((x, i) => round(perRequest(x) / perRequest(M[i]), 2)),
  };
  return result;
}
