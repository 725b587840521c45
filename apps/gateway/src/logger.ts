import { maskPersonnummer } from "@arbetsliv/core/values";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  /** Never throws, whatever the fields hold: a value it cannot describe is logged as a placeholder. */
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

/** Longest string kept in a field (an error's stack fits); longer ones are cut and say by how much. */
const MAX_STRING = 4_000;
/** Budget of characters for all of one line's values, so no input can make a line unbounded. */
const MAX_LINE = 16_000;
/** Objects deeper than this, and more keys or items than this, are summarised, not walked. */
const MAX_DEPTH = 4;
const MAX_ENTRIES = 50;

/** Text the client chose (operation name, path …) as the log keeps it: strings only, at most `max` characters. */
export function clientText(value: unknown, max = 100): string | undefined {
  if (typeof value !== "string") return undefined;
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** Fewer than 10 digits cannot hold an identity number: most strings skip the masking regex. */
function masked(text: string): string {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 10) return maskPersonnummer(text);
  }
  return text;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…(${text.length - max} more characters)` : text;
}

/**
 * A copy of a value that JSON.stringify cannot fail on and that stays small: identity numbers masked, strings cut,
 * depth and entries limited (so cycles end), errors as their stack, bigint and symbols as text,
 * getters and toJSON never called. Throws nothing.
 */
function bounded(value: unknown, budget: { left: number }, depth = 0): unknown {
  try {
    switch (typeof value) {
      case "string": {
        // Masked before cutting, so a cut cannot leave a partial identity number unmasked.
        const text = cut(masked(value), Math.max(0, Math.min(MAX_STRING, budget.left)));
        budget.left -= text.length;
        return text;
      }
      case "number": {
        // A personnummer sent as a number is masked like one sent as text.
        // Integers under 10 digits (counts, statuses) cannot be one.
        if (Number.isInteger(value) && Math.abs(value) < 1e9) return value;
        const text = String(value);
        return Number.isFinite(value) && masked(text) === text ? value : masked(text);
      }
      case "boolean":
      case "undefined":
        return value;
      case "bigint":
        return bounded(value.toString(), budget, depth);
      case "symbol":
      case "function":
        return `[${typeof value}]`;
    }
    if (value === null) return null;
    if (value instanceof Error)
      return bounded(typeof value.stack === "string" ? value.stack : `${value.name}: ${value.message}`, budget, depth);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    if (depth >= MAX_DEPTH || budget.left <= 0) return Array.isArray(value) ? `[array of ${value.length}]` : "[object]";
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ENTRIES).map((item) => bounded(item, budget, depth + 1));
      if (value.length > MAX_ENTRIES) items.push(`…${value.length - MAX_ENTRIES} more items`);
      return items;
    }
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value as object);
    for (const key of keys.slice(0, MAX_ENTRIES)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      out[cut(masked(key), 100)] =
        descriptor && "value" in descriptor ? bounded(descriptor.value, budget, depth + 1) : "[getter]";
    }
    if (keys.length > MAX_ENTRIES) out["…"] = `${keys.length - MAX_ENTRIES} more keys`;
    return out;
  } catch {
    return "[unreadable]";
  }
}

/** The JSON line for one entry; if even the bounded copy cannot be written, a fallback line saying so. */
export function formatLine(level: LogLevel, message: string, fields: Record<string, unknown>): string {
  const time = new Date().toISOString();
  try {
    const budget = { left: MAX_LINE };
    const safeMessage = bounded(message, budget);
    const safeFields = bounded(fields, budget);
    const rest =
      safeFields !== null && typeof safeFields === "object" && !Array.isArray(safeFields)
        ? safeFields
        : { fields: safeFields };
    const entry: Record<string, unknown> = { time, level, message: safeMessage, ...rest };
    // A field named like one of these never replaces them.
    Object.assign(entry, { time, level, message: safeMessage });
    // Each string was masked on its own: masking the whole line would also rewrite numbers and break the JSON.
    return JSON.stringify(entry);
  } catch (e) {
    const reason = e instanceof Error ? e.name : "unknown";
    return JSON.stringify({
      time,
      level,
      message: masked(cut(String(message), 200)),
      logError: `the fields of this line could not be written (${reason})`,
    });
  }
}

/** Structured JSON lines on stdout; identity numbers are masked in every line; every value is bounded. */
export function createLogger(
  minimum: LogLevel,
  write: (line: string) => void = (l) => process.stdout.write(l + "\n"),
): Logger {
  return {
    log(level, message, fields = {}) {
      if (LEVELS[level] < LEVELS[minimum]) return;
      try {
        write(formatLine(level, message, fields));
      } catch {
        // A log line that cannot be written (stdout closed …) must not take the request or the process down.
      }
    },
  };
}
