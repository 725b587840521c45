import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { GraphQLError, parse } from "graphql";
import type { Message } from "@arbetsliv/core";

/**
 * Trusted documents (persisted documents): with TRUSTED_DOCUMENTS set, the gateway runs only the
 * operations in its allow-list, built from the manifests the client teams generate (hash → text,
 * what GraphQL Code Generator's client preset writes with `persistedDocuments`, sha256). A request
 * names its document by `documentId`; a request that sends the text is run only if that text is
 * in the list. Without the option there is no list, and a `documentId` is refused.
 *
 * Automatic persisted queries (APQ) stay off (apollo-execution.ts): a server that learns
 * documents from its clients would let anyone register anything, and the request guard must see
 * every document. Trusted documents take over APQ's bandwidth role with a list fixed at start.
 */

/** The documents a gateway may run, read at start. */
export interface TrustedDocuments {
  /** The manifests it was read from. */
  readonly files: readonly string[];
  /** How many distinct documents. */
  readonly size: number;
  /** The text stored under a sha256 (64 lowercase hex digits), or undefined. */
  text(hash: string): string | undefined;
  /** Whether this exact text is in the list (the same as its sha256 being there, without hashing). */
  listed(query: string): boolean;
}

/** Stable codes of the refusals (documented in SECURITY.md). */
export const TRUSTED_DOCUMENT_CODES = {
  /** A documentId (or APQ sha256Hash) that is not in the list. */
  NOT_FOUND: "PERSISTED_DOCUMENT_NOT_FOUND",
  /** A query text whose sha256 is not in the list. */
  NOT_TRUSTED: "OPERATION_NOT_TRUSTED",
  /** A documentId sent to a gateway without a list. */
  NOT_SUPPORTED: "PERSISTED_DOCUMENT_NOT_SUPPORTED",
  /** A documentId that is not a sha256, or sent together with a query. */
  BAD_REQUEST: "BAD_REQUEST",
} as const;

/** Why a request's document is refused: always HTTP 400, a stable code, the message in English and Swedish. */
export interface TrustedRefusal {
  status: 400;
  code: string;
  message: Message;
  /** The request field at fault (`documentId`, `query`). */
  field: string;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

const HEX_64 = /^[0-9a-f]{64}$/i;

/** The sha256 a documentId names — `sha256:<hex>` (GraphQL over HTTP) or the bare hex (client preset) — or null. */
export function documentHash(documentId: unknown): string | null {
  if (typeof documentId !== "string") return null;
  const hex = documentId.startsWith("sha256:") ? documentId.slice("sha256:".length) : documentId;
  return HEX_64.test(hex) ? hex.toLowerCase() : null;
}

/** At most this many problems are named per manifest (a wrong algorithm would list every entry). */
const MAX_PROBLEMS_PER_FILE = 5;

/**
 * Reads one manifest's text: a JSON object of sha256 → document text. Every entry is checked (the
 * key is the sha256 of its text, the text parses); the problems name the file and the entry.
 */
export function parseManifest(file: string, json: string): { entries: [string, string][]; problems: string[] } {
  const problems: string[] = [];
  const where = `TRUSTED_DOCUMENTS: ${file}`;
  let manifest: unknown;
  try {
    manifest = JSON.parse(json);
  } catch (e) {
    return { entries: [], problems: [`${where} is not valid JSON (${(e as Error).message})`] };
  }
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    return {
      entries: [],
      problems: [
        `${where} must be a JSON object of sha256 → document text (the client preset's persisted-documents.json)`,
      ],
    };
  }
  const entries: [string, string][] = [];
  let problemCount = 0;
  const problem = (text: string) => {
    if (++problemCount <= MAX_PROBLEMS_PER_FILE) problems.push(text);
  };
  for (const [key, text] of Object.entries(manifest as Record<string, unknown>)) {
    const entry = `${where}: entry "${key.slice(0, 80)}"`;
    const hash = documentHash(key);
    if (hash === null) {
      problem(`${entry}: the key must be a sha256 (64 hex digits, optionally "sha256:" before them)`);
      continue;
    }
    if (typeof text !== "string" || text.trim() === "") {
      problem(`${entry}: the value must be the document's text`);
      continue;
    }
    const actual = sha256Hex(text);
    if (actual !== hash) {
      problem(
        `${entry}: the key is not the sha256 of its text (that is ${actual}); generate the manifest with hashAlgorithm "sha256" and do not edit it`,
      );
      continue;
    }
    try {
      parse(text);
    } catch (e) {
      problem(`${entry}: the text does not parse: ${(e as Error).message}`);
      continue;
    }
    entries.push([hash, text]);
  }
  if (problemCount > MAX_PROBLEMS_PER_FILE)
    problems.push(`${where}: ${problemCount - MAX_PROBLEMS_PER_FILE} more entries with problems`);
  if (problemCount === 0 && entries.length === 0) problems.push(`${where} holds no documents`);
  return { entries, problems };
}

