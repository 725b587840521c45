import { AccessLogEntry } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { AccompanyingChild, Placement, PlacementChildDecision, relationsvaldModule } from "../src";
import {
  CASEWORKER,
  CREATE_PLACEMENT,
  READ,
  STATS,
  TRUSTED,
  WRITE,
  addChild,
  createClient,
  createPlacement,
  createProvider,
  placementInput,
  pnr,
} from "./helpers";

describe(`placements on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let providerId: string;
  let otherProviderId: string;

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    providerId = await createProvider(app, "Skyddat boende Test AB", "2000");
    otherProviderId = await createProvider(app, "Stiftelsen Test", "2500");
  });
  afterAll(() => app.close());

  const LIST = `query($first: Int, $filter: PlacementFilter) { placements(first: $first, filter: $filter) {
    totalCount nodes { id type startDate endDate nights personCount client { name personnummer } provider { name } children { decisionReference child { name } } } } }`;

  describe("auth", () => {
    it("needs a token and the read scope; stats sees no person-level list", async () => {
      expect((await app.call(LIST, { anonymous: true })).errorCodes).toEqual(["UNAUTHENTICATED"]);
      expect((await app.call(LIST, { scopes: [STATS] })).errorCodes).toEqual(["FORBIDDEN"]);
      expect((await app.call(`query { placementClients { totalCount } }`, { scopes: [STATS] })).errorCodes).toEqual([
        "FORBIDDEN",
      ]);
      expect(
        (await app.call(`query { placement(id: "1") { id } }`, { scopes: ["relationsvald:inquiry"] })).errorCodes,
      ).toEqual(["FORBIDDEN"]);
    });

    it("needs the write scope to register", async () => {
      const client = await createClient(app);
      const r = await app.call(CREATE_PLACEMENT, {
        scopes: [READ],
        variables: { input: placementInput({ clientId: client.id, providerId, startDate: "2021-01-01" }) },
      });
      expect(r.errorCodes).toEqual(["FORBIDDEN"]);
    });
  });

  describe("registering", () => {
    it("registers a placement with children, each with its own decision, and marks them never to be deleted", async () => {
      const client = await createClient(app);
      const child = await addChild(app, client.id);
      const p = await createPlacement(app, {
        clientId: client.id,
        providerId,
        startDate: "2021-03-01",
        endDate: "2021-03-04",
        children: [{ childId: child.id }],
      });
      expect(p.personCount).toBe(2);
      const data = await app.ok(
        `query($id: ID!) { placement(id: $id) { nights children { decisionReference assessedOn child { retentionExempt } } } }`,
        {
          scopes: [READ],
          variables: { id: p.id },
        },
      );
      expect(data.placement).toEqual({
        nights: 3,
        children: [
          { decisionReference: `RVE-B-${child.id}`, assessedOn: "2021-03-01", child: { retentionExempt: true } },
        ],
      });
    });

    it("does not mark a child placed only in öppenvård", async () => {
      const client = await createClient(app);
      const child = await addChild(app, client.id);
      await createPlacement(app, {
        type: "INTERNAL_OUTPATIENT",
        clientId: client.id,
        providerId,
        startDate: "2021-03-01",
        children: [{ childId: child.id }],
      });
      const stored = await app.ds.getRepository(AccompanyingChild).findOneByOrFail({ id: Number(child.id) });
      expect(stored.retentionExempt).toBe(false);
    });

    it("needs each child's own decision unless the placement is acute", async () => {
      const client = await createClient(app);
      const child = await addChild(app, client.id);
      const input = placementInput({
        clientId: client.id,
        providerId,
        startDate: "2021-05-01",
        children: [{ childId: child.id }],
      });
      (input.children as Record<string, unknown>[])[0].decisionReference = undefined;
      const r = await app.call(CREATE_PLACEMENT, { scopes: TRUSTED, variables: { input } });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions?.field).toBe("input.children.0.decisionReference");
      const acute = await createPlacement(app, {
        clientId: client.id,
        providerId,
        startDate: "2021-05-01",
        acute: true,
        children: [{ childId: child.id }],
      });
      expect(acute.personCount).toBe(2);
    });

    it("rejects invalid input naming the field, writing nothing", async () => {
      const client = await createClient(app);
      const before = await app.ds.getRepository(Placement).count();
      const cases: [Record<string, unknown>, string][] = [
        [{ endDate: "2021-01-01" }, "input.endDate"],
        [{ providerId: "999999" }, "input.providerId"],
        [{ clientId: "999999" }, "input.clientId"],
        [{ decisionReference: undefined }, "input.decisionReference"],
        [{ type: "INTERNAL_OUTPATIENT", acute: true, decisionReference: undefined }, "input.acute"],
        [{ children: [{ childId: "999999" }] }, "input.children.0.childId"],
      ];
      for (const [override, field] of cases) {
        const input = { ...placementInput({ clientId: client.id, providerId, startDate: "2021-01-01" }), ...override };
        const r = await app.call(CREATE_PLACEMENT, { scopes: TRUSTED, variables: { input } });
        expect({ field, codes: r.errorCodes }).toEqual({ field, codes: ["BAD_USER_INPUT"] });
        expect(r.errors?.[0].message).toContain(field);
      }
      const badDate = {
        ...placementInput({ clientId: client.id, providerId, startDate: "2021-02-01" }),
        startDate: "2021-02-30",
      };
      const bad = await app.call(CREATE_PLACEMENT, { scopes: TRUSTED, variables: { input: badDate } });
      expect(bad.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(await app.ds.getRepository(Placement).count()).toBe(before);
    });

    it("refuses a client under 18 and an invalid personnummer", async () => {
      const child = await app.call(
        `mutation($input: CreateClientInput!) { createPlacementClient(input: $input) { id } }`,
        {
          scopes: [WRITE],
          variables: { input: { personnummer: pnr("2012-01-01"), name: "X", violenceType: "CLOSE_RELATIONSHIP" } },
        },
      );
      expect(child.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(child.errors?.[0].extensions?.field).toBe("input.personnummer");
      const invalid = await app.call(
        `mutation($input: CreateClientInput!) { createPlacementClient(input: $input) { id } }`,
        {
          scopes: [WRITE],
          variables: { input: { personnummer: "850412-1235", name: "X", violenceType: "CLOSE_RELATIONSHIP" } },
        },
      );
      expect(invalid.errorCodes).toEqual(["BAD_USER_INPUT"]);
    });
  });

  describe("overlapping placements of the same person", () => {
    it("refuses two protected-housing stays on the same night, naming the field and writing nothing", async () => {
      const client = await createClient(app);
      await createPlacement(app, { clientId: client.id, providerId, startDate: "2021-01-01", endDate: "2021-02-01" });
      const before = await app.ds.getRepository(Placement).count();
      const r = await app.call(CREATE_PLACEMENT, {
        scopes: TRUSTED,
        variables: {
          input: placementInput({ clientId: client.id, providerId: otherProviderId, startDate: "2021-01-31" }),
        },
      });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions?.field).toBe("input.startDate");
      expect(r.errors?.[0].message).toMatch(/skyddat boende/);
      expect(await app.ds.getRepository(Placement).count()).toBe(before);
      // The move-out date may be the next first night.
      await createPlacement(app, {
        clientId: client.id,
        providerId: otherProviderId,
        startDate: "2021-02-01",
        endDate: "2021-03-01",
      });
    });

    it("refuses jourboende during skyddat boende, also through an accompanying child", async () => {
      const client = await createClient(app);
      const child = await addChild(app, client.id);
      await createPlacement(app, {
        clientId: client.id,
        providerId,
        startDate: "2021-06-01",
        children: [{ childId: child.id }],
      });
      const r = await app.call(CREATE_PLACEMENT, {
        scopes: TRUSTED,
        variables: {
          input: placementInput({
            type: "EMERGENCY_HOUSING",
            clientId: client.id,
            providerId,
            startDate: "2022-01-01",
          }),
        },
      });
      expect(r.errors?.[0].extensions?.field).toBe("input.startDate");
    });

    it("allows intern öppenvård alongside skyddat boende, but not the same öppenvård twice", async () => {
      const client = await createClient(app);
      await createPlacement(app, { clientId: client.id, providerId, startDate: "2021-06-01", endDate: "2021-09-01" });
      await createPlacement(app, {
        type: "INTERNAL_OUTPATIENT",
        clientId: client.id,
        providerId,
        startDate: "2021-06-10",
      });
      const r = await app.call(CREATE_PLACEMENT, {
        scopes: TRUSTED,
        variables: {
          input: placementInput({
            type: "INTERNAL_OUTPATIENT",
            clientId: client.id,
            providerId,
            startDate: "2021-08-01",
            endDate: "2021-08-10",
          }),
        },
      });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    });

    it("lets only one of ten concurrent overlapping registrations through", async () => {
      const client = await createClient(app);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          app.call(CREATE_PLACEMENT, {
            scopes: TRUSTED,
            variables: {
              input: placementInput({
                clientId: client.id,
                providerId,
                startDate: `2021-04-${String(10 + i).padStart(2, "0")}`,
              }),
            },
          }),
        ),
      );
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(results.filter((r) => r.errors).every((r) => r.errorCodes[0] === "BAD_USER_INPUT")).toBe(true);
      expect(await app.ds.getRepository(Placement).countBy({ clientId: Number(client.id) })).toBe(1);
    });
  });

  describe("extend, end, move", () => {
    it("moves an acute placement to another provider after a decision: the first ends on the move date", async () => {
      const client = await createClient(app);
      const child = await addChild(app, client.id);
      const acute = await createPlacement(app, {
        clientId: client.id,
        providerId,
        startDate: "2022-03-01",
        acute: true,
        children: [{ childId: child.id }],
      });
      const noDecision = await app.call(
        `mutation($id: ID!, $input: MovePlacementInput!) { movePlacement(id: $id, input: $input) { id } }`,
        {
          scopes: TRUSTED,
          variables: {
            id: acute.id,
            input: { expectedVersion: acute.version, moveDate: "2022-03-03", providerId: otherProviderId },
          },
        },
      );
      expect(noDecision.errors?.[0].extensions?.field).toBe("input.decisionReference");
      const moved = await app.ok(
        `mutation($id: ID!, $input: MovePlacementInput!) { movePlacement(id: $id, input: $input) { id movedFromId startDate acute provider { name } children { decisionReference } } }`,
        {
          scopes: TRUSTED,
          variables: {
            id: acute.id,
            input: {
              expectedVersion: acute.version,
              moveDate: "2022-03-03",
              providerId: otherProviderId,
              decisionReference: "RVE-2022-9",
              decisionDate: "2022-03-02",
              children: [
                {
                  childId: child.id,
                  assessedOn: "2022-03-02",
                  decisionReference: "RVE-2022-9-B",
                  decisionDate: "2022-03-02",
                },
              ],
            },
          },
        },
      );
      expect(moved.movePlacement).toEqual({
        id: expect.any(String),
        movedFromId: acute.id,
        startDate: "2022-03-03",
        acute: false,
        provider: { name: "Stiftelsen Test" },
        children: [{ decisionReference: "RVE-2022-9-B" }],
      });
      const old = await app.ok(`query($id: ID!) { placement(id: $id) { endDate nights } }`, {
        scopes: [READ],
        variables: { id: acute.id },
      });
      expect(old.placement).toEqual({ endDate: "2022-03-03", nights: 2 });
    });

    it("extends with a new decision, ends at move-out, and refuses a stale version with CONFLICT", async () => {
      const client = await createClient(app);
      const p = await createPlacement(app, { clientId: client.id, providerId, startDate: "2021-10-01" });
      const extended = await app.ok(
        `mutation($id: ID!, $input: ExtendPlacementInput!) { extendPlacement(id: $id, input: $input) { plannedEndDate decisionReference version } }`,
        {
          scopes: [WRITE],
          variables: {
            id: p.id,
            input: {
              expectedVersion: p.version,
              plannedEndDate: "2022-01-31",
              decisionReference: "RVE-X",
              decisionDate: "2021-12-20",
            },
          },
        },
      );
      expect(extended.extendPlacement).toMatchObject({ plannedEndDate: "2022-01-31", decisionReference: "RVE-X" });
      const END = `mutation($id: ID!, $input: EndPlacementInput!) { endPlacement(id: $id, input: $input) { endDate nights } }`;
      const stale = await app.call(END, {
        scopes: [WRITE],
        variables: { id: p.id, input: { expectedVersion: p.version, endDate: "2022-01-15" } },
      });
      expect(stale.errorCodes).toEqual(["CONFLICT"]);
      const early = await app.call(END, {
        scopes: [WRITE],
        variables: { id: p.id, input: { expectedVersion: extended.extendPlacement.version, endDate: "2021-10-01" } },
      });
      expect(early.errors?.[0].extensions?.field).toBe("input.endDate");
      const ended = await app.ok(END, {
        scopes: [WRITE],
        variables: { id: p.id, input: { expectedVersion: extended.extendPlacement.version, endDate: "2022-01-15" } },
      });
      expect(ended.endPlacement).toEqual({ endDate: "2022-01-15", nights: 106 });
    });

    it("refuses a stale client edit with CONFLICT", async () => {
      const client = await createClient(app);
      const UPDATE = `mutation($id: ID!, $input: UpdateClientInput!) { updatePlacementClient(id: $id, input: $input) { name version } }`;
      const first = await app.ok(UPDATE, {
        scopes: CASEWORKER,
        variables: { id: client.id, input: { expectedVersion: 1, name: "Nytt Namn" } },
      });
      expect(first.updatePlacementClient).toEqual({ name: "Nytt Namn", version: 2 });
      const stale = await app.call(UPDATE, {
        scopes: CASEWORKER,
        variables: { id: client.id, input: { expectedVersion: 1, name: "Annat" } },
      });
      expect(stale.errorCodes).toEqual(["CONFLICT"]);
    });
  });

  describe("reading", () => {
    it("logs every read of person-level data once per list, with the people's keys", async () => {
      const client = await createClient(app);
      const child = await addChild(app, client.id);
      const p = await createPlacement(app, {
        clientId: client.id,
        providerId,
        startDate: "2020-02-01",
        endDate: "2020-02-05",
        children: [{ childId: child.id }],
      });
      const log = app.ds.getRepository(AccessLogEntry);
      const before = await log.count();
      const data = await app.ok(LIST, {
        scopes: [READ],
        subject: "caseworker-7",
        variables: { first: 10, filter: { clientId: client.id } },
      });
      expect(data.placements.nodes.map((n: { id: string }) => n.id)).toEqual([p.id]);
      const entries = await log.find({ where: { actor: "caseworker-7" }, order: { id: "ASC" } });
      expect(await log.count()).toBe(before + entries.length);
      expect(entries.map((e) => [e.operation, e.action, e.recordIds]).sort()).toEqual([
        ["Placement.children", "READ", [child.id]],
        ["Placement.client", "READ", [client.id]],
        ["Query.placements", "READ", [p.id]],
      ]);
      expect(entries[0].subjectKeys).toBeTruthy();
      expect(JSON.stringify(entries)).not.toContain(client.personnummer.replace("-", ""));
    });

    it("runs a constant number of SQL statements whatever the page size", async () => {
      const child = (await app.ds.getRepository(AccompanyingChild).find({ take: 1, order: { id: "ASC" } }))[0];
      const base = child.clientId;
      const rows = Array.from({ length: 60 }, (_, i) => ({
        id: 10_000 + i,
        type: "FAMILY_HOME",
        clientId: base,
        providerId: Number(providerId),
        startDate: `2010-01-${String((i % 28) + 1).padStart(2, "0")}`,
        endDate: "2010-03-01",
        acute: false,
        personCount: 2,
        decisionReference: `BULK-${i}`,
      }));
      const decisions = rows.map((r) => ({ placementId: r.id, childId: child.id }));
      await app.ds.getRepository(Placement).insert(rows as never);
      await app.ds.getRepository(PlacementChildDecision).insert(decisions);
      expect(await app.ds.getRepository(Placement).countBy({ decisionReference: "BULK-59", id: 10_059 })).toBe(1);
      const filter = { type: "FAMILY_HOME", activeFrom: "2010-01-01", activeTo: "2010-12-31" };
      const small = await app.call(LIST, { scopes: [READ], variables: { first: 5, filter } });
      const large = await app.call(LIST, { scopes: [READ], variables: { first: 50, filter } });
      expect(small.errors).toBeUndefined();
      expect(large.data?.placements.nodes).toHaveLength(50);
      expect(large.data?.placements.nodes[0].children).toHaveLength(1);
      expect(large.statements).toBe(small.statements);
      const largest = await app.call(LIST, { scopes: [READ], variables: { first: 100, filter } });
      expect(largest.data?.placements.nodes).toHaveLength(60);
      // The whole list on one page: TypeORM skips the COUNT, never adds a statement.
      expect(largest.statements).toBeLessThanOrEqual(small.statements);
    });

    it("refuses a page larger than 100", async () => {
      const r = await app.call(LIST, { scopes: [READ], variables: { first: 101 } });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    });
  });
});
