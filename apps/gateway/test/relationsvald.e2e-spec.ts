import { coreModule } from "@arbetsliv/core";
import { luhnCheckDigit } from "@arbetsliv/core/values";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { placementCostsByProvider, relationsvaldModule } from "@arbetsliv/relationsvald";
import { TestGateway } from "./harness";

const READ = "relationsvald:read";
const WRITE = "relationsvald:write";
const STATS = "relationsvald:stats";
const PROTECTED = "relationsvald:protected";
const INQUIRY = "relationsvald:inquiry";

/** A valid personnummer (12 digits) for a birth date and serial. */
function pnr(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split("-");
  const nnn = String(serial).padStart(3, "0");
  return `${y}${m}${d}${nnn}${luhnCheckDigit(`${y.slice(2)}${m}${d}${nnn}`)}`;
}

/** Relationsvåld through the gateway over HTTP, with the demo data (2020–2022). */
describe(`relationsvald through the gateway on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await TestGateway.start({}, [coreModule, relationsvaldModule]);
  });
  afterAll(() => gw.stop());

  it("denies without a token, and gives a stats caller aggregates only", async () => {
    expect((await gw.gql(`{ placements { totalCount } }`)).codes).toEqual(["UNAUTHENTICATED"]);
    const forbidden = await gw.gql(`{ placements { totalCount } }`, { scopes: [STATS] });
    expect(forbidden.codes).toEqual(["FORBIDDEN"]);
    expect(forbidden.errors?.[0].message).toContain(READ);
    expect((await gw.gql(`{ placementClients { totalCount } }`, { scopes: [STATS] })).codes).toEqual(["FORBIDDEN"]);
  });

  it("reproduces the annual report's table of placements by type for 2021 and 2020", async () => {
    const data = await gw.ok(
      `{ placementStatisticsByYear(fromYear: 2020, toYear: 2021) { byType { type placements } } }`,
      { scopes: ["relationsvald:stats:exact"] }, // the board's report: exact, small counts included
    );
    const table = data.placementStatisticsByYear.map((y: { byType: { type: string; placements: number }[] }) =>
      Object.fromEntries(y.byType.map((r) => [r.type, r.placements])),
    );
    expect(table).toEqual([
      {
        PROTECTED_HOUSING: 25,
        INTERNAL_OUTPATIENT: 20,
        EXTERNAL_OUTPATIENT: 4,
        EMERGENCY_HOUSING: 3,
        SOCIAL_CONTRACT: 0,
        FAMILY_HOME: 1,
      },
      {
        PROTECTED_HOUSING: 42,
        INTERNAL_OUTPATIENT: 19,
        EXTERNAL_OUTPATIENT: 4,
        EMERGENCY_HOUSING: 7,
        SOCIAL_CONTRACT: 3,
        FAMILY_HOME: 0,
      },
    ]);
  });

  it("reports 2021 costs against the 9 802 tkr budget", async () => {
    const data = await gw.ok(
      `{ placementCostReport(from: "2021-01-01", to: "2021-12-31") { total budget difference } }`,
      { scopes: [STATS] },
    );
    expect(data.placementCostReport.budget).toBe("9802000.00");
    expect(Number(data.placementCostReport.total)).toBeGreaterThan(16_700_000);
    expect(Number(data.placementCostReport.difference)).toBeLessThan(-6_000_000);
  });

  it("hides protected clients from a reader without relationsvald:protected", async () => {
    const all = await gw.ok(`{ placementClients(first: 100) { totalCount } }`, { scopes: [READ, PROTECTED] });
    const visible = await gw.ok(`{ placementClients(first: 100) { totalCount nodes { id protectedIdentity } } }`, {
      scopes: [READ],
    });
    expect(visible.placementClients.totalCount).toBeLessThan(all.placementClients.totalCount);
    expect(visible.placementClients.nodes.every((n: { protectedIdentity: boolean }) => !n.protectedIdentity)).toBe(
      true,
    );
    const hidden = await gw.ok(`{ placementClients(first: 100) { nodes { id protectedIdentity } } }`, {
      scopes: [READ, PROTECTED],
    });
    const protectedId = hidden.placementClients.nodes.find(
      (n: { protectedIdentity: boolean }) => n.protectedIdentity,
    ).id;
    const r = await gw.gql(`query($id: ID!) { placementClient(id: $id) { id } }`, {
      scopes: [READ],
      variables: { id: protectedId },
    });
    expect(r.codes).toEqual(["NOT_FOUND"]);
  });

  it("answers the lawful inquiry yes/no and logs it, a no included", async () => {
    const client = await gw.ok(`mutation($input: CreateClientInput!) { createPlacementClient(input: $input) { id } }`, {
      scopes: [WRITE],
      variables: {
        input: { personnummer: pnr("1988-03-14", 971), name: "E2E Klient", violenceType: "CLOSE_RELATIONSHIP" },
      },
    });
    const providers = await gw.ok(`{ placementProviders { nodes { id name } } }`, { scopes: [STATS] });
    const vast = providers.placementProviders.nodes.find((p: { name: string }) =>
      p.name.startsWith("Skyddat boende Väst"),
    ).id;
    await gw.ok(`mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id } }`, {
      scopes: [WRITE],
      variables: {
        input: {
          type: "PROTECTED_HOUSING",
          clientId: client.createPlacementClient.id,
          providerId: vast,
          startDate: "2023-03-01",
          decisionReference: "E2E-1",
          decisionDate: "2023-03-01",
        },
      },
    });
    const ask = (p: string) =>
      gw.ok(`query($p: Personnummer!) { isPersonPlaced(personnummer: $p, on: "2023-03-02") }`, {
        scopes: [INQUIRY],
        subject: "e2e-domstol",
        variables: { p },
      });
    expect((await ask(pnr("1988-03-14", 971))).isPersonPlaced).toBe(true);
    expect((await ask(pnr("1977-07-07", 972))).isPersonPlaced).toBe(false);
    const log = await gw.ok(`{ accessLog(filter: { actor: "e2e-domstol" }) { nodes { action operation } } }`, {
      scopes: ["audit:read"],
    });
    expect(log.accessLog.nodes).toEqual([
      { action: "INQUIRY", operation: "Query.isPersonPlaced" },
      { action: "INQUIRY", operation: "Query.isPersonPlaced" },
    ]);
  });

  it("never exposes an address or a location", async () => {
    const types = await gw.ok(`{ __schema { types { name fields { name } } } }`, { scopes: [READ] });
    const fields = types.__schema.types
      .filter((t: { name: string }) => !t.name.startsWith("__"))
      .flatMap((t: { name: string; fields: { name: string }[] | null }) =>
        (t.fields ?? []).map((f) => `${t.name}.${f.name}`),
      );
    expect(fields.filter((f: string) => /address|location/i.test(f))).toEqual([]);
  });

  it("lets the gateway sum a provider's costs by organisationsnummer", async () => {
    const summary = await placementCostsByProvider(gw.gateway.ds, {
      organisationsnummer: "864501-5200",
      from: "2022-01-01",
      to: "2022-12-31",
    });
    expect(summary.registered).toBe(true);
    expect(summary.serviceFeeOre).toBe(70_000_000);
  });
});
