import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { guardedLookup, hostOf, isPrivateAddress, RefusedTargetError } from "./url-guard";
import type { SignedHeaders } from "./signing";

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  /** Short reason for a failure, never the payload or the response body. */
  error: string | null;
}

export interface SendOptions {
  timeoutMs: number;
  allowHttp: boolean;
  allowPrivateTargets: boolean;
}

/**
 * POSTs one signed delivery. 2xx is success; anything else (a redirect too — never followed), a
 * timeout or a connection error is a failure. The response body is never read: the socket is
 * closed once the status is in. With private targets refused, the address connected to is
 * checked at connection time (DNS rebinding).
 */
export function sendDelivery(
  url: string,
  payload: string,
  headers: SignedHeaders,
  options: SendOptions,
): Promise<SendResult> {
  return new Promise<SendResult>((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ ok: false, statusCode: null, error: "invalid URL" });
    }
    const https = target.protocol === "https:";
    if (!https && !(target.protocol === "http:" && options.allowHttp))
      return resolve({ ok: false, statusCode: null, error: "refused: http is not allowed" });
    const host = hostOf(target);
    if (!options.allowPrivateTargets && isIP(host) && isPrivateAddress(host))
      return resolve({ ok: false, statusCode: null, error: new RefusedTargetError(host).message });

    const signal = AbortSignal.timeout(options.timeoutMs);
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = (https ? httpsRequest : httpRequest)(
      target,
      {
        method: "POST",
        signal,
        headers: {
          "content-type": "application/cloudevents+json",
          "content-length": Buffer.byteLength(payload),
          "user-agent": "arbetsliv-webhooks/1",
          ...headers,
        },
        ...(options.allowPrivateTargets ? {} : { lookup: guardedLookup }),
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        res.destroy(); // the body is not ours to read
        finish(
          status >= 200 && status < 300
            ? { ok: true, statusCode: status, error: null }
            : { ok: false, statusCode: status, error: `HTTP ${status}` },
        );
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (signal.aborted)
        return finish({ ok: false, statusCode: null, error: `timeout after ${options.timeoutMs} ms` });
      if (error instanceof RefusedTargetError) return finish({ ok: false, statusCode: null, error: error.message });
      finish({ ok: false, statusCode: null, error: `connection failed (${error.code ?? error.name})`.slice(0, 200) });
    });
    req.end(payload);
  });
}
