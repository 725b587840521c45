import type { Server, ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";

/**
 * How long connections that are open but idle stay open once shutdown begins. A request a client
 * sent on a keep-alive connection just before the signal is then still read and answered (with
 * `connection: close`) instead of meeting a socket closed under it (ECONNRESET). Only waited for
 * when such connections exist; loopback and LAN round trips are far below it.
 */
export const KEEP_ALIVE_GRACE_MS = 500;

export interface DrainOptions {
  /** Everything (grace included) must be finished or cut within this. */
  timeoutMs: number;
  graceMs?: number;
  /** Called when the grace ends: requests arriving after it are refused by the caller. */
  onGraceEnd?: () => void;
}

export interface DrainResult {
  /** Requests still unanswered at the deadline, whose connections were closed. */
  cut: number;
}

export interface RequestTracker {
  /** Requests whose response has not finished. */
  readonly inFlight: number;
  /**
   * Stops accepting connections; answers every request that arrives on an open connection during
   * the grace, each with `connection: close`; waits for responses in flight until the deadline;
   * then closes every connection.
   */
  drain(options: DrainOptions): Promise<DrainResult>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Follows every response of the server; register before the request handler (it marks responses first). */
export function trackRequests(server: Server): RequestTracker {
  const active = new Set<ServerResponse>();
  let closing = false;
  let whenIdle: (() => void) | null = null;

  server.prependListener("request", (_req, res: ServerResponse) => {
    active.add(res);
    if (closing) res.shouldKeepAlive = false;
    res.once("close", () => {
      active.delete(res);
      if (active.size === 0) whenIdle?.();
    });
  });

  const connectionCount = () =>
    new Promise<number>((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));

  return {
    get inFlight() {
      return active.size;
    },
    async drain({ timeoutMs, graceMs = KEEP_ALIVE_GRACE_MS, onGraceEnd }) {
      const deadline = Date.now() + timeoutMs;
      closing = true;
      // Responses not yet begun close their connection when done.
      for (const res of active) if (!res.headersSent) res.shouldKeepAlive = false;
      // net.Server#close stops accepting and leaves open connections be; http.Server#close would
      // also drop idle keep-alive connections at once, racing requests already on their way.
      const listenerClosed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      if ((await connectionCount()) > active.size) await sleep(Math.min(graceMs, deadline - Date.now()));
      onGraceEnd?.();
      server.closeIdleConnections();
      if (active.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (whenIdle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now())))),
        ]);
        clearTimeout(timer);
      }
      const cut = active.size;
      server.closeAllConnections();
      await listenerClosed;
      return { cut };
    },
  };
}
