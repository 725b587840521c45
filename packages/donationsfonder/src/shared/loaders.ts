import { In } from "typeorm";
import { groupByKeys, indexByKeys, type RequestContext } from "@arbetsliv/core";
import { Allocation } from "../allocation/allocation.entity";
import { AllocationAdjustment } from "../allocation/allocation-adjustment.entity";
import { Fund } from "../fund/fund.entity";
import { FundBudget } from "../fund/fund-budget.entity";
import { PayoutPayment } from "../payout/payout-payment.entity";
import { Round } from "../round/round.entity";

/** Per-request DataLoaders: one SQL statement per list level, whatever the page size. */
export const loaders = {
  fund: (ctx: RequestContext) =>
    ctx.loader<number, Fund | null>("donationsfonder.fundById", async (ids) =>
      indexByKeys(ids, await ctx.ds.manager.find(Fund, { where: { id: In([...ids]) } }), (f) => f.id),
    ),
  round: (ctx: RequestContext) =>
    ctx.loader<number, Round | null>("donationsfonder.roundById", async (ids) =>
      indexByKeys(ids, await ctx.ds.manager.find(Round, { where: { id: In([...ids]) } }), (r) => r.id),
    ),
  budgetsByRound: (ctx: RequestContext) =>
    ctx.loader<number, FundBudget[]>("donationsfonder.budgetsByRound", async (ids) =>
      groupByKeys(ids, await ctx.ds.manager.find(FundBudget, { where: { roundId: In([...ids]) }, order: { fundId: "ASC" } }), (b) => b.roundId),
    ),
  allocationByApplication: (ctx: RequestContext) =>
    ctx.loader<number, Allocation | null>("donationsfonder.allocationByApplication", async (ids) =>
      indexByKeys(ids, await ctx.ds.manager.find(Allocation, { where: { applicationId: In([...ids]) } }), (a) => a.applicationId),
    ),
  adjustmentsByAllocation: (ctx: RequestContext) =>
    ctx.loader<number, AllocationAdjustment[]>("donationsfonder.adjustmentsByAllocation", async (ids) =>
      groupByKeys(ids, await ctx.ds.manager.find(AllocationAdjustment, { where: { allocationId: In([...ids]) }, order: { id: "ASC" } }), (a) => a.allocationId),
    ),
  paymentByPayout: (ctx: RequestContext) =>
    ctx.loader<number, PayoutPayment | null>("donationsfonder.paymentByPayout", async (ids) =>
      indexByKeys(ids, await ctx.ds.manager.find(PayoutPayment, { where: { payoutId: In([...ids]) } }), (p) => p.payoutId),
    ),
};
