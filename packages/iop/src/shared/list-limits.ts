/**
 * Declared maxima of IOP's reference lists (schema/list-bounds.ts in core): registering one more
 * is refused, so the lists (and the statistics keyed by them) never hold more.
 */
export const MAX_FUNDING_BUDGETS = 200;
export const MAX_EVALUATION_TEMPLATES = 200;
/** Terms in a renewal projection: `years` ≤ 30 and a renewal term ≥ 1 month → ≤ 12 × 30 + the current one. */
export const MAX_PROJECTED_TERMS = 12 * 30 + 1;
/** Questions in a template and answers in an evaluation (their inputs allow no more; nothing adds any later). */
export const MAX_QUESTIONS = 100;
/** Years of amounts in one amendment (its input allows no more). */
export const MAX_AMENDMENT_YEARS = 20;
/** Years in one cost report (`fromYear`..`toYear`, checked by the statistics service). */
export const MAX_REPORT_YEARS = 30;
