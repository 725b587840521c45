import { Field, ID, ObjectType } from "type-graphql";
import { OrganisationsnummerScalar } from "@arbetsliv/core/values";

/**
 * A relationsvåld placement provider as IOP knows it in the federated topology: only its key and
 * its organisationsnummer, which the gateway fetches from the relationsvåld subgraph (`@requires`).
 * Named PlacementProvider in the subgraph's SDL (see iopModule.federation); the monolith never
 * builds it (the gateway's own cross-domain resolver answers the field there).
 */
@ObjectType("IopPlacementProviderReference", { description: "A relationsvåld placement provider (by reference)." })
export class PlacementProviderReference {
  @Field(() => ID, { description: "The provider's id in the relationsvåld register." })
  id!: string;

  @Field(() => OrganisationsnummerScalar, {
    nullable: true,
    description: "The provider's organisationsnummer, if it is an organisation.",
  })
  organisationsnummer!: string | null;
}
