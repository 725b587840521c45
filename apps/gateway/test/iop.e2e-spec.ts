import { coreModule } from "@arbetsliv/core";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { iopModule } from "@arbetsliv/iop";
import { TestGateway } from "./harness";

/** The IOP module through the gateway over HTTP, with its demo data (the 2021 partnerships). */
describe(`iop through the gateway on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await TestGateway.start({}, [coreModule, iopModule]);
  });
  afterAll(() => gw.stop());

  it("denies without a token and without the scope", async () => {
    expect((await gw.gql(`{ iopAgreements { totalCount } }`)).codes).toEqual(["UNAUTHENTICATED"]);
    const forbidden = await gw.gql(`{ iopAgreements { totalCount } }`, { scopes: ["iop:stats"] });
    expect(forbidden.codes).toEqual(["FORBIDDEN"]);
    expect(forbidden.errors?.[0].message).toContain("iop:read");
  });

  it("counts seven partnerships in force on 2021-06-30 from the records", async () => {
    const data = await gw.ok(`{ iopPartnershipCount(on: "2021-06-30") { inForce } }`, { scopes: ["iop:stats"] });
    expect(data.iopPartnershipCount.inForce).toBe(7);
  });

  it("gives Kvinnojouren's last notice day before the first renewal", async () => {
    const data = await gw.ok(
      `{ iopNoticeDeadlines(asOf: "2023-01-01") { nodes { noticeDeadline termEnd agreement { number partner { organisationsnummer } } } } }`,
      {
        scopes: ["iop:read"],
      },
    );
    expect(data.iopNoticeDeadlines.nodes).toEqual([
      {
        noticeDeadline: "2024-03-31",
        termEnd: "2024-12-31",
        agreement: { number: "IOP nr 2", partner: { organisationsnummer: "864501-5200" } },
      },
    ]);
  });

  it("computes the committee's IOP cost for 2022 (550 tkr fee + 150 tkr amendment)", async () => {
    const data = await gw.ok(`{ iopCostsPerFundingBudget(fromYear: 2022, toYear: 2022) { fundingBudgetCode total } }`, {
      scopes: ["iop:stats"],
    });
    expect(data.iopCostsPerFundingBudget).toEqual([
      { fundingBudgetCode: "ALN", total: "700000.00" },
      { fundingBudgetCode: "SHB", total: "0.00" },
    ]);
  });

  it("rejects an invalid organisationsnummer with BAD_USER_INPUT and writes nothing", async () => {
    const before = await gw.ok(`{ iopPartners { totalCount } }`, { scopes: ["iop:read"] });
    const r = await gw.gql(
      `mutation { createIopPartner(input: { name: "Ny förening", organisationsnummer: "864501-5209" }) { id } }`,
      { scopes: ["iop:write"] },
    );
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
    const after = await gw.ok(`{ iopPartners { totalCount } }`, { scopes: ["iop:read"] });
    expect(after.iopPartners.totalCount).toBe(before.iopPartners.totalCount);
  });

  it("logs the read of contact persons, visible with audit:read", async () => {
    const data = await gw.ok(
      `{ iopAgreements(filter: { organisationsnummer: "864501-5200", status: ACTIVE }) { nodes { contacts { id name } } } }`,
      {
        scopes: ["iop:read"],
        subject: "e2e-iop-reader",
      },
    );
    const ids = data.iopAgreements.nodes[0].contacts.map((c: { id: string }) => c.id);
    expect(ids).toHaveLength(4);
    const log = await gw.ok(
      `{ accessLog(filter: { actor: "e2e-iop-reader" }) { nodes { action operation recordIds } } }`,
      { scopes: ["audit:read"] },
    );
    expect(log.accessLog.nodes).toEqual([{ action: "READ", operation: "IopAgreement.contacts", recordIds: ids }]);
  });
});
