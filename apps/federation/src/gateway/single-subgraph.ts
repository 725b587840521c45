import {
  Kind,
  getNamedType,
  isAbstractType,
  isObjectType,
  parse,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** A subgraph as the supergraph names it (join__Graph) and where it answers. */
export interface SubgraphTarget {
  readonly name: string;
  readonly url: string;
}

/** Which subgraphs may resolve `Type.field` on their own; `null` when one needs fields from another (@requires). */
type Resolvers = ReadonlySet<string> | null;

export interface SingleSubgraphRouting {
  /**
   * The one subgraph that resolves every field the operation selects, or null when its answer
   * needs more than one (an entity jump, a @requires, root fields of several subgraphs) or when
   * the subgraph's own schema would answer differently (introspection, abstract types).
   */
  targetOf(document: DocumentNode, operation: OperationDefinitionNode): SubgraphTarget | null;
}

function argument(directive: DirectiveNode, name: string): ArgumentNode["value"] | undefined {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

function stringArgument(directive: DirectiveNode, name: string): string | undefined {
  const value = argument(directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function enumArgument(directive: DirectiveNode, name: string): string | undefined {
  const value = argument(directive, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
}

function isTrue(directive: DirectiveNode, name: string): boolean {
  const value = argument(directive, name);
  return value?.kind === Kind.BOOLEAN && value.value;
}

/** The supergraph's join__ directives as "Type.field" → the subgraphs that resolve it there, and the subgraphs' URLs. */
function readSupergraph(supergraphSdl: string): {
  graphs: Map<string, SubgraphTarget>;
  fields: Map<string, Resolvers>;
} {
  const document = parse(supergraphSdl, { noLocation: true });
  const graphs = new Map<string, SubgraphTarget>();
  const fields = new Map<string, Resolvers>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === "join__Graph") {
      for (const value of definition.values ?? []) {
        const graph = value.directives?.find((d) => d.name.value === "join__graph");
        const name = graph && stringArgument(graph, "name");
        const url = graph && stringArgument(graph, "url");
        if (name && url) graphs.set(value.name.value, { name, url });
      }
    }
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeGraphs = (definition.directives ?? [])
      .filter((d) => d.name.value === "join__type")
      .map((d) => enumArgument(d, "graph"))
      .filter((g): g is string => g !== undefined);
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === "join__field");
      let resolvers: Resolvers;
      if (joins.length === 0) {
        // No join__field: every subgraph that defines the type resolves the field.
        resolvers = new Set(typeGraphs);
      } else if (joins.some((j) => argument(j, "requires") !== undefined || enumArgument(j, "graph") === undefined)) {
        resolvers = null;
      } else {
        resolvers = new Set(
          joins
            .filter((j) => !isTrue(j, "external") && !isTrue(j, "usedOverridden"))
            .map((j) => enumArgument(j, "graph")!),
        );
      }
      fields.set(`${definition.name.value}.${field.name.value}`, resolvers);
    }
  }
  return { graphs, fields };
}

/**
 * Decides, from the composed supergraph, whether an operation can go to one subgraph as it is
 * (the gateway then forwards the client's request unchanged instead of planning it). The
 * document is walked on the monolith's schema (the one the edge validated it on), the candidate
 * subgraphs narrowed at every selected field to those that resolve it; any field that needs
 * another subgraph's fields, any abstract type, introspection below the root's __typename, or a
 * field the supergraph does not know sends the operation to Hive Gateway's planner instead.
 * The answer is cached per operation node (the edge caches documents per query text).
 */
export function createSingleSubgraphRouting(supergraphSdl: string, schema: GraphQLSchema): SingleSubgraphRouting {
  const { graphs, fields } = readSupergraph(supergraphSdl);
  const decided = new WeakMap<OperationDefinitionNode, SubgraphTarget | null>();

  function decide(document: DocumentNode, operation: OperationDefinitionNode): SubgraphTarget | null {
    const root = schema.getRootType(operation.operation);
    if (!root || operation.operation === "subscription") return null;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    let candidates: Set<string> | undefined;
    let rootFields = 0;
    const visiting = new Set<string>();

    /** Narrows the candidates to the subgraphs resolving every field of the selection; false to give up. */
    function walk(type: GraphQLObjectType, selectionSet: SelectionSetNode, atRoot: boolean): boolean {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          if (name === "__typename") continue;
          if (name.startsWith("__")) return false; // __schema / __type: the subgraph's schema is not the supergraph's
          const resolvers = fields.get(`${type.name}.${name}`);
          if (!resolvers) return false;
          candidates = new Set([...(candidates ?? resolvers)].filter((g) => resolvers.has(g)));
          if (candidates.size === 0) return false;
          if (atRoot) rootFields++;
          const definition = type.getFields()[name];
          if (!definition) return false;
          const named: GraphQLNamedType = getNamedType(definition.type);
          if (selection.selectionSet) {
            if (isAbstractType(named) || !isObjectType(named)) return false;
            if (!walk(named, selection.selectionSet, false)) return false;
          }
        } else {
          const condition =
            selection.kind === Kind.INLINE_FRAGMENT
              ? selection.typeCondition?.name.value
              : fragments.get(selection.name.value)?.typeCondition.name.value;
          if (selection.kind === Kind.FRAGMENT_SPREAD) {
            const fragment = fragments.get(selection.name.value);
            if (!fragment || visiting.has(fragment.name.value)) return false;
            if (condition !== type.name) return false;
            visiting.add(fragment.name.value);
            const ok = walk(type, fragment.selectionSet, atRoot);
            visiting.delete(fragment.name.value);
            if (!ok) return false;
          } else {
            if (condition !== undefined && condition !== type.name) return false;
            if (!walk(type, selection.selectionSet, atRoot)) return false;
          }
        }
      }
      return true;
    }

    if (!walk(root, operation.selectionSet, true) || rootFields === 0 || !candidates) return null;
    // Several subgraphs resolve everything selected (only shared value types): any one would do,
    // but the planner's choice is the one parity was checked against.
    if (candidates.size !== 1) return null;
    return graphs.get([...candidates][0]) ?? null;
  }

  return {
    targetOf(document, operation) {
      if (decided.has(operation)) return decided.get(operation)!;
      const target = decide(document, operation);
      decided.set(operation, target);
      return target;
    },
  };
}