/** Reads and checks every manifest (TRUSTED_DOCUMENTS); the list, or the problems that stop the start. */
export function loadTrustedDocuments(files: readonly string[]): { documents: TrustedDocuments; problems: string[] } {
  const byHash = new Map<string, string>();
  const problems: string[] = [];
  for (const file of files) {
    let json: string;
    try {
      json = readFileSync(file, "utf8");
    } catch (e) {
      problems.push(
        `TRUSTED_DOCUMENTS: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
      continue;
    }
    const read = parseManifest(file, json);
    problems.push(...read.problems);
    // The same hash in two teams' manifests is the same text: kept once.
    for (const [hash, text] of read.entries) byHash.set(hash, text);
  }
  const texts = new Set(byHash.values());
  return {
    documents: {
      files: [...files],
      size: byHash.size,
      text: (hash) => byHash.get(hash),
      listed: (query) => texts.has(query),
    },
    problems,
  };
}

/** What a request says about its document, wherever it came from (a POST body, GET parameters, a graphql-ws payload). */
export interface DocumentChoice {
  documentId?: unknown;
  query?: unknown;
  /** `extensions.persistedQuery` (Apollo's APQ form), when the request has one. */
  persistedQuery?: unknown;
}

/** The document text to run (undefined: none given, left to the usual "query required" answer), or why not. */
export type DocumentResolution = { query: string | undefined } | { refusal: TrustedRefusal };

function refuse(code: string, field: string, en: string, sv: string): { refusal: TrustedRefusal } {
  return { refusal: { status: 400, code, field, message: { en, sv } } };
}

/**
 * Decides the document a request runs. With a list: a documentId (or APQ's `sha256Hash`) is
 * looked up; a text must be listed. Without one: a documentId is refused, everything else is left
 * as it was (APQ then gets Apollo's PERSISTED_QUERY_NOT_SUPPORTED).
 */
export function resolveDocument(trusted: TrustedDocuments | null, choice: DocumentChoice): DocumentResolution {
  const query = typeof choice.query === "string" && choice.query !== "" ? choice.query : undefined;
  const hasId = choice.documentId !== undefined && choice.documentId !== null;
  if (!trusted) {
    if (hasId)
      return refuse(
        TRUSTED_DOCUMENT_CODES.NOT_SUPPORTED,
        "documentId",
        "This gateway has no list of trusted documents: send the document's text in `query` instead of `documentId`",
        "Den här gatewayen har ingen lista med betrodda dokument: skicka dokumentets text i `query` i stället för `documentId`",
      );
    return { query: choice.query as string | undefined };
  }
  const apqHash = (choice.persistedQuery as { sha256Hash?: unknown } | null | undefined)?.sha256Hash;
  const id = hasId ? choice.documentId : query === undefined ? apqHash : undefined;
  const field = hasId ? "documentId" : "extensions.persistedQuery.sha256Hash";
  if (hasId && query !== undefined)
    return refuse(
      TRUSTED_DOCUMENT_CODES.BAD_REQUEST,
      "documentId",
      "Send either `documentId` or `query`, not both",
      "Skicka antingen `documentId` eller `query`, inte båda",
    );
  if (id !== undefined && id !== null) {
    const hash = documentHash(id);
    if (hash === null)
      return refuse(
        TRUSTED_DOCUMENT_CODES.BAD_REQUEST,
        field,
        `${field} must be "sha256:" followed by 64 hex digits (or the 64 hex digits alone)`,
        `${field} ska vara "sha256:" följt av 64 hexadecimala siffror (eller bara de 64 siffrorna)`,
      );
    const text = trusted.text(hash);
    if (text === undefined)
      return refuse(
        TRUSTED_DOCUMENT_CODES.NOT_FOUND,
        field,
        `No trusted document has the id sha256:${hash}: the gateway's operators must add your manifest before your frontend is deployed`,
        `Inget betrott dokument har id sha256:${hash}: gatewayens driftansvariga måste lägga till ert manifest innan er frontend driftsätts`,
      );
    return { query: text };
  }
  if (query !== undefined && !trusted.listed(query))
    return refuse(
      TRUSTED_DOCUMENT_CODES.NOT_TRUSTED,
      "query",
      "This gateway runs only trusted documents, and this query is not one of them: send the documentId of a document in its list",
      "Den här gatewayen kör bara betrodda dokument, och den här frågan är inte ett av dem: skicka documentId för ett dokument i listan",
    );
  return { query };
}

/** A request over HTTP after this step: the body and query string to go on with, or why it is refused. */
export type TrustedHttpRequest = { body: unknown; search: string } | { refusal: TrustedRefusal };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The HTTP step, between reading the body and the document limits: a POST body's or GET
 * parameters' `documentId` replaced by the stored text (so the limits, Apollo and the fast path
 * see an ordinary `query`), or the refusal. Costs nothing without a list and no `documentId`.
 */
