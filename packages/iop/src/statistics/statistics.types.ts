import { Field, ID, Int, ObjectType } from "type-graphql";
import { MAX_FUNDING_BUDGETS } from "../shared/list-limits";
import { MaxItems } from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  OrganisationsnummerScalar,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";

@ObjectType("IopBudgetCount", { description: "Partnerships in force on a day that one funding budget pays." })
export class BudgetCountType {
  @Field(() => String, { description: "The funding budget's code, e.g. ALN." })
  fundingBudgetCode!: string;
  @Field(() => String, { description: "The funding budget's name." })
  fundingBudgetName!: string;
  @Field(() => Int, { description: "Agreements in force on the day that the budget pays." })
  partnerships!: number;
}

@ObjectType("IopPartnershipCount", {
  description: "Partnerships (agreements) in force on a day, in total and per funding budget.",
})
export class PartnershipCountType {
  @Field(() => LocalDateScalar, { description: "The day counted." })
  date!: LocalDate;
  @Field(() => Int, { description: "Agreements in force on the day (drafts never count)." })
  inForce!: number;
  @Field(() => [BudgetCountType], {
    description: "The same per funding budget, by code; budgets with none in force are left out.",
  })
  @MaxItems(MAX_FUNDING_BUDGETS)
  byFundingBudget!: BudgetCountType[];
}

@ObjectType("IopPartnershipChanges", {
  description: "Counts of agreements that start, wind down, end or are replaced in a period.",
})
export class PartnershipChangesType {
  @Field(() => LocalDateScalar, { description: "First day of the period (inclusive)." })
  from!: LocalDate;
  @Field(() => LocalDateScalar, { description: "Last day of the period (inclusive)." })
  to!: LocalDate;
  @Field(() => Int, { description: "Agreements whose first day in force is in the period." })
  started!: number;
  @Field(() => Int, { description: "Wind-downs (avveckling) that start in the period." }) windingDown!: number;
  @Field(() => Int, { description: "Last day in force in the period, with no successor agreement." }) ended!: number;
  @Field(() => Int, { description: "Last day in force in the period, followed by a successor with the same partner." })
  replaced!: number;
}

@ObjectType("IopPartnershipCost", {
  description:
    "Cost of one agreement in one calendar year, in kronor (decimal strings): the yearly service fee (pro rata for days in force, rounded to the öre), amendments for the year, and invoices dated in the year.",
})
export class PartnershipCostType {
  @Field(() => ID, { description: "The agreement's id." })
  agreementId!: number;
  @Field(() => String, { nullable: true, description: 'The agreement\'s own number, e.g. "IOP nr 2"; null when none.' })
  agreementNumber!: string | null;
  @Field(() => String, { description: "The agreement's title." })
  agreementTitle!: string;
  @Field(() => String, { description: "The partner's name." })
  partnerName!: string;
  @Field(() => OrganisationsnummerScalar, { description: "The partner's organisationsnummer." })
  partnerOrganisationsnummer!: string;
  @Field(() => String, { description: "Code of the budget that pays the agreement." })
  fundingBudgetCode!: string;
  @Field(() => Int, { description: "The calendar year." })
  year!: number;
  @Field(() => Boolean, { description: "In force on at least one day of the year." }) inForce!: boolean;
  @Field(() => MoneyScalar, { description: "Serviceavgift for the days in force that year." }) serviceFee!: Ore;
  @Field(() => MoneyScalar, { description: "Kompletteringar (amendments) for the year." }) amendments!: Ore;
  @Field(() => MoneyScalar, { description: "Invoices billing the agreed amounts (not added to total)." })
  invoicedAgreed!: Ore;
  @Field(() => MoneyScalar, { description: "The partner's other invoices." }) otherInvoices!: Ore;
  @Field(() => MoneyScalar, { description: "serviceFee + amendments + otherInvoices." }) total!: Ore;
}

@ObjectType("IopBudgetCost", {
  description:
    "Cost per funding budget and year, in kronor (decimal strings): the sums of IopPartnershipCost over the agreements the budget pays.",
})
export class BudgetCostType {
  @Field(() => String, { description: "The funding budget's code, e.g. ALN." })
  fundingBudgetCode!: string;
  @Field(() => String, { description: "The funding budget's name." })
  fundingBudgetName!: string;
  @Field(() => Int, { description: "The calendar year." })
  year!: number;
  @Field(() => Int, { description: "Agreements in force that year." }) partnerships!: number;
  @Field(() => MoneyScalar, { description: "Service fees for the days in force that year." })
  serviceFee!: Ore;
  @Field(() => MoneyScalar, { description: "Kompletteringar (amendments) for the year." })
  amendments!: Ore;
  @Field(() => MoneyScalar, { description: "Invoices billing the agreed amounts (not added to total)." })
  invoicedAgreed!: Ore;
  @Field(() => MoneyScalar, { description: "Other invoices from the partners." })
  otherInvoices!: Ore;
  @Field(() => MoneyScalar, { description: "serviceFee + amendments + otherInvoices." })
  total!: Ore;
}

@ObjectType("IopFollowUpStatistics", { description: "Follow-up (uppföljning) figures for a calendar year." })
export class FollowUpStatisticsType {
  @Field(() => Int, { description: "The calendar year." })
  year!: number;
  @Field(() => Int, { description: "Follow-ups conducted in the year." }) evaluations!: number;
  @Field(() => Int, { description: "Agreements followed up in the year." }) agreementsEvaluated!: number;
  @Field(() => Int, { description: "Deviations detected in the year." }) deviations!: number;
  @Field(() => Int, { description: "Of those, not resolved by the end of the year." }) openDeviations!: number;
  @Field(() => Int, {
    description: "Agreements in force in the year that require a verksamhetsberättelse (activity report).",
  })
  activityReportsExpected!: number;
  @Field(() => Int, { description: "Of those, the ones whose activity report for the year has been received." })
  activityReportsReceived!: number;
  @Field(() => Int, {
    description: "Agreements in force in the year that require a verksamhetsplan (activity plan).",
  })
  activityPlansExpected!: number;
  @Field(() => Int, { description: "Of those, the ones whose activity plan for the year has been received." })
  activityPlansReceived!: number;
  @Field(() => Int, { description: "Sum of individuals served in the year's activity reports." })
  individualsServed!: number;
}
