import { findByKeys, groupByKeys, indexByKeys, loaderById, type RequestContext } from "@arbetsliv/core";
import { Allocation } from "../allocation/allocation.entity";
import { AllocationAdjustment } from "../allocation/allocation-adjustment.entity";
import { Fund } from "../fund/fund.entity";
import { FundBudget } from "../fund/fund-budget.entity";
import { PayoutPayment } from "../payout/payout-payment.entity";
import { Round } from "../round/round.entity";

/** Per-request DataLoaders: one SQL statement per list level, whatever the page size. */
export const loaders = {
  fund: (ctx: RequestContext) => loaderById(ctx, "donationsfonder.fundById", Fund),
  round: (ctx: RequestContext) => loaderById(ctx, "donationsfonder.roundById", Round),
  budgetsByRound: (ctx: RequestContext) =>
    ctx.loader<number, FundBudget[]>("donationsfonder.budgetsByRound", async (ids) =>
      groupByKeys(ids, await findByKeys(ctx.ds.manager, FundBudget, "roundId", ids, { fundId: "ASC" }), (b) => b.roundId),
    ),
  allocationByApplication: (ctx: RequestContext) =>
    ctx.loader<number, Allocation | null>("donationsfonder.allocationByApplication", async (ids) =>
      indexByKeys(ids, await findByKeys(ctx.ds.manager, Allocation, "applicationId", ids), (a) => a.applicationId),
    ),
  adjustmentsByAllocation: (ctx: RequestContext) =>
    ctx.loader<number, AllocationAdjustment[]>("donationsfonder.adjustmentsByAllocation", async (ids) =>
      groupByKeys(ids, await findByKeys(ctx.ds.manager, AllocationAdjustment, "allocationId", ids, { id: "ASC" }), (a) => a.allocationId),
    ),
  paymentByPayout: (ctx: RequestContext) =>
    ctx.loader<number, PayoutPayment | null>("donationsfonder.paymentByPayout", async (ids) =>
      indexByKeys(ids, await findByKeys(ctx.ds.manager, PayoutPayment, "payoutId", ids), (p) => p.payoutId),
    ),
};
