import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { ConflictError, NotFoundError } from "../errors/errors";

/**
 * Optimistic locking: updates a row only if it still has the version the caller read.
 * Two caseworkers editing the same record: one succeeds, the other gets CONFLICT —
 * never a silent lost update. TypeORM bumps the @VersionColumn in the same UPDATE.
 */
export async function updateVersioned<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  label: string,
  id: number,
  version: number,
  changes: Partial<E>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set(changes as never)
    .where("id = :id AND version = :version", { id, version })
    .execute();
  if (result.affected === 0) {
    const exists = await manager.getRepository(entity).exists({ where: { id } as never });
    if (!exists) throw new NotFoundError(label, id);
    throw new ConflictError(
      {
        en: `${label} ${id} was changed by someone else since version ${version}; reload and try again`,
        sv: `${label} ${id} har ändrats av någon annan sedan version ${version}; läs in på nytt och försök igen`,
      },
      {
        entity: label,
      },
    );
  }
}
