/**
 * What the domain allows a client to send (every number and money input has a range;
 * core's assertBoundedInputs fails the schema build otherwise). Money in öre.
 */

/** Most a daily fee per person can be: 100 000 kr. */
export const MAX_DAILY_FEE = 10_000_000;
/** Most a service-fee agreement or one invoice can be: 100 000 000 kr. */
export const MAX_INVOICE_AMOUNT = 10_000_000_000;
/** Most a yearly budget can be: 10 000 000 000 kr. */
export const MAX_BUDGET = 1_000_000_000_000;
