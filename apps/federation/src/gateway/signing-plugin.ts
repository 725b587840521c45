import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { activeTraceContext, REQUEST_ID_HEADER, SIGNATURE_HEADER, signRequest, TRACE_HEADERS } from "../signature";

/** Headers of the client's request that every subgraph gets (the token is verified again there). */
const FORWARDED = ["authorization", "accept-language", REQUEST_ID_HEADER] as const;

/**
 * Every gateway → subgraph request carries the client's token, its language, the gateway's
 * request id and — with tracing on — the trace context of the gateway's server span
 * (`traceparent`, `tracestate`), signed with GATEWAY_SUBGRAPH_SECRET (signature.ts) over the
 * exact body sent: a subgraph takes the id and continues the trace only because they are signed.
 */
export function signSubgraphRequests(secret: string): GatewayPlugin {
  return {
    onFetch({ url, options, setOptions, context }) {
      const incoming = (context as { request?: Request } | undefined)?.request?.headers;
      const headers = new Headers(options.headers as HeadersInit | undefined);
      for (const name of FORWARDED) {
        const value = incoming?.get(name);
        if (value) headers.set(name, value);
        else headers.delete(name);
      }
      // The active span's context (nothing when tracing is off): never a header a client chose.
      for (const name of TRACE_HEADERS) headers.delete(name);
      const trace = activeTraceContext();
      for (const name of TRACE_HEADERS) if (trace[name]) headers.set(name, trace[name]);
      const body = typeof options.body === "string" ? options.body : "";
      headers.set(
        SIGNATURE_HEADER,
        signRequest(secret, {
          method: options.method ?? "POST",
          path: new URL(url).pathname,
          requestId: headers.get(REQUEST_ID_HEADER) ?? "",
          authorization: headers.get("authorization") ?? undefined,
          body,
          ...trace,
        }),
      );
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
}
