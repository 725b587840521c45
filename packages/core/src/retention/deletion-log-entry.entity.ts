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
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Date)
  @Column({ type: "datetime" })
  runAt!: Date;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Field(() => String)
  @Column({ type: "varchar", length: 64 })
  domain!: string;

  @Field(() => String)
  @Column({ type: "varchar", length: 64 })
  recordType!: string;

  @Field(() => Int)
  @Column({ type: "int" })
  count!: number;

  @Field(() => [String])
  @MaxItems(MAX_RECORD_IDS)
  @Column({ type: "simple-array" })
  recordIds!: string[];

  @Field(() => String, { description: "The rule applied, e.g. 'last entry 2019-03-02, more than 5 years ago'." })
  @Column({ type: "text" })
  reason!: string;
}
