import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { relationsvaldModule } from "../src";
import { CASEWORKER, TRUSTED, WRITE, createClient, createPlacement, createProvider } from "./helpers";

/**
 * One `input` per mutation: the record a mutation changes moved from the top-level `id` to
 * `input.id` (the old argument is deprecated, and still works — the other suites use it).
 */
describe(`mutation inputs on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let providerId: string;
  let otherProviderId: string;

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    providerId = await createProvider(app, "Skyddat boende Inputs AB", "2000");
    otherProviderId = await createProvider(app, "Stiftelsen Inputs", "2500");
  });
  afterAll(() => app.close());

  const EXTEND = `mutation($id: ID, $input: ExtendPlacementInput!) { extendPlacement(id: $id, input: $input) { id version plannedEndDate } }`;
  const END = `mutation($id: ID, $input: EndPlacementInput!) { endPlacement(id: $id, input: $input) { id version endDate } }`;
  const MOVE = `mutation($id: ID, $input: MovePlacementInput!) { movePlacement(id: $id, input: $input) { id version movedFromId } }`;
  const UPDATE_CLIENT = `mutation($id: ID, $input: UpdateClientInput!) { updatePlacementClient(id: $id, input: $input) { id version name } }`;
  const UPDATE_PROVIDER = `mutation($id: ID, $input: UpdateProviderInput!) { updatePlacementProvider(id: $id, input: $input) { id version name } }`;

  async function placement(startDate = "2023-01-01"): Promise<{ id: string; version: number }> {
    const client = await createClient(app);
    return createPlacement(app, { clientId: client.id, providerId, startDate });
  }

  const extendInput = (version: number) => ({
    expectedVersion: version,
    plannedEndDate: "2023-06-30",
    decisionReference: "RVE-IN-1",
    decisionDate: "2023-01-10",
  });

  /** Each moved mutation: the operation, and the input (without the id) for a record at a version. */
  const cases: [string, string, () => Promise<{ id: string; version: number }>, (v: number) => object][] = [
    ["extendPlacement", EXTEND, () => placement(), extendInput],
    ["endPlacement", END, () => placement(), (v) => ({ expectedVersion: v, endDate: "2023-02-01" })],
    [
      "movePlacement",
      MOVE,
      () => placement(),
      (v) => ({ expectedVersion: v, moveDate: "2023-02-01", providerId: otherProviderId }),
    ],
    [
      "updatePlacementClient",
      UPDATE_CLIENT,
      async () => ({ id: (await createClient(app)).id, version: 1 }),
      (v) => ({ expectedVersion: v, name: "Ändrat Namn" }),
    ],
    [
      "updatePlacementProvider",
      UPDATE_PROVIDER,
      async () => ({ id: await createProvider(app, "Utförare Inputs"), version: 1 }),
      (v) => ({ expectedVersion: v, name: "Utförare Inputs Nytt" }),
    ],
  ];

  describe.each(cases)("%s", (name, mutation, make, input) => {
    it("takes the record as input.id and returns it with its new version", async () => {
      const record = await make();
      const data = await app.ok(mutation, {
        scopes: TRUSTED,
        variables: { input: { id: record.id, ...input(record.version) } },
      });
      if (name === "movePlacement") {
        // The move returns the new placement (version 1); the old one's version went up.
        expect(data[name]).toMatchObject({ version: 1, movedFromId: record.id });
        const old = await app.ok(`query($id: ID!) { placement(id: $id) { version endDate } }`, {
          scopes: TRUSTED,
          variables: { id: record.id },
        });
        expect(old.placement).toEqual({ version: record.version + 1, endDate: "2023-02-01" });
      } else {
        expect(data[name]).toMatchObject({ id: record.id, version: record.version + 1 });
      }
    });

    it("still takes the deprecated top-level id, and the same id in both places", async () => {
      const record = await make();
      const data = await app.ok(mutation, {
        scopes: TRUSTED,
        variables: { id: record.id, input: { id: record.id, ...input(record.version) } },
      });
      expect(data[name]).toBeTruthy();
    });

    it("refuses a missing id as BAD_USER_INPUT on input.id, rule required, changing nothing", async () => {
      const r = await app.call(mutation, { scopes: TRUSTED, variables: { input: input(1) } });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions).toMatchObject({ field: "input.id", rule: "required" });
      expect(r.data?.[name] ?? null).toBeNull();
    });

    it("refuses input.id and a different deprecated id as BAD_USER_INPUT on input.id, rule conflict", async () => {
      const record = await make();
      const other = await make();
      const r = await app.call(mutation, {
        scopes: TRUSTED,
        variables: { id: other.id, input: { id: record.id, ...input(record.version) } },
      });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions).toMatchObject({ field: "input.id", rule: "conflict" });
      expect(r.errors?.[0].message).toContain("input.id");
    });

    it("names input.id for an id that is not one", async () => {
      const r = await app.call(mutation, { scopes: TRUSTED, variables: { input: { id: "x1", ...input(1) } } });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors?.[0].extensions?.field).toBe("input.id");
    });

    it("refuses a stale input.expectedVersion with CONFLICT", async () => {
      const record = await make();
      const r = await app.call(mutation, {
        scopes: TRUSTED,
        variables: { input: { id: record.id, ...input(record.version + 5) } },
      });
      expect(r.errorCodes).toEqual(["CONFLICT"]);
    });
  });

  it("names input.id when a placement given there has already ended", async () => {
    const p = await placement("2023-03-01");
    const ended = await app.ok(END, {
      scopes: [WRITE],
      variables: { input: { id: p.id, expectedVersion: p.version, endDate: "2023-03-10" } },
    });
    const again = await app.call(END, {
      scopes: [WRITE],
      variables: { input: { id: p.id, expectedVersion: ended.endPlacement.version, endDate: "2023-03-20" } },
    });
    expect(again.errorCodes).toEqual(["CONFLICT"]);
    expect(again.errors?.[0].extensions?.field).toBe("input.id");
  });

  it("answers a protected client given as input.id exactly like an unknown one, without the scope", async () => {
    const hidden = await createClient(app, { protectedIdentity: true });
    const refused = await app.call(UPDATE_CLIENT, {
      scopes: CASEWORKER,
      variables: { input: { id: hidden.id, expectedVersion: 1, name: "X" } },
    });
    const unknown = await app.call(UPDATE_CLIENT, {
      scopes: CASEWORKER,
      variables: { input: { id: "999999", expectedVersion: 1, name: "X" } },
    });
    expect(refused.errorCodes).toEqual(["NOT_FOUND"]);
    expect(refused.errors?.[0].message.replace(hidden.id, "<id>")).toBe(
      unknown.errors?.[0].message.replace("999999", "<id>"),
    );
  });
});
