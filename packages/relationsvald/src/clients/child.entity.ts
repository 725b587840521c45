import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { LocalDateScalar, PersonnummerScalar, dateColumn, type LocalDate } from "@arbetsliv/core";
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
  @Field(() => PersonnummerScalar)
  @Column({ type: "varchar", length: 12 })
  personnummer!: string;

  @Authorized(S.READ, S.WRITE)
  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  birthDate!: LocalDate;

  @Field(() => Boolean, { description: "Skyddade personuppgifter; always true when the parent client has them." })
  @Column({ type: "boolean", default: false })
  protectedIdentity!: boolean;

  @Field(() => Boolean, {
    description:
      "Never to be deleted by gallring: the child has been placed in skyddat boende (SoL 2025:400 16 kap. 2 §). Set when such a placement is registered; never cleared.",
  })
  @Column({ type: "boolean", default: false })
  retentionExempt!: boolean;

  @Field(() => Int)
  @VersionColumn()
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
