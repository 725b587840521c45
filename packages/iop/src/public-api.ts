import { In, type DataSource, type EntityManager } from "typeorm";
import { Agreement } from "./agreement/agreement.entity";
import { Partner } from "./agreement/partner.entity";

type Db = DataSource | EntityManager;

function manager(db: Db): EntityManager {
  return "manager" in db ? db.manager : db;
}

/** "864501-5200" or "8645015200" → "8645015200" (the stored form). Invalid input simply matches nothing. */
function normalise(orgnr: string): string {
  return orgnr.replace(/\D/g, "");
}

/**
 * For the gateway (a DataLoader batch function): the IOP agreements of the partners with these
 * organisationsnummer, one array per key in the order of the keys, newest start first; [] for a
 * number that is no IOP partner. Two SELECTs whatever the number of keys. Includes every status
 * (filter on `status`/`finalEndDate` or use `inForceOn` from this package for the ones in force).
 *
 *   const byOrgnr = defineLoader<string, Agreement[]>("IOP agreements by organisationsnummer", (ctx, keys) => partnershipsByOrganisationsnummer(ctx.ds, keys));
 *   loaderOf(ctx, byOrgnr).get(orgnr);
 */
export async function partnershipsByOrganisationsnummer(
  db: Db,
  organisationsnummer: readonly string[],
): Promise<Agreement[][]> {
  const keys = organisationsnummer.map(normalise);
  const wanted = [...new Set(keys.filter((k) => k.length === 10))];
  if (wanted.length === 0) return keys.map(() => []);
  const m = manager(db);
  const partners = await m.find(Partner, { where: { organisationsnummer: In(wanted) } });
  if (partners.length === 0) return keys.map(() => []);
  const agreements = await m.find(Agreement, {
    where: { partnerId: In(partners.map((p) => p.id)) },
    order: { startDate: "DESC", id: "DESC" },
  });
  const orgnrOf = new Map(partners.map((p) => [p.id, p.organisationsnummer]));
  const byOrgnr = new Map<string, Agreement[]>();
  for (const a of agreements) {
    const k = orgnrOf.get(a.partnerId)!;
    byOrgnr.set(k, [...(byOrgnr.get(k) ?? []), a]);
  }
  return keys.map((k) => byOrgnr.get(k) ?? []);
}

/** For the gateway: partners by organisationsnummer (null where none), in key order. One SELECT. */
export async function partnersByOrganisationsnummer(
  db: Db,
  organisationsnummer: readonly string[],
): Promise<(Partner | null)[]> {
  const keys = organisationsnummer.map(normalise);
  const partners = await manager(db).find(Partner, { where: { organisationsnummer: In([...new Set(keys)]) } });
  const byOrgnr = new Map(partners.map((p) => [p.organisationsnummer, p]));
  return keys.map((k) => byOrgnr.get(k) ?? null);
}

/** For the gateway: the partner (with its organisationsnummer) of each agreement id, in key order. Two SELECTs. */
export async function partnersOfAgreements(db: Db, agreementIds: readonly number[]): Promise<(Partner | null)[]> {
  const m = manager(db);
  const agreements = await m.find(Agreement, { where: { id: In([...new Set(agreementIds)]) } });
  if (agreements.length === 0) return agreementIds.map(() => null);
  const partners = await m.find(Partner, { where: { id: In([...new Set(agreements.map((a) => a.partnerId))]) } });
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const partnerOf = new Map(agreements.map((a) => [a.id, partnerById.get(a.partnerId) ?? null]));
  return agreementIds.map((id) => partnerOf.get(id) ?? null);
}
