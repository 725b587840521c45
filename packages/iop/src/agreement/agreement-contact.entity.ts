import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { ContactRole, PartySide } from "./agreement.enums";

/** Kontaktperson, ansvarig enhetschef, styrgrupp — people named in an agreement. Person-level: reads are logged. */
@ObjectType("IopContact", {
  description: "Kontaktperson — a person or role named in an agreement (person-level; reads are access-logged).",
})
@Entity({ name: "iop_agreement_contact" })
@Index(["agreementId"])
export class AgreementContact {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => PartySide)
  @Column({ type: "varchar", length: 16 })
  side!: PartySide;

  @Field(() => ContactRole)
  @Column({ type: "varchar", length: 32 })
  role!: ContactRole;

  @Field(() => String, { nullable: true, description: "Befattning, e.g. Verksamhetschef, Enhetschef, Ordförande." })
  @Column({ type: "varchar", length: 120, nullable: true, default: null })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "Name; null when the agreement names only the role." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "Enhet, e.g. Relationsvåldsenheten." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  unit!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  email!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 40, nullable: true, default: null })
  phone!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Gallrad — the day retention removed name, e-mail and phone (5 years after the agreement ended); null while kept.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;
}
