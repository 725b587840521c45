import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { ProviderInvoice, relationsvaldModule } from "../src";
import { READ, STATS, STATS_EXACT, TRUSTED, WRITE, createClient, createPlacement } from "./helpers";

describe(`providers, fees, invoices and budget on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let providerId: string;

  const CREATE = `mutation($input: CreateProviderInput!) { createPlacementProvider(input: $input) { id name organisationsnummer } }`;
  const ADD_FEE = `mutation($input: AddDailyFeeInput!) { addProviderDailyFee(input: $input) { id validFrom validTo dailyFee } }`;
  const RECORD = `mutation($input: RecordInvoiceInput!) { recordProviderInvoice(input: $input) { id amount } }`;

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    const data = await app.ok(CREATE, {
      scopes: [WRITE],
      variables: {
        input: {
          name: "Kvinno- och tjejjouren Borås",
          kind: "NON_PROFIT",
          organisationsnummer: "864501-5200",
          location: "Box 979",
        },
      },
    });
    providerId = data.createPlacementProvider.id;
    expect(data.createPlacementProvider.organisationsnummer).toBe("864501-5200");
  });
  afterAll(() => app.close());

  it("validates the organisationsnummer", async () => {
    const r = await app.call(CREATE, {
      scopes: [WRITE],
      variables: { input: { name: "X", kind: "NON_PROFIT", organisationsnummer: "864501-5201" } },
    });
    expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0].message).toMatch(/organisationsnummer/);
  });

  it("keeps fees of one type from overlapping: a new fee closes the open one, other overlaps are refused", async () => {
    await app.ok(ADD_FEE, {
      scopes: [WRITE],
      variables: {
        input: { providerId, placementType: "PROTECTED_HOUSING", validFrom: "2021-01-01", dailyFee: "1850" },
      },
    });
    await app.ok(ADD_FEE, {
      scopes: [WRITE],
      variables: {
        input: {
          providerId,
          placementType: "PROTECTED_HOUSING",
          validFrom: "2022-01-15",
          dailyFee: "1750",
          iopDiscounted: true,
          standardDailyFee: "1950",
        },
      },
    });
    const fees = await app.ok(
      `query($id: ID!) { placementProvider(id: $id) { dailyFees { validFrom validTo dailyFee iopDiscounted standardDailyFee } } }`,
      {
        scopes: [STATS],
        variables: { id: providerId },
      },
    );
    expect(fees.placementProvider.dailyFees).toEqual([
      {
        validFrom: "2021-01-01",
        validTo: "2022-01-14",
        dailyFee: "1850.00",
        iopDiscounted: false,
        standardDailyFee: null,
      },
      { validFrom: "2022-01-15", validTo: null, dailyFee: "1750.00", iopDiscounted: true, standardDailyFee: "1950.00" },
    ]);
    const overlap = await app.call(ADD_FEE, {
      scopes: [WRITE],
      variables: {
        input: {
          providerId,
          placementType: "PROTECTED_HOUSING",
          validFrom: "2021-06-01",
          validTo: "2021-06-30",
          dailyFee: "1",
        },
      },
    });
    expect(overlap.errors?.[0].extensions?.field).toBe("input.validFrom");
    const standardOnly = await app.call(ADD_FEE, {
      scopes: [WRITE],
      variables: {
        input: {
          providerId,
          placementType: "FAMILY_HOME",
          validFrom: "2021-06-01",
          dailyFee: "1",
          standardDailyFee: "2",
        },
      },
    });
    expect(standardOnly.errors?.[0].extensions?.field).toBe("input.standardDailyFee");
  });

  it("allows one agreement covering acute nights at a time", async () => {
    const ADD = `mutation($input: AddServiceFeeAgreementInput!) { addServiceFeeAgreement(input: $input) { id acuteFreeNights } }`;
    const base = { providerId, validFrom: "2022-01-01", validTo: "2022-12-31" };
    await app.ok(ADD, {
      scopes: [WRITE],
      variables: { input: { ...base, reference: "§ 125", amount: "550000", acuteFreeNights: 2 } },
    });
    await app.ok(ADD, {
      scopes: [WRITE],
      variables: { input: { ...base, reference: "Komplettering", amount: "150000" } },
    });
    const clash = await app.call(ADD, {
      scopes: [WRITE],
      variables: { input: { ...base, reference: "dubbel", amount: "1", acuteFreeNights: 2 } },
    });
    expect(clash.errors?.[0].extensions?.field).toBe("input.validFrom");
  });

  it("splits a placement across months and at the fee change, applies the acute rule, and gives the basis at move-out", async () => {
    const client = await createClient(app);
    const p = await createPlacement(app, {
      clientId: client.id,
      providerId,
      startDate: "2022-01-10",
      endDate: "2022-02-03",
      acute: true,
    });
    const data = await app.ok(
      `query($id: ID!) { placementInvoiceBasis(placementId: $id) { from to total lines { month firstNight lastNight nights dailyFee coveredByServiceFee amount } } }`,
      { scopes: [READ], variables: { id: p.id } },
    );
    expect(data.placementInvoiceBasis).toEqual({
      from: "2022-01-10",
      to: "2022-02-02",
      total: String((3 * 1850 + 17 * 1750 + 2 * 1750).toFixed(2)),
      lines: [
        {
          month: "2022-01",
          firstNight: "2022-01-10",
          lastNight: "2022-01-11",
          nights: 2,
          dailyFee: "0.00",
          coveredByServiceFee: true,
          amount: "0.00",
        },
        {
          month: "2022-01",
          firstNight: "2022-01-12",
          lastNight: "2022-01-14",
          nights: 3,
          dailyFee: "1850.00",
          coveredByServiceFee: false,
          amount: "5550.00",
        },
        {
          month: "2022-01",
          firstNight: "2022-01-15",
          lastNight: "2022-01-31",
          nights: 17,
          dailyFee: "1750.00",
          coveredByServiceFee: false,
          amount: "29750.00",
        },
        {
          month: "2022-02",
          firstNight: "2022-02-01",
          lastNight: "2022-02-02",
          nights: 2,
          dailyFee: "1750.00",
          coveredByServiceFee: false,
          amount: "3500.00",
        },
      ],
    });
    const report = await app.ok(
      `query { placementCostReport(from: "2022-01-01", to: "2022-02-28") { placementCost byMonth { month placementCost } } }`,
      { scopes: [STATS_EXACT] },
    );
    expect(report.placementCostReport.placementCost).toBe(data.placementInvoiceBasis.total);
    expect(report.placementCostReport.byMonth).toEqual([
      { month: "2022-01", placementCost: "35300.00" },
      { month: "2022-02", placementCost: "3500.00" },
    ]);
  });

  it("records each provider invoice once, even when sent ten times at once", async () => {
    const input = { providerId, invoiceNumber: "KJ-77", month: "2022-01", amount: "35300", receivedOn: "2022-02-03" };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => app.call(RECORD, { scopes: [WRITE], variables: { input } })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map((r) => r.errorCodes[0])).toEqual(Array(9).fill("CONFLICT"));
    expect(await app.ds.getRepository(ProviderInvoice).countBy({ invoiceNumber: "KJ-77" })).toBe(1);
  });

  it("compares the invoices with the basis", async () => {
    await app.ok(RECORD, {
      scopes: [WRITE],
      variables: {
        input: { providerId, invoiceNumber: "KJ-78", month: "2022-01", amount: "1750", receivedOn: "2022-02-03" },
      },
    });
    await app.ok(RECORD, {
      scopes: [WRITE],
      variables: {
        input: {
          providerId,
          invoiceNumber: "KJ-S",
          month: "2022-01",
          amount: "700000",
          receivedOn: "2022-01-05",
          serviceFee: true,
        },
      },
    });
    const data = await app.ok(
      `query($id: ID!) { invoiceBasis(providerId: $id, month: "2022-01") { placementTotal serviceFeeTotal invoicedTotal difference invoices { invoiceNumber } } }`,
      {
        scopes: TRUSTED,
        variables: { id: providerId },
      },
    );
    const share = (ore: number) => Math.round((ore * 31) / 365);
    expect(data.invoiceBasis).toEqual({
      placementTotal: "35300.00",
      serviceFeeTotal: ((share(55_000_000) + share(15_000_000)) / 100).toFixed(2),
      invoicedTotal: "37050.00",
      difference: "1750.00",
      invoices: [{ invoiceNumber: "KJ-77" }, { invoiceNumber: "KJ-78" }, { invoiceNumber: "KJ-S" }],
    });
  });

  it("rejects a bad invoice naming the field", async () => {
    const bad = await app.call(RECORD, {
      scopes: [WRITE],
      variables: {
        input: { providerId, invoiceNumber: "X1", month: "2022-13", amount: "1", receivedOn: "2022-02-03" },
      },
    });
    expect(bad.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(bad.errors?.[0].message).toMatch(/month/);
    const wrongPlacement = await app.call(RECORD, {
      scopes: [WRITE],
      variables: {
        input: {
          providerId,
          invoiceNumber: "X2",
          month: "2022-01",
          amount: "1",
          receivedOn: "2022-02-03",
          placementId: "99999",
        },
      },
    });
    expect(wrongPlacement.errors?.[0].extensions?.field).toBe("input.placementId");
    const month = await app.call(`query($id: ID!) { invoiceBasis(providerId: $id, month: "2022-1") { total } }`, {
      scopes: TRUSTED,
      variables: { id: providerId },
    });
    expect(month.errorCodes).toEqual(["BAD_USER_INPUT"]);
  });

  it("keeps the budget as data: set once, changed only with the current version", async () => {
    const SET = `mutation($input: SetBudgetInput!) { setPlacementBudget(input: $input) { year amount version } }`;
    expect(
      (await app.call(SET, { scopes: [STATS], variables: { input: { year: 2021, amount: "9802000" } } })).errorCodes,
    ).toEqual(["FORBIDDEN"]);
    const created = await app.ok(SET, { scopes: [WRITE], variables: { input: { year: 2021, amount: "9802000" } } });
    expect(created.setPlacementBudget).toEqual({ year: 2021, amount: "9802000.00", version: 1 });
    expect(
      (await app.call(SET, { scopes: [WRITE], variables: { input: { year: 2021, amount: "1" } } })).errorCodes,
    ).toEqual(["CONFLICT"]);
    expect(
      (await app.call(SET, { scopes: [WRITE], variables: { input: { year: 2021, amount: "1", expectedVersion: 7 } } }))
        .errorCodes,
    ).toEqual(["CONFLICT"]);
    const changed = await app.ok(SET, {
      scopes: [WRITE],
      variables: { input: { year: 2021, amount: "9900000", expectedVersion: 1 } },
    });
    expect(changed.setPlacementBudget.version).toBe(2);
    const budgets = await app.ok(`query { placementBudgets { year amount } }`, { scopes: [STATS] });
    expect(budgets.placementBudgets).toEqual([{ year: 2021, amount: "9900000.00" }]);
  });

  it("needs a token for statistics", async () => {
    const r = await app.call(
      `query { placementStatistics(from: "2021-01-01", to: "2021-12-31") { total { placements } } }`,
      { anonymous: true },
    );
    expect(r.errorCodes).toEqual(["UNAUTHENTICATED"]);
  });
});
