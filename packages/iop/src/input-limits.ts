/**
 * What the domain allows a client to send (every number and money input has a range;
 * core's assertBoundedInputs fails the schema build otherwise). Money in öre.
 */

/** Most a yearly fee, an amendment (up or down) or an invoice can be: 100 000 000 kr. */
export const MAX_YEARLY_AMOUNT = 10_000_000_000;
/** A numeric follow-up answer or individuals served: 0 … 1 000 000. */
export const MAX_COUNT = 1_000_000;
/** Board lead time in days: 0 … 365. */
export const MAX_LEAD_DAYS = 365;
/** Renewal projection: 1 … 30 years. */
export const MAX_PROJECTION_YEARS = 30;
