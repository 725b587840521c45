import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { type RequestContext } from "@arbetsliv/core";
import {
  REQUEST_TIMEOUT,
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
  currentRequestDeadline,
  type RequestDeadline,
} from "@arbetsliv/core/data";

/**
 * What a mutation that did not finish did to the data, told with the error (`extensions.outcome`):
 * NOT_APPLIED when no statement that commits was sent (a transaction still open rolls back, and
 * after the deadline no COMMIT is sent any more), UNKNOWN when one was: it may have been saved
 * although the answer is an error, so the client must check before it retries.
 */
function mutationOutcome(deadline: RequestDeadline): { outcome: string; advice: string } {
  return deadline.mayHaveCommitted
    ? { outcome: "UNKNOWN", advice: "The change may have been saved before this happened: check before retrying." }
    : { outcome: "NOT_APPLIED", advice: "Nothing was saved; it is safe to retry." };
}

/** The answer to a request that passed its deadline (HTTP 503 with `retry-after`). */
export function deadlineAnswer(deadline: RequestDeadline, requestId: string): { errors: GraphQLFormattedError[] } {
  let message = `The request did not finish within ${deadline.ms} ms and was stopped; retry in a few seconds.`;
  const extensions: Record<string, unknown> = { code: REQUEST_TIMEOUT, requestId };
  if (deadline.operation === "mutation") {
    const { outcome, advice } = mutationOutcome(deadline);
    message += ` ${advice}`;
    extensions.outcome = outcome;
  }
  return { errors: [{ message, extensions }] };
}

export const RETRY_AFTER = String(RETRY_AFTER_SECONDS);

// One listener for every request (no per-request closures on the hot path).
const listener: GraphQLRequestListener<RequestContext> = {
  async didResolveOperation({ operation }) {
    const deadline = currentRequestDeadline();
    if (deadline) deadline.operation = operation?.operation;
  },
  async willSendResponse({ response }) {
    if (response.body.kind !== "single") return;
    const errors = response.body.singleResult.errors;
    if (!errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
    response.http.status = 503;
    response.http.headers.set("retry-after", RETRY_AFTER);
    const deadline = currentRequestDeadline();
    if (deadline?.operation !== "mutation") return;
    const { outcome, advice } = mutationOutcome(deadline);
    response.body.singleResult.errors = errors.map((e) =>
      e.extensions?.code === SERVICE_UNAVAILABLE
        ? { ...e, message: `${e.message}. ${advice}`, extensions: { ...e.extensions, outcome } }
        : e,
    );
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
