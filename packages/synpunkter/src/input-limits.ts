/**
 * What the domain allows a client to send (every number input has a range; core's
 * assertBoundedInputs fails the schema build otherwise).
 */

/** Handling time of a business area: 1 … 365 calendar days (a due date must stay a real date). */
export const MAX_HANDLING_DAYS = 365;