export function trustedHttpRequest(
  trusted: TrustedDocuments | null,
  method: string | undefined,
  body: unknown,
  search: string,
): TrustedHttpRequest {
  if (method === "POST") {
    if (!isRecord(body)) return { body, search };
    if (!trusted && body.documentId === undefined) return { body, search };
    const extensions = isRecord(body.extensions) ? body.extensions : undefined;
    const resolved = resolveDocument(trusted, {
      documentId: body.documentId,
      query: body.query,
      persistedQuery: extensions?.persistedQuery,
    });
    if ("refusal" in resolved) return resolved;
    if (resolved.query === undefined) return { body, search };
    if (resolved.query === body.query && extensions?.persistedQuery === undefined) return { body, search };
    const { documentId: _id, extensions: _ext, ...rest } = body;
    const next: Record<string, unknown> = { ...rest, query: resolved.query };
    // An APQ hash was honoured as a document id: Apollo (APQ off) must not see it.
    if (extensions) {
      const { persistedQuery: _pq, ...others } = extensions;
      if (Object.keys(others).length) next.extensions = others;
    }
    return { body: next, search };
  }
  const params = new URLSearchParams(search);
  const documentId = params.get("documentId") ?? undefined;
  if (!trusted && documentId === undefined) return { body, search };
  const resolved = resolveDocument(trusted, { documentId, query: params.get("query") ?? undefined });
  if ("refusal" in resolved) return resolved;
  if (documentId === undefined) return { body, search };
  params.delete("documentId");
  params.set("query", resolved.query!);
  return { body, search: `?${params.toString()}` };
}

/** The same for a graphql-ws subscribe payload (its `query` is always a string; "" with a `documentId`). */
export function trustedSubscriptionQuery(
  trusted: TrustedDocuments | null,
  payload: { readonly query: string; readonly extensions?: Readonly<Record<string, unknown>> | null },
): string | GraphQLError[] {
  // graphql-ws passes fields beyond its own through; documentId is one.
  const documentId = (payload as { documentId?: unknown }).documentId;
  if (!trusted && documentId === undefined) return payload.query;
  const resolved = resolveDocument(trusted, {
    documentId,
    query: payload.query,
    persistedQuery: payload.extensions?.persistedQuery,
  });
  if ("refusal" in resolved) {
    const { code, field, message } = resolved.refusal;
    // The Swedish text rides along as core's localized errors carry it (swedishMessageOf).
    return [
      Object.assign(new GraphQLError(message.en, { extensions: { code, field } }), { swedishMessage: message.sv }),
    ];
  }
  return resolved.query ?? payload.query;
}
