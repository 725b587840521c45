/**
 * What the domain allows a client to send (every number and money input has a range;
 * core's assertBoundedInputs fails the schema build otherwise). Money in öre.
 */

/** Most a fund's capital, or what it has to distribute in a round, can be: 10 000 000 000 kr. */
export const MAX_CAPITAL = 1_000_000_000_000;
/** Most one application can ask for or get: 10 000 000 kr. */
export const MAX_PER_APPLICATION = 1_000_000_000;
/** Most a household's yearly income can be: 100 000 000 kr. */
export const MAX_YEARLY_INCOME = 10_000_000_000;
/** Most a price base amount (prisbasbelopp) can be: 1 000 000 kr. */
export const MAX_PRICE_BASE_AMOUNT = 100_000_000;
