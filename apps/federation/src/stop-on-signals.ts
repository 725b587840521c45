import type { Logger } from "@arbetsliv/gateway";

/**
 * SIGTERM or SIGINT: log it, let `stop` finish what is in flight, then exit 0 (1 when stopping
 * failed). One way for every program of the topology, so a supervisor sees the same exits.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>, fields: Record<string, unknown> = {}): void {
  const onSignal = (signal: string) => {
    logger.log("info", "stopping", { ...fields, signal });
    stop().then(
      () => process.exit(0),
      (e) => {
        logger.log("error", "stop failed", { error: e });
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  process.once("SIGINT", () => onSignal("SIGINT"));
}
