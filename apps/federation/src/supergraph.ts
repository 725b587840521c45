import "reflect-metadata";
import { parse } from "graphql";
import { composeServices } from "@theguild/federation-composition";
import { buildSubgraph, type Subgraph } from "@arbetsliv/core/federation";
import { SUBGRAPHS, type SubgraphSpec } from "./topology";

/** Every subgraph built from its modules, in SUBGRAPHS order. */
export async function buildSubgraphs(specs: readonly SubgraphSpec[] = SUBGRAPHS): Promise<Subgraph[]> {
  const built: Subgraph[] = [];
  // One after another: type-graphql's metadata is global, its builds are not meant to interleave.
  for (const spec of specs) built.push(await buildSubgraph(spec.name, spec.modules));
  return built;
}

export class CompositionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The subgraphs do not compose:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/**
 * The supergraph SDL composed in-process (@theguild/federation-composition, the composition Hive
 * Gateway itself uses) from the subgraphs' SDL and where each one answers.
 */
export function composeSupergraph(subgraphs: readonly Subgraph[], urlOf: (name: string) => string): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: urlOf(s.name), typeDefs: parse(s.sdl) })));
  if (result.errors?.length) throw new CompositionError(result.errors.map((e) => e.message));
  if (!result.supergraphSdl) throw new CompositionError(["composition returned no supergraph"]);
  return result.supergraphSdl;
}
