import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

/** Limits applied before execution: a query over any of them is refused without touching data. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  /** Estimated rows/fields a query may touch: each field 1, a list field × its `first` (default 25). */
  maxCost: 25_000,
  /** Lexical tokens in a document (graphql-js stops parsing past this). */
  maxTokens: 2_000,
} as const;

const DEFAULT_LIST_SIZE = 25;

function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) map.set(def.name.value, def);
  return map;
}

/**
 * Walks a selection set through fragments with the schema's types, guarding against cycles.
 * A field with a `first` argument multiplies its children by `first` (default 25); any other
 * list field by 25, except a connection's `nodes`, already counted by its `first`.
 */
function measure(
  set: SelectionSetNode,
  parent: GraphQLNamedType | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
  visiting: Set<string>,
): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[sel.name.value] : undefined;
      const firstArg = sel.arguments?.find((a) => a.name.value === "first");
      let multiplier = 1;
      if (firstArg) multiplier = firstArg.value.kind === Kind.INT ? Number(firstArg.value.value) : DEFAULT_LIST_SIZE * 4;
      else if (def && isListType(getNullableType(def.type)) && sel.name.value !== "nodes") multiplier = DEFAULT_LIST_SIZE;
      if (!Number.isFinite(multiplier) || multiplier < 1) multiplier = 1;
      const child = sel.selectionSet
        ? measure(sel.selectionSet, def ? getNamedType(def.type) : undefined, fragments, schema, visiting)
        : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + child.depth);
      cost += 1 + multiplier * child.cost;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) ?? parent : parent;
      const child = measure(sel.selectionSet, type, fragments, schema, visiting);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    } else {
      const name = sel.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // cycles are refused by NoFragmentCyclesRule
      visiting.add(name);
      const child = measure(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, fragments, schema, visiting);
      visiting.delete(name);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    }
  }
  return { depth, cost };
}

/** Depth and cost per operation (`first: $variable` counts as 100, variables being unknown here). */
const depthAndCostRule: ValidationRule = (context) => ({
  OperationDefinition(node: OperationDefinitionNode) {
    const schema = context.getSchema();
    const root = schema.getRootType(node.operation) ?? undefined;
    const { depth, cost } = measure(node.selectionSet, root, fragmentsOf(context), schema, new Set());
    if (depth > QUERY_LIMITS.maxDepth) {
      context.reportError(limitError("QUERY_TOO_DEEP", `The query is ${depth} levels deep; the maximum is ${QUERY_LIMITS.maxDepth}`));
    }
    if (cost > QUERY_LIMITS.maxCost) {
      context.reportError(
        limitError("QUERY_TOO_COSTLY", `The query's estimated cost is ${cost}; the maximum is ${QUERY_LIMITS.maxCost}. Ask for smaller pages or fewer nested lists.`),
      );
    }
  },
});

const aliasRule: ValidationRule = (context): ASTVisitor => {
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias && ++aliases === QUERY_LIMITS.maxAliases + 1) {
        context.reportError(limitError("TOO_MANY_ALIASES", `The document has more than ${QUERY_LIMITS.maxAliases} aliases`));
      }
    },
  };
};

const directiveRule: ValidationRule = (context): ASTVisitor => {
  let directives = 0;
  return {
    Directive() {
      if (++directives === QUERY_LIMITS.maxDirectives + 1) {
        context.reportError(limitError("TOO_MANY_DIRECTIVES", `The document has more than ${QUERY_LIMITS.maxDirectives} directives`));
      }
    },
  };
};

export const securityValidationRules: ValidationRule[] = [depthAndCostRule, aliasRule, directiveRule];

/** Fixed-window rate limit per client identity (token subject, else remote address). 0 = off. */
export class RateLimiter {
  private windowStart = Date.now();
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /** Returns 0 when allowed, else seconds until the next window. */
  take(client: string): number {
    if (this.perMinute === 0) return 0;
    const now = Date.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.counts.clear();
    }
    const count = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, count);
    return count > this.perMinute ? Math.ceil((this.windowStart + 60_000 - now) / 1000) : 0;
  }
}
