import { MAX_RECORD_IDS, MaxItems } from "../schema/list-bounds";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Gallringslogg — what a retention run deleted or anonymised, kept after the records are gone. */
@ObjectType({
  description: "Gallringslogg — one retention action: which records of which type were deleted or anonymised, and why.",
})
@Entity({ name: "deletion_log" })
@Index(["runAt"])
export class DeletionLogEntry {
  @Field(() => ID, { description: "The entry's id, ascending in the order entries were written." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Date, { description: "When the retention run deleted or anonymised the records (UTC)." })
  @Column({ type: "datetime" })
  runAt!: Date;

  @Field(() => String, {
    description: "Who ran it: the name the run was started with (`pnpm retention` runs as retention-job).",
  })
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Field(() => String, { description: "The domain the records belonged to (its slug, e.g. synpunkter)." })
  @Column({ type: "varchar", length: 64 })
  domain!: string;

  @Field(() => String, { description: "The records' GraphQL type, e.g. FeedbackItem." })
  @Column({ type: "varchar", length: 64 })
  recordType!: string;

  @Field(() => Int, { description: "How many records this action deleted or anonymised (the length of recordIds)." })
  @Column({ type: "int" })
  count!: number;

  @Field(() => [String], { description: "The ids the records had; the records themselves are gone or anonymised." })
  @MaxItems(MAX_RECORD_IDS)
  @Column({ type: "simple-array" })
  recordIds!: string[];

  @Field(() => String, { description: "The rule applied, e.g. 'last entry 2019-03-02, more than 5 years ago'." })
  @Column({ type: "text" })
  reason!: string;
}
