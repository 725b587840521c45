import type { FederatedResult } from "./types";

/** The issue's target: a single-domain operation through the federated topology costs at most this × the monolith's CPU. */
export const SINGLE_DOMAIN_CPU_TARGET = 1.5;

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "–" : x.toFixed(3));

/** The "Federated topology" section of the report (`--federated`). */
export function renderFederatedMarkdown(results: FederatedResult[]): string {
  const L: string[] = [];
  L.push(
    `## Federated topology (--federated)`,
    "",
    `The monolith (the gateway above) and the federated topology (apps/federation: the federated gateway and its six subgraph processes, built, production mode, the same database), in the same run, alternating load rounds. CPU per request is the CPU time of the processes during their own rounds ÷ the requests answered: for the topology, the gateway and every subgraph summed. Answers are checked byte-identical first. Beside them, in rounds of its own, the raw floor of one extra hop: a plain node:http proxy in front of the monolith (\`src/servers/hop-floor-server.ts\`: kept-alive, bytes forwarded both ways, no GraphQL, no signing, no log line). "Raw hop floor" is (the hop + the monolith behind it) ÷ the monolith alone, the federated ratio's own denominator: the least any topology with a second process in the path can cost here. "Monolith behind the hop" is the monolith's CPU per request behind the hop ÷ alone: the same code costs more per request in a chain of processes sharing the machine's cores.`,
    "",
    `| operation | class | subgraph requests | statements mono / fed | monolith CPU ms/req | federated CPU ms/req | of which gateway | federated ÷ monolith | gateway alone ÷ monolith | raw hop floor | monolith behind the hop | per round | req/s mono / fed |`,
    `|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|`,
  );
  for (const r of results) {
    if (r.error || !r.monolith || !r.federated || !r.ratio) {
      L.push(`| ${r.name} | ${r.class} | ✗ ${r.error ?? "not measured"} | | | | | | | | | | |`);
      continue;
    }
    const calls = Object.entries(r.subgraphRequests ?? {})
      .map(([s, k]) => `${s} ×${k}`)
      .join(", ");
    L.push(
      `| ${r.name} | ${r.class} | ${calls} | ${r.statements?.monolith ?? "–"} / ${r.statements?.federated ?? "–"} | ${ms(r.monolith.cpuMsPerRequest)} | ${ms(r.federated.cpuMsPerRequest)} | ${ms(r.federated.gatewayCpuMsPerRequest)} | **${r.ratio.cpu.toFixed(2)}×** | ${r.ratio.gatewayCpu.toFixed(2)}× | ${r.hop ? `${r.hop.ratio.toFixed(2)}×` : "–"} | ${r.hop ? `${r.hop.behind.toFixed(2)}×` : "–"} | ${r.ratio.cpuRounds.map((x) => x.toFixed(2)).join(", ")} | ${r.monolith.rps.toFixed(0)} / ${r.federated.rps.toFixed(0)} |`,
    );
  }
  L.push("");
  L.push(`| target | operation | federated ÷ monolith CPU | verdict |`, `|---|---|---:|---|`);
  for (const r of results.filter((x) => x.class === "single-domain")) {
    const ratio = r.ratio?.cpu;
    const verdict = ratio === undefined ? "✗ not measured" : ratio <= SINGLE_DOMAIN_CPU_TARGET ? "✓ met" : "✗ not met";
    L.push(
      `| single-domain ≤ ${SINGLE_DOMAIN_CPU_TARGET}× the monolith | ${r.name} | ${ratio === undefined ? "–" : `${ratio.toFixed(2)}×`} | ${verdict} |`,
    );
  }
  for (const r of results.filter((x) => x.class === "cross-domain"))
    L.push(
      `| cross-domain: reported, no target | ${r.name} | ${r.ratio ? `${r.ratio.cpu.toFixed(2)}×` : "–"} | ${r.ratio ? "reported" : `✗ ${r.error ?? "not measured"}`} |`,
    );
  L.push("");
  const processes = results.find((r) => r.federated)?.federated?.byProcess;
  if (processes) {
    const names = Object.keys(processes);
    L.push(
      `CPU ms per request by process:`,
      "",
      `| operation | ${names.join(" | ")} |`,
      `|---|${names.map(() => "---:|").join("")}`,
    );
    for (const r of results)
      if (r.federated) L.push(`| ${r.name} | ${names.map((p) => ms(r.federated!.byProcess[p])).join(" | ")} |`);
    L.push("");
  }
  return L.join("\n");
}
