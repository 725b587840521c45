import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import type { EntityMetadata } from "typeorm/metadata/EntityMetadata.js";
import { DriverUtils } from "typeorm/driver/DriverUtils.js";
import type { EntityManager, EntityTarget, ObjectLiteral, QueryRunner, SelectQueryBuilder } from "typeorm";
import { readQuery } from "./read-replicas";

type Hydrator<T> = (raw: Record<string, unknown>) => T;

const hydrators = new WeakMap<EntityMetadata, Map<string, Hydrator<unknown> | null>>();

/**
 * A hydrator for "SELECT alias.* FROM one table" results — or for a selection of its columns
 * (`alias.property`, see `selectColumns`) — or null when the query is anything else (joins,
 * relation ids, embedded columns, inheritance, load listeners): then TypeORM's general
 * transformer must do it.
 */
function hydratorFor<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Hydrator<T> | null {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  if (!main?.hasMetadata || map.joinAttributes.length || map.relationIdAttributes.length || map.selects.length === 0)
    return null;
  const whole = map.selects.length === 1 && map.selects[0].selection === main.name;
  const prefix = `${main.name}.`;
  if (!whole && !map.selects.every((s) => s.selection.startsWith(prefix) && !s.aliasName)) return null;
  const metadata = main.metadata;
  const shape = whole ? main.name : map.selects.map((s) => s.selection).join(",");
  let byShape = hydrators.get(metadata);
  if (!byShape) hydrators.set(metadata, (byShape = new Map()));
  if (byShape.has(shape)) return byShape.get(shape) as Hydrator<T> | null;

  const plain =
    metadata.embeddeds.length === 0 &&
    !metadata.discriminatorColumn &&
    metadata.childEntityMetadatas.length === 0 &&
    metadata.afterLoadListeners.length === 0 &&
    !qb.connection.subscribers.some((s) => typeof s.afterLoad === "function") &&
    metadata.relations.every((r) => !r.isEager);
  const selected = new Set(map.selects.map((s) => s.selection.slice(prefix.length)));
  const columns = metadata.columns.filter((c) => !c.isVirtual && (whole || selected.has(c.propertyPath)));
  let hydrator: Hydrator<T> | null = null;
  if (plain && (whole || columns.length === selected.size)) {
    const driver = qb.connection.driver;
    hydrator = compileHydrator<T>(
      columns.map((c) => [DriverUtils.buildAlias(driver, undefined, main.name, c.databaseName), c]),
      () => metadata.create(undefined, { fromDeserializer: true }),
      (value, column) => driver.prepareHydratedValue(value, column),
    );
  }
  byShape.set(shape, hydrator);
  return hydrator;
}

/**
 * Narrows a single-table query to these columns (properties), e.g. from `neededColumns`;
 * `undefined` leaves every column selected. The entities then carry only those properties.
 */
export function selectColumns<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  columns: readonly (keyof T & string)[] | undefined,
): SelectQueryBuilder<T> {
  if (!columns) return qb;
  const alias = qb.expressionMap.mainAlias!.name;
  return qb.select(columns.map((c) => `${alias}.${c}`));
}

/**
 * A function with one statement per column (`v = raw["a_title"]; if (v !== undefined) e["title"] = …`):
 * fixed property names keep V8's property access monomorphic, where a loop over the columns with
 * computed keys goes through its slow generic lookup for every value. Keys and names come from
 * the entity metadata and are embedded as JSON string literals. Values the driver would return
 * unchanged skip the call (see unchangedWhen).
 */
function compileHydrator<T>(
  columns: [string, ColumnMetadata][],
  create: () => unknown,
  convert: (value: unknown, column: ColumnMetadata) => unknown,
): Hydrator<T> {
  const body = columns
    .map(([key, column], i) => {
      const converted = `convert(v, columns[${i}][1])`;
      const unchanged = unchangedWhen(column);
      const value = unchanged ? `${unchanged} ? v : ${converted}` : converted;
      return `v = raw[${JSON.stringify(key)}]; if (v !== undefined) e[${JSON.stringify(column.propertyName)}] = ${value};`;
    })
    .join("\n");
  const build = new Function(
    "create",
    "convert",
    "columns",
    `return function hydrate(raw) { const e = create(); let v;\n${body}\nreturn e; };`,
  );
  return build(create, convert, columns) as Hydrator<T>;
}

const TEXT_TYPES = new Set<unknown>([
  String,
  "varchar",
  "char",
  "nvarchar",
  "nchar",
  "text",
  "tinytext",
  "mediumtext",
  "longtext",
  "character varying",
  "date",
]);
const INTEGER_TYPES = new Set<unknown>([Number, "int", "integer", "smallint", "mediumint", "tinyint"]);

/**
 * A condition on `v` under which MysqlDriver and AbstractSqliteDriver.prepareHydratedValue return
 * the value as it is (no transformer; null; a string in a text or "date" column — DATE comes as a
 * string, dateStrings; a safe integer in an integer column, where parseInt gives it back), or null
 * when every value must go through the driver.
 */
