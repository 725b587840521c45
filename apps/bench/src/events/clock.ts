/** Wall-clock milliseconds with sub-millisecond resolution (same clock in every process on the host). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `done()` holds, checking every `everyMs`; false when the deadline passed first. */
export async function waitFor(
  done: () => boolean | Promise<boolean>,
  deadlineMs: number,
  everyMs = 20,
): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (await done()) return true;
    await sleep(everyMs);
  }
  return Boolean(await done());
}
