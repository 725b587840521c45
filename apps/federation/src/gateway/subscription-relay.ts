import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { Language } from "@arbetsliv/core";
import { SERVICE_UNAVAILABLE } from "@arbetsliv/core/data";
import type { Logger } from "@arbetsliv/gateway";
import {
  newRequestId,
  type RelayedConnection,
  type RelayedOperation,
  type SubscriptionRelay,
} from "@arbetsliv/gateway/edge";
import { REQUEST_ID_HEADER, SIGNATURE_HEADER, signRequest } from "../signature";
import { unavailableMessage } from "./subgraph-errors";

/** The subgraph that serves `Subscription.events` (topology.ts). */
export const SUBSCRIPTION_SUBGRAPH = "platform";

/** An upstream that accepts the upgrade but never acknowledges is given up after this (the client gets the error). */
const ACK_TIMEOUT_MS = 10_000;

export interface SubscriptionRelayOptions {
  /** The platform subgraph's /graphql URL (http: its WebSocket is the same address as ws:). */
  url: string;
  /** GATEWAY_SUBGRAPH_SECRET: every upgrade is signed as the gateway's HTTP requests are. */
  secret: string;
  /** Results queued for a client that is not reading before its subscription is ended (WS_MAX_QUEUED_EVENTS). */
  maxQueued: number;
  logger: Logger;
}

/**
 * The federated gateway's subscriptions, run on the platform subgraph: the gateway's own
 * subscription server admits each one (the monolith's checks), then this relays it over one
 * upstream graphql-ws connection per client connection — opened at the first subscription with
 * a signed upgrade (GET /graphql, a request id, the client's Authorization, empty body) and the
 * client's connectionParams — and passes the results back unchanged. An upstream that fails
 * ends the client's subscription with SERVICE_UNAVAILABLE naming the service; the client's
 * connection stays open, and its next subscription opens a new upstream connection.
 */
export function createSubscriptionRelay(options: SubscriptionRelayOptions): SubscriptionRelay {
  const target = new URL(options.url);
  const wsUrl = options.url.replace(/^http/, "ws");
  return {
    connect(client) {
      // ws's constructor takes the headers; graphql-ws constructs the socket with (url, protocol) only.
      class SignedUpgrade extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          const requestId = newRequestId();
          super(address, protocols, {
            headers: {
              authorization: client.authorization,
              "accept-language": client.language,
              [REQUEST_ID_HEADER]: requestId,
              // Signed anew for every upgrade: a signature is accepted once.
              [SIGNATURE_HEADER]: signRequest(options.secret, {
                method: "GET",
                path: target.pathname,
                requestId,
                authorization: client.authorization,
                body: "",
              }),
            },
          });
        }
      }
      let upstream: Client | null = null;
      const open = () =>
        (upstream ??= createClient({
          url: wsUrl,
          webSocketImpl: SignedUpgrade,
          connectionParams: { authorization: client.authorization, acceptLanguage: client.language },
          lazy: true,
          lazyCloseTimeout: 0,
          retryAttempts: 0,
          connectionAckWaitTimeout: ACK_TIMEOUT_MS,
          on: {
            closed: (event) => {
              const code = (event as { code?: number }).code;
              // 1000: closed by us (no subscription left, or the client left).
              if (code !== 1000)
                options.logger.log("warn", "subscriptions: the upstream connection closed", {
                  service: SUBSCRIPTION_SUBGRAPH,
                  subject: client.subject,
                  code: code ?? null,
                });
            },
          },
        }));
      const connection: RelayedConnection = {
        subscribe: (operation) => relayed(open(), operation, client.language, options.maxQueued),
        dispose() {
          void upstream?.dispose();
        },
      };
      return connection;
    },
  };
}

/** The client's error when the upstream failed (closed, refused, unreachable): no address, no detail. */
function unavailable(operation: RelayedOperation, language: Language): FormattedExecutionResult {
  return {
    errors: [
      {
        message: unavailableMessage(SUBSCRIPTION_SUBGRAPH, operation.responseKey, language),
        path: [operation.responseKey],
        extensions: { code: SERVICE_UNAVAILABLE, serviceName: SUBSCRIPTION_SUBGRAPH },
      },
    ],
  };
}

function isFormattedErrors(error: unknown): error is GraphQLFormattedError[] {
  return (
    Array.isArray(error) &&
    error.length > 0 &&
    error.every((e) => typeof (e as { message?: unknown }).message === "string")
  );
}

/**
 * One upstream subscription as the async iterator graphql-ws's server consumes: results queued
 * until read (at most `maxQueued`), `return()` (client complete or close) completes it upstream.
 */
function relayed(
  upstream: Client,
  operation: RelayedOperation,
  language: Language,
  maxQueued: number,
): AsyncIterableIterator<FormattedExecutionResult> {
  const queue: FormattedExecutionResult[] = [];
  let waiting: ((result: IteratorResult<FormattedExecutionResult>) => void) | null = null;
  let done = false;
  const push = (value: FormattedExecutionResult) => {
    if (done) return;
    if (waiting) {
      const wake = waiting;
      waiting = null;
      wake({ done: false, value });
    } else queue.push(value);
  };
  const finish = () => {
    if (done) return;
    done = true;
    waiting?.({ done: true, value: undefined });
    waiting = null;
  };
  const unsubscribe = upstream.subscribe<Record<string, unknown>, Record<string, unknown>>(
    { query: operation.query, operationName: operation.operationName, variables: operation.variables },
    {
      next: (result) => {
        if (queue.length >= maxQueued) {
          // A client that does not read: end it, as the event hub ends a slow subscriber.
          unsubscribe();
          queue.length = 0;
          push(unavailable(operation, language));
          return finish();
        }
        push(result);
      },
      // The upstream's own refusal (its formatted errors) passes as it is; anything else is a failed upstream.
      error: (error) => {
        push(isFormattedErrors(error) ? { errors: error } : unavailable(operation, language));
        finish();
      },
      complete: finish,
    },
  );
  const end = (): Promise<IteratorResult<FormattedExecutionResult>> => {
    if (!done) unsubscribe();
    queue.length = 0;
    finish();
    return Promise.resolve({ done: true, value: undefined });
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (queue.length) return Promise.resolve({ done: false, value: queue.shift()! });
      if (done) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: end,
    throw: (error: unknown) => end().then(() => Promise.reject(error)),
  };
}
