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
    "A client (klient): an adult (18 or older) subjected to violence in a close relationship, honour-related violence or prostitution/trafficking. Person-level: relationsvald:read or :write; a client with protected identity only with relationsvald:protected as well. The address is never a field.",
})
@Entity({ name: "rv_client" })
@Index(["personnummer"], { unique: true })
export class PlacementClient {
  @Field(() => ID, { description: "The client's id: give it as input.clientId to place the client or add a child." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Authorized(S.READ, S.WRITE)
  @Field(() => PersonnummerScalar, {
    nullable: true,
    description:
      "The client's personnummer (Swedish personal identity number), as YYYYMMDD-NNNN; null once the record has been gallrad (anonymised by retention).",
  })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  @Authorized(S.READ, S.WRITE)
  @Field(() => String, { description: "The client's name; replaced once the record has been gallrad." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => ViolenceType, {
    nullable: true,
    description: "What the client is subjected to; null once the record has been gallrad (anonymised).",
  })
  @Column({ type: "varchar", length: 32, nullable: true, default: null })
  violenceType!: ViolenceType | null;

  @Field(() => Boolean, {
    description:
      "Skyddade personuppgifter (protected personal data: skyddad folkbokföring, protected population registration, or sekretessmarkering, a confidentiality marking). Only ever true for callers with relationsvald:protected: others never see such a client.",
  })
  @Column({ type: "boolean", default: false })
  protectedIdentity!: boolean;

  /** Where the person lives. Stored for the caseworker's own system of record; NEVER a GraphQL field. */
  @Column({ type: "text", nullable: true, default: null })
  address!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Gallrad (deleted under the retention rules): the day retention removed the person data (5 years after the last entry); null while kept.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int, {
    description:
      "The optimistic-locking version, 1 when registered and raised by every change: pass it back as input.expectedVersion.",
  })
  @VersionColumn()
  version!: number;

  @Field(() => Date, { description: "When the client was registered." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
