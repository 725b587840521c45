import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultSubgraphUrl } from "../gateway/subgraph-urls";
import { buildSubgraphs, composeSupergraph, CompositionError } from "../supergraph";

/**
 * `pnpm supergraph:print` writes apps/federation/supergraph.graphql, composed from every
 * subgraph's SDL (with the local topology's URLs); `pnpm supergraph:check` composes it again and
 * fails on a composition error or when the result differs from the checked-in file.
 * SUPERGRAPH_FILE names another file (for the command's own test).
 */
const FILE = process.env.SUPERGRAPH_FILE ?? join(__dirname, "..", "..", "supergraph.graphql");

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  let composed: string;
  try {
    composed = composeSupergraph(await buildSubgraphs(), defaultSubgraphUrl) + "\n";
  } catch (e) {
    if (!(e instanceof CompositionError)) throw e;
    console.error(e.message);
    return 1;
  }
  if (!check) {
    writeFileSync(FILE, composed);
    console.log(`Wrote ${FILE}`);
    return 0;
  }
  let current = "";
  try {
    current = readFileSync(FILE, "utf8");
  } catch {
    // missing: reported as a difference below
  }
  if (current === composed) {
    console.log("The subgraphs compose, and the supergraph matches apps/federation/supergraph.graphql.");
    return 0;
  }
  console.error(
    "The composed supergraph differs from apps/federation/supergraph.graphql" +
      (current ? ` (first difference at line ${firstDifferentLine(current, composed)})` : " (the file is missing)") +
      ". Run `pnpm supergraph:print` and commit the file if the change is intended.",
  );
  return 1;
}

function firstDifferentLine(a: string, b: string): number {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
