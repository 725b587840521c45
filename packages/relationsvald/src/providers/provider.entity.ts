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
    "Utförare — a provider of placements: the unit itself, Kvinnojouren (IOP partner), other protected housing, family homes.",
})
@Entity({ name: "rv_provider" })
@Index(["organisationsnummer"])
export class PlacementProvider {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "Name; a family home is registered under a code name." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => ProviderKind)
  @Column({ type: "varchar", length: 32 })
  kind!: ProviderKind;

  @Field(() => OrganisationsnummerScalar, {
    nullable: true,
    description:
      "Organisationsnummer, when the provider is an organisation; links an IOP partner to its partnership (resolved by the gateway).",
  })
  @Column({ type: "varchar", length: 10, nullable: true, default: null })
  organisationsnummer!: string | null;

  /** Where the provider's housing is. NEVER a GraphQL field. */
  @Column({ type: "text", nullable: true, default: null })
  location!: string | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
