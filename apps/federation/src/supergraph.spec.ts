import { buildSchema } from "graphql";
import { FEDERATION_LINK, type Subgraph } from "@arbetsliv/core/federation";
import { composeSupergraph, CompositionError } from "./supergraph";

const subgraph = (name: string, sdl: string): Subgraph => ({
  name,
  sdl: `${FEDERATION_LINK}\n${sdl}`,
  schema: buildSchema("type Query { x: Int }"),
});

describe("composeSupergraph", () => {
  it("composes subgraphs that share an entity by its key", () => {
    const sdl = composeSupergraph(
      [
        subgraph(
          "a",
          `type Query { agreements: [Agreement!]! } type Agreement @key(fields: "id") { id: ID! title: String! }`,
        ),
        subgraph("b", `type Agreement @key(fields: "id") { id: ID! costs: Int! }`),
      ],
      (name) => `http://127.0.0.1/${name}`,
    );
    expect(sdl).toContain("costs: Int!");
    expect(sdl).toContain('@join__graph(name: "b", url: "http://127.0.0.1/b")');
  });

  it("fails naming the problem when two subgraphs resolve the same field of a value type without @shareable", () => {
    const compose = () =>
      composeSupergraph(
        [
          subgraph("a", `type Query { a: Money } type Money { amount: Int! }`),
          subgraph("b", `type Query { b: Money } type Money { amount: Int! }`),
        ],
        (name) => `http://127.0.0.1/${name}`,
      );
    expect(compose).toThrow(CompositionError);
    expect(compose).toThrow(/Money\.amount/);
  });
});
