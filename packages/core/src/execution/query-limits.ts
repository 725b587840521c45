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
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type FieldNode,
  type GraphQLField,
  type ValidationRule,
} from "graphql";
import { listBoundOf } from "../schema/list-bounds";
import { LocalizedGraphQLError, type Message } from "../errors/errors";

/**
 * The query limits every operation is validated with, in the gateway (Apollo and its request guard,
 * the subscriptions) and in the test kit, so no test runs a query production would refuse.
 * Limits applied before execution: a query over any of them is refused without touching data. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  /** The same field (response key) or fragment spread at most this often in one selection set. */
  maxRepeatedField: 3,
  /** Estimated rows/fields a query may touch: each field 1, times the sizes of the lists above it. */
  maxCost: 750_000,
  /** Lexical tokens in a document (graphql-js stops parsing past this). */
  maxTokens: 2_000,
  /** Characters in the query document (comments and whitespace included), checked before parsing. */
  maxQueryLength: 32_000,
} as const;

/** Page sizes of core's PageArgs (`first` ≤ 100, default 25). */
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 25;

function limitError(code: string, message: Message): GraphQLError {
  return new LocalizedGraphQLError(code, message);
}

function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const def of context.getDocument().definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) map.set(def.name.value, def);
  return map;
}

interface Measure {
  depth: number;
  cost: number;
}

interface MeasureState {
  fragments: Map<string, FragmentDefinitionNode>;
  schema: GraphQLSchema;
  visiting: Set<string>;
  /** A fragment's measure depends only on the fragment, so each is walked once (no exponential blow-up). */
  memo: Map<string, Measure>;
}

/** How many times a field's children can occur per parent: 1 for a non-list, else the list's bound. */
function listMultiplier(def: GraphQLField<unknown, unknown>, sel: FieldNode): number {
  // A connection pages forwards (`first`) or backwards (`last`): either bounds its rows.
  const firstArg = sel.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
  const firstDef = def.args.find((a) => a.name === "first");
  let n: number;
  if (firstArg) n = firstArg.value.kind === Kind.INT ? Number(firstArg.value.value) : MAX_PAGE_SIZE;
  else if (firstDef) n = typeof firstDef.defaultValue === "number" ? firstDef.defaultValue : DEFAULT_PAGE_SIZE;
  else if (!isListType(getNullableType(def.type))) return 1;
  else {
    const bound = listBoundOf(def);
    // Unreachable while the schema test holds: an undeclared list counts as the largest page.
    n = bound.pagedByParent ? 1 : (bound.maxItems ?? MAX_PAGE_SIZE);
  }
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/**
 * Walks a selection set through fragments with the schema's types, guarding against cycles.
 * Every list field is bounded (core's schema/list-bounds.ts; test/security/list-bounds.e2e-spec.ts
 * keeps it so), and multiplies its children by that bound: a paged field by its `first` (a
 * variable counts as the maximum page, 100; left out, the argument's default), a field with a
 * declared maximum by `maxItems`; a connection's `nodes` by 1 (its query's `first` counted it).
 */
function measure(set: SelectionSetNode, parent: GraphQLNamedType | undefined, state: MeasureState): Measure {
  const { fragments, schema, visiting, memo } = state;
  let depth = 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      // Introspection (__schema, __type) is shaped by graphql-js, not the client: the IDE's own
      // query is 15 levels deep. It is off in production; in development it must not be refused.
      if (sel.name.value.startsWith("__")) continue;
      const def =
        parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[sel.name.value] : undefined;
      const multiplier = def ? listMultiplier(def, sel) : 1;
      const child = sel.selectionSet
        ? measure(sel.selectionSet, def ? getNamedType(def.type) : undefined, state)
        : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + child.depth);
      cost += 1 + multiplier * child.cost;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const type = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) ?? parent) : parent;
      const child = measure(sel.selectionSet, type, state);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    } else {
      const name = sel.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // cycles are refused by NoFragmentCyclesRule
      let child = memo.get(name);
      if (!child) {
        visiting.add(name);
        child = measure(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, state);
        visiting.delete(name);
        memo.set(name, child);
      }
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    }
  }
  return { depth, cost };
}

