/**
 * The languages error messages are answered in, chosen per request from `Accept-Language`.
 * Codes, `extensions.field` and `rule` are the same in both: only the text changes.
 */
export type Language = "en" | "sv";

export const LANGUAGES: readonly Language[] = ["en", "sv"];

/** `en` or `sv` for a configuration value (case-insensitive), else undefined. */
export function parseLanguage(value: string): Language | undefined {
  const lower = value.trim().toLowerCase();
  return lower === "en" || lower === "sv" ? lower : undefined;
}

/** The language a range names: `sv`, `sv-SE`, `sv-FI` … → sv; `en`, `en-GB` … → en; anything else none. */
function languageOfRange(range: string): Language | undefined {
  const dash = range.indexOf("-");
  const primary = (dash < 0 ? range : range.slice(0, dash)).toLowerCase();
  return primary === "sv" || primary === "en" ? primary : undefined;
}

/** A q-value (`q=0.8`) from a range's parameters; 1 without one, 0 for a malformed one (RFC 9110 §12.4.2). */
function qualityOf(params: string): number {
  const q = /(?:^|;)\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*(?:;|$)/i.exec(params);
  if (!q) return /(?:^|;)\s*q\s*=/i.test(params) ? 0 : 1;
  const value = Number(q[1]);
  return value <= 1 ? value : 0;
}

// Most clients send the same header on every request: the last one's answer is kept.
let lastHeader: string | undefined;
let lastFallback: Language | undefined;
let lastLanguage: Language = "en";

/**
 * The language to answer in: of the ranges in `Accept-Language` that name Swedish or English,
 * the one with the highest q-value (the earlier on a tie); q=0 refuses a language. `*`, no
 * header, or only other languages give `fallback` (the gateway's API_DEFAULT_LANGUAGE).
 */
export function negotiateLanguage(header: string | readonly string[] | undefined, fallback: Language): Language {
  if (header === undefined || header === "") return fallback;
  const text = typeof header === "string" ? header : header.join(",");
  if (text === lastHeader && fallback === lastFallback) return lastLanguage;
  let best: Language = fallback;
  let bestQ = 0;
  const refused = new Set<Language>();
  // A header is short in practice; a long one is read only as far as a browser would send.
  for (const part of text.slice(0, 1000).split(",")) {
    const semicolon = part.indexOf(";");
    const range = (semicolon < 0 ? part : part.slice(0, semicolon)).trim();
    const language = languageOfRange(range);
    if (!language) continue;
    const q = semicolon < 0 ? 1 : qualityOf(part.slice(semicolon + 1));
    if (q === 0) refused.add(language);
    else if (q > bestQ) {
      best = language;
      bestQ = q;
    }
  }
  // Only refusals (`sv;q=0`): the other language, if the default is the refused one.
  if (bestQ === 0 && refused.has(fallback)) best = fallback === "sv" ? "en" : "sv";
  lastHeader = text;
  lastFallback = fallback;
  lastLanguage = best;
  return best;
}
