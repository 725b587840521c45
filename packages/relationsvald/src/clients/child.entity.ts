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
  description: "Medföljande barn — a child accompanying a client; an individual with its own assessment and decision.",
})
@Entity({ name: "rv_child" })
@Index(["personnummer"], { unique: true })
@Index(["clientId"])
export class AccompanyingChild {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  clientId!: number;

  @Authorized(S.READ, S.WRITE)
  @Field(() => PersonnummerScalar, {
    nullable: true,
    description: "Null once the record has been gallrad (anonymised).",
  })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  @Authorized(S.READ, S.WRITE)
  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Null once the record has been gallrad (anonymised)." })
  @Column({ ...dateColumn, nullable: true, default: null })
  birthDate!: LocalDate | null;

  @Field(() => Boolean, { description: "Skyddade personuppgifter; always true when the parent client has them." })
  @Column({ type: "boolean", default: false })
  protectedIdentity!: boolean;

  @Field(() => Boolean, {
    description:
      "Never to be deleted by gallring: the child has been placed in skyddat boende (SoL 2025:400 16 kap. 2 §). Set when such a placement is registered; never cleared.",
  })
  @Column({ type: "boolean", default: false })
  retentionExempt!: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Gallrad — the day retention removed the person data; never set for a retentionExempt child.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
