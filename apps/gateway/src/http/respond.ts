import type { ServerResponse } from "node:http";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A GraphQL-shaped error answer the gateway gives itself (before or instead of Apollo). */
export function graphqlError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions: { code, requestId } }] }, headers);
}
