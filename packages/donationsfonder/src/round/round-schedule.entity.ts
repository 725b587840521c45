import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { RoundTerm } from "../shared/enums";

/**
 * Utdelningsschema — when a round's applications open and close, when the board decides and
 * when money is paid, as month-day within the year, valid for a range of years.
 */
@ObjectType("DonationRoundSchedule", {
  description:
    "One timetable of the utdelningsschema (the schedule of the donation funds' rounds): when a round's applications open and close, when the committee decides and when money is paid, as month-days, valid for a range of years. Reference data: any donationsfonder scope may read it.",
})
@Entity({ name: "donation_round_schedule" })
export class RoundSchedule {
  @Field(() => ID, { description: "The timetable's id; give it as input.id to endDonationRoundSchedule." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int, { description: "The first year the timetable applies to." })
  @Column({ type: "int" })
  fromYear!: number;

  @Field(() => Int, { nullable: true, description: "Last year it applies to; null = until further notice." })
  @Column({ type: "int", nullable: true, default: null })
  toYear!: number | null;

  @Field(() => RoundTerm, { description: "The round it times; timetables of one term never cover a common year." })
  @Column({ type: "varchar", length: 16 })
  term!: RoundTerm;

  @Field(() => String, { description: "First application day, MM-DD." })
  @Column({ type: "varchar", length: 5 })
  applicationOpens!: string;

  @Field(() => String, { description: "Last application day, MM-DD." })
  @Column({ type: "varchar", length: 5 })
  applicationCloses!: string;

  @Field(() => String, { description: "Planned board decision, MM-DD." })
  @Column({ type: "varchar", length: 5 })
  decision!: string;

  @Field(() => String, { description: "Planned payout, MM-DD." })
  @Column({ type: "varchar", length: 5 })
  payout!: string;

  @Field(() => String, {
    nullable: true,
    description: "Where the timetable comes from, e.g. the committee's decision that set it; null = not recorded.",
  })
  @Column({ type: "varchar", length: 300, nullable: true, default: null })
  source!: string | null;
}
