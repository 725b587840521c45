import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { ContactRole, PartySide } from "./agreement.enums";

/** Kontaktperson, ansvarig enhetschef, styrgrupp — people named in an agreement. Person-level: reads are logged. */
@ObjectType("IopContact", {
  description:
    "Kontaktperson — a contact person or role named in an agreement (ansvarig enhetschef, styrgrupp, undertecknare …). Person-level: every read is access-logged; retention clears name, e-mail and phone five years after the agreement ended. Scope iop:read.",
})
@Entity({ name: "iop_agreement_contact" })
@Index(["agreementId"])
export class AgreementContact {
  @Field(() => ID, { description: "The contact's id (removeIopContact takes it as input.id)." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => PartySide, { description: "Which party the person represents." })
  @Column({ type: "varchar", length: 16 })
  side!: PartySide;

  @Field(() => ContactRole, { description: "The person's role in the agreement." })
  @Column({ type: "varchar", length: 32 })
  role!: ContactRole;

  @Field(() => String, {
    nullable: true,
    description: "Befattning — job title, e.g. Verksamhetschef, Enhetschef, Ordförande; null when not given.",
  })
  @Column({ type: "varchar", length: 120, nullable: true, default: null })
  title!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Name; null when the agreement names only the role, or after retention cleared it (anonymisedDate).",
  })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Enhet — the unit the person works at, e.g. Relationsvåldsenheten; null when not given.",
  })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: "E-mail address; null when not given or cleared by retention." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "Phone number; null when not given or cleared by retention." })
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
