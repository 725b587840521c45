/** Exponential backoff: base · 2^(attempt−1), at most max, with jitter (50–100 %) so retries of many deliveries spread out. */
export function retryDelayMs(
  attempt: number,
  backoff: { baseMs: number; maxMs: number },
  random = Math.random,
): number {
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(exponential * (0.5 + random() * 0.5));
}
