import type { GraphQLResolveInfo } from "graphql";
import { getMetadataStorage } from "type-graphql";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { selectedFieldNames } from "./prefetch";

/** For the fields that are not plain columns: the columns each one reads (the primary key is always read). */
export type FieldColumns<T> = Readonly<Record<string, readonly (keyof T & string)[]>>;

/**
 * The columns a page of `entity` needs for what the query selects at `path` (e.g. `["nodes"]`):
 * selected fields that are plain columns, the columns `fieldColumns` declares for the other
 * selected fields (partner → partnerId), and the primary key. `undefined` (read every column)
 * when a selected field is neither — e.g. a computed field resolver nobody declared — so a
 * resolver never meets a row without a column it reads. Reading fewer columns is most of what a
 * list page costs beyond the floor (mysql2 parses every column of every row).
 */
export function neededColumns<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  info: GraphQLResolveInfo,
  path: readonly string[],
  fieldColumns: FieldColumns<T>,
): (keyof T & string)[] | undefined {
  const plain = plainColumnFields(ds, entity);
  const needed = new Set<string>(ds.getMetadata(entity).primaryColumns.map((c) => c.propertyPath));
  for (const field of selectedFieldNames(info, path)) {
    if (field === "__typename") continue;
    const declared = fieldColumns[field];
    const property = declared ? undefined : plain.get(field);
    if (declared) for (const column of declared) needed.add(column);
    else if (property) needed.add(property);
    else return undefined;
  }
  return [...needed] as (keyof T & string)[];
}

const plainFieldsByEntity = new WeakMap<object, Map<string, string>>();

/**
 * GraphQL field name → column property, for the entity's @Field properties that are columns and
 * that no @FieldResolver replaces (type-graphql's metadata, through the class chain).
 */
function plainColumnFields(ds: DataSource, entity: EntityTarget<ObjectLiteral>): Map<string, string> {
  const metadata = ds.getMetadata(entity);
  const target = metadata.target as object;
  const known = plainFieldsByEntity.get(target);
  if (known) return known;
  const storage = getMetadataStorage();
  const chain: object[] = [];
  for (let t: object | null = target; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) chain.push(t);
  const resolved = new Set(storage.fieldResolvers.filter((r) => chain.includes(r.getObjectType?.() as object)).map((r) => r.schemaName));
  const columns = new Set(metadata.columns.filter((c) => !c.isVirtual && !c.embeddedMetadata).map((c) => c.propertyName));
  const plain = new Map<string, string>();
  for (const field of storage.fields) {
    if (chain.includes(field.target) && columns.has(field.name) && !resolved.has(field.schemaName)) plain.set(field.schemaName, field.name);
  }
  plainFieldsByEntity.set(target, plain);
  return plain;
}
