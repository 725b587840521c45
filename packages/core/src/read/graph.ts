import type { ClassType } from "type-graphql";
import type { ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import type { AccessLogRecord } from "../audit/access-log";

/**
 * A feature's read side, declared once (`<feature>.graph.ts`): how its records relate to others and
 * which fields are computed from which columns, each with its policy. The read runtime derives
 * from it the per-request loaders, the field resolvers, the columns a page reads and the prefetch
 * of what a query selects (compare Vendure's `@Relations()` and `@Calculated({ relations })`).
 */
export interface Graph<R extends ObjectLiteral = ObjectLiteral> {
  /** The entity (and GraphQL object type) whose fields the graph declares. */
  readonly entity: ClassType<R>;
  /** The domain's slug, for the access log. */
  readonly domain: string;
  readonly relations: Readonly<Record<string, Relation<R>>>;
  readonly computed: Readonly<Record<string, Computed<R>>>;
  /**
   * Columns read by fields a resolver file writes by hand (fields with arguments, e.g.
   * `inForceOn(date)`), so a page that selects them still reads only what it needs. A field
   * that is neither a column, a relation, computed nor named here makes the page read every column.
   */
  readonly reads: Readonly<Record<string, readonly (keyof R & string)[]>>;
}

/** Who may read a relation or computed field, and what reading it leaves in the access log. */
export interface FieldPolicy<E> {
  /** Scopes of which the caller needs one (type-graphql `@Authorized`); none: whoever may read the parent. */
  scopes?: readonly string[];
  /** The read is person-level: every batch is access-logged under this operation (e.g. "Placement.client"). */
  accessLog?: AccessLogPolicy<E>;
  /**
   * A row policy applied in SQL (equality on the related rows' columns), e.g. leave out protected
   * identities unless the caller holds the protected scope; `undefined` for no condition.
   */
  where?: (ctx: RequestContext) => Partial<Record<keyof E & string, unknown>> | undefined;
}

export interface AccessLogPolicy<E> {
  operation: string;
  recordType: string;
  /** The id logged per row (default `row.id`). */
  recordId?: (row: E) => string | number;
  /** The identity numbers of the people the rows concern (stored only as keyed hashes). */
  personnummer?: (row: E) => string | null | undefined;
}

interface GraphQLFieldOptions {
  description?: string;
  /** The field may be null (for `ref`: also when the key column is null). */
  nullable?: boolean;
  deprecationReason?: string;
}

/** Many-to-one: the row's `column` holds the id of one `E`. */
export interface RefRelation<R, E extends ObjectLiteral = ObjectLiteral> extends FieldPolicy<E>, GraphQLFieldOptions {
  readonly kind: "ref";
  readonly type: () => ClassType<E>;
  readonly column: keyof R & string;
}

/** One-to-many: the rows of `E` whose `key` column holds this row's `parentColumn` (its id by default). */
export interface ManyRelation<R, E extends ObjectLiteral = ObjectLiteral> extends FieldPolicy<E>, GraphQLFieldOptions {
  readonly kind: "many";
  readonly type: () => ClassType<E>;
  readonly key: keyof E & string;
  readonly parentColumn: keyof R & string;
  readonly order: Readonly<Partial<Record<keyof E & string, "ASC" | "DESC">>>;
  /**
   * `first`: the field takes `first` (default 25, at most 100) and each batch reads at most that
   * many rows per parent in SQL (for children that can be many). `slice`: the same argument, but
   * a batch reads every child and the field keeps the first (for children that are few; a plain
   * IN is cheaper than a window query). `all`: no argument, every child (a list with a known bound).
   */
  readonly paging: "first" | "slice" | "all";
  /** With paging `all`: the most children a parent can have (a domain rule; the gateway's cost model reads it). */
  readonly maxItems?: number;
  /**
   * Reads the rows for a batch of parent keys when a plain `key IN (…)` on one table will not do
   * (e.g. a join to check a policy on another table). Policy and access log still apply.
   */
  readonly load?: (ctx: RequestContext, keys: readonly unknown[]) => Promise<E[]>;
  /** With paging `first` or `slice`: the default of `first` when the query leaves it out (25 unless given; at most 100 either way). */
  readonly defaultFirst?: number;
  /** Declared with `one`: the field is the first child (in `order`) or null, not a list. */
  readonly single?: boolean;
}

export type Relation<R> = RefRelation<R, any> | ManyRelation<R, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A field computed from the row (or with `from`, from a relation of the row), with the columns it reads. */
export interface Computed<R> extends GraphQLFieldOptions {
  readonly kind: "computed";
  /** The GraphQL type, as in type-graphql (`() => Boolean`, `() => Int`). */
  readonly type: () => unknown;
  readonly reads: readonly (keyof R & string)[];
  readonly scopes?: readonly string[];
  /**
   * The relation of the same graph the field is computed from (compare Vendure's
   * `@Calculated({ relations })`): a `ref`, or a `many` with paging `all`. Its rows come through
   * the relation's own loader (one batch per level, shared with the relation's field) and are
   * passed to `resolve`; without own `scopes` the field needs the relation's.
   */
  readonly from?: string;
  /** The rule; `related` is the `from` relation's value (its row or rows). */
  readonly resolve: (row: R, related: never) => unknown;
}

type Columns<T, V> = { [C in keyof T & string]: T[C] extends V ? C : never }[keyof T & string];

/** A many-to-one relation through `column` (a nullable column gives a nullable field). */
export function ref<R, E extends ObjectLiteral>(
  type: () => ClassType<E>,
  column: Columns<R, number | null>,
  options: GraphQLFieldOptions & FieldPolicy<E> = {},
): RefRelation<R, E> {
  return { kind: "ref", type, column, ...options };
}

/** A one-to-many relation: children of `E` whose `key` column holds the parent's id. */
export function many<R, E extends ObjectLiteral>(
  type: () => ClassType<E>,
  key: Columns<E, number | null>,
  options: GraphQLFieldOptions &
    FieldPolicy<E> & {
      order: Partial<Record<keyof E & string, "ASC" | "DESC">>;
      paging: ManyRelation<R, E>["paging"];
      maxItems?: number;
      defaultFirst?: number;
      parentColumn?: Columns<R, number>;
      load?: ManyRelation<R, E>["load"];
    },
): ManyRelation<R, E> {
  const { parentColumn = "id" as keyof R & string, ...rest } = options;
  return { kind: "many", type, key, parentColumn, ...rest };
}

/**
 * One-to-one from the parent's side: the row of `E` whose `key` column holds the parent's id (an
 * application's decision), or with `load` the one a rule picks (a household's latest decision);
 * null when there is none. Loaded like a `many` (one batch per level), answered as one row.
 */
export function one<R, E extends ObjectLiteral>(
  type: () => ClassType<E>,
  key: Columns<E, number | null>,
  options: Omit<GraphQLFieldOptions, "nullable"> &
    FieldPolicy<E> & {
      parentColumn?: Columns<R, number>;
      load?: ManyRelation<R, E>["load"];
    } = {},
): ManyRelation<R, E> {
  const { parentColumn = "id" as keyof R & string, ...rest } = options;
  const order = {} as ManyRelation<R, E>["order"]; // no order: the key is unique, or `load` picks the row
  return { kind: "many", type, key, parentColumn, order, paging: "all", single: true, nullable: true, ...rest };
}

/** A field computed from the row (and with `from`, a relation's rows): its GraphQL type, the columns it reads, and the rule. */
export function computed<R>(
  type: () => unknown,
  reads: readonly (keyof R & string)[],
  resolve: (row: R, related: never) => unknown,
  options: GraphQLFieldOptions & { scopes?: readonly string[]; from?: string } = {},
): Computed<R> {
  return { kind: "computed", type, reads, resolve, ...options };
}

const graphs = new Map<Function, Graph<ObjectLiteral>>(); // eslint-disable-line @typescript-eslint/no-unsafe-function-type

export interface GraphDeclaration<R extends ObjectLiteral> {
  domain: string;
  relations?: Record<string, Relation<R>>;
  computed?: Record<string, Computed<R>>;
  reads?: Record<string, readonly (keyof R & string)[]>;
}

/**
 * Declares the read side of `entity`. One graph per entity: the runtime finds the graph of a
 * relation's target by its class, to prefetch what a query selects below it.
 */
export function defineGraph<R extends ObjectLiteral>(entity: ClassType<R>, declaration: GraphDeclaration<R>): Graph<R> {
  if (graphs.has(entity)) throw new Error(`${entity.name} already has a graph; declare each entity's relations once`);
  const graph: Graph<R> = {
    entity,
    domain: declaration.domain,
    relations: declaration.relations ?? {},
    computed: declaration.computed ?? {},
    reads: declaration.reads ?? {},
  };
  for (const [name, field] of Object.entries(graph.computed)) {
    if (name in graph.relations)
      throw new Error(`${entity.name}.${name} is declared both as a relation and as computed`);
    if (field.from !== undefined) {
      const source = graph.relations[field.from];
      if (!source || (source.kind === "many" && source.paging !== "all")) {
        throw new Error(
          `${entity.name}.${name} is computed from ${field.from}, which is not a ref or a many with paging "all" of the graph`,
        );
      }
    }
  }
  graphs.set(entity, graph as unknown as Graph<ObjectLiteral>);
  return graph;
}

/** The graph declared for an entity class, if any. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function graphOf(entity: Function): Graph<ObjectLiteral> | undefined {
  return graphs.get(entity);
}

/** The access-log record of a batch of rows read through a policy. */
export function accessLogRecord<E>(
  domain: string,
  policy: AccessLogPolicy<E>,
  rows: readonly E[],
): Omit<AccessLogRecord, "action"> {
  const idOf = policy.recordId ?? ((row: E) => (row as { id: number }).id);
  const personnummer: string[] = [];
  if (policy.personnummer) {
    for (const row of rows) {
      const pnr = policy.personnummer(row);
      if (pnr) personnummer.push(pnr);
    }
  }
  return {
    operation: policy.operation,
    domain,
    recordType: policy.recordType,
    recordIds: rows.map(idOf),
    personnummer,
  };
}
