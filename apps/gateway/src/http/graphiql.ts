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
const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
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
<script src="/graphiql/init.js"></script>
</body>
</html>`;
