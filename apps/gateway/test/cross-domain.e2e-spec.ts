import { testDatabaseKind } from "@arbetsliv/core/testing";
import { TestGateway } from "./harness";

const KVINNOJOUREN = "864501-5200";

describe(`cross-domain links in the gateway on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await TestGateway.start();
  });
  afterAll(() => gw.stop());

  it("links the relationsvåld provider Kvinnojouren to its IOP partnerships", async () => {
    const data = await gw.ok(
      `{ placementProviders(first: 100) { nodes { name organisationsnummer iopPartnerships { title partner { organisationsnummer } } } } }`,
      {
        scopes: ["relationsvald:read", "iop:read"],
      },
    );
    const jouren = data.placementProviders.nodes.find(
      (p: { organisationsnummer: string | null }) => p.organisationsnummer === KVINNOJOUREN,
    );
    expect(jouren.iopPartnerships.length).toBeGreaterThanOrEqual(1);
    expect(
      jouren.iopPartnerships.every(
        (a: { partner: { organisationsnummer: string } }) => a.partner.organisationsnummer === KVINNOJOUREN,
      ),
    ).toBe(true);
    const others = data.placementProviders.nodes.filter(
      (p: { organisationsnummer: string | null }) => p.organisationsnummer !== KVINNOJOUREN,
    );
    expect(others.every((p: { iopPartnerships: unknown[] }) => p.iopPartnerships.length === 0)).toBe(true);
  });

  it("needs an IOP scope to follow the link", async () => {
    const r = await gw.gql(`{ placementProviders(first: 5) { nodes { name iopPartnerships { title } } } }`, {
      scopes: ["relationsvald:read"],
    });
    expect(r.codes).toContain("FORBIDDEN");
  });

  it("shows on the partnership the placement costs invoiced under it, equal to the placement register's figure", async () => {
    const period = `from: "2022-01-01", to: "2022-12-31"`;
    const iop = await gw.ok(
      `{ iopAgreements(first: 100) { nodes { title partner { organisationsnummer } placementCosts(${period}) { total serviceFee placementCost registeredProvider lines { month type amount } } } } }`,
      { scopes: ["iop:read", "relationsvald:stats:exact"] },
    );
    const withCosts = iop.iopAgreements.nodes.filter(
      (a: { partner: { organisationsnummer: string } }) => a.partner.organisationsnummer === KVINNOJOUREN,
    );
    expect(withCosts.length).toBeGreaterThanOrEqual(1);
    const costs = withCosts[0].placementCosts;
    expect(costs.registeredProvider).toBe(true);
    const report = await gw.ok(`{ placementCostReport(${period}) { byProvider { providerName total } } }`, {
      scopes: ["relationsvald:stats:exact"],
    });
    const jouren = await gw.ok(`{ placementProviders(first: 100) { nodes { name organisationsnummer } } }`, {
      scopes: ["relationsvald:read"],
    });
    const name = jouren.placementProviders.nodes.find(
      (p: { organisationsnummer: string | null }) => p.organisationsnummer === KVINNOJOUREN,
    ).name;
    const registerTotal = report.placementCostReport.byProvider.find(
      (p: { providerName: string }) => p.providerName === name,
    ).total;
    expect(costs.total).toBe(registerTotal);
    expect(Number(costs.total)).toBeGreaterThan(0);
    const partnersWithout = iop.iopAgreements.nodes.filter(
      (a: { partner: { organisationsnummer: string } }) => a.partner.organisationsnummer !== KVINNOJOUREN,
    );
    expect(
      partnersWithout.every(
        (a: { placementCosts: { total: string; registeredProvider: boolean } }) =>
          a.placementCosts.total === "0.00" && !a.placementCosts.registeredProvider,
      ),
    ).toBe(true);
  });

  it("needs a relationsvåld scope to see placement costs", async () => {
    const r = await gw.gql(`{ iopAgreements(first: 5) { nodes { title placementCosts { total } } } }`, {
      scopes: ["iop:read"],
    });
    expect(r.codes).toContain("FORBIDDEN");
  });
});
