import type { Logger } from "../logger";

/** Time past SHUTDOWN_TIMEOUT_MS for closing Apollo and the database pool before the process exits regardless. */
export const SHUTDOWN_MARGIN_MS = 1_500;
/** After an uncaught exception the state is unknown: requests in flight get at most this long. */
export const FATAL_DRAIN_MS = 3_000;

export interface Stoppable {
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export interface ProcessLifecycle {
  /** The gateway to stop on a signal or a fatal error (before this, a signal just exits). */
  manage(target: Stoppable): void;
  /** True once shutdown began: a start that fails now is part of the shutdown, not a start failure. */
  readonly stopping: boolean;
}

/**
 * The one shutdown path of the process, and what happens to errors nothing caught:
 * - SIGTERM / SIGINT: stop (drain, close the pool) and exit 0; later signals are logged only.
 * - An unhandled promise rejection: logged; the process keeps serving. It is a promise nobody
 *   awaited (a fire-and-forget task, a late timer), not a broken invariant of the running code.
 * - An uncaught exception: the code threw out of a callback midway, so its state is unknown.
 *   Logged, the gateway stops accepting, drains for at most FATAL_DRAIN_MS, and the process
 *   exits 1 for its supervisor (systemd, Kubernetes, pm2) to restart it.
 * Whatever hangs, the process exits within the drain time + SHUTDOWN_MARGIN_MS (exit 1).
 */
export function manageProcess(
  logger: Logger,
  shutdownTimeoutMs: number,
  exit: (code: number) => void = (code) => process.exit(code),
): ProcessLifecycle {
  let target: Stoppable | null = null;
  let stopping = false;

  function shutdown(reason: string, exitCode: number, timeoutMs: number): void {
    if (stopping) {
      logger.log("info", "already shutting down", { reason });
      return;
    }
    stopping = true;
    const started = Date.now();
    setTimeout(() => {
      logger.log("error", "shutdown did not finish in time: exiting now", { reason, afterMs: Date.now() - started });
      exit(1);
    }, timeoutMs + SHUTDOWN_MARGIN_MS).unref();
    logger.log("info", "shutting down", { reason, timeoutMs });
    (target ? target.stop({ timeoutMs }) : Promise.resolve()).then(
      () => exit(exitCode),
      (error) => {
        logger.log("error", "shutdown failed", { reason, error });
        exit(1);
      },
    );
  }

  process.on("SIGTERM", () => shutdown("SIGTERM", 0, shutdownTimeoutMs));
  process.on("SIGINT", () => shutdown("SIGINT", 0, shutdownTimeoutMs));
  process.on("unhandledRejection", (reason) => {
    logger.log("error", "unhandled promise rejection (logged; the process keeps serving)", { error: reason });
  });
  process.on("uncaughtException", (error, origin) => {
    logger.log(
      "error",
      "uncaught exception: state unknown, stopping so that a supervisor restarts the process (exit 1)",
      { origin, error },
    );
    shutdown("uncaughtException", 1, Math.min(shutdownTimeoutMs, FATAL_DRAIN_MS));
  });
  // A closed stdout (a supervisor's pipe gone) must not become an uncaught exception on every log line.
  process.stdout.on("error", () => undefined);
  process.stderr.on("error", () => undefined);

  return {
    manage(gateway) {
      target = gateway;
    },
    get stopping() {
      return stopping;
    },
  };
}
