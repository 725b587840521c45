import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingHttpHeaders } from "node:http";
import { negotiateLanguage, type Language } from "@arbetsliv/core";

/**
 * The language of a request's error messages: `Accept-Language` (sv… → Swedish, en… → English,
 * by q-value), else the gateway's API_DEFAULT_LANGUAGE. Every /graphql answer says that it
 * depends on the header (`Vary: Accept-Language`).
 */
export function requestLanguage(headers: IncomingHttpHeaders, fallback: Language): Language {
  return negotiateLanguage(headers["accept-language"], fallback);
}

export const VARY_LANGUAGE = "Accept-Language";

// Apollo's formatError and plugins are given no request, so Apollo's requests carry their language here
// (the fast path and the subscriptions pass it as an argument instead).
const storage = new AsyncLocalStorage<Language>();

/** Runs an Apollo request with its language, for `currentLanguage`. */
export function withLanguage<T>(language: Language, fn: () => T): T {
  return storage.run(language, fn);
}

/** The language of the Apollo request being answered, else `fallback`. */
export function currentLanguage(fallback: Language): Language {
  return storage.getStore() ?? fallback;
}
