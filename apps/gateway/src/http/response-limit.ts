import { getOperationAST, parse } from "graphql";
import type { Message } from "@arbetsliv/core";
import { GATEWAY_MESSAGES } from "./messages";

/** The code and status of an answer refused for its size (documented in SECURITY.md). */
export const RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";
export const RESPONSE_TOO_LARGE_STATUS = 400;

/** UTF-8 size of a JSON answer (text, or bytes already encoded) above `max`? Measures text only when its length alone does not decide it. */
export function exceedsBytes(text: string | Uint8Array, max: number): boolean {
  if (text.length > max) return true;
  if (typeof text !== "string") return false;
  if (text.length * 3 <= max) return false; // a UTF-16 unit is at most 3 UTF-8 bytes
  return Buffer.byteLength(text, "utf8") > max;
}

/** A mutation's answer is never refused for its size: its change is made, and the client must learn it. */
function isMutation(body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== "string") return false;
  try {
    return (
      getOperationAST(parse(query), typeof operationName === "string" ? operationName : undefined)?.operation ===
      "mutation"
    );
  } catch {
    return false;
  }
}

/**
 * The refusal to send instead of a query's answer larger than `maxBytes`, or null to send the
 * answer. Every list is bounded and the cost estimate limits what a query can select; this is the
 * last cap, on what the answer weighs (long texts times many rows), so that one request cannot
 * make the process build and send hundreds of megabytes.
 */
export function responseTooLarge(
  text: string | Uint8Array,
  maxBytes: number,
  requestBody: unknown,
): { message: Message } | null {
  if (!exceedsBytes(text, maxBytes) || isMutation(requestBody)) return null;
  return { message: GATEWAY_MESSAGES.responseTooLarge(maxBytes) };
}
