import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { LocalDateScalar, PersonnummerScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { RelationsvaldScopes as S } from "../scopes";

/**
 * Medföljande barn — a child accompanying a client. Since 1 April 2024 each child is an
 * individual with its own assessment and decision (recorded per placement). Records of a child
 * placed in protected housing are never deleted (SoL 2025:400 16 kap. 2 §): `retentionExempt`.
 */
@ObjectType({
  description:
    "An accompanying child (medföljande barn, under 18) of a client; an individual with its own assessment and decision in each placement. Person-level like PlacementClient; a protected child only with relationsvald:protected.",
})
@Entity({ name: "rv_child" })
@Index(["personnummer"], { unique: true })
@Index(["clientId"])
export class AccompanyingChild {
  @Field(() => ID, { description: "The child's id: give it as childId in a placement's children." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  clientId!: number;

  @Authorized(S.READ, S.WRITE)
  @Field(() => PersonnummerScalar, {
    nullable: true,
    description:
      "The child's personnummer (Swedish personal identity number), as YYYYMMDD-NNNN; null once the record has been gallrad (anonymised by retention).",
  })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  @Authorized(S.READ, S.WRITE)
  @Field(() => String, { description: "The child's name; replaced once the record has been gallrad." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The child's birth date, from the personnummer; null once the record has been gallrad (anonymised).",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  birthDate!: LocalDate | null;

  @Field(() => Boolean, {
    description:
      "Skyddade personuppgifter (protected personal data); always true when the parent client has them. Only ever true for callers with relationsvald:protected.",
  })
  @Column({ type: "boolean", default: false })
  protectedIdentity!: boolean;

  @Field(() => Boolean, {
    description:
      "Never to be deleted by gallring (deletion under the retention rules): the child has been placed in skyddat boende, protected housing (socialtjänstlagen SoL 2025:400 16 kap. 2 §). Set when such a placement is registered; never cleared.",
  })
  @Column({ type: "boolean", default: false })
  retentionExempt!: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Gallrad (deleted under the retention rules): the day retention removed the person data; null while kept, never set for a retentionExempt child.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int, { description: "The optimistic-locking version, 1 when registered and raised by every change." })
  @VersionColumn()
  version!: number;

  @Field(() => Date, { description: "When the child was registered." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
