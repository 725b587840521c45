import { AccessLogEntry } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { relationsvaldModule } from "../src";
import { READ, TRUSTED, addChild, createClient, createPlacement, createProvider } from "./helpers";

const CLIENTS = `query($first: Int) { placementClients(first: $first) { nodes { id name children { id } placements { id nights client { id } provider { name } children { child { id } } } } } }`;

/** The client page through the read graphs: nested relations loaded in batches, row policies and access log kept. */
describe(`the client page through the read graphs on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let hiddenChildId: string;

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    const providerId = await createProvider(app);
    for (let i = 0; i < 6; i++) {
      const client = await createClient(app);
      const child = await addChild(app, client.id, { protectedIdentity: i === 0 });
      if (i === 0) hiddenChildId = child.id;
      await createPlacement(app, {
        clientId: client.id,
        providerId,
        startDate: "2022-01-01",
        endDate: "2022-02-01",
        children: [{ childId: child.id }],
      });
      await createPlacement(app, { clientId: client.id, providerId, startDate: "2022-03-01", endDate: "2022-04-01" });
    }
  });
  afterAll(() => app.close());

  it("runs as many statements for a page of two clients as for six, children and placements included", async () => {
    const small = await app.call(CLIENTS, { scopes: TRUSTED, variables: { first: 2 } });
    const large = await app.call(CLIENTS, { scopes: TRUSTED, variables: { first: 6 } });
    expect(small.errors).toBeUndefined();
    expect(large.data?.placementClients.nodes).toHaveLength(6);
    expect(large.data?.placementClients.nodes.every((c: { placements: unknown[] }) => c.placements.length === 2)).toBe(
      true,
    );
    expect(large.statements).toBe(small.statements);
  });

  it("leaves a protected child and the placements that cover it out of a reader's page, and out of its access log", async () => {
    const data = await app.ok(CLIENTS, { scopes: [READ], subject: "graph-reader", variables: { first: 6 } });
    type Page = { children: { id: string }[]; placements: { children: { child: { id: string } }[] }[] }[];
    const nodes: Page = data.placementClients.nodes;
    const childIds = nodes.flatMap((c) => [
      ...c.children.map((k) => k.id),
      ...c.placements.flatMap((p) => p.children.map((d) => d.child.id)),
    ]);
    expect(childIds).toHaveLength(10);
    expect(childIds).not.toContain(hiddenChildId);
    const first = data.placementClients.nodes.find((c: { children: unknown[] }) => c.children.length === 0);
    expect(first.placements).toHaveLength(1);
    const logged = await app.ds.getRepository(AccessLogEntry).find({ where: { actor: "graph-reader" } });
    expect(logged.flatMap((e) => e.recordIds.filter(() => e.recordType === "AccompanyingChild"))).not.toContain(
      hiddenChildId,
    );
    expect(logged.map((e) => e.operation).sort()).toEqual([
      "Placement.children",
      "Placement.client",
      "PlacementClient.children",
      "PlacementClient.placements",
      "Query.placementClients",
    ]);
  });
});
