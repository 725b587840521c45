// The read layer: a feature declares its graph once (<feature>.graph.ts); this runtime derives
// loaders, field resolvers, the page's columns and the prefetch of what a query selects.
export {
  defineGraph,
  ref,
  many,
  one,
  computed,
  graphOf,
  type Graph,
  type GraphDeclaration,
  type RefRelation,
  type ManyRelation,
  type Computed,
  type FieldPolicy,
  type AccessLogPolicy,
} from "./graph";
export { defineLoader, loaderOf, type LoaderDefinition } from "./loader";
export { rowsByKeys, type RowQuery } from "./rows";
export { readPage, readOne, readList, type Projection } from "./runtime";
export { graphResolver } from "./resolvers";
export { Actor } from "./actor";
export { loadRelated } from "./relation-loaders";
