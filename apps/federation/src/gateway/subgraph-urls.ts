import { SUBGRAPHS } from "../topology";

/** The default ports of the local topology: 4101 for the first subgraph of SUBGRAPHS, and so on. */
export const FIRST_SUBGRAPH_PORT = 4101;

export function defaultSubgraphUrl(name: string): string {
  const index = SUBGRAPHS.findIndex((s) => s.name === name);
  if (index < 0) throw new Error(`Unknown subgraph "${name}"`);
  return `http://127.0.0.1:${FIRST_SUBGRAPH_PORT + index}/graphql`;
}

/**
 * Where each subgraph answers: SUBGRAPH_URLS (`iop=http://10.0.0.5:4104/graphql,…`) for the ones it
 * names, the local default port for the rest.
 */
export function subgraphUrls(env: NodeJS.ProcessEnv): Map<string, string> {
  const urls = new Map(SUBGRAPHS.map((s) => [s.name, defaultSubgraphUrl(s.name)]));
  for (const entry of (env.SUBGRAPH_URLS ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [name, url] = entry.split(/=(.*)/s, 2);
    if (!urls.has(name)) throw new Error(`SUBGRAPH_URLS names an unknown subgraph "${name}"`);
    if (!/^https?:\/\/.+/.test(url ?? "")) throw new Error(`SUBGRAPH_URLS: "${name}" needs an http(s) URL`);
    urls.set(name, url);
  }
  return urls;
}
