import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { RelationsvaldScopes } from "../scopes";
import { IopAgreementReference } from "./agreement-reference.type";
import { placementCostsOfPartnership } from "./partnership-costs.service";
import {
  PLACEMENT_COSTS_DESCRIPTION,
  PLACEMENT_COSTS_FROM_DESCRIPTION,
  PLACEMENT_COSTS_TO_DESCRIPTION,
  PartnershipPlacementCosts,
} from "./partnership-costs.types";

/**
 * In the federated topology relationsvåld owns a partnership's placement costs: the agreement comes
 * by reference with its period and its partner's organisationsnummer; the figures are the
 * placement register's. Same scopes, arguments and answer as the monolith's field.
 */
@Resolver(() => IopAgreementReference)
export class AgreementPlacementCostsResolver {
  @Authorized(RelationsvaldScopes.STATS, RelationsvaldScopes.STATS_EXACT, RelationsvaldScopes.READ)
  @FieldResolver(() => PartnershipPlacementCosts, { description: PLACEMENT_COSTS_DESCRIPTION })
  placementCosts(
    @Root() agreement: IopAgreementReference,
    @Ctx() ctx: RequestContext,
    @Arg("from", () => LocalDateScalar, { nullable: true, description: PLACEMENT_COSTS_FROM_DESCRIPTION })
    from?: LocalDate,
    @Arg("to", () => LocalDateScalar, { nullable: true, description: PLACEMENT_COSTS_TO_DESCRIPTION })
    to?: LocalDate,
  ): Promise<PartnershipPlacementCosts> {
    return placementCostsOfPartnership(
      ctx,
      {
        startDate: agreement.startDate,
        endDate: agreement.endDate ?? null,
        finalEndDate: agreement.finalEndDate ?? null,
        partnerOrganisationsnummer: agreement.partner.organisationsnummer,
      },
      from,
      to,
    );
  }
}