function unchangedWhen(column: ColumnMetadata): string | null {
  if (column.transformer) return null;
  if (TEXT_TYPES.has(column.type)) return `(v === null || typeof v === "string")`;
  if (INTEGER_TYPES.has(column.type)) return `(v === null || Number.isSafeInteger(v))`;
  return `v === null`;
}

/**
 * `qb.getMany()` for a plain single-table query, without TypeORM's general result transformer
 * (grouping rows by primary key, walking joins and relation ids for every row): the same entities,
 * values converted by the same driver functions, at a fraction of the CPU on list pages.
 * The statement text is built once per query shape (see pageStatement). Any other query falls
 * back to `getMany()`.
 */
export async function getEntities<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  const statement = pageStatement(qb);
  return statement ? readPage(qb, statement) : qb.getMany();
}

/** `qb.getManyAndCount()` the same way: the page of entities, then the total. */
export async function getEntitiesAndCount<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<[T[], number]> {
  const statement = pageStatement(qb);
  if (!statement) return qb.getManyAndCount();
  const entities = await readPage(qb, statement);
  return [entities, await countWith(qb, statement)];
}

/** `qb.getCount()` the same way: the count statement built once per query shape. */
export async function getCount<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<number> {
  const statement = pageStatement(qb);
  return statement ? countWith(qb, statement) : qb.getCount();
}

async function countWith(qb: SelectQueryBuilder<ObjectLiteral>, statement: PageStatement): Promise<number> {
  statement.countSql ??= countQuery(qb);
  // as SelectQueryBuilder.executeCountQuery reads its "cnt"
  const [row] = await runCached(qb, statement.countSql);
  return row?.cnt ? parseInt(String(row.cnt)) : 0;
}

/** `qb.getOne()` the same way: the first entity, or null. */
export async function getEntity<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T | null> {
  return (await getEntities(qb))[0] ?? null;
}

/**
 * `manager.findOne(entity, { where: { id } })` through getEntity: the record with this primary key,
 * or null, without TypeORM building its statement for every request.
 */
export async function findEntityById<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: number | string,
): Promise<T | null> {
  const primary = manager.connection.getMetadata(entity).primaryColumns;
  // findOne ignores an absent id (and returns some row); keep exactly its behaviour for those
  if (primary.length !== 1 || id === undefined || id === null)
    return manager.findOne(entity, { where: { id } as never });
  const qb = manager
    .getRepository(entity)
    .createQueryBuilder("e")
    .where(`e.${primary[0].propertyPath} = :id`, { id })
    .take(1);
  return getEntity(qb);
}

/** Protected SelectQueryBuilder methods whose output we reuse instead of copying their per-driver rules. */
interface SelectQueryBuilderInternals {
  queryRunner?: QueryRunner;
  findOptions: object;
  createLimitOffsetExpression(): string;
  computeCountExpression(): string;
}
const internals = (qb: SelectQueryBuilder<ObjectLiteral>) => qb as unknown as SelectQueryBuilderInternals;

interface PageStatement {
  /** TypeORM's SQL without LIMIT/OFFSET, its `:parameters` not yet replaced. */
  sql: string;
  /** The count statement of getManyAndCount, built on first use. */
  countSql?: string;
  hydrate: Hydrator<unknown>;
}
const pageStatements = new WeakMap<EntityMetadata, Map<string, PageStatement | null>>();
/** Shapes per entity: a caller that writes values into its conditions would otherwise grow the cache without end. */
const MAX_SHAPES = 200;

/**
 * The statement for this query's shape: built by TypeORM once (getQuery — property names,
 * escaped column lists — was 15–25 % of the gateway's CPU besides socket work, see
 * apps/bench/README.md), then per request only TypeORM's parameter escaping and its
 * LIMIT/OFFSET expression run. Null for anything the shape key does
 * not cover (the query then goes through TypeORM).
 */
function pageStatement(qb: SelectQueryBuilder<ObjectLiteral>): PageStatement | null {
  const key = shapeKey(qb);
  if (key === null) return null;
  const metadata = qb.expressionMap.mainAlias!.metadata;
  let byShape = pageStatements.get(metadata);
  if (!byShape) pageStatements.set(metadata, (byShape = new Map()));
  const known = byShape.get(key);
  if (known !== undefined) return known;
  if (byShape.size >= MAX_SHAPES) return null;

  const hydrate = hydratorFor(qb);
  let statement: PageStatement | null = null;
  if (hydrate) {
    const sql = qb.clone().skip(undefined).take(undefined).limit(undefined).offset(undefined).getQuery();
    // LIMIT/OFFSET is appended per request: check once that this gives TypeORM's own text
    if (sql + internals(qb).createLimitOffsetExpression() === qb.getQuery()) statement = { sql, hydrate };
  }
  byShape.set(key, statement);
  return statement;
}

/**
 * Everything of the expression map that getQuery turns into SQL text (parameters are not part of
 * it: they stay `:name` until escaping), or null when the query uses anything else — joins,
 * Brackets or object conditions, find options, grouping, locks, subqueries, result caching,
 * transactions.
 */
