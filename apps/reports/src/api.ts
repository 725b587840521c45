import { NO_VALUE, type NoValue } from "./format";
import type { TypedDocumentString } from "./gql/graphql";

/**
 * Runs one generated operation against /graphql on the page's own origin (the static server
 * proxies it to the gateway) with the user's token, asking for Swedish messages.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field: string | null,
    readonly rule: string | null,
    readonly status: number,
  ) {
    super(message);
  }
}

const TOKEN_KEY = "arbetsliv-reports-token";

/** The token: taken once from the address (#token=…, the demo command's link) into this tab's sessionStorage. */
export function currentToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

interface ErrorEntry {
  message: string;
  extensions?: { code?: string; field?: string; rule?: string };
}

/**
 * The answer with every null that disclosure control did not hide (its field is not in the
 * object's `suppressed`) replaced by NO_VALUE: from here on null means "hidden", and only that.
 */
export type Marked<T> = T extends readonly (infer U)[]
  ? Marked<U>[]
  : T extends object
    ? { [K in keyof T]: null extends T[K] ? Marked<NonNullable<T[K]>> | null | NoValue : Marked<T[K]> }
    : T;

function markNoValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(markNoValues);
  if (value === null || typeof value !== "object") return value;
  const suppressed = (value as { suppressed?: unknown }).suppressed;
  const hidden = Array.isArray(suppressed) ? new Set(suppressed as string[]) : null;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      v === null ? (hidden && !hidden.has(key) ? NO_VALUE : null) : markNoValues(v),
    ]),
  );
}

export async function query<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<Marked<R>> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        "accept-language": "sv-SE",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError(
      "Kunde inte nå rapporttjänsten. Kontrollera nätverket och försök igen.",
      "NETWORK",
      null,
      null,
      0,
    );
  }
  let body: { data?: R | null; errors?: ErrorEntry[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(
      `Rapporttjänsten svarade oväntat (HTTP ${response.status}). Försök igen om en stund.`,
      "BAD_RESPONSE",
      null,
      null,
      response.status,
    );
  }
  const first = body.errors?.[0];
  if (first || !body.data) {
    throw new ApiError(
      first?.message ?? "Svaret saknade data.",
      first?.extensions?.code ?? "UNKNOWN",
      first?.extensions?.field ?? null,
      first?.extensions?.rule ?? null,
      response.status,
    );
  }
  return markNoValues(body.data) as Marked<R>;
}

/** What the page tells the user for an error, in Swedish, with what to do. */
export function explain(error: unknown): { title: string; text: string; needsToken: boolean } {
  if (error instanceof RangeError) return { title: "Kontrollera uppgifterna", text: error.message, needsToken: false };
  if (!(error instanceof ApiError))
    return { title: "Något gick fel", text: String((error as Error)?.message ?? error), needsToken: false };
  switch (error.code) {
    case "UNAUTHENTICATED":
      return {
        title: "Du behöver logga in",
        text: "Din token saknas, är ogiltig eller har gått ut. Klistra in en ny token nedan.",
        needsToken: true,
      };
    case "FORBIDDEN":
      return {
        title: "Behörighet saknas",
        text: `Din token saknar behörighet för den här rapporten (${error.message}). Be om domänens statistikbehörighet (…:stats).`,
        needsToken: false,
      };
    case "BAD_USER_INPUT":
      if (error.rule === "whole-months")
        return {
          title: "Perioden måste vara hela månader",
          text: "Med statistikbehörighet (…:stats) omfattar en rapport bara hela kalendermånader: börja perioden den 1:a och sluta den på månadens sista dag, eller välj år, kvartal eller månad.",
          needsToken: false,
        };
      return { title: "Perioden kan inte visas", text: error.message, needsToken: false };
    case "RATE_LIMITED":
      return { title: "För många frågor", text: "Vänta en minut och ladda om sidan.", needsToken: false };
    default:
      return { title: "Rapporten kunde inte hämtas", text: error.message, needsToken: false };
  }
}
