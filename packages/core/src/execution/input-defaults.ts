import {
  astFromValue,
  getNullableType,
  isInputObjectType,
  isListType,
  typeFromAST,
  valueFromASTUntyped,
  type GraphQLInputType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from "graphql";

type Filler = (raw: unknown) => unknown;

/**
 * graphql-jit (0.8.9) refuses a variable's input object that omits a non-null field with a default
 * (`active: Boolean! = true`), where graphql-js applies the default. This fills such omitted fields
 * with the default, written the way a client would send it (serialised by the field's own type),
 * before the compiled query coerces the variables. Fillers are built once per input type.
 */
export function inputDefaultsFiller(
  schema: GraphQLSchema,
): (definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>) => Record<string, unknown> {
  const fillers = new Map<string, Filler | null>();

  function fillerFor(type: GraphQLInputType): Filler | null {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const item = fillerFor(nullable.ofType);
      return item && ((raw) => (Array.isArray(raw) ? raw.map(item) : item(raw)));
    }
    if (!isInputObjectType(nullable)) return null;
    if (fillers.has(nullable.name)) return fillers.get(nullable.name)!;
    fillers.set(nullable.name, null); // a recursive input type refers to itself while being built
    const fields = Object.values(nullable.getFields()).map((field) => {
      const ast = field.defaultValue === undefined ? null : astFromValue(field.defaultValue, field.type);
      return {
        name: field.name,
        rawDefault: ast ? valueFromASTUntyped(ast) : undefined,
        nested: fillerFor(field.type),
      };
    });
    const relevant = fields.filter((f) => f.rawDefault !== undefined || f.nested);
    const filler: Filler | null = relevant.length
      ? (raw) => {
          if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
          const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
          for (const f of relevant) {
            if (!(f.name in out)) {
              if (f.rawDefault !== undefined) out[f.name] = f.rawDefault;
            } else if (f.nested && out[f.name] != null) {
              out[f.name] = f.nested(out[f.name]);
            }
          }
          return out;
        }
      : null;
    fillers.set(nullable.name, filler);
    return filler;
  }

  return (definitions, variables) => {
    let out = variables;
    for (const def of definitions) {
      const name = def.variable.name.value;
      const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
      const filler = type && fillerFor(type);
      if (filler && variables[name] != null) {
        if (out === variables) out = { ...variables };
        out[name] = filler(variables[name]);
      }
    }
    return out;
  };
}
