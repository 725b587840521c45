import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import {
  GraphQLError,
  Kind,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { decodeJwt } from "jose";
import { WebSocketServer, type WebSocket } from "ws";
import type { DataSource } from "typeorm";
import {
  createRequestContext,
  formatError,
  messageIn,
  negotiateLanguage,
  type FormatErrorOptions,
  type Language,
  type Message,
  type Principal,
  type TokenVerifier,
} from "@arbetsliv/core";
import { FEED_SCOPES, type EventSubscriptionContext } from "@arbetsliv/events";
import type { Logger } from "../logger";
import { GATEWAY_MESSAGES } from "../http/messages";
import { trustedSubscriptionQuery, type TrustedDocuments } from "../http/trusted-documents";
import { QUERY_LIMITS, createRequestGuard, securityValidationRules } from "../security";
import type { SubscriptionLimits } from "./events-config";
import type { EventRuntime } from "./event-runtime";

/** Close codes a client sees (graphql-ws's own: 4400 bad request, 4408 init timeout, 4409 duplicate id). */
export const WS_CLOSE = {
  UNAUTHORIZED: 4401,
  FORBIDDEN: 4403,
  TOO_MANY_CONNECTIONS: 4429,
  GOING_AWAY: 1001,
} as const;

/** The one operation allowed over WebSocket: Subscription.events. */
const ALLOWED_FIELDS = new Set(["events", "__typename"]);

interface Extra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: IncomingMessage;
  principal?: Principal;
  /** The `connectionParams.authorization` the principal was verified from (what a relay passes on). */
  authorization?: string;
  /** The relay's side of this connection, opened by its first subscription (relay mode). */
  relayed?: RelayedConnection;
  /** Closes the connection when its token expires. */
  expiry?: NodeJS.Timeout;
  /** The language of the connection's error messages (`connectionParams.acceptLanguage`, else the upgrade's header). */
  language?: Language;
}

/** Longest a timer can wait (2^31 − 1 ms); tokens live at most hours, so this never cuts one short. */
const MAX_TIMER_MS = 2_147_483_647;

/** When a verified token expires (its `exp`, in ms), or null without one. */
function tokenExpiry(token: string): number | null {
  const exp = decodeJwt(token).exp;
  return typeof exp === "number" ? exp * 1000 : null;
}

function refusal(code: string, message: Message | string, language: Language): GraphQLError[] {
  return [new GraphQLError(typeof message === "string" ? message : message[language], { extensions: { code } })];
}

/** Errors refused before execution, in the connection's language (those without a Swedish text stay English). */
function inLanguage(errors: readonly GraphQLError[], language: Language): GraphQLError[] {
  if (language === "en") return [...errors];
  return errors.map(
    (e) =>
      new GraphQLError(messageIn(e, language), {
        nodes: e.nodes,
        source: e.nodes ? undefined : e.source,
        positions: e.nodes ? undefined : e.positions,
        extensions: e.extensions,
      }),
  );
}

/** An operation the server admitted, as a relay sends it on (the document's text, after trusted documents). */
export interface RelayedOperation {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** The response key of the operation's root field (`events`, or its alias), for an error of the relay's own. */
  responseKey: string;
}

/** The relay's side of one client connection. */
export interface RelayedConnection {
  /** The operation's results as the upstream sent them; `return()` ends it upstream. */
  subscribe(operation: RelayedOperation): AsyncIterableIterator<FormattedExecutionResult>;
  /** The client's connection closed: end everything upstream. */
  dispose(): void;
}

/**
 * Runs admitted subscriptions elsewhere instead of on this process's event hub (the federated
 * gateway relays them to the platform subgraph). Everything before execution — token, scopes,
 * limits, trusted documents, validation — stays this server's.
 */
export interface SubscriptionRelay {
  /** Called at a connection's first subscription, with what the client presented at connection init. */
  connect(client: { authorization: string; language: Language; subject: string }): RelayedConnection;
}

/** An HTTP refusal of a WebSocket upgrade, or a close of an initialised connection. */
export interface Refusal {
  code: number;
  reason: string;
}

/** What a relay's iterator carries to the server's `subscribe` through graphql-ws (its only argument is ExecutionArgs). */
interface RelayContext {
  relay: () => AsyncIterableIterator<FormattedExecutionResult>;
}

export interface SubscriptionServer {
  /** Closes every connection (1001 Going away) and stops accepting. */
  close(): Promise<void>;
  readonly connections: number;
}

/**
 * GraphQL subscriptions over graphql-ws on the gateway's HTTP server (WebSocket upgrade at
 * /graphql): the same bearer token in `connectionParams.authorization`, checked at connection
 * init; the same document limits as HTTP; only `subscription { events }`; connection limits.
 * Each event is checked against the subscriber's scopes (`mayReceive`) by the event hub. With a
 * `relay` instead of a runtime, every check is still made here and only the execution is the
 * relay's (the federated gateway: apps/federation/src/gateway/subscription-relay.ts).
 */
