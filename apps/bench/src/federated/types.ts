/** One operation measured on the monolith and on the federated topology in the same run. */
export interface FederatedResult {
  name: string;
  /** single-domain: one subgraph answers it; cross-domain: the gateway joins two. */
  class: "single-domain" | "cross-domain";
  description: string;
  identical: boolean;
  bytes: number;
  error?: string;
  /** Requests the subgraphs logged for one client request (under the gateway's request id), by subgraph. */
  subgraphRequests?: Record<string, number>;
  statements?: { monolith: number | null; federated: number };
  monolith?: { cpuMsPerRequest: number; rps: number; loadP50: number };
  federated?: {
    /** Gateway + every subgraph process. */
    cpuMsPerRequest: number;
    gatewayCpuMsPerRequest: number;
    /** CPU per request of each process (gateway and subgraphs). */
    byProcess: Record<string, number>;
    rps: number;
    loadP50: number;
  };
  /**
   * The raw hop in front of the monolith (servers/hop-floor-server.ts), in its own rounds: the
   * hop's CPU per request, the monolith's behind it, and (hop + monolith behind it) ÷ the monolith
   * alone — the least any topology with a second process in the path costs, on the federated
   * ratio's own denominator; `behind` is the monolith behind the hop ÷ the monolith alone (the
   * same code, costing more per request in a chain of processes).
   */
  hop?: { cpuMsPerRequest: number; monolithCpuMsPerRequest: number; ratio: number; behind: number };
  /** federated ÷ monolith CPU per request: all processes, the gateway alone, and per round. */
  ratio?: { cpu: number; gatewayCpu: number; cpuRounds: number[] };
}
