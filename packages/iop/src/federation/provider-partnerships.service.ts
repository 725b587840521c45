import type { RequestContext } from "@arbetsliv/core";
import { takeFirst } from "@arbetsliv/core";
import { defineLoader, loaderOf } from "@arbetsliv/core/read";
import type { Agreement } from "../agreement/agreement.entity";
import { partnershipsByOrganisationsnummer } from "../public-api";

const partnershipsByOrgnr = defineLoader<string, Agreement[]>("IopAgreement by organisationsnummer", (ctx, orgnrs) =>
  partnershipsByOrganisationsnummer(ctx.ds, orgnrs),
);

/** The IOP partnerships with an organisation (same organisationsnummer), newest first, the first `first`: one batch per request. */
export function partnershipsOfOrganisation(
  ctx: RequestContext,
  organisationsnummer: string | null | undefined,
  first: number,
): Agreement[] | Promise<Agreement[]> {
  if (!organisationsnummer) return [];
  return takeFirst(loaderOf(ctx, partnershipsByOrgnr).get(organisationsnummer), first);
}
