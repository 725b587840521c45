import type { IncomingMessage } from "node:http";

export class BodyTooLargeError extends Error {}

/**
 * A body declared larger than the limit but at most this is read to its end and dropped before the
 * 413: a client still sending when the connection closes gets a reset instead of the answer.
 */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
/** …and for at most this long; a slower client is answered (and cut off) when it passes. */
const DRAIN_MAX_MS = 2_000;

/** Reads a request body up to `limit` bytes; larger bodies are refused before parsing. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      const refuse = () => reject(new BodyTooLargeError());
      req.resume();
      if (declared > DRAIN_MAX_BYTES) return refuse();
      const timer = setTimeout(refuse, DRAIN_MAX_MS);
      const drained = () => {
        clearTimeout(timer);
        refuse();
      };
      req.once("end", drained);
      req.once("error", drained);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading; the caller answers 413 with "connection: close" and then drops the socket.
        req.removeAllListeners("data");
        req.pause();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
