import type { EntityManager } from "typeorm";
import { NotFoundError } from "@arbetsliv/core";
import { Agreement } from "./agreement.entity";

/** The agreement, or NOT_FOUND. */
export async function findAgreement(manager: EntityManager, agreementId: number): Promise<Agreement> {
  const agreement = await manager.findOne(Agreement, { where: { id: agreementId } });
  if (!agreement) throw new NotFoundError("IopAgreement", agreementId);
  return agreement;
}
