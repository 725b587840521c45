import { Agent, request } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { REQUEST_ID_HEADER, SIGNATURE_HEADER, activeTraceContext, signRequest } from "../signature";

export interface ForwardedRequest {
  /** The JSON body sent, and signed, as it is. */
  body: string;
  authorization: string | undefined;
  requestId: string;
  language: string;
}

export interface SubgraphReply {
  status: number;
  /** The answer's bytes as they came (a data-only answer goes on to the client without being decoded). */
  body: Buffer;
}

export interface SubgraphForwarder {
  /** Posts a signed request to a subgraph's URL; rejects when the subgraph cannot be reached. */
  post(url: string, forwarded: ForwardedRequest): Promise<SubgraphReply>;
  close(): void;
}

/**
 * The gateway's own request to one subgraph, with the headers Hive Gateway's requests carry
 * (signing-plugin.ts: the client's token and language, the request id, the signature over the
 * exact body) over kept-alive connections.
 */
export function createSubgraphForwarder(secret: string): SubgraphForwarder {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });
  // A handful of subgraph URLs, parsed once each rather than per request.
  const targets = new Map<string, URL>();
  function post(url: string, forwarded: ForwardedRequest, retried = false): Promise<SubgraphReply> {
    let target = targets.get(url);
    if (!target) targets.set(url, (target = new URL(url)));
    // The gateway's server span (when tracing is on) continues in the subgraph; the signature covers it.
    const trace = activeTraceContext();
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json;q=0.9",
      "content-length": Buffer.byteLength(forwarded.body),
      "accept-language": forwarded.language,
      [REQUEST_ID_HEADER]: forwarded.requestId,
      [SIGNATURE_HEADER]: signRequest(secret, {
        method: "POST",
        path: target.pathname,
        requestId: forwarded.requestId,
        authorization: forwarded.authorization,
        body: forwarded.body,
        ...trace,
      }),
    };
    if (forwarded.authorization) headers.authorization = forwarded.authorization;
    if (trace.traceparent) headers.traceparent = trace.traceparent;
    if (trace.tracestate) headers.tracestate = trace.tracestate;
    const https = target.protocol === "https:";
    return new Promise<SubgraphReply>((resolve, reject) => {
      const req = (https ? httpsRequest : request)(
        target,
        { method: "POST", headers, agent: https ? httpsAgent : agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the subgraph closed as idle just as this request went out: the
        // request was never read, so it is sent again (signed anew: a signature is accepted once).
        if (req.reusedSocket && error.code === "ECONNRESET" && !retried) resolve(post(url, forwarded, true));
        else reject(error);
      });
      req.end(forwarded.body);
    });
  }
  return {
    post: (url, forwarded) => post(url, forwarded),
    close() {
      agent.destroy();
      httpsAgent.destroy();
    },
  };
}
