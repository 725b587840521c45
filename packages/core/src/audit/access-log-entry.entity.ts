import { MAX_RECORD_IDS, MaxItems } from "../schema/list-bounds";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

export enum AccessAction {
  READ = "READ",
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  DELETE = "DELETE",
  /** A lawful yes/no inquiry (e.g. "is this person placed?"). */
  INQUIRY = "INQUIRY",
}
registerEnumType(AccessAction, {
  name: "AccessAction",
  description: "What was done to the records.",
  valuesConfig: {
    READ: { description: "Person-level data was read (a query or a field that shows it)." },
    CREATE: { description: "Records were created." },
    UPDATE: { description: "Records were changed." },
    DELETE: { description: "Records were deleted or anonymised (also by retention, gallring)." },
    INQUIRY: {
      description:
        "A lawful yes/no inquiry about a person (e.g. Query.isPersonPlaced): the answer, not the records, was shown.",
    },
  },
});

/**
 * Åtkomstlogg — one row per read of person-level data or per change. Append-only: no
 * operation updates or deletes it, and it outlives the records it names (retention).
 */
@ObjectType({ description: "Åtkomstlogg — an append-only record of a read of person-level data or a change." })
@Entity({ name: "access_log" })
@Index(["occurredAt"])
@Index(["actor", "occurredAt"])
export class AccessLogEntry {
  @Field(() => ID, { description: "The entry's id, ascending in the order entries were written." })
  // INT, not BIGINT: sqlite's AUTOINCREMENT needs INTEGER; 2^31 entries is centuries of reads.
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Date, { description: "When the read or change happened (UTC)." })
  @Column({ type: "datetime" })
  occurredAt!: Date;

  @Field(() => String, { description: "Token subject of the user or system." })
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The id of the API request it came from, to find its other entries and logs; null for a job (e.g. retention).",
  })
  @Column({ type: "varchar", length: 64, nullable: true, default: null })
  requestId!: string | null;

  @Field(() => AccessAction, { description: "What was done: read, create, update, delete or a yes/no inquiry." })
  @Column({ type: "varchar", length: 16 })
  action!: AccessAction;

  @Field(() => String, { description: "The GraphQL operation or job, e.g. Query.feedbackItems." })
  @Column({ type: "varchar", length: 128 })
  operation!: string;

  @Field(() => String, { description: "The domain the records belong to (its slug, e.g. relationsvald)." })
  @Column({ type: "varchar", length: 64 })
  domain!: string;

  @Field(() => String, { description: "The records' GraphQL type, e.g. PlacementClient." })
  @Column({ type: "varchar", length: 64 })
  recordType!: string;

  @Field(() => [String], { description: "The ids of the records read or changed, each once." })
  @MaxItems(MAX_RECORD_IDS)
  @Column({ type: "simple-array" })
  recordIds!: string[];

  /** Keyed hashes of the identity numbers of the people concerned (never the numbers). */
  @Column({ type: "text", nullable: true, default: null })
  subjectKeys!: string | null;
}
