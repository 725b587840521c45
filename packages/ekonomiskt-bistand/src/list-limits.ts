/** Declared list maxima of ekonomiskt bistånd (core's schema/list-bounds.ts). */
/** Claimed costs and reported incomes of an application: each input allows at most 50, and an update replaces the list. */
export const MAX_CLAIM_LINES = 50;
/** Payouts under investigation in one case: its input allows at most 100 and nothing adds any later. */
export const MAX_CASE_PAYOUTS = 100;
/** Steps of one cost type's caps from one date: the input allows at most 20. */
export const MAX_CAP_STEPS = 20;
