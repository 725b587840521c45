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
  description:
    "Idéburen organisation — a non-profit (association, foundation …) that is a partner in IOP, idéburet offentligt partnerskap: a partnership between the municipality and a non-profit. Scope iop:read.",
})
@Entity({ name: "iop_partner" })
export class Partner {
  @Field(() => ID, { description: "The partner's id (an agreement's partnerId; updateIopPartner's input.id)." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "The organisation's registered name." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => OrganisationsnummerScalar, {
    description:
      "Organisationsnummer — the Swedish organisation number (check digit validated), unique among partners.",
  })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 10 })
  organisationsnummer!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Postadress — street or box address, e.g. "Box 979"; null when not given.',
  })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  postalAddress!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Postnummer — the postal code as given, e.g. "501 10"; null when not given.',
  })
  @Column({ type: "varchar", length: 10, nullable: true, default: null })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: "Postort — the postal town; null when not given." })
  @Column({ type: "varchar", length: 100, nullable: true, default: null })
  city!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Bakgrund — who the organisation is and what it does; null when not given.",
  })
  @Column({ type: "text", nullable: true, default: null })
  description!: string | null;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change: pass it back as input.expectedVersion when you change the partner.",
  })
  @VersionColumn()
  version!: number;

  @Field(() => Date, { description: "When the partner was registered (timestamp, UTC)." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ type: "datetime" })
  updatedAt!: Date;
}
