import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { GraphQLRequestError, type GraphQLErrorEntry } from "./errors";

export interface RequestOptions {
  /** The gateway's GraphQL endpoint, e.g. "https://arbetsliv.example.se/graphql". */
  url: string;
  /** A bearer token (without "Bearer "); omit for the few fields that need none. */
  token?: string;
  /** Sent as Accept-Language, for gateways and proxies that localise messages. */
  acceptLanguage?: string;
  /** Extra headers, e.g. x-correlation-id to find the request in the gateway's log. */
  headers?: Record<string, string>;
  /** Cancels the request (a page left, a newer search typed). */
  signal?: AbortSignal;
  /** The fetch to use; defaults to the global one (browsers, Node 18+). */
  fetch?: typeof globalThis.fetch;
}

/** `undefined` is allowed only when the operation has no required variable. */
export type VariablesOf<V> = Record<string, never> extends V ? V | undefined : V;

interface GraphQLResponseBody<R> {
  data?: R | null;
  errors?: GraphQLErrorEntry[];
}

// A printed document per document object: printing is the costly part of a request.
const printed = new WeakMap<object, string>();

function queryText(document: TypedDocumentNode<unknown, never>): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/**
 * Runs one operation against the gateway and returns its `data`, typed by the document. Any
 * GraphQL error (a partial answer included) or a non-JSON answer throws a GraphQLRequestError
 * carrying `code`, `field` and `rule` of the first error, and every error.
 */
export async function request<R, V extends Record<string, unknown>>(
  document: TypedDocumentNode<R, V>,
  variables: VariablesOf<V>,
  options: RequestOptions,
): Promise<R> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.acceptLanguage) headers["accept-language"] = options.acceptLanguage;

  const response = await doFetch(options.url, {
    method: "POST",
    headers,
    body: JSON.stringify({ query: queryText(document as TypedDocumentNode<unknown, never>), variables }),
    signal: options.signal,
  });
  const requestId = response.headers.get("x-request-id") ?? undefined;
  let body: GraphQLResponseBody<R>;
  try {
    body = (await response.json()) as GraphQLResponseBody<R>;
  } catch {
    throw new GraphQLRequestError(
      [{ message: `The gateway answered HTTP ${response.status} without a GraphQL body` }],
      response.status,
      requestId,
    );
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors, response.status, requestId);
  if (body.data === undefined || body.data === null) {
    throw new GraphQLRequestError(
      [{ message: `The gateway answered HTTP ${response.status} without data` }],
      response.status,
      requestId,
    );
  }
  return body.data;
}
