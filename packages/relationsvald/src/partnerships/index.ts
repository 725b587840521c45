// An IOP partnership's placement costs: the monolith's gateway and the relationsvåld subgraph answer them with this code.
export * from "./partnership-costs.types";
export { placementCostsOfPartnership, type PartnershipTerms } from "./partnership-costs.service";
export { IopAgreementReference, IopPartnerReference } from "./agreement-reference.type";
export { AgreementPlacementCostsResolver } from "./agreement-placement-costs.resolver";