export function attachSubscriptionServer(o: {
  server: Server;
  schema: GraphQLSchema;
  /** Subscriptions run here, on this runtime's event hub (with `ds` for their request context)… */
  runtime?: EventRuntime;
  /** …or are relayed (the federated gateway): exactly one of `runtime` and `relay`. */
  relay?: SubscriptionRelay;
  verifier: TokenVerifier;
  limits: SubscriptionLimits;
  logger: Logger;
  production: boolean;
  /** False while starting or draining: upgrades are refused with 503. */
  accepting: () => boolean;
  ds?: DataSource;
  /** API_DEFAULT_LANGUAGE: messages in this language when neither the client nor its upgrade names sv or en. */
  defaultLanguage?: Language;
  /** TRUSTED_DOCUMENTS: subscriptions obey the same list as HTTP (http/trusted-documents.ts). */
  trustedDocuments?: TrustedDocuments | null;
  /**
   * Checked before an upgrade is accepted, after the server's own checks (e.g. the platform
   * subgraph's: signed by the federated gateway); a refusal is answered with its HTTP status.
   */
  admitUpgrade?: (request: IncomingMessage) => Promise<Refusal | null>;
  /**
   * Checked at connection init, before the token is verified, with the raw
   * `connectionParams.authorization` and the upgrade request; a refusal closes the connection.
   */
  admitConnection?: (authorization: string | undefined, request: IncomingMessage) => Refusal | null;
}): SubscriptionServer {
  const { limits, logger, relay } = o;
  if (relay ? o.runtime : !o.runtime || !o.ds)
    throw new Error("attachSubscriptionServer: give either runtime and ds, or relay");
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const guard = createRequestGuard(o.schema);
  const perSubject = new Map<string, number>();
  let connectionIds = 0;
  const onInternalError = (err: unknown) =>
    logger.log("error", "subscription internal error", { error: String((err as Error)?.stack ?? err) });
  const formatOptions: Record<Language, FormatErrorOptions> = {
    en: { includeStack: !o.production, onInternalError, language: "en" },
    sv: { includeStack: !o.production, onInternalError, language: "sv" },
  };

  const refuseUpgrade = (socket: Duplex, status: number, reason: string) => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  o.server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== "/graphql") return refuseUpgrade(socket, 404, "Not Found");
    if (!o.accepting()) return refuseUpgrade(socket, 503, "Service Unavailable");
    if (wss.clients.size >= limits.maxConnections) {
      logger.log("warn", "subscriptions: connection refused, the gateway holds its maximum", {
        max: limits.maxConnections,
      });
      return refuseUpgrade(socket, 503, "Service Unavailable");
    }
    if (!o.admitUpgrade) return wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
    // The socket has no error listener until ws takes it: one for the wait.
    const onError = () => socket.destroy();
    socket.on("error", onError);
    o.admitUpgrade(request).then(
      (refused) => {
        socket.off("error", onError);
        if (refused) return refuseUpgrade(socket, refused.code, refused.reason);
        wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
      },
      (error: unknown) => {
        socket.off("error", onError);
        logger.log("error", "subscriptions: the upgrade check failed", { error: String(error) });
        refuseUpgrade(socket, 503, "Service Unavailable");
      },
    );
  });

  const server = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: o.schema,
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      // Relay mode: the admitted operation runs upstream (the context carries its iterator).
      // Its results' errors are formatted already: onNext passes them as they are.
      subscribe: relay
        ? (args) => (args.contextValue as RelayContext).relay() as AsyncIterableIterator<ExecutionResult>
        : undefined,
      onConnect: async (ctx) => {
        const asked = ctx.connectionParams?.acceptLanguage;
        ctx.extra.language = negotiateLanguage(
          typeof asked === "string" ? asked : ctx.extra.request.headers["accept-language"],
          o.defaultLanguage ?? "en",
        );
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const refused = o.admitConnection?.(typeof raw === "string" ? raw : undefined, ctx.extra.request);
        if (refused) {
          ctx.extra.socket.close(refused.code, refused.reason);
          return false;
        }
        const m = typeof raw === "string" ? /^Bearer\s+(\S+)$/i.exec(raw) : null;
        let principal: Principal | null = null;
        try {
          principal = m ? await o.verifier.verify(m[1]) : null;
        } catch {
          principal = null;
        }
        if (!principal) {
          ctx.extra.socket.close(
            WS_CLOSE.UNAUTHORIZED,
            "Unauthorized: send connectionParams.authorization 'Bearer <token>'",
          );
          return false;
        }
        if (!FEED_SCOPES.some((s) => principal.scopes.has(s))) {
          ctx.extra.socket.close(WS_CLOSE.FORBIDDEN, "Forbidden: the token holds no scope");
          return false;
        }
        const held = perSubject.get(principal.subject) ?? 0;
        if (held >= limits.maxConnectionsPerSubject) {
          ctx.extra.socket.close(
            WS_CLOSE.TOO_MANY_CONNECTIONS,
            `Too many connections: at most ${limits.maxConnectionsPerSubject} per token subject`,
          );
          return false;
        }
        perSubject.set(principal.subject, held + 1);
        ctx.extra.principal = principal;
        ctx.extra.authorization = raw as string;
        // A connection lives no longer than the token that opened it: at `exp` it closes (4401),
        // and the client reconnects with a fresh token (scopes checked again).
        const expiresAt = m ? tokenExpiry(m[1]) : null;
        if (expiresAt !== null) {
          const socket = ctx.extra.socket;
          ctx.extra.expiry = setTimeout(
            () => socket.close(WS_CLOSE.UNAUTHORIZED, "The token has expired: reconnect with a new one"),
            Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())),
          );
          ctx.extra.expiry.unref();
        }
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
        ctx.extra.relayed?.dispose();
        const subject = ctx.extra.principal?.subject;
        if (subject === undefined) return;
        const left = (perSubject.get(subject) ?? 1) - 1;
        if (left > 0) perSubject.set(subject, left);
        else perSubject.delete(subject);
      },
      onSubscribe: (ctx, id, payload) => {
        const language = ctx.extra.language ?? o.defaultLanguage ?? "en";
        const active = Object.keys(ctx.subscriptions).length; // this one included
        if (active > limits.maxSubscriptionsPerConnection)
          return refusal(
            "TOO_MANY_SUBSCRIPTIONS",
            GATEWAY_MESSAGES.tooManySubscriptions(limits.maxSubscriptionsPerConnection),
            language,
          );
        // A documentId becomes its stored text; with a list, other documents are refused, as over HTTP.
        const query = trustedSubscriptionQuery(o.trustedDocuments ?? null, payload);
        if (typeof query !== "string") return inLanguage(query, language);
        const refused = guard(query);
        if (refused)
          return refused.errors.map((e) => new GraphQLError(messageIn(e, language), { extensions: { code: e.code } }));
        let document;
        try {
          document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
        } catch (e) {
          return refusal("GRAPHQL_PARSE_FAILED", (e as Error).message, language);
        }
        const errors = validate(o.schema, document, [...specifiedRules, ...securityValidationRules]);
        if (errors.length) return inLanguage(errors, language);
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return refusal("BAD_REQUEST", GATEWAY_MESSAGES.nameTheOperation, language);
        const fields = operation.selectionSet.selections;
        if (
          operation.operation !== "subscription" ||
          fields.some((f) => f.kind !== Kind.FIELD || !ALLOWED_FIELDS.has(f.name.value))
        )
          return refusal("OPERATION_NOT_ALLOWED", GATEWAY_MESSAGES.subscriptionOnly, language);
        if (relay) {
          const extra = ctx.extra;
          const field = fields.find((f) => f.kind === Kind.FIELD && f.name.value === "events");
          const operation: RelayedOperation = {
            query,
            operationName: payload.operationName,
            variables: payload.variables,
            responseKey: field?.kind === Kind.FIELD ? (field.alias?.value ?? "events") : "events",
          };
          const contextValue: RelayContext = {
            relay: () =>
              (extra.relayed ??= relay.connect({
                authorization: extra.authorization!,
                language,
                subject: extra.principal!.subject,
              })).subscribe(operation),
          };
          return { schema: o.schema, document, operationName: payload.operationName, contextValue };
        }
        const contextValue: EventSubscriptionContext = {
          ...createRequestContext(o.ds!, ctx.extra.principal ?? null, `ws-${++connectionIds}-${id}`),
          eventHub: o.runtime?.hub ?? undefined,
        };
        return {
          schema: o.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables ?? undefined,
          contextValue,
        } satisfies ExecutionArgs;
      },
      onOperation: (ctx, _id, payload) => {
        // The subject only (never a person's data): operators see who listens; tests wait for it.
        logger.log("info", "subscription started", {
          subject: ctx.extra.principal?.subject,
          operation: payload.operationName ?? null,
        });
        return undefined;
      },
      // Errors leave as over HTTP: codes kept, internal details masked (core's formatError).
      onNext: (ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return undefined;
        const options = formatOptions[ctx.extra.language ?? o.defaultLanguage ?? "en"];
        const formatted: FormattedExecutionResult = {
          ...result,
          // A relayed result's errors arrive formatted (by the upstream, or the relay's own): as they are.
          errors: result.errors.map((e) =>
            e instanceof GraphQLError ? formatError(e.toJSON(), e, options) : (e as GraphQLFormattedError),
          ),
        };
        return formatted;
      },
    },
    wss,
    // Ping every 12 s; a connection without a pong is dropped.
    12_000,
  );

  return {
    get connections() {
      return wss.clients.size;
    },
    async close() {
      for (const client of wss.clients) client.close(WS_CLOSE.GOING_AWAY, "The gateway is shutting down");
      await server.dispose();
    },
  };
}
