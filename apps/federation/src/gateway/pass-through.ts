import {
  Kind,
  isNonNullType,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Language } from "@arbetsliv/core";
import type { GraphqlResponse } from "@arbetsliv/gateway/edge";
import type { SubgraphTarget } from "./single-subgraph";
import type { SubgraphForwarder } from "./subgraph-forwarder";

/** The request as the edge passed it on (the fast path's context), and what the pass-through leaves for the answer. */
export interface PassThrough {
  query: string;
  authorization: string | undefined;
  requestId: string;
  language: Language;
  /** A subgraph's data-only answer (and the fast path's newline), sent to the client byte for byte. */
  verbatim?: Buffer;
}

/** A subgraph's GraphQL answer, as the Hive path has it. */
export type SubgraphAnswer = { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] };

/** The result the executor gives the fast path when the subgraph's own bytes are the answer. */
const VERBATIM_PLACEHOLDER = Object.freeze({});
/** What the fast path makes of that result (JSON + "\n"); anything else means a hook changed it. */
const PLACEHOLDER_ANSWER = JSON.stringify({ data: VERBATIM_PLACEHOLDER }) + "\n";
/** How a data-only answer begins (the subgraph writes `{"data":…}`, an `"errors"` key after it when there are errors). */
const DATA_ONLY_START = Buffer.from('{"data":');
const NEWLINE = Buffer.from("\n");

/** The root fields' response keys and field names, through fragments, in order. */
function rootFields(document: DocumentNode, operation: OperationDefinitionNode): Map<string, string> {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const fields = new Map<string, string>();
  const collect = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== "__typename") fields.set(s.alias?.value ?? s.name.value, s.name.value);
      } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
      else if (fragments.has(s.name.value)) collect(fragments.get(s.name.value)!);
    }
  };
  collect(operation.selectionSet);
  return fields;
}

/**
 * What Hive Gateway answers for a subgraph it cannot reach or that does not answer GraphQL: an
 * error per root field with its transport code and the service (subgraph-errors.ts makes it
 * SERVICE_UNAVAILABLE); data null up to the first nullable level, as GraphQL's null propagation.
 */
function unreachable(
  target: SubgraphTarget,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
): SubgraphAnswer {
  const root = schema.getRootType(operation.operation)!.getFields();
  const fields = rootFields(document, operation);
  const nonNull = [...fields.values()].some((name) => root[name] && isNonNullType(root[name].type));
  return {
    data: nonNull ? null : Object.fromEntries([...fields.keys()].map((key) => [key, null])),
    errors: [...fields.keys()].map((key) => ({
      message: `Failed to fetch from subgraph "${target.name}"`,
      path: [key],
      extensions: { code: "SUBREQUEST_HTTP_ERROR", serviceName: target.name },
    })),
  };
}

/**
 * Sends the client's operation (its query text, variables and operation name, unchanged) to the
 * one subgraph that resolves all of it, signed, and answers with the subgraph's answer: a
 * data-only answer byte for byte (left in `to.verbatim` for answerVerbatim), errors through
 * `asResult` exactly as Hive Gateway's answers go.
 */
export async function passThrough(
  forwarder: SubgraphForwarder,
  target: SubgraphTarget,
  request: { document: DocumentNode; operation: OperationDefinitionNode; requestedName?: unknown; variables?: unknown },
  schema: GraphQLSchema,
  to: PassThrough,
  asResult: (answer: SubgraphAnswer, language: Language) => ExecutionResult,
): Promise<ExecutionResult> {
  const body = JSON.stringify({
    query: to.query,
    operationName: request.requestedName ?? undefined,
    variables: request.variables ?? undefined,
  });
  let reply;
  try {
    reply = await forwarder.post(target.url, {
      body,
      authorization: to.authorization,
      requestId: to.requestId,
      language: to.language,
    });
  } catch {
    return asResult(unreachable(target, request.document, request.operation, schema), to.language);
  }
  // Data only: no need to parse it, nor to decode it (`"errors":` unescaped can only be a key).
  const { body: bytes } = reply;
  if (
    reply.status === 200 &&
    bytes.subarray(0, DATA_ONLY_START.length).equals(DATA_ONLY_START) &&
    !bytes.includes('"errors":')
  ) {
    to.verbatim = Buffer.concat([bytes, NEWLINE]);
    return { data: VERBATIM_PLACEHOLDER };
  }
  let answer: SubgraphAnswer | undefined;
  try {
    answer = JSON.parse(bytes.toString("utf8")) as SubgraphAnswer;
  } catch {
    answer = undefined;
  }
  if (!answer || typeof answer !== "object" || (!("data" in answer) && !Array.isArray(answer.errors)))
    answer = unreachable(target, request.document, request.operation, schema);
  return asResult(answer, to.language);
}

/** The fast path's answer with the subgraph's bytes in place of the placeholder it serialised. */
export function answerVerbatim(answer: GraphqlResponse, to: PassThrough): GraphqlResponse {
  if (to.verbatim === undefined || answer.body.kind !== "complete" || answer.body.string !== PLACEHOLDER_ANSWER)
    return answer;
  return { ...answer, body: { kind: "bytes", bytes: to.verbatim } };
}
