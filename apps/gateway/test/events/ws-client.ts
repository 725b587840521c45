import type { IncomingHttpHeaders } from "node:http";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/**
 * A real graphql-ws client for the tests (the monolith's here, the federated gateway's in
 * apps/federation/test). It imports nothing of the gateway, so other apps' tests can use it.
 */

/** A server to connect to: its http://host:port (a GatewayProcess, or any object with `url`). */
export interface WsServer {
  url: string;
}

export interface Subscribed {
  events: Record<string, unknown>[];
  errors: unknown[];
  completed: boolean;
  done: Promise<void>;
  stop(): void;
}

export interface WsClient {
  client: Client;
  /** Resolves with the close code when the socket closes. */
  closed: Promise<number>;
  subscribe(query: string, variables?: Record<string, unknown>): Subscribed;
}

export const wsUrl = (gw: WsServer) => `${gw.url.replace(/^http/, "ws")}/graphql`;

/**
 * A real graphql-ws client, as a frontend uses it (no retries, so a refusal shows as its close
 * code): connectionParams `params`, else the token's authorization; `onUpgrade` gets the headers of
 * the upgrade's response (HAProxy's x-served-by).
 */
export function wsClient(
  gw: WsServer,
  token: string | null,
  params?: Record<string, unknown>,
  onUpgrade?: (headers: IncomingHttpHeaders) => void,
): WsClient {
  class Socket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      if (onUpgrade) this.once("upgrade", (response) => onUpgrade(response.headers));
    }
  }
  let onClosed: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: wsUrl(gw),
    webSocketImpl: Socket,
    connectionParams: params ?? (token ? { authorization: `Bearer ${token}` } : {}),
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClosed((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  return {
    client,
    closed,
    subscribe(query, variables) {
      const s: Subscribed = {
        events: [],
        errors: [],
        completed: false,
        done: Promise.resolve(),
        stop: () => undefined,
      };
      s.done = new Promise<void>((resolve) => {
        s.stop = client.subscribe(
          { query, variables },
          {
            next: (value) => {
              if (value.errors) s.errors.push(...value.errors);
              if (value.data) s.events.push((value.data as { events: Record<string, unknown> }).events);
            },
            error: (error) => {
              s.errors.push(error);
              resolve();
            },
            complete: () => {
              s.completed = true;
              resolve();
            },
          },
        );
      });
      return s;
    },
  };
}

/** Waits for a condition with a deadline (no fixed sleeps). */
export async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const EVENTS = `subscription Live($filter: EventFilter) { events(filter: $filter) { id type subject sequence data cloudEvent } }`;
