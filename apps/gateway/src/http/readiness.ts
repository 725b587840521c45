/**
 * /readyz's database check, shared and remembered briefly: however many probes arrive, at most
 * one check runs at a time and a result is reused for `cacheMs`, so the endpoint cannot be used
 * to load the database. A check that does not finish within `timeoutMs` counts as not ready; while
 * it still hangs no second one is started (a frozen database would otherwise collect one stuck
 * pooled connection per probe).
 */
export function cachedReadiness(
  check: () => Promise<unknown>,
  cacheMs = 1_000,
  timeoutMs = 2_000,
): () => Promise<boolean> {
  let result: { ready: boolean; at: number } | null = null;
  let running: Promise<boolean> | null = null;
  let hanging = false;

  const run = async (): Promise<boolean> => {
    if (hanging) return false;
    hanging = true;
    const settled = check().then(
      () => true,
      () => false,
    );
    void settled.finally(() => (hanging = false));
    let timer: NodeJS.Timeout | undefined;
    const ready = await Promise.race([
      settled,
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    return ready;
  };

  return () => {
    if (result && Date.now() - result.at < cacheMs) return Promise.resolve(result.ready);
    running ??= run().then((ready) => {
      result = { ready, at: Date.now() };
      running = null;
      return ready;
    });
    return running;
  };
}
