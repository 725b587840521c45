import { getMetadataArgsStorage } from "typeorm";

/**
 * Table and column names from the packages' own entity classes (TypeORM's decorator metadata),
 * so the floor's SQL names what the entities name and cannot drift from them.
 */

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityClass = Function;

/** The entity's own class and the classes it extends (columns may be declared on a base class). */
function lineage(entity: EntityClass): EntityClass[] {
  const out: EntityClass[] = [];
  for (
    let c: EntityClass | null = entity;
    c && c !== Function.prototype;
    c = Object.getPrototypeOf(c) as EntityClass | null
  )
    out.push(c);
  return out;
}

export function tableOf(entity: EntityClass): string {
  const table = getMetadataArgsStorage().tables.find((t) => t.target === entity);
  if (!table?.name) throw new Error(`${entity.name} is not an @Entity with a table name`);
  return table.name;
}

/** The entity's columns (database names) in declaration order, as TypeORM selects them. */
export function columnsOf(entity: EntityClass, alias?: string): string[] {
  const targets = lineage(entity);
  const columns = getMetadataArgsStorage().columns.filter((c) => targets.includes(c.target as EntityClass));
  // Base-class columns first, as TypeORM orders an inherited entity's columns.
  columns.sort((a, b) => targets.indexOf(b.target as EntityClass) - targets.indexOf(a.target as EntityClass));
  return columns.map((c) =>
    alias ? `${alias}.${c.options.name ?? c.propertyName}` : (c.options.name ?? c.propertyName),
  );
}
