import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import type { EntityMetadata } from "typeorm/metadata/EntityMetadata.js";
import { DriverUtils } from "typeorm/driver/DriverUtils.js";
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";

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
 * Any other query falls back to `getMany()`.
 */
export async function getEntities<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  const hydrate = hydratorFor(qb);
  if (!hydrate) return qb.getMany();
  const raws: Record<string, unknown>[] = await qb.getRawMany();
  return raws.map(hydrate);
}

/** `qb.getManyAndCount()` the same way: the page of entities, then the total. */
export async function getEntitiesAndCount<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<[T[], number]> {
  const hydrate = hydratorFor(qb);
  if (!hydrate) return qb.getManyAndCount();
  const raws: Record<string, unknown>[] = await qb.getRawMany();
  return [raws.map(hydrate), await qb.getCount()];
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
  const raws: Record<string, unknown>[] = await manager.query(
    statement.sql.replace(ONE_KEY, `IN (${"?, ".repeat(keys.length - 1)}?)`),
    [...keys],
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