function shapeKey(qb: SelectQueryBuilder<ObjectLiteral>): string | null {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  if (
    !main?.hasMetadata ||
    main.subQuery ||
    map.queryType !== "select" ||
    map.aliases.length !== 1 ||
    map.joinAttributes.length ||
    map.relationIdAttributes.length ||
    map.groupBys.length ||
    map.havings.length ||
    map.selectDistinct ||
    map.selectDistinctOn.length ||
    map.maxExecutionTime ||
    map.useIndex?.length ||
    map.lockMode ||
    map.lockTables ||
    map.onLocked ||
    map.subQuery ||
    map.extraAppendedAndWhereCondition ||
    !map.aliasNamePrefixingEnabled ||
    map.cache ||
    qb.connection.queryResultCache ||
    map.useTransaction ||
    map.timeTravel ||
    map.comment ||
    map.commonTableExpressions.length ||
    Object.keys(internals(qb).findOptions).length || // setFindOptions: relations may load after the query
    !map.wheres.every((w) => typeof w.condition === "string")
  )
    return null;
  return [
    main.name,
    map.withDeleted,
    map.disableEscaping,
    map.options.join(),
    map.selects.map((s) => `${s.selection} ${s.aliasName ?? ""}`).join(),
    JSON.stringify(map.orderBys),
    ...map.wheres.map((w) => `${w.type} ${w.condition as string}`),
  ].join("\n");
}

async function readPage<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, statement: PageStatement): Promise<T[]> {
  const raws = await runCached(qb, statement.sql + internals(qb).createLimitOffsetExpression());
  return raws.map(statement.hydrate as Hydrator<T>);
}

/** As SelectQueryBuilder.executeCountQuery builds it, text only. */
function countQuery(qb: SelectQueryBuilder<ObjectLiteral>): string {
  return qb
    .clone()
    .orderBy()
    .groupBy()
    .offset(undefined)
    .limit(undefined)
    .skip(undefined)
    .take(undefined)
    .select(internals(qb).computeCountExpression(), "cnt")
    .setOption("disable-global-order")
    .getQuery();
}

/** Runs a cached statement with this request's parameters, escaped by the driver as getQueryAndParameters does, on the builder's query runner (a transaction's, if any). */
function runCached(qb: SelectQueryBuilder<ObjectLiteral>, sql: string): Promise<Record<string, unknown>[]> {
  const [text, parameters] = qb.connection.driver.escapeQueryWithParameters(sql, qb.getParameters());
  return readQuery(qb.connection, text, parameters, internals(qb).queryRunner);
}

/**
 * The entities whose `column` is one of `keys` (a DataLoader batch), in `order`: like
 * `manager.find(entity, { where: { [column]: In(keys) }, order })`, through getEntities.
 * The statement is TypeORM's own for one key, built once per entity, column and order; a batch
 * widens its `IN (?)` to one placeholder per key (keys that are numbers or strings).
 */
export async function findByKeys<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  keys: readonly unknown[],
  order: Partial<Record<keyof T & string, "ASC" | "DESC">> = {},
): Promise<T[]> {
  if (keys.length === 0) return [];
  const query = (ks: readonly unknown[]) => {
    const qb = manager
      .getRepository(entity)
      .createQueryBuilder("e")
      .where(`e.${column} IN (:...keys)`, { keys: [...ks] });
    for (const [property, direction] of Object.entries(order) as [string, "ASC" | "DESC"][])
      qb.addOrderBy(`e.${property}`, direction);
    return qb;
  };
  if (!keys.every((k) => typeof k === "number" || typeof k === "string")) return getEntities(query(keys));
  const statement = keyStatement(manager.connection.getMetadata(entity), `${column} ${JSON.stringify(order)}`, () =>
    query([0]),
  );
  if (!statement) return getEntities(query(keys));
  const raws = await readQuery(
    manager.connection,
    statement.sql.replace(ONE_KEY, `IN (${"?, ".repeat(keys.length - 1)}?)`),
    [...keys],
    manager.queryRunner,
  );
  return raws.map(statement.hydrate as Hydrator<T>);
}

const ONE_KEY = "IN (?)";

interface KeyStatement {
  sql: string;
  hydrate: Hydrator<unknown>;
}
const keyStatements = new WeakMap<EntityMetadata, Map<string, KeyStatement | null>>();

/** TypeORM's statement for one key, with its hydrator; null when it is not a plain single-table select with one placeholder. */
function keyStatement(
  metadata: EntityMetadata,
  shape: string,
  build: () => SelectQueryBuilder<ObjectLiteral>,
): KeyStatement | null {
  let byShape = keyStatements.get(metadata);
  if (!byShape) keyStatements.set(metadata, (byShape = new Map()));
  if (byShape.has(shape)) return byShape.get(shape)!;
  const qb = build();
  const hydrate = hydratorFor(qb);
  const [sql, parameters] = qb.getQueryAndParameters();
  const plain =
    hydrate !== null && parameters.length === 1 && sql.split(ONE_KEY).length === 2 && sql.split("?").length === 2;
  const statement = plain ? { sql, hydrate } : null;
  byShape.set(shape, statement);
  return statement;
}
