/** Business areas a municipality can register (saveBusinessArea refuses more), so the list and per-area tables stay bounded. */
export const MAX_BUSINESS_AREAS = 500;
