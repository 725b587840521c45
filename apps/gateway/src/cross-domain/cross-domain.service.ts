import { takeFirst, ValidationError, type RequestContext } from "@arbetsliv/core";
import type { LocalDate } from "@arbetsliv/core/values";
import { defineLoader, loaderOf } from "@arbetsliv/core/read";
import { partnersOfAgreements, partnershipsByOrganisationsnummer, type IopAgreement } from "@arbetsliv/iop";
import {
  placementCostsOfPartnership,
  type PartnershipPlacementCosts,
  type PlacementProvider,
} from "@arbetsliv/relationsvald";

const partnershipsByOrgnr = defineLoader<string, IopAgreement[]>("IopAgreement by organisationsnummer", (ctx, orgnrs) =>
  partnershipsByOrganisationsnummer(ctx.ds, orgnrs),
);

const partnerOfAgreement = defineLoader<number, Awaited<ReturnType<typeof partnersOfAgreements>>[number]>(
  "IOP partner of agreement",
  (ctx, ids) => partnersOfAgreements(ctx.ds, ids),
);

/** A provider's IOP partnerships (same organisationsnummer), newest first, the first `first`. */
export function partnershipsOfProvider(
  ctx: RequestContext,
  provider: PlacementProvider,
  first: number,
): IopAgreement[] | Promise<IopAgreement[]> {
  if (!provider.organisationsnummer) return [];
  return takeFirst(loaderOf(ctx, partnershipsByOrgnr).get(provider.organisationsnummer), first);
}

/**
 * What placements under the partnership cost (relationsvåld's placementCostsOfPartnership): the
 * agreement's terms, and its partner's organisationsnummer read from IOP in one batch per page.
 */
export async function placementCostsOfAgreement(
  ctx: RequestContext,
  agreement: IopAgreement,
  from: LocalDate | undefined,
  to: LocalDate | undefined,
): Promise<PartnershipPlacementCosts> {
  const partner = await loaderOf(ctx, partnerOfAgreement).get(agreement.id);
  if (!partner) throw new ValidationError("agreement", "partner", { en: "has no partner", sv: "har ingen partner" });
  return placementCostsOfPartnership(
    ctx,
    {
      startDate: agreement.startDate,
      endDate: agreement.endDate,
      finalEndDate: agreement.finalEndDate,
      partnerOrganisationsnummer: partner.organisationsnummer,
    },
    from,
    to,
  );
}
