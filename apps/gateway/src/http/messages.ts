import type { Message } from "@arbetsliv/core";

/**
 * What the gateway itself answers (before or instead of execution), in English and Swedish.
 * The English texts are the API's established ones; codes never change with the language.
 */
export const GATEWAY_MESSAGES = {
  rateLimited: (retrySeconds: number): Message => ({
    en: `Too many requests; try again in ${retrySeconds} s`,
    sv: `För många förfrågningar; försök igen om ${retrySeconds} s`,
  }),
  invalidToken: {
    en: "The bearer token is invalid or expired",
    sv: "Bearer-token är ogiltig eller har gått ut",
  },
  bodyTooLarge: (maxBytes: number): Message => ({
    en: `The request body is larger than ${maxBytes} bytes`,
    sv: `Begärans innehåll är större än ${maxBytes} byte`,
  }),
  invalidJson: { en: "The request body is not valid JSON", sv: "Begärans innehåll är inte giltig JSON" },
  batchRefused: {
    en: "Batched operations are not accepted; send one operation per request",
    sv: "Flera operationer i samma begäran (batch) tas inte emot; skicka en operation per begäran",
  },
  responseTooLarge: (maxBytes: number): Message => ({
    en: `The answer is larger than ${maxBytes} bytes; ask for smaller pages (first), fewer nested lists or fewer fields`,
    sv: `Svaret är större än ${maxBytes} byte; be om mindre sidor (first), färre nästlade listor eller färre fält`,
  }),
  deadline: (ms: number): Message => ({
    en: `The request did not finish within ${ms} ms and was stopped; retry in a few seconds.`,
    sv: `Begäran blev inte klar inom ${ms} ms och stoppades; försök igen om några sekunder.`,
  }),
  mayHaveCommitted: {
    en: "The change may have been saved before this happened: check before retrying.",
    sv: "Ändringen kan ha sparats innan detta hände: kontrollera innan du försöker igen.",
  },
  notApplied: { en: "Nothing was saved; it is safe to retry.", sv: "Inget sparades; det är säkert att försöka igen." },
  shuttingDown: {
    en: "The gateway is shutting down; retry against another instance",
    sv: "Gatewayen stängs ner; försök igen mot en annan instans",
  },
  internal: {
    en: "Internal server error — quote the request id to support",
    sv: "Internt serverfel – ange begärans id (request id) för supporten",
  },
  queryTooLarge: (length: number, max: number): Message => ({
    en: `The query document has ${length} characters; the maximum is ${max}`,
    sv: `Frågedokumentet har ${length} tecken; högst ${max} tillåts`,
  }),
  tooManyTokens: (max: number): Message => ({
    en: `The query has more than ${max} tokens`,
    sv: `Frågan har fler än ${max} symboler (tokens)`,
  }),
  tooManySubscriptions: (max: number): Message => ({
    en: `At most ${max} subscriptions per connection`,
    sv: `Högst ${max} prenumerationer per anslutning`,
  }),
  nameTheOperation: { en: "Name the operation to run", sv: "Ange namnet på operationen som ska köras" },
  subscriptionOnly: {
    en: "Only `subscription { events(filter: …) { … } }` is served over WebSocket; send queries and mutations over HTTP",
    sv: "Över WebSocket besvaras bara `subscription { events(filter: …) { … } }`; skicka frågor och mutationer över HTTP",
  },
} satisfies Record<string, Message | ((...args: never[]) => Message)>;