/** Depth and cost of each operation of a document (for tests and tuning). */
export function estimateOperations(
  schema: GraphQLSchema,
  document: DocumentNode,
): { name: string; depth: number; cost: number }[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({
      name: op.name?.value ?? "",
      ...measure(op.selectionSet, schema.getRootType(op.operation) ?? undefined, {
        fragments,
        schema,
        visiting: new Set(),
        memo: new Map(),
      }),
    }));
}

/** Depth and cost per operation (`first: $variable` counts as 100, variables being unknown here). */
const depthAndCostRule: ValidationRule = (context) => ({
  OperationDefinition(node: OperationDefinitionNode) {
    const schema = context.getSchema();
    const root = schema.getRootType(node.operation) ?? undefined;
    const { depth, cost } = measure(node.selectionSet, root, {
      fragments: fragmentsOf(context),
      schema,
      visiting: new Set(),
      memo: new Map(),
    });
    if (depth > QUERY_LIMITS.maxDepth) {
      context.reportError(
        limitError("QUERY_TOO_DEEP", {
          en: `The query is ${depth} levels deep; the maximum is ${QUERY_LIMITS.maxDepth}`,
          sv: `Frågan är ${depth} nivåer djup; högst ${QUERY_LIMITS.maxDepth} tillåts`,
        }),
      );
    }
    if (cost > QUERY_LIMITS.maxCost) {
      context.reportError(
        limitError("QUERY_TOO_COSTLY", {
          en: `The query's estimated cost is ${cost}; the maximum is ${QUERY_LIMITS.maxCost}. Ask for smaller pages or fewer nested lists.`,
          sv: `Frågans uppskattade kostnad är ${cost}; högst ${QUERY_LIMITS.maxCost} tillåts. Be om mindre sidor eller färre nästlade listor.`,
        }),
      );
    }
  },
});

const aliasRule: ValidationRule = (context): ASTVisitor => {
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias && ++aliases === QUERY_LIMITS.maxAliases + 1) {
        context.reportError(
          limitError("TOO_MANY_ALIASES", {
            en: `The document has more than ${QUERY_LIMITS.maxAliases} aliases`,
            sv: `Dokumentet har fler än ${QUERY_LIMITS.maxAliases} alias`,
          }),
        );
      }
    },
  };
};

const directiveRule: ValidationRule = (context): ASTVisitor => {
  let directives = 0;
  return {
    Directive() {
      if (++directives === QUERY_LIMITS.maxDirectives + 1) {
        context.reportError(
          limitError("TOO_MANY_DIRECTIVES", {
            en: `The document has more than ${QUERY_LIMITS.maxDirectives} directives`,
            sv: `Dokumentet har fler än ${QUERY_LIMITS.maxDirectives} direktiv`,
          }),
        );
      }
    },
  };
};

/** Field duplication (`{ __typename __typename … }` × 500, a scanner favourite): each field once per selection set. */
const repeatedFieldRule: ValidationRule = (context): ASTVisitor => ({
  SelectionSet(node: SelectionSetNode) {
    const counts = new Map<string, number>();
    for (const sel of node.selections) {
      const key =
        sel.kind === Kind.FIELD
          ? (sel.alias ?? sel.name).value
          : sel.kind === Kind.FRAGMENT_SPREAD
            ? `...${sel.name.value}`
            : null;
      if (key === null) continue;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n === QUERY_LIMITS.maxRepeatedField + 1) {
        context.reportError(
          limitError("FIELD_REPEATED", {
            en: `'${key}' is selected more than ${QUERY_LIMITS.maxRepeatedField} times in one selection set; select each field once`,
            sv: `'${key}' väljs fler än ${QUERY_LIMITS.maxRepeatedField} gånger i samma urval; välj varje fält en gång`,
          }),
        );
      }
    }
  },
});

export const securityValidationRules: ValidationRule[] = [
  depthAndCostRule,
  aliasRule,
  directiveRule,
  repeatedFieldRule,
];
