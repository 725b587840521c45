import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { LocalDateScalar, PersonnummerScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { ViolenceType } from "../enums";
import { RelationsvaldScopes as S } from "../scopes";

/**
 * Klient — an adult (over 18) subjected to violence, placed or supported by
 * Relationsvåldsenheten. Only visible with relationsvald:read/write; a client with protected
 * identity only with relationsvald:protected as well. The address never leaves the API.
 */
@ObjectType({
  description:
    "Klient — an adult subjected to violence in a close relationship, honour-related violence or prostitution/trafficking.",
})
@Entity({ name: "rv_client" })
@Index(["personnummer"], { unique: true })
export class PlacementClient {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

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

  @Field(() => ViolenceType, { nullable: true, description: "Null once the record has been gallrad (anonymised)." })
  @Column({ type: "varchar", length: 32, nullable: true, default: null })
  violenceType!: ViolenceType | null;

  @Field(() => Boolean, {
    description:
      "Skyddade personuppgifter (skyddad folkbokföring / sekretessmarkering). Only ever true for callers with relationsvald:protected.",
  })
  @Column({ type: "boolean", default: false })
  protectedIdentity!: boolean;

  /** Where the person lives. Stored for the caseworker's own system of record; NEVER a GraphQL field. */
  @Column({ type: "text", nullable: true, default: null })
  address!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Gallrad — the day retention removed the person data (5 years after the last entry); null while kept.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int, { description: "Pass back as expectedVersion when you change the client." })
  @VersionColumn()
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
