import type { Ore } from "@arbetsliv/core/values";

/** An amendment's total: the sum of its amounts over all years. */
export function amendmentTotal(amounts: readonly { amount: Ore }[]): Ore {
  return amounts.reduce((sum, x) => sum + x.amount, 0);
}
