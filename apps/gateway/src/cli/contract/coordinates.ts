import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLSchema,
} from "graphql";

/** One element of the schema, named by its schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `@directive(arg:)`). */
export interface SchemaElement {
  coordinate: string;
  description: string | null | undefined;
  /** Set on fields, arguments, input fields and enum values marked `@deprecated`. */
  deprecationReason?: string | null;
}

/** Every element a client can see, in a stable order: our types, their fields, arguments and values, our directives. */
export function schemaElements(schema: GraphQLSchema): SchemaElement[] {
  const elements: SchemaElement[] = [];
  const args = (owner: string, list: readonly GraphQLArgument[]) => {
    for (const a of list) {
      elements.push({
        coordinate: `${owner}(${a.name}:)`,
        description: a.description,
        deprecationReason: a.deprecationReason,
      });
    }
  };
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith("__") && !isSpecifiedScalarType(t))
    .sort((a, b) => compare(a.name, b.name));
  for (const type of types) {
    elements.push({ coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of sortedByName(Object.values(type.getFields()))) {
        const coordinate = `${type.name}.${field.name}`;
        elements.push({ coordinate, description: field.description, deprecationReason: field.deprecationReason });
        args(coordinate, sortedByName(field.args));
      }
    } else if (isInputObjectType(type)) {
      for (const field of sortedByName(Object.values(type.getFields()))) {
        elements.push({
          coordinate: `${type.name}.${field.name}`,
          description: field.description,
          deprecationReason: field.deprecationReason,
        });
      }
    } else if (isEnumType(type)) {
      for (const value of sortedByName(type.getValues())) {
        elements.push({
          coordinate: `${type.name}.${value.name}`,
          description: value.description,
          deprecationReason: value.deprecationReason,
        });
      }
    }
  }
  for (const directive of sortedByName(schema.getDirectives().filter((d) => !isSpecifiedDirective(d)))) {
    elements.push({ coordinate: `@${directive.name}`, description: directive.description });
    args(`@${directive.name}`, sortedByName(directive.args));
  }
  return elements;
}

/** The coordinates without a description (none, or only whitespace). */
export function undocumentedCoordinates(schema: GraphQLSchema): string[] {
  return schemaElements(schema)
    .filter((e) => !e.description?.trim())
    .map((e) => e.coordinate);
}

const REMOVAL_DATE = /Removed after (\d{4}-\d{2}-\d{2})\b/;

/**
 * The deprecation policy, checked: every `@deprecated` reason says when the element goes
 * ("Removed after YYYY-MM-DD"), so a client can plan; past that date it is due (a warning).
 */
export function deprecationFindings(
  schema: GraphQLSchema,
  today: string = new Date().toISOString().slice(0, 10),
): { problems: string[]; due: string[] } {
  const problems: string[] = [];
  const due: string[] = [];
  for (const e of schemaElements(schema)) {
    if (e.deprecationReason == null) continue;
    const date = REMOVAL_DATE.exec(e.deprecationReason)?.[1];
    if (!date || Number.isNaN(Date.parse(date))) {
      problems.push(
        `${e.coordinate} is @deprecated without a removal date: its reason must say "Removed after YYYY-MM-DD" (got "${e.deprecationReason}").`,
      );
    } else if (date < today) {
      due.push(`${e.coordinate} was to be removed after ${date}: remove it (announced as breaking) or move the date.`);
    }
  }
  return { problems, due };
}

/** Code-point order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedByName<T extends { name: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => compare(a.name, b.name));
}
