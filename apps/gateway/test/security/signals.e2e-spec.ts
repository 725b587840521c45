import { Agent, request, type IncomingMessage } from "node:http";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";

jest.setTimeout(180_000);

/**
 * Real signals to the built gateway process, in production and development mode. An idle gateway
 * used to ignore SIGTERM/SIGINT (Apollo's own signal handlers made a second stop() that never
 * resolved); now it exits 0 within SHUTDOWN_TIMEOUT_MS, having closed the database pool and
 * logged "gateway stopped". Requests sent on open keep-alive connections just before the signal
 * are answered, not reset.
 */
const SHUTDOWN_TIMEOUT_MS = 5_000;
/** The process's own hard deadline is SHUTDOWN_TIMEOUT_MS + 1.5 s; the test allows that. */
const EXIT_WITHIN_MS = SHUTDOWN_TIMEOUT_MS + 1_500;

const QUERY = JSON.stringify({ query: "{ __typename }" });

/** One POST over a given agent; resolves with the status and the connection header, or the error code. */
function post(
  url: string,
  agent: Agent,
  token: string,
  written?: (req: ReturnType<typeof request>) => void,
): Promise<{ status?: number; connection?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request(
      `${url}/graphql`,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(QUERY),
          authorization: `Bearer ${token}`,
        },
      },
      (res: IncomingMessage) => {
        let body = "";
        res.setEncoding("utf8").on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection }));
        res.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(QUERY, () => written?.(req));
  });
}

describe.each(["production", "development"] as const)(
  `%s gateway process and signals on ${testDatabaseKind()}`,
  (mode) => {
    const processes: GatewayProcess[] = [];
    afterAll(async () => {
      for (const gw of processes) await gw.stop();
    });
    const start = async () => {
      const gw = await GatewayProcess.start({
        mode,
        demoSeed: false,
        env: { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) },
      });
      processes.push(gw);
      return gw;
    };

    it.each(["SIGTERM", "SIGINT"] as const)(
      "exits 0 on %s when idle, within SHUTDOWN_TIMEOUT_MS, having closed the pool",
      async (signal) => {
        const gw = await start();
        // One answered request first, so an idle keep-alive connection is open at the signal (as with a browser or a load balancer).
        expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
        const began = Date.now();
        const exit = await gw.signal(signal, EXIT_WITHIN_MS + 10_000);
        const took = Date.now() - began;
        expect(exit).toEqual({ code: 0, signal: null });
        expect(took).toBeLessThan(EXIT_WITHIN_MS);
        const stopped = gw.logEntries().find((e) => e.message === "gateway stopped");
        expect(stopped).toBeDefined();
        expect(gw.logEntries().find((e) => e.message === "shutting down")).toMatchObject({ reason: signal });
        console.warn(
          `[figures] ${mode} idle ${signal} → exit 0 after ${took} ms (gateway stop ${String(stopped?.durationMs)} ms)`,
        );
      },
    );

    it("stops within SHUTDOWN_TIMEOUT_MS even when a second signal follows, and exits 0", async () => {
      const gw = await start();
      gw.child.kill("SIGTERM");
      const began = Date.now();
      const exit = await gw.signal("SIGINT", EXIT_WITHIN_MS + 10_000);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - began).toBeLessThan(EXIT_WITHIN_MS);
      expect(gw.logEntries().filter((e) => e.message === "gateway stopped")).toHaveLength(1);
    });

    it("answers requests sent on keep-alive connections just before SIGTERM (no ECONNRESET) and closes those connections", async () => {
      const gw = await start();
      const token = await gw.token([], "signals-keep-alive");
      const connections = 24;
      const agent = new Agent({ keepAlive: true, maxSockets: connections });
      try {
        // Open the connections: each answered once and left idle in the agent's pool.
        const warm = await Promise.all(Array.from({ length: connections }, () => post(gw.url, agent, token)));
        expect(warm.map((r) => r.status)).toEqual(Array(connections).fill(200));
        const onOpenConnection = (count: number) => {
          let written = 0;
          let allWritten: () => void = () => undefined;
          const done = new Promise<void>((resolve) => (allWritten = resolve));
          const answers = Array.from({ length: count }, () =>
            post(gw.url, agent, token, (req) => {
              expect(req.reusedSocket).toBe(true);
              if (++written === count) allWritten();
            }),
          );
          return { done, answers };
        };
        // Half written right before the signal; half once the gateway has begun to stop, as requests
        // sent just before the signal arrive over a network (the old stop closed idle connections at
        // once, so these met ECONNRESET). The grace for them is 500 ms.
        const before = onOpenConnection(connections / 2);
        await before.done;
        gw.child.kill("SIGTERM");
        await gw.waitForLog((l) => l.includes('"shutting down'));
        const after = onOpenConnection(connections / 2);
        const early = await Promise.all(before.answers);
        const late = await Promise.all(after.answers);
        const exit = await gw.signal("SIGTERM", EXIT_WITHIN_MS + 10_000);
        console.warn(
          `[figures] ${mode} keep-alive requests around SIGTERM: ${[...early, ...late].filter((r) => r.status === 200).length}/${connections} answered 200`,
        );
        expect([...early, ...late].filter((r) => r.error)).toEqual([]);
        expect([...early, ...late].map((r) => r.status)).toEqual(Array(connections).fill(200));
        // Answered after the signal: the connection is closed after the answer, not left open to be reset.
        expect(late.map((r) => r.connection)).toEqual(Array(connections / 2).fill("close"));
        expect(exit).toEqual({ code: 0, signal: null });
      } finally {
        agent.destroy();
      }
    });
  },
);
