import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { OrganisationsnummerScalar } from "@arbetsliv/core/values";
import { ProviderKind } from "../enums";

/**
 * Utförare — who provides placements. The location (address of a protected housing, a family
 * home) is stored for the unit but is NEVER a GraphQL field, for any scope.
 */
@ObjectType({
  description:
    "A provider (utförare) of placements: the unit itself, Kvinno- och tjejjouren Borås (an IOP partner — idéburet offentligt partnerskap, a partnership with a non-profit), other protected housing, municipal units, family homes. Not person data: relationsvald:read, :write or :stats. Its location is never a field.",
})
@Entity({ name: "rv_provider" })
@Index(["organisationsnummer"])
export class PlacementProvider {
  @Field(() => ID, { description: "The provider's id: give it as providerId when placing or adding fees." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "Name; a family home is registered under a code name." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => ProviderKind, { description: "What kind of provider it is." })
  @Column({ type: "varchar", length: 32 })
  kind!: ProviderKind;

  @Field(() => OrganisationsnummerScalar, {
    nullable: true,
    description:
      "The organisationsnummer (Swedish organisation number) as NNNNNN-NNNN, when the provider is an organisation; links an IOP partner to its partnership (resolved by the gateway). Null for the unit itself and family homes.",
  })
  @Column({ type: "varchar", length: 10, nullable: true, default: null })
  organisationsnummer!: string | null;

  /** Where the provider's housing is. NEVER a GraphQL field. */
  @Column({ type: "text", nullable: true, default: null })
  location!: string | null;

  @Field(() => Int, {
    description:
      "The optimistic-locking version, 1 when registered and raised by every change: pass it back as input.expectedVersion.",
  })
  @VersionColumn()
  version!: number;

  @Field(() => Date, { description: "When the provider was registered." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
