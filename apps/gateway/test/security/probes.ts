/**
 * The probes GraphQL security scanners send (graphql-cop, InQL, Escape, clairvoyance…), each with
 * the status and code the edge refuses it with before execution. Shared by the gateway's
 * abuse-probes suite and the federated topology's parity suite (the same edge must refuse them).
 */
export interface Probe {
  name: string;
  body: unknown;
  status: number;
  code: string;
}

export const aliases = (n: number) => `query { ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ")} }`;

/** 30 fragments, each spreading the one before three times: 3^30 fields once expanded. */
export function fragmentBomb(levels: number): string {
  const defs = [`fragment L0 on Query { businessAreas { id name } }`];
  for (let i = 1; i <= levels; i++) defs.push(`fragment L${i} on Query { ...L${i - 1} ...L${i - 1} ...L${i - 1} }`);
  return `query { ...L${levels} } ${defs.join(" ")}`;
}

export function deep(levels: number): string {
  let inner = "id";
  for (let i = 0; i < levels; i++) inner = `duplicateOf { ${inner} }`;
  return `query { feedbackItems(first: 1) { nodes { ${inner} } } }`;
}

export const PROBES: Probe[] = [
  { name: "101 aliases (alias overloading)", body: { query: aliases(101) }, status: 400, code: "TOO_MANY_ALIASES" },
  {
    name: "101 aliases of a paged list",
    body: {
      query: `query { ${Array.from({ length: 101 }, (_, i) => `p${i}: feedbackItems(first: 100) { totalCount }`).join(" ")} }`,
    },
    status: 400,
    code: "TOO_MANY_ALIASES",
  },
  {
    name: "a field repeated 500 times (field duplication)",
    body: { query: `query { ${"__typename ".repeat(500)}}` },
    status: 400,
    code: "FIELD_REPEATED",
  },
  {
    name: "a list field repeated 300 times",
    body: { query: `query { ${"businessAreas { id } ".repeat(300)}}` },
    status: 400,
    code: "FIELD_REPEATED",
  },
  {
    name: "circular fragments",
    body: {
      query: `query { feedbackItems { ...A } } fragment A on FeedbackItemConnection { totalCount ...B } fragment B on FeedbackItemConnection { ...A }`,
    },
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "fragment bomb (3^30 fields once expanded)",
    body: { query: fragmentBomb(30) },
    status: 400,
    code: "QUERY_TOO_COSTLY",
  },
  {
    name: "directive overloading (50 × @include)",
    body: { query: `query { __typename ${"@include(if: true) ".repeat(50)}}` },
    status: 400,
    code: "TOO_MANY_DIRECTIVES",
  },
  {
    name: "directive overloading (unknown @aa × 100)",
    body: { query: `query { __typename ${"@aa".repeat(100)} }` },
    status: 400,
    code: "TOO_MANY_DIRECTIVES",
  },
  {
    name: "batched array of 10 operations",
    body: Array.from({ length: 10 }, () => ({ query: "{ __typename }" })),
    status: 400,
    code: "BATCH_NOT_ALLOWED",
  },
  {
    name: "batched array of 1000 operations",
    body: Array.from({ length: 1000 }, () => ({ query: "{ businessAreas { id } }" })),
    status: 400,
    code: "BATCH_NOT_ALLOWED",
  },
  {
    name: "huge first: 1 000 000",
    body: { query: `query { feedbackItems(first: 1000000) { nodes { id description } } }` },
    status: 400,
    code: "QUERY_TOO_COSTLY",
  },
  {
    name: "huge first: 2^31-1",
    body: { query: `query { accessLog(first: 2147483647) { nodes { id } } }` },
    status: 400,
    code: "QUERY_TOO_COSTLY",
  },
  {
    name: "first beyond Int (2^53)",
    body: { query: `query { accessLog(first: 9007199254740993) { totalCount } }` },
    status: 400,
    code: "QUERY_TOO_COSTLY",
  },
  { name: "nesting 15 levels deep", body: { query: deep(15) }, status: 400, code: "QUERY_TOO_DEEP" },
  { name: "nesting 600 levels deep", body: { query: deep(600) }, status: 400, code: "QUERY_TOO_DEEP" },
  {
    name: "nesting 1 000 levels deep",
    body: { query: `query { feedbackItem(id: 1) { ${"duplicateOf{".repeat(1_000)}id${"}".repeat(1_000)} } }` },
    status: 400,
    code: "TOO_MANY_TOKENS",
  },
  { name: "nesting 5 000 levels deep (75 kB)", body: { query: deep(5_000) }, status: 400, code: "QUERY_TOO_LARGE" },
  {
    name: "token flood (3 000 tokens)",
    body: {
      query: `query { feedbackStatistics(from: "2021-01-01", to: "2021-12-31") { ${"received closed ".repeat(1500)}} }`,
    },
    status: 400,
    code: "TOO_MANY_TOKENS",
  },
  {
    name: "huge string literal (60 kB)",
    body: { query: `query { feedbackItem(id: "${"A".repeat(60_000)}") { id } }` },
    status: 400,
    code: "QUERY_TOO_LARGE",
  },
  {
    name: "comment flood (90 kB)",
    body: { query: `# ${"x".repeat(90_000)}\nquery { __typename }` },
    status: 400,
    code: "QUERY_TOO_LARGE",
  },
  {
    name: "oversized body (2 MB)",
    body: { query: "{ __typename }", variables: { pad: "x".repeat(2_000_000) } },
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  { name: "body that is not JSON", body: "{ query: __typename", status: 400, code: "BAD_REQUEST" },
];
