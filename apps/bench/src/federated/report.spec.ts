import { renderFederatedMarkdown } from "./report";
import type { FederatedResult } from "./types";

function measured(name: string, cls: FederatedResult["class"], monolith: number, federated: number): FederatedResult {
  return {
    name,
    class: cls,
    description: name,
    identical: true,
    bytes: 100,
    subgraphRequests: { synpunkter: 1 },
    statements: { monolith: 3, federated: 3 },
    monolith: { cpuMsPerRequest: monolith, rps: 400, loadP50: 2 },
    federated: {
      cpuMsPerRequest: federated,
      gatewayCpuMsPerRequest: federated / 2,
      byProcess: { "federated-gateway": federated / 2, "subgraph-synpunkter": federated / 2 },
      rps: 300,
      loadP50: 3,
    },
    ratio: { cpu: federated / monolith, gatewayCpu: federated / 2 / monolith, cpuRounds: [federated / monolith] },
  };
}

describe("the federated topology's report section", () => {
  it("gives the single-domain target a verdict from the measured ratio, and reports cross-domain without one", () => {
    const md = renderFederatedMarkdown([
      measured("a.page", "single-domain", 1, 1.4),
      measured("b.page", "single-domain", 1, 2),
      measured("c.cross", "cross-domain", 4, 5),
    ]);
    expect(md).toContain("| single-domain ≤ 1.5× the monolith | a.page | 1.40× | ✓ met |");
    expect(md).toContain("| single-domain ≤ 1.5× the monolith | b.page | 2.00× | ✗ not met |");
    expect(md).toContain("| cross-domain: reported, no target | c.cross | 1.25× | reported |");
    expect(md).toContain("| a.page | 0.700 | 0.700 |");
  });

  it("shows the raw hop's floor beside the federated ratio, and a dash where it was not measured", () => {
    const withHop = {
      ...measured("e.page", "single-domain", 1, 1.8),
      hop: { cpuMsPerRequest: 0.3, monolithCpuMsPerRequest: 1.15, ratio: 1.45, behind: 1.15 },
    };
    const md = renderFederatedMarkdown([withHop, measured("f.page", "single-domain", 1, 1.8)]);
    expect(md).toMatch(/\| e\.page \|.*\| \*\*1\.80×\*\* \| 0\.90× \| 1\.45× \| 1\.15× \|/);
    expect(md).toMatch(/\| f\.page \|.*\| \*\*1\.80×\*\* \| 0\.90× \| – \| – \|/);
  });

  it("shows an operation whose answers differ as not measured, never with a verdict", () => {
    const md = renderFederatedMarkdown([
      { name: "d.page", class: "single-domain", description: "", identical: false, bytes: 0, error: "differs" },
    ]);
    expect(md).toContain("| d.page | single-domain | ✗ differs |");
    expect(md).toContain("| single-domain ≤ 1.5× the monolith | d.page | – | ✗ not measured |");
  });
});
