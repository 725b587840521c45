import "reflect-metadata";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { getOperationAST, parse, type GraphQLSchema } from "graphql";
import { buildModuleSchema } from "@arbetsliv/core";
import { modules } from "@arbetsliv/gateway";
import { createSingleSubgraphRouting, type SingleSubgraphRouting } from "../src/gateway/single-subgraph";

/**
 * Which operations the gateway forwards to one subgraph as they are (single-subgraph.ts), decided
 * on the checked-in supergraph (apps/federation/supergraph.graphql) and the monolith's schema.
 * No database: the decision is made from the schemas alone.
 */
describe("single-subgraph routing on the composed supergraph", () => {
  let schema: GraphQLSchema;
  let routing: SingleSubgraphRouting;

  beforeAll(async () => {
    schema = await buildModuleSchema(modules);
    routing = createSingleSubgraphRouting(readFileSync(resolve(__dirname, "../supergraph.graphql"), "utf8"), schema);
  });

  const targetOf = (query: string, operationName?: string) => {
    const document = parse(query);
    return routing.targetOf(document, getOperationAST(document, operationName)!)?.name ?? null;
  };

  it.each([
    ["a list page with a relation", `{ feedbackItems(first: 5) { nodes { id businessArea { name } } } }`, "synpunkter"],
    ["an entity's own fields", `{ iopAgreements(first: 5) { nodes { id title partner { name } } } }`, "iop"],
    ["statistics", `{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") { received } }`, "synpunkter"],
    ["a provider without its IOP field", `{ placementProviders(first: 5) { nodes { name } } }`, "relationsvald"],
    ["the platform's access log", `{ accessLog(first: 5) { nodes { requestId } } }`, "platform"],
    ["a mutation", `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`, "synpunkter"],
    [
      "fragments and __typename",
      `query Q { ...F } fragment F on Query { donationFunds { __typename ... on DonationFund { name } } }`,
      "donationsfonder",
    ],
  ])("%s → %s", (_name, query, subgraph) => {
    expect(targetOf(query)).toBe(subgraph);
  });

  it.each([
    [
      "a field another subgraph adds with @requires",
      `{ iopAgreements(first: 5) { nodes { title placementCosts { total } } } }`,
    ],
    ["a field another subgraph adds", `{ placementProviders(first: 5) { nodes { name iopPartnerships { title } } } }`],
    ["root fields of two subgraphs", `{ feedbackItems(first: 1) { totalCount } donationFunds { name } }`],
    ["introspection", `{ __schema { queryType { name } } }`],
    ["only __typename", `{ __typename }`],
  ])("%s → Hive Gateway's plan", (_name, query) => {
    expect(targetOf(query)).toBeNull();
  });

  it("decides once per operation (the edge keeps one document per query text)", () => {
    const document = parse(`{ feedbackItems(first: 1) { totalCount } }`);
    const operation = getOperationAST(document)!;
    const first = routing.targetOf(document, operation);
    expect(routing.targetOf(document, operation)).toBe(first);
    expect(first?.url).toMatch(/^http:\/\/127\.0\.0\.1:4101\/graphql$/);
  });
});
