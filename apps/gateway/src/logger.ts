import { maskPersonnummer } from "@arbetsliv/core";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

/** Structured JSON lines on stdout; identity numbers are masked in every line. */
export function createLogger(minimum: LogLevel, write: (line: string) => void = (l) => process.stdout.write(l + "\n")): Logger {
  return {
    log(level, message, fields = {}) {
      if (LEVELS[level] < LEVELS[minimum]) return;
      write(maskPersonnummer(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })));
    },
  };
}
