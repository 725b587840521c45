import {
  BreakingChangeType,
  DangerousChangeType,
  findBreakingChanges,
  findDangerousChanges,
  type GraphQLSchema,
} from "graphql";

/** A change between two schemas, named by the schema coordinate it is announced under. */
export interface SchemaChange {
  coordinate: string;
  type: string;
  description: string;
}

const NAME = "([_A-Za-z][_0-9A-Za-z]*)";
const field = (m: RegExpExecArray) => `${m[1]}.${m[2]}`;
const arg = (m: RegExpExecArray) => `${m[1]}.${m[2]}(${m[3]}:)`;

/**
 * graphql-js names what changed only in its description text; these patterns (one per change
 * type, graphql 16) turn it into a coordinate. A description that matches none throws, so a
 * graphql upgrade that rewords one fails loudly here instead of letting a change through.
 */
const COORDINATE_OF: Record<string, [RegExp, (m: RegExpExecArray) => string]> = {
  [BreakingChangeType.TYPE_REMOVED]: [new RegExp(`^(?:Standard scalar )?${NAME} was removed`), (m) => m[1]],
  [BreakingChangeType.TYPE_CHANGED_KIND]: [new RegExp(`^${NAME} changed from`), (m) => m[1]],
  [BreakingChangeType.TYPE_REMOVED_FROM_UNION]: [new RegExp(`was removed from union type ${NAME}\\.$`), (m) => m[1]],
  [BreakingChangeType.VALUE_REMOVED_FROM_ENUM]: [
    new RegExp(`^${NAME} was removed from enum type ${NAME}\\.$`),
    (m) => `${m[2]}.${m[1]}`,
  ],
  [BreakingChangeType.REQUIRED_INPUT_FIELD_ADDED]: [
    new RegExp(`^A required field ${NAME} on input type ${NAME} was added`),
    (m) => `${m[2]}.${m[1]}`,
  ],
  [BreakingChangeType.IMPLEMENTED_INTERFACE_REMOVED]: [new RegExp(`^${NAME} no longer implements`), (m) => m[1]],
  [BreakingChangeType.FIELD_REMOVED]: [new RegExp(`^${NAME}\\.${NAME} was removed`), field],
  [BreakingChangeType.FIELD_CHANGED_KIND]: [new RegExp(`^${NAME}\\.${NAME} changed type`), field],
  [BreakingChangeType.REQUIRED_ARG_ADDED]: [
    new RegExp(`^A required arg ${NAME} on ${NAME}\\.${NAME} was added`),
    (m) => `${m[2]}.${m[3]}(${m[1]}:)`,
  ],
  [BreakingChangeType.ARG_REMOVED]: [new RegExp(`^${NAME}\\.${NAME} arg ${NAME} was removed`), arg],
  [BreakingChangeType.ARG_CHANGED_KIND]: [new RegExp(`^${NAME}\\.${NAME} arg ${NAME} has changed type`), arg],
  [BreakingChangeType.DIRECTIVE_REMOVED]: [new RegExp(`^${NAME} was removed`), (m) => `@${m[1]}`],
  [BreakingChangeType.DIRECTIVE_ARG_REMOVED]: [
    new RegExp(`^${NAME} was removed from ${NAME}\\.$`),
    (m) => `@${m[2]}(${m[1]}:)`,
  ],
  [BreakingChangeType.REQUIRED_DIRECTIVE_ARG_ADDED]: [
    new RegExp(`^A required arg ${NAME} on directive ${NAME} was added`),
    (m) => `@${m[2]}(${m[1]}:)`,
  ],
  [BreakingChangeType.DIRECTIVE_REPEATABLE_REMOVED]: [new RegExp(`from ${NAME}\\.$`), (m) => `@${m[1]}`],
  [BreakingChangeType.DIRECTIVE_LOCATION_REMOVED]: [new RegExp(`from ${NAME}\\.$`), (m) => `@${m[1]}`],
  [DangerousChangeType.VALUE_ADDED_TO_ENUM]: [
    new RegExp(`^${NAME} was added to enum type ${NAME}\\.$`),
    (m) => `${m[2]}.${m[1]}`,
  ],
  [DangerousChangeType.TYPE_ADDED_TO_UNION]: [new RegExp(`was added to union type ${NAME}\\.$`), (m) => m[1]],
  [DangerousChangeType.OPTIONAL_INPUT_FIELD_ADDED]: [
    new RegExp(`^An optional field ${NAME} on input type ${NAME} was added`),
    (m) => `${m[2]}.${m[1]}`,
  ],
  [DangerousChangeType.OPTIONAL_ARG_ADDED]: [
    new RegExp(`^An optional arg ${NAME} on ${NAME}\\.${NAME} was added`),
    (m) => `${m[2]}.${m[3]}(${m[1]}:)`,
  ],
  [DangerousChangeType.IMPLEMENTED_INTERFACE_ADDED]: [
    new RegExp(`added to interfaces implemented by ${NAME}\\.$`),
    (m) => m[1],
  ],
  [DangerousChangeType.ARG_DEFAULT_VALUE_CHANGE]: [new RegExp(`^${NAME}\\.${NAME} arg ${NAME} `), arg],
};

function withCoordinate(change: { type: string; description: string }): SchemaChange {
  const rule = COORDINATE_OF[change.type];
  const match = rule?.[0].exec(change.description);
  if (!rule || !match) {
    throw new Error(`No schema coordinate for the ${change.type} change "${change.description}" (update changes.ts).`);
  }
  return { coordinate: rule[1](match), type: change.type, description: change.description };
}

/** Breaking changes (clients that worked stop working) and dangerous ones (they may behave differently). */
export function schemaChanges(
  before: GraphQLSchema,
  after: GraphQLSchema,
): { breaking: SchemaChange[]; dangerous: SchemaChange[] } {
  return {
    breaking: findBreakingChanges(before, after).map(withCoordinate),
    dangerous: findDangerousChanges(before, after).map(withCoordinate),
  };
}

/**
 * The coordinates announced as breaking in the changelog: in the `## Unreleased` section, list
 * items of the form ``- **Breaking:** `Query.old`, `Query.other(arg:)` — what changed, what to do``
 * (the backticked coordinates right after the marker; later backticks are prose).
 */
export function announcedBreakingChanges(changelog: string): Set<string> {
  const announced = new Set<string>();
  let inUnreleased = false;
  for (const line of changelog.split("\n")) {
    if (/^## /.test(line)) inUnreleased = /^## \[?Unreleased\]?\s*$/i.test(line);
    if (!inUnreleased) continue;
    const head = /^\s*[-*] \*\*Breaking:\*\*\s+((?:`[^`]+`\s*,?\s*)+)/.exec(line)?.[1];
    for (const m of head?.matchAll(/`([^`]+)`/g) ?? []) announced.add(m[1].trim());
  }
  return announced;
}

export function unannounced(breaking: readonly SchemaChange[], announced: ReadonlySet<string>): SchemaChange[] {
  return breaking.filter((c) => !announced.has(c.coordinate));
}
