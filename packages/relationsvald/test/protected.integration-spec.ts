import { isObjectType } from "graphql";
import { AccessLogEntry, subjectKey } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { relationsvaldModule } from "../src";
import {
  CASEWORKER,
  CREATE_PLACEMENT,
  INQUIRY,
  READ,
  STATS,
  STATS_EXACT,
  TRUSTED,
  WRITE,
  addChild,
  createClient,
  createPlacement,
  createProvider,
  long,
  placementInput,
  pnr,
} from "./helpers";

describe(`protected identity and the lawful inquiry on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let providerId: string;
  let hidden: { id: string; personnummer: string };
  let hiddenChild: { id: string; personnummer: string };
  let hiddenPlacement: string;
  let open: { id: string; personnummer: string };
  let openPlacement: string;
  let openWithHiddenChild: { id: string; personnummer: string };
  let mixedPlacement: string;
  let outpatientOnly: { id: string; personnummer: string };

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    providerId = await createProvider(app);
    hidden = await createClient(app, { protectedIdentity: true, name: "Skyddad Person" });
    hiddenChild = await addChild(app, hidden.id);
    hiddenPlacement = (
      await createPlacement(app, {
        clientId: hidden.id,
        providerId,
        startDate: "2021-05-01",
        endDate: "2021-08-01",
        children: [{ childId: hiddenChild.id }],
      })
    ).id;
    open = await createClient(app, { name: "Synlig Person" });
    openPlacement = (
      await createPlacement(app, { clientId: open.id, providerId, startDate: "2021-05-01", endDate: "2021-06-01" })
    ).id;
    openWithHiddenChild = await createClient(app, { name: "Förälder Synlig" });
    const child = await addChild(app, openWithHiddenChild.id, { protectedIdentity: true });
    mixedPlacement = (
      await createPlacement(app, {
        clientId: openWithHiddenChild.id,
        providerId,
        startDate: "2021-05-01",
        children: [{ childId: child.id }],
      })
    ).id;
    outpatientOnly = await createClient(app);
    await createPlacement(app, {
      type: "INTERNAL_OUTPATIENT",
      clientId: outpatientOnly.id,
      providerId,
      startDate: "2021-01-01",
    });
  });
  afterAll(() => app.close());

  describe("without relationsvald:protected", () => {
    it("leaves protected clients out of lists, counts and filters", async () => {
      const data = await app.ok(`query { placementClients(first: 100) { totalCount nodes { id } } }`, {
        scopes: [READ],
      });
      const ids = data.placementClients.nodes.map((n: { id: string }) => n.id);
      expect(ids).toContain(open.id);
      expect(ids).not.toContain(hidden.id);
      expect(data.placementClients.totalCount).toBe(ids.length);
      const byNumber = await app.ok(
        `query($p: Personnummer) { placementClients(filter: { personnummer: $p }) { totalCount } }`,
        {
          scopes: [READ],
          variables: { p: hidden.personnummer },
        },
      );
      expect(byNumber.placementClients.totalCount).toBe(0);
    });

    it("answers NOT_FOUND by id, exactly as for an id that does not exist", async () => {
      const protectedResult = await app.call(`query($id: ID!) { placementClient(id: $id) { id } }`, {
        scopes: [READ],
        variables: { id: hidden.id },
      });
      const missing = await app.call(`query($id: ID!) { placementClient(id: $id) { id } }`, {
        scopes: [READ],
        variables: { id: "99999" },
      });
      expect(protectedResult.errorCodes).toEqual(["NOT_FOUND"]);
      expect(protectedResult.errors?.[0].message.replace(hidden.id, "#")).toBe(
        missing.errors?.[0].message.replace("99999", "#"),
      );
      const placement = await app.call(`query($id: ID!) { placement(id: $id) { id } }`, {
        scopes: [READ],
        variables: { id: hiddenPlacement },
      });
      expect(placement.errorCodes).toEqual(["NOT_FOUND"]);
      const basis = await app.call(
        `query($id: ID!) { placementInvoiceBasis(placementId: $id, to: "2021-05-31") { total } }`,
        { scopes: [READ], variables: { id: hiddenPlacement } },
      );
      expect(basis.errorCodes).toEqual(["NOT_FOUND"]);
    });

    it("hides placements that concern a protected child, and the child itself, also in nested fields", async () => {
      const list = await app.ok(
        `query { placements(first: 100) { totalCount nodes { id client { id } children { child { id } } } } }`,
        { scopes: [READ] },
      );
      const ids = list.placements.nodes.map((n: { id: string }) => n.id);
      expect(ids).toContain(openPlacement);
      expect(ids).not.toContain(hiddenPlacement);
      expect(ids).not.toContain(mixedPlacement);
      expect(list.placements.nodes.map((n: { client: { id: string } }) => n.client.id)).not.toContain(hidden.id);
      const parent = await app.ok(
        `query($id: ID!) { placementClient(id: $id) { children { id } placements { id } } }`,
        {
          scopes: [READ],
          variables: { id: openWithHiddenChild.id },
        },
      );
      expect(parent.placementClient).toEqual({ children: [], placements: [] });
    });

    it("refuses to place or edit a protected client with the same answer as for an unknown one", async () => {
      const place = (clientId: string) =>
        app.call(CREATE_PLACEMENT, {
          scopes: CASEWORKER,
          variables: { input: placementInput({ clientId, providerId, startDate: "2022-01-01" }) },
        });
      const protectedResult = await place(hidden.id);
      const unknown = await place("99999");
      expect(protectedResult.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(protectedResult.errors?.[0].message).toBe(unknown.errors?.[0].message);
      const edit = await app.call(
        `mutation($id: ID!) { updatePlacementClient(id: $id, input: { expectedVersion: 1, name: "X" }) { id } }`,
        {
          scopes: CASEWORKER,
          variables: { id: hidden.id },
        },
      );
      expect(edit.errorCodes).toEqual(["NOT_FOUND"]);
    });

    it("names no hidden placement when refusing an overlap", async () => {
      const r = await app.call(CREATE_PLACEMENT, {
        scopes: CASEWORKER,
        variables: {
          input: placementInput({
            type: "EMERGENCY_HOUSING",
            clientId: openWithHiddenChild.id,
            providerId,
            startDate: "2021-07-01",
          }),
        },
      });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions?.field).toBe("input.startDate");
      expect(r.errors?.[0].message).not.toMatch(new RegExp(`\\b${mixedPlacement}\\b|2021-05-01`));
    });

    it("keeps the invoice basis and the move-out basis from a stats caller", async () => {
      expect(
        (
          await app.call(`query($id: ID!) { invoiceBasis(providerId: $id, month: "2021-05") { total } }`, {
            scopes: [STATS],
            variables: { id: providerId },
          })
        ).errorCodes,
      ).toEqual(["FORBIDDEN"]);
      expect(
        (
          await app.call(`query($id: ID!) { placementInvoiceBasis(placementId: $id) { total } }`, {
            scopes: [STATS],
            variables: { id: openPlacement },
          })
        ).errorCodes,
      ).toEqual(["FORBIDDEN"]);
    });

    it("gives a duplicate personnummer the same CONFLICT whether the person is protected or not, and logs it as an inquiry", async () => {
      const register = (personnummer: string) =>
        app.call(`mutation($input: CreateClientInput!) { createPlacementClient(input: $input) { id } }`, {
          scopes: [WRITE],
          subject: "dup-tester",
          variables: { input: { personnummer, name: "X", violenceType: "CLOSE_RELATIONSHIP" } },
        });
      const a = await register(hidden.personnummer);
      const b = await register(open.personnummer);
      expect(a.errorCodes).toEqual(["CONFLICT"]);
      expect(a.errors?.[0].message).toBe(b.errors?.[0].message);
      const logged = await app.ds.getRepository(AccessLogEntry).find({ where: { actor: "dup-tester" } });
      expect(logged.map((e) => e.action)).toEqual(["INQUIRY", "INQUIRY"]);
      expect(logged[0].subjectKeys).toContain(subjectKey(long(hidden.personnummer).replace("-", "")));
    });

    it("needs the protected scope to register protected identity, and to see the whole invoice basis", async () => {
      const r = await app.call(`mutation($input: CreateClientInput!) { createPlacementClient(input: $input) { id } }`, {
        scopes: [WRITE],
        variables: {
          input: {
            personnummer: pnr("1984-02-03"),
            name: "X",
            violenceType: "CLOSE_RELATIONSHIP",
            protectedIdentity: true,
          },
        },
      });
      expect(r.errorCodes).toEqual(["FORBIDDEN"]);
      const basis = await app.call(`query($id: ID!) { invoiceBasis(providerId: $id, month: "2021-05") { total } }`, {
        scopes: [READ],
        variables: { id: providerId },
      });
      expect(basis.errorCodes).toEqual(["FORBIDDEN"]);
    });
  });

  describe("with relationsvald:protected", () => {
    it("sees protected clients, their children and placements", async () => {
      const data = await app.ok(
        `query($id: ID!) { placementClient(id: $id) { protectedIdentity children { protectedIdentity retentionExempt } placements { id } } }`,
        {
          scopes: [READ, "relationsvald:protected"],
          variables: { id: hidden.id },
        },
      );
      expect(data.placementClient).toEqual({
        protectedIdentity: true,
        children: [{ protectedIdentity: true, retentionExempt: true }],
        placements: [{ id: hiddenPlacement }],
      });
      const basis = await app.ok(
        `query($id: ID!) { invoiceBasis(providerId: $id, month: "2021-05") { lines { placementId } } }`,
        {
          scopes: TRUSTED,
          variables: { id: providerId },
        },
      );
      expect(basis.invoiceBasis.lines.map((l: { placementId: string }) => l.placementId)).toEqual(
        expect.arrayContaining([hiddenPlacement, mixedPlacement]),
      );
    });
  });

  describe("addresses and locations never leave the API", () => {
    it("are no field of any type in the schema", () => {
      const offending: string[] = [];
      for (const type of Object.values(app.schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith("__")) continue;
        for (const field of Object.keys(type.getFields())) {
          if (/address|location|adress/i.test(field)) offending.push(`${type.name}.${field}`);
        }
      }
      expect(offending).toEqual([]);
    });

    it("do not appear in any answer, even to the most trusted caller", async () => {
      const data = await app.call(
        `query { placements(first: 100) { nodes { id type client { name personnummer children { name } } provider { name organisationsnummer } children { child { name } } } }
                 placementClients(first: 100) { nodes { name placements { id } } } placementProviders { nodes { name dailyFees { dailyFee } } } }`,
        { scopes: TRUSTED },
      );
      expect(data.errors).toBeUndefined();
      const text = JSON.stringify(data.data);
      expect(text).toContain("Skyddad Person");
      expect(text).not.toMatch(/Hemliga gatan|Skyddad adress/);
    });
  });

  describe("the lawful inquiry", () => {
    const ASK = `query($p: Personnummer!, $on: Date) { isPersonPlaced(personnummer: $p, on: $on) }`;

    it("answers yes or no only — protected people and children included", async () => {
      const ask = async (p: string, on: string) =>
        (await app.ok(ASK, { scopes: [INQUIRY], variables: { p, on } })).isPersonPlaced;
      expect(await ask(hidden.personnummer, "2021-06-15")).toBe(true);
      expect(await ask(hiddenChild.personnummer, "2021-06-15")).toBe(true);
      expect(await ask(hidden.personnummer, "2021-08-01")).toBe(false);
      expect(await ask(open.personnummer, "2021-05-31")).toBe(true);
      expect(await ask(outpatientOnly.personnummer, "2021-06-15")).toBe(false);
      expect(await ask(pnr("1979-09-09"), "2021-06-15")).toBe(false);
    });

    it("logs every inquiry, a no included, with the person's key", async () => {
      const log = app.ds.getRepository(AccessLogEntry);
      await app.ok(ASK, {
        scopes: [INQUIRY],
        subject: "polisen-1",
        variables: { p: open.personnummer, on: "2020-01-01" },
      });
      await app.ok(ASK, {
        scopes: [INQUIRY],
        subject: "polisen-1",
        variables: { p: open.personnummer, on: "2021-05-10" },
      });
      const entries = await log.find({ where: { actor: "polisen-1" }, order: { id: "ASC" } });
      expect(entries.map((e) => [e.action, e.operation, e.recordType])).toEqual([
        ["INQUIRY", "Query.isPersonPlaced", "PersonInquiry"],
        ["INQUIRY", "Query.isPersonPlaced", "PersonInquiry"],
      ]);
      const key = subjectKey(long(open.personnummer).replace("-", ""));
      expect(entries.every((e) => e.subjectKeys?.includes(key))).toBe(true);
      expect(entries[1].recordIds).toEqual([openPlacement]);
    });

    it("is its own scope: it reads nothing else, and readers cannot ask it", async () => {
      expect((await app.call(`query { placements { totalCount } }`, { scopes: [INQUIRY] })).errorCodes).toEqual([
        "FORBIDDEN",
      ]);
      expect(
        (
          await app.call(
            `query { placementStatistics(from: "2021-01-01", to: "2021-12-31") { total { placements } } }`,
            { scopes: [INQUIRY] },
          )
        ).errorCodes,
      ).toEqual(["FORBIDDEN"]);
      expect((await app.call(ASK, { scopes: [READ, STATS], variables: { p: open.personnummer } })).errorCodes).toEqual([
        "FORBIDDEN",
      ]);
      expect((await app.call(ASK, { anonymous: true, variables: { p: open.personnummer } })).errorCodes).toEqual([
        "UNAUTHENTICATED",
      ]);
    });

    it("rejects an invalid personnummer before looking", async () => {
      const r = await app.call(ASK, { scopes: [INQUIRY], variables: { p: "19850412-9876" } });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    });
  });

  describe("a stats caller", () => {
    it("sees the protected placement only as a count", async () => {
      const data = await app.ok(
        `query { placementStatistics(from: "2021-05-01", to: "2021-05-31") { total { placements persons children } } }`,
        { scopes: [STATS_EXACT] },
      );
      expect(data.placementStatistics.total).toEqual({ placements: 4, persons: 6, children: 2 });
      // Without the exact scope the two children are a small count: suppressed, the rest stays.
      const controlled = await app.ok(
        `query { placementStatistics(from: "2021-05-01", to: "2021-05-31") { total { placements persons children suppressed } } }`,
        { scopes: [STATS] },
      );
      expect(controlled.placementStatistics.total).toEqual({
        placements: 4,
        persons: 6,
        children: null,
        suppressed: expect.arrayContaining(["children", "clients"]),
      });
    });
  });
});
