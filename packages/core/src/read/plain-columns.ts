import { getMetadataStorage } from "type-graphql";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

const plainFieldsByEntity = new WeakMap<object, Map<string, string>>();

/**
 * GraphQL field name → column property, for the entity's @Field properties that are columns and
 * that no @FieldResolver replaces (type-graphql's metadata, through the class chain).
 */
export function plainColumnFields(ds: DataSource, entity: EntityTarget<ObjectLiteral>): Map<string, string> {
  const metadata = ds.getMetadata(entity);
  const target = metadata.target as object;
  const known = plainFieldsByEntity.get(target);
  if (known) return known;
  const storage = getMetadataStorage();
  const chain: object[] = [];
  for (let t: object | null = target; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) chain.push(t);
  const resolved = new Set(
    storage.fieldResolvers.filter((r) => chain.includes(r.getObjectType?.() as object)).map((r) => r.schemaName),
  );
  const columns = new Set(
    metadata.columns.filter((c) => !c.isVirtual && !c.embeddedMetadata).map((c) => c.propertyName),
  );
  const plain = new Map<string, string>();
  for (const field of storage.fields) {
    if (chain.includes(field.target) && columns.has(field.name) && !resolved.has(field.schemaName))
      plain.set(field.schemaName, field.name);
  }
  plainFieldsByEntity.set(target, plain);
  return plain;
}
