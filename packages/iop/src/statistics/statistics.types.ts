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

@ObjectType("IopBudgetCount")
export class BudgetCountType {
  @Field(() => String) fundingBudgetCode!: string;
  @Field(() => String) fundingBudgetName!: string;
  @Field(() => Int) partnerships!: number;
}

@ObjectType("IopPartnershipCount", {
  description: "Partnerships (agreements) in force on a day, in total and per funding budget.",
})
export class PartnershipCountType {
  @Field(() => LocalDateScalar) date!: LocalDate;
  @Field(() => Int) inForce!: number;
  @Field(() => [BudgetCountType]) @MaxItems(MAX_FUNDING_BUDGETS) byFundingBudget!: BudgetCountType[];
}

@ObjectType("IopPartnershipChanges", {
  description: "Counts of agreements that start, wind down, end or are replaced in a period.",
})
export class PartnershipChangesType {
  @Field(() => LocalDateScalar) from!: LocalDate;
  @Field(() => LocalDateScalar) to!: LocalDate;
  @Field(() => Int) started!: number;
  @Field(() => Int, { description: "Wind-downs (avveckling) that start in the period." }) windingDown!: number;
  @Field(() => Int, { description: "Last day in force in the period, with no successor agreement." }) ended!: number;
  @Field(() => Int, { description: "Last day in force in the period, followed by a successor with the same partner." })
  replaced!: number;
}

@ObjectType("IopPartnershipCost", {
  description:
    "Cost of one agreement in one calendar year: the yearly service fee (pro rata for days in force), amendments for the year, and invoices dated in the year.",
})
export class PartnershipCostType {
  @Field(() => ID) agreementId!: number;
  @Field(() => String, { nullable: true }) agreementNumber!: string | null;
  @Field(() => String) agreementTitle!: string;
  @Field(() => String) partnerName!: string;
  @Field(() => OrganisationsnummerScalar) partnerOrganisationsnummer!: string;
  @Field(() => String) fundingBudgetCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => Boolean, { description: "In force on at least one day of the year." }) inForce!: boolean;
  @Field(() => MoneyScalar, { description: "Serviceavgift for the days in force that year." }) serviceFee!: Ore;
  @Field(() => MoneyScalar, { description: "Kompletteringar for the year." }) amendments!: Ore;
  @Field(() => MoneyScalar, { description: "Invoices billing the agreed amounts (not added to total)." })
  invoicedAgreed!: Ore;
  @Field(() => MoneyScalar, { description: "The partner's other invoices." }) otherInvoices!: Ore;
  @Field(() => MoneyScalar, { description: "serviceFee + amendments + otherInvoices." }) total!: Ore;
}

@ObjectType("IopBudgetCost", { description: "Cost per funding budget and year (same parts as IopPartnershipCost)." })
export class BudgetCostType {
  @Field(() => String) fundingBudgetCode!: string;
  @Field(() => String) fundingBudgetName!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: "Agreements in force that year." }) partnerships!: number;
  @Field(() => MoneyScalar) serviceFee!: Ore;
  @Field(() => MoneyScalar) amendments!: Ore;
  @Field(() => MoneyScalar) invoicedAgreed!: Ore;
  @Field(() => MoneyScalar) otherInvoices!: Ore;
  @Field(() => MoneyScalar) total!: Ore;
}

@ObjectType("IopFollowUpStatistics", { description: "Follow-up figures for a year." })
export class FollowUpStatisticsType {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: "Follow-ups conducted in the year." }) evaluations!: number;
  @Field(() => Int, { description: "Agreements followed up in the year." }) agreementsEvaluated!: number;
  @Field(() => Int, { description: "Deviations detected in the year." }) deviations!: number;
  @Field(() => Int, { description: "Of those, not resolved by the end of the year." }) openDeviations!: number;
  @Field(() => Int) activityReportsExpected!: number;
  @Field(() => Int) activityReportsReceived!: number;
  @Field(() => Int) activityPlansExpected!: number;
  @Field(() => Int) activityPlansReceived!: number;
  @Field(() => Int, { description: "Sum of individuals served in the year's activity reports." })
  individualsServed!: number;
}
