/**
 * What the domain allows a client to send (every number and money input has a range;
 * core's assertBoundedInputs fails the schema build otherwise). Money in öre.
 */

/** Most a single monthly amount can be — a cost, an income, a decision, a payout month, a wage-subsidy month: 1 000 000 kr. */
export const MAX_MONTHLY_AMOUNT = 100_000_000;
/** Most an incorrect payment, a reclaim or a recovery can be: 10 000 000 kr (several years of payouts). */
export const MAX_CASE_AMOUNT = 1_000_000_000;
/** Most a yearly net-cost budget can be: 10 000 000 000 kr. */
export const MAX_BUDGET = 1_000_000_000_000;
/** Children in the municipality (for the children's share): at most 10 million. */
export const MAX_CHILDREN_IN_MUNICIPALITY = 10_000_000;
