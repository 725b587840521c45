import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateScalar, OrganisationsnummerScalar, type LocalDate } from "@arbetsliv/core/values";

/**
 * An IOP partnership's partner as relationsvåld needs it: its organisationsnummer, sent by the
 * gateway with the agreement's reference (`@requires`). Named IopPartner in the subgraph's SDL
 * (relationsvaldModule.federation); the monolith never builds it.
 */
@ObjectType("RelationsvaldIopPartnerReference", { description: "An IOP partner (by reference)." })
export class IopPartnerReference {
  @Field(() => OrganisationsnummerScalar, { description: "The partner's organisationsnummer." })
  organisationsnummer!: string;
}

/**
 * An IOP agreement (överenskommelse om idéburet offentligt partnerskap) as relationsvåld sees it
 * in the federated topology: its key and the terms its placement costs depend on, which the
 * gateway fetches from the IOP subgraph. Named IopAgreement in the subgraph's SDL.
 */
@ObjectType("RelationsvaldIopAgreementReference", { description: "An IOP agreement (by reference)." })
export class IopAgreementReference {
  @Field(() => ID, { description: "The agreement's id in IOP." })
  id!: string;

  @Field(() => LocalDateScalar, { description: "First day in force." })
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day of the current term, if it has one." })
  endDate!: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day it ends for good, once known." })
  finalEndDate!: LocalDate | null;

  @Field(() => IopPartnerReference, { description: "The partner." })
  partner!: IopPartnerReference;
}
