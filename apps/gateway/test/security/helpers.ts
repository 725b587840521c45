import { randomBytes } from "node:crypto";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import type { DataSource } from "typeorm";
import { operationScopes, type DomainModule, type OperationScopes } from "@arbetsliv/core";
import { luhnCheckDigit } from "@arbetsliv/core/values";
import type { TestGateway } from "../harness";

/** One raw HTTP exchange with the gateway, with the server's request id so its log line can be found. */
export interface RawResponse {
  status: number;
  /** The server's id for the request (`x-request-id` of the response). */
  requestId: string;
  /** The id this client sent (`x-request-id`), echoed as `x-correlation-id`. */
  correlationId?: string;
  headers: Headers;
  text: string;
  json: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  } | null;
  codes: string[];
}

/** A request id of letters only (the log masking leaves it alone; digits could look like a personnummer). */
function letterId(): string {
  return Array.from(randomBytes(16), (b) => String.fromCharCode(97 + (b % 26))).join("");
}

export async function rawRequest(
  url: string,
  init: { method?: string; body?: string | null; headers?: Record<string, string>; path?: string } = {},
): Promise<RawResponse> {
  const correlationId = `sec-${letterId()}`;
  const res = await fetch(`${url}${init.path ?? "/graphql"}`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", "x-request-id": correlationId, ...init.headers },
    body: init.body ?? undefined,
  });
  const text = await res.text();
  let json: RawResponse["json"] = null;
  try {
    json = JSON.parse(text) as RawResponse["json"];
  } catch {
    json = null;
  }
  const codes = (json?.errors ?? []).map((e) => String(e.extensions?.code));
  return {
    status: res.status,
    requestId: res.headers.get("x-request-id") ?? "",
    correlationId,
    headers: res.headers,
    text,
    json,
    codes,
  };
}

/** POST a GraphQL request (body given as an object, or as a raw string). */
export function postGraphql(
  gw: Pick<TestGateway, "url">,
  body: unknown,
  token?: string | null,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(gw.url, {
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

/** The gateway's JSON log line for a request id (the gateway writes one per request). */
export function requestLog(gw: TestGateway, requestId: string): Record<string, unknown> | undefined {
  for (const line of gw.logLines) {
    if (!line.includes(requestId)) continue;
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if (parsed.message === "request" && parsed.requestId === requestId) return parsed;
  }
  return undefined;
}

/**
 * Counts every SQL statement the gateway's DataSource runs from now on, whatever async
 * context it runs in (a stronger check than the per-request `statements` log field).
 */
export function countAllStatements(ds: DataSource): {
  readonly count: number;
  readonly statements: string[];
  stop(): void;
} {
  const logger = ds.logger;
  const original = logger.logQuery.bind(logger);
  const state = { count: 0, statements: [] as string[] };
  logger.logQuery = (query, parameters, runner) => {
    state.count++;
    if (state.statements.length < 50) state.statements.push(query);
    return original(query, parameters, runner);
  };
  return {
    get count() {
      return state.count;
    },
    get statements() {
      return state.statements;
    },
    stop() {
      logger.logQuery = original;
    },
  };
}

/** A valid organisationsnummer (third digit ≥ 2, Luhn), e.g. for a foundation (starts with 8). */
export function organisationsnummer(first9: string): string {
  return `${first9.slice(0, 6)}-${first9.slice(6)}${luhnCheckDigit(first9)}`;
}

/** A valid personnummer (12 digits with dash) for a birth date YYYYMMDD and serial NNN. */
export function personnummer(yyyymmdd: string, serial: string): string {
  return `${yyyymmdd}-${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
}

/** Well-typed dummy values for the scalars of the composed schema. */
export const DUMMY_SCALARS: Record<string, unknown> = {
  ID: "1",
  Int: 1,
  Float: 1.5,
  Boolean: false,
  String: "Test",
  Money: "100.00",
  Personnummer: "19121212-1212",
  Organisationsnummer: organisationsnummer("802000000"),
  Date: "2021-06-01",
  DateTimeISO: "2021-06-01T00:00:00.000Z",
};

/** A valid value for an input type: required fields of input objects, one item in lists, the first enum value. */
export function dummyValue(
  type: GraphQLInputType,
  path: string[] = [],
  overrides: Record<string, unknown> = {},
): unknown {
  const key = path.join(".");
  if (key in overrides) return overrides[key];
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [dummyValue(nullable.ofType as GraphQLInputType, path, overrides)];
  if (isEnumType(nullable)) return nullable.getValues()[0].name;
  if (isInputObjectType(nullable)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        out[field.name] = dummyValue(field.type, [...path, field.name], overrides);
    }
    return out;
  }
  if (isScalarType(nullable)) return nullable.name in DUMMY_SCALARS ? DUMMY_SCALARS[nullable.name] : "Test";
  throw new Error(`No dummy value for ${String(type)}`);
}

/** The smallest valid selection of a field's result. */
export function minimalSelection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? " { __typename }" : "";
}

export interface GeneratedCall extends OperationScopes {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * One call per query and mutation of the composed schema, with well-typed dummy arguments
 * (every required argument; optional ones left out) and the scopes the operation declares.
 */
export function generateCalls(
  schema: GraphQLSchema,
  modules: readonly DomainModule[],
  overrides: Record<string, Record<string, unknown>> = {},
): GeneratedCall[] {
  const declared = operationScopes(modules.flatMap((m) => m.resolvers));
  return declared.map((op) => {
    const root = op.type === "Query" ? schema.getQueryType() : schema.getMutationType();
    const field = root?.getFields()[op.field];
    if (!field) throw new Error(`${op.type}.${op.field} is declared by ${op.resolver} but not in the composed schema`);
    const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const variables: Record<string, unknown> = {};
    for (const a of args) variables[a.name] = dummyValue(a.type, [a.name], overrides[`${op.type}.${op.field}`] ?? {});
    const varDefs = args.length ? `(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ")})` : "";
    const argList = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
    const keyword = op.type === "Query" ? "query" : "mutation";
    return {
      ...op,
      query: `${keyword} Matrix_${op.field}${varDefs} { ${op.field}${argList}${minimalSelection(field)} }`,
      variables,
    };
  });
}

/** Every scope any module defines. */
export function allScopes(modules: readonly DomainModule[]): string[] {
  return [...new Set(modules.flatMap((m) => m.scopes.map((s) => s.name)))];
}

/** Personnummer-like digit runs (10 or 12 digits, with or without - / +) in a text. */
export const IDENTITY_NUMBER_IN_CLEAR = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/;
