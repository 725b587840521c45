import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import type { GraphQLFormattedError, OperationTypeNode } from "graphql";
import { type Language, type RequestContext } from "@arbetsliv/core";
import { currentLanguage } from "./language";
import { GATEWAY_MESSAGES } from "./messages";
import {
  REQUEST_TIMEOUT,
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
  currentRequestDeadline,
  noteMutation,
  type RequestDeadline,
} from "@arbetsliv/core/data";

/**
 * What a mutation that did not finish did to the data, told with the error (`extensions.outcome`):
 * NOT_APPLIED when no statement that commits was sent (a transaction still open rolls back, and
 * after the deadline no COMMIT is sent any more), UNKNOWN when one was: it may have been saved
 * although the answer is an error, so the client must check before it retries.
 */
function mutationOutcome(deadline: RequestDeadline, language: Language): { outcome: string; advice: string } {
  return deadline.mayHaveCommitted
    ? { outcome: "UNKNOWN", advice: GATEWAY_MESSAGES.mayHaveCommitted[language] }
    : { outcome: "NOT_APPLIED", advice: GATEWAY_MESSAGES.notApplied[language] };
}

/** The answer to a request that passed its deadline (HTTP 503 with `retry-after`). */
export function deadlineAnswer(
  deadline: RequestDeadline,
  requestId: string,
  language: Language = "en",
): { errors: GraphQLFormattedError[] } {
  let message = GATEWAY_MESSAGES.deadline(deadline.ms)[language];
  const extensions: Record<string, unknown> = { code: REQUEST_TIMEOUT, requestId };
  if (deadline.operation === "mutation") {
    const { outcome, advice } = mutationOutcome(deadline, language);
    message += ` ${advice}`;
    extensions.outcome = outcome;
  }
  return { errors: [{ message, extensions }] };
}

export const RETRY_AFTER = String(RETRY_AFTER_SECONDS);

/**
 * An answer with a SERVICE_UNAVAILABLE error (core's formatError: the database did not answer)
 * becomes 503 with `retry-after`; a mutation's error says what happened to its change. Used by
 * Apollo's plugin below and by the JSON fast path (execution/json-fast-path.ts).
 */
export function markUnavailable(
  answer: { errors?: readonly GraphQLFormattedError[] },
  http: { status?: number; headers: Map<string, string> },
  language: Language,
): void {
  const errors = answer.errors;
  if (!errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
  http.status = 503;
  http.headers.set("retry-after", RETRY_AFTER);
  const deadline = currentRequestDeadline();
  if (deadline?.operation !== "mutation") return;
  const { outcome, advice } = mutationOutcome(deadline, language);
  answer.errors = errors.map((e) =>
    e.extensions?.code === SERVICE_UNAVAILABLE
      ? { ...e, message: `${e.message}. ${advice}`, extensions: { ...e.extensions, outcome } }
      : e,
  );
}

/** The deadline learns the operation's type (a mutation's timeout answer says what became of its change). */
export function noteOperation(operation: OperationTypeNode | undefined): void {
  const deadline = currentRequestDeadline();
  if (deadline) deadline.operation = operation;
  // With read replicas a mutation reads from the primary (core's read-replicas.ts).
  if (operation === "mutation") noteMutation();
}

// One listener for every request (no per-request closures on the hot path).
const listener: GraphQLRequestListener<RequestContext> = {
  async didResolveOperation({ operation }) {
    noteOperation(operation?.operation);
  },
  async willSendResponse({ response }) {
    if (response.body.kind !== "single") return;
    markUnavailable(response.body.singleResult, response.http, currentLanguage("en"));
  },
};

/**
 * A database that does not answer (core's formatError: SERVICE_UNAVAILABLE) is answered with
 * HTTP 503 and `retry-after`, not 200: clients and load balancers retry a 503.
 */
export const availabilityPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return listener;
  },
};
