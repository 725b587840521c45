import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * A self-hosted GraphiQL: every asset is served from node_modules, so the IDE works with
 * no internet (no CDN). Development only.
 */
const assetFiles: Record<string, { module: string; file: string; type: string }> = {
  "react.js": { module: "react", file: "umd/react.production.min.js", type: "text/javascript" },
  "react-dom.js": { module: "react-dom", file: "umd/react-dom.production.min.js", type: "text/javascript" },
  "graphiql.js": { module: "graphiql", file: "graphiql.min.js", type: "text/javascript" },
  "graphiql.css": { module: "graphiql", file: "graphiql.min.css", type: "text/css" },
  "graphql-ws.js": { module: "graphql-ws", file: "umd/graphql-ws.min.js", type: "text/javascript" },
};

const cache = new Map<string, Buffer>();

export function graphiqlAsset(name: string): { body: Buffer; type: string } | null {
  if (name === "init.js") return { body: Buffer.from(INIT_SCRIPT), type: "text/javascript" };
  const asset = assetFiles[name];
  if (!asset) return null;
  let body = cache.get(name);
  if (!body) {
    const root = dirname(require.resolve(`${asset.module}/package.json`));
    body = readFileSync(join(root, asset.file));
    cache.set(name, body);
  }
  return { body, type: asset.type };
}

const INIT_SCRIPT = `
// Headers start empty, so the schema loads (introspection needs no token); the query comment
// says how to add one. GraphiQL keeps what the developer types (shouldPersistHeaders) in its
// tab state in localStorage. Passing "headers" would overwrite that on every load, so only
// "defaultHeaders" is given: it applies when nothing is stored yet.
// Subscriptions go over graphql-ws on the same path, with the headers pane's Authorization as the
// connection's connectionParams (a browser cannot set headers on a WebSocket); one connection per
// running subscription, closed when GraphiQL stops it.
const httpFetcher = GraphiQL.createFetcher({ url: "/graphql" });
const wsUrl = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/graphql";
// Decided from the query text itself: GraphiQL's parsed document lags the editor by a debounce.
function isSubscription(params) {
  const text = String(params.query || "").replace(/#[^\\n]*/g, "").replace(/"(?:[^"\\\\]|\\\\.)*"/g, '""');
  const operations = [...text.matchAll(/(?:^|[\\s}])(query|mutation|subscription)\\b\\s*([_A-Za-z][_0-9A-Za-z]*)?/g)];
  const chosen = operations.find((m) => m[2] && m[2] === params.operationName) || operations[0];
  return Boolean(chosen && chosen[1] === "subscription");
}
function fetcher(params, opts) {
  if (!isSubscription(params)) return httpFetcher(params, opts);
  const headers = (opts && opts.headers) || {};
  const authorization = headers.Authorization || headers.authorization;
  return {
    subscribe(observer) {
      const client = graphqlWs.createClient({ url: wsUrl, lazy: true, retryAttempts: 0, connectionParams: authorization ? { authorization } : {} });
      const fail = (e) => observer.error(e instanceof Error ? e : new Error("connection closed" + (e && e.code ? " (" + e.code + " " + (e.reason || "") + ")" : "")));
      const dispose = client.subscribe(params, { next: (value) => observer.next(value), error: fail, complete: () => observer.complete() });
      return { unsubscribe() { dispose(); client.dispose(); } };
    },
  };
}
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultHeaders: "{}",
    shouldPersistHeaders: true,
    defaultQuery: "# Arbetsliv GraphQL API.\\n# 1. In a terminal: pnpm -s dev-token -- --scopes synpunkter:stats   (pnpm dev-token -- --list shows every scope)\\n# 2. Headers below: { \\"Authorization\\": \\"Bearer <token>\\" }\\n{\\n  feedbackStatistics(from: \\"2021-01-01\\", to: \\"2021-12-31\\") {\\n    received closed handledInTime\\n    byBusinessArea { businessArea { name } total mostCommonKinds }\\n  }\\n}\\n",
  }),
);
`;

export const GRAPHIQL_PAGE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Arbetsliv GraphQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script src="/graphiql/graphql-ws.js"></script>
<script src="/graphiql/init.js"></script>
</body>
</html>`;
