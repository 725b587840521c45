import { Field, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { OrganisationsnummerScalar } from "@arbetsliv/core/values";

/** Idéburen organisation — a non-profit partner of one or more IOP agreements. */
@ObjectType("IopPartner", {
  description: "Idéburen organisation — a non-profit partner in idéburet offentligt partnerskap.",
})
@Entity({ name: "iop_partner" })
export class Partner {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => OrganisationsnummerScalar, { description: "Organisationsnummer (validated, Luhn)." })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 10 })
  organisationsnummer!: string;

  @Field(() => String, { nullable: true, description: 'Postadress, e.g. "Box 979".' })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  postalAddress!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 10, nullable: true, default: null })
  postalCode!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 100, nullable: true, default: null })
  city!: string | null;

  @Field(() => String, { nullable: true, description: "Bakgrund — who the organisation is." })
  @Column({ type: "text", nullable: true, default: null })
  description!: string | null;

  @Field(() => Int, { description: "Pass back as expectedVersion when you change the partner." })
  @VersionColumn()
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ type: "datetime" })
  updatedAt!: Date;
}
