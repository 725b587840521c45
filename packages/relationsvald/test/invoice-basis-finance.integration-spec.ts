import { AccessLogEntry, OutboxEvent, subjectKey } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { relationsvaldModule } from "../src";
import { placementNotProtectedSql } from "../src/shared";
import {
  PROTECTED,
  READ,
  STATS,
  TRUSTED,
  WRITE,
  addChild,
  createClient,
  createPlacement,
  createProvider,
  long,
} from "./helpers";

const INVOICE = "relationsvald:invoice";

const BASIS = `query($id: ID!, $month: String!) { invoiceBasis(providerId: $id, month: $month) {
  providerId providerName month protectedItemised
  lines { placementId placementType month firstNight lastNight nights persons dailyFee coveredByServiceFee amount }
  protectedPlacements { nights amount invoiced }
  nights personNights nightsWithoutFee placementTotal
  serviceFees { agreementId reference amount } serviceFeeTotal total
  invoices { invoiceNumber month placementId amount receivedOn serviceFee }
  invoicedTotal difference } }`;

interface Line {
  placementId: string;
  firstNight: string;
  lastNight: string;
  nights: number;
  persons: number;
  amount: string;
}

/** Money as öre, so sums are compared exactly. */
const ore = (money: string) => Math.round(Number(money) * 100);

/**
 * Finance (relationsvald:invoice) gets the monthly invoice basis with the same totals as a caller
 * holding relationsvald:protected, while the one protected placement of the month appears only
 * in an aggregated sum: no id, person, date or invoice of it in the answer, the errors, the
 * events or the logs.
 */
describe(`the invoice basis for finance, without the protected scope, on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let providerId: string;
  let hidden: { id: string; personnummer: string };
  let hiddenChild: { id: string; personnummer: string };
  let hiddenPlacement: string;
  const openPlacements: string[] = [];
  const HIDDEN_NAME = "Gömd Klientsson";
  const HIDDEN_INVOICE = "SKYDD-UTFL-77";
  const HIDDEN_RECEIVED = "2021-06-03";
  const HIDDEN_DATES = ["2021-05-09", "2021-05-20", "2021-05-21"]; // first night, last night, move-out

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    providerId = await createProvider(app, "Fakturautförare AB", "1850");
    const a = await createClient(app, { name: "Öppen Ett" });
    const b = await createClient(app, { name: "Öppen Två" });
    openPlacements.push(
      (await createPlacement(app, { clientId: a.id, providerId, startDate: "2021-04-15", endDate: "2021-05-25" })).id,
      (await createPlacement(app, { clientId: b.id, providerId, startDate: "2021-05-01" })).id,
    );
    // Exactly one protected placement in the month (the small-count case): a client and a child.
    hidden = await createClient(app, { protectedIdentity: true, name: HIDDEN_NAME });
    hiddenChild = await addChild(app, hidden.id, { protectedIdentity: true });
    hiddenPlacement = (
      await createPlacement(app, {
        clientId: hidden.id,
        providerId,
        startDate: HIDDEN_DATES[0],
        endDate: HIDDEN_DATES[2],
        children: [{ childId: hiddenChild.id }],
      })
    ).id;
    const invoice = (input: Record<string, unknown>) =>
      app.ok(`mutation($input: RecordInvoiceInput!) { recordProviderInvoice(input: $input) { id } }`, {
        scopes: TRUSTED,
        variables: { input: { providerId, month: "2021-05", ...input } },
      });
    await invoice({ invoiceNumber: "FU-2021-05", amount: "100000", receivedOn: "2021-06-02" });
    await invoice({
      invoiceNumber: HIDDEN_INVOICE,
      amount: "88800",
      receivedOn: HIDDEN_RECEIVED,
      placementId: hiddenPlacement,
    });
  });
  afterAll(() => app.close());

  const basis = (scopes: string[], month = "2021-05", subject = "finance-test") =>
    app.call(BASIS, { scopes, subject, variables: { id: providerId, month } });

  it("gives finance the same totals to the öre as a caller with relationsvald:protected", async () => {
    const full = (await basis([READ, PROTECTED])).data!.invoiceBasis;
    const finance = (await basis([INVOICE])).data!.invoiceBasis;
    const totals = (b: typeof full) => ({
      placementTotal: b.placementTotal,
      serviceFeeTotal: b.serviceFeeTotal,
      total: b.total,
      nights: b.nights,
      personNights: b.personNights,
      nightsWithoutFee: b.nightsWithoutFee,
      invoicedTotal: b.invoicedTotal,
      difference: b.difference,
      protectedPlacements: b.protectedPlacements,
    });
    expect(totals(finance)).toEqual(totals(full));
    // The protected view itemises the protected placement; its sum is exactly its lines.
    expect(full.protectedItemised).toBe(true);
    const hiddenLines: Line[] = full.lines.filter((l: Line) => l.placementId === hiddenPlacement);
    expect(hiddenLines.length).toBeGreaterThan(0);
    expect(hiddenLines.every((l) => l.persons === 2)).toBe(true);
    const hiddenAmount = hiddenLines.reduce((s, l) => s + ore(l.amount), 0);
    expect(hiddenAmount).toBe(12 * 2 * 185000);
    expect(ore(full.protectedPlacements.amount)).toBe(hiddenAmount);
    expect(full.protectedPlacements.nights).toBe(12);
    expect(ore(full.protectedPlacements.invoiced)).toBe(8880000);
    // Finance: the other placements itemised exactly as the protected view shows them, the protected one summed.
    expect(finance.protectedItemised).toBe(false);
    expect(finance.lines).toEqual(full.lines.filter((l: Line) => l.placementId !== hiddenPlacement));
    expect(finance.lines.map((l: Line) => l.placementId).sort()).toEqual([...openPlacements].sort());
    const itemised = finance.lines.reduce((s: number, l: Line) => s + ore(l.amount), 0);
    expect(itemised + ore(finance.protectedPlacements.amount)).toBe(ore(finance.placementTotal));
    expect(ore(finance.placementTotal)).toBeGreaterThan(itemised);
    expect(finance.invoices.map((i: { invoiceNumber: string }) => i.invoiceNumber)).toEqual(["FU-2021-05"]);
    expect(ore(finance.invoicedTotal)).toBe(ore("100000") + ore("88800"));
  });

  it("puts nothing that identifies the protected placement in finance's answer", async () => {
    const r = await basis([INVOICE]);
    expect(r.errors).toBeUndefined();
    const json = JSON.stringify(r.data);
    const full = JSON.stringify((await basis(TRUSTED)).data);
    // What finance must not get is in the protected view's answer, so the assertions below can fail.
    const itemisedForProtected = [
      `"${hiddenPlacement}"`,
      HIDDEN_INVOICE,
      HIDDEN_RECEIVED,
      HIDDEN_DATES[0],
      HIDDEN_DATES[1],
    ];
    for (const secret of itemisedForProtected) {
      expect({ secret, inProtectedView: full.includes(secret) }).toEqual({ secret, inProtectedView: true });
    }
    const people = [
      hidden.personnummer,
      long(hidden.personnummer),
      hiddenChild.personnummer,
      long(hiddenChild.personnummer, "20"),
      HIDDEN_NAME,
      "Barn Test",
    ];
    for (const secret of [...itemisedForProtected, ...people, HIDDEN_DATES[2]]) {
      expect({ secret, inFinance: json.includes(secret) }).toEqual({ secret, inFinance: false });
    }
  });

  it("hides a protected placement's invoice recorded for a month in which it had no night", async () => {
    await app.ok(`mutation($input: RecordInvoiceInput!) { recordProviderInvoice(input: $input) { id } }`, {
      scopes: TRUSTED,
      variables: {
        input: {
          providerId,
          month: "2021-06",
          invoiceNumber: "SKYDD-SEN-78",
          amount: "1200",
          receivedOn: "2021-07-05",
          placementId: hiddenPlacement,
        },
      },
    });
    const full = (await basis([READ, PROTECTED], "2021-06")).data!.invoiceBasis;
    const finance = (await basis([INVOICE], "2021-06")).data!.invoiceBasis;
    expect(full.lines.map((l: Line) => l.placementId)).not.toContain(hiddenPlacement);
    expect(full.invoices.map((i: { placementId: string | null }) => i.placementId)).toContain(hiddenPlacement);
    expect(finance.invoices.map((i: { invoiceNumber: string }) => i.invoiceNumber)).toEqual([]);
    expect(finance.protectedPlacements).toEqual({ nights: 0, amount: "0.00", invoiced: "1200.00" });
    expect(finance.protectedPlacements).toEqual(full.protectedPlacements);
    expect(finance.invoicedTotal).toBe(full.invoicedTotal);
    const json = JSON.stringify(finance);
    for (const secret of [`"${hiddenPlacement}"`, "SKYDD-SEN-78", "2021-07-05"]) expect(json).not.toContain(secret);
  });

  it("refuses a caller with neither relationsvald:invoice nor relationsvald:protected, naming the scopes", async () => {
    const readOnly = await basis([READ, WRITE]);
    expect(readOnly.errorCodes).toEqual(["FORBIDDEN"]);
    expect(readOnly.errors?.[0].message).toContain("relationsvald:protected");
    expect(readOnly.errors?.[0].message).toContain(INVOICE);
    expect(readOnly.data?.invoiceBasis ?? null).toBeNull();
    const stats = await basis([STATS]);
    expect(stats.errorCodes).toEqual(["FORBIDDEN"]);
    expect(stats.errors?.[0].message).toContain(READ);
    expect(stats.errors?.[0].message).toContain(INVOICE);
  });

  it("answers bad input to finance with the field and rule, naming nothing of the protected placement", async () => {
    const bad = await basis([INVOICE], "2021-5");
    expect(bad.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(bad.errors?.[0].extensions).toMatchObject({ field: "month", rule: "format" });
    const missing = await app.call(BASIS, { scopes: [INVOICE], variables: { id: "999999", month: "2021-05" } });
    expect(missing.errorCodes).toEqual(["NOT_FOUND"]);
    for (const r of [bad, missing]) expect(JSON.stringify(r.errors)).not.toContain(`"${hiddenPlacement}"`);
  });

  it("records no event, and logs finance's read without naming the protected placement or person", async () => {
    const eventsBefore = await app.ds.manager.count(OutboxEvent);
    const output: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void output.push(args.map(String).join(" "))),
    );
    try {
      expect((await basis([INVOICE], "2021-05", "finance-log")).errors).toBeUndefined();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(await app.ds.manager.count(OutboxEvent)).toBe(eventsBefore);
    for (const line of output) {
      for (const secret of [hidden.personnummer, HIDDEN_NAME, HIDDEN_INVOICE, ...HIDDEN_DATES])
        expect(line).not.toContain(secret);
    }
    const logged = await app.ds
      .getRepository(AccessLogEntry)
      .find({ where: { actor: "finance-log" }, order: { id: "ASC" } });
    expect(logged.map((e) => [e.action, e.operation, e.recordType, [...e.recordIds].sort()])).toEqual([
      ["READ", "Query.invoiceBasis", "Placement", [...openPlacements].sort()],
      ["READ", "Query.invoiceBasis", "InvoiceBasis", [`${providerId}:2021-05`]],
    ]);
    const hiddenKeys = [hidden.personnummer, hiddenChild.personnummer].map((p) => subjectKey(long(p).replace("-", "")));
    for (const entry of logged)
      for (const key of hiddenKeys) expect(JSON.stringify(entry.subjectKeys ?? [])).not.toContain(key);
    // The protected view still logs every placement it itemises, the protected one by id (unchanged).
    await basis([READ, PROTECTED], "2021-05", "protected-log");
    const full = await app.ds.getRepository(AccessLogEntry).find({ where: { actor: "protected-log" } });
    expect(full.map((e) => e.recordType)).toEqual(["Placement"]);
    expect(full[0].recordIds).toEqual(expect.arrayContaining([hiddenPlacement, ...openPlacements]));
    expect(full[0].subjectKeys).toContain(hiddenKeys[0]);
  });

  it("writes the same log row for a month with no placements at all, so the row reveals nothing", async () => {
    const r = await basis([INVOICE], "2019-01", "finance-empty");
    expect(r.data!.invoiceBasis).toMatchObject({
      lines: [],
      placementTotal: "0.00",
      protectedPlacements: { nights: 0 },
    });
    const logged = await app.ds.getRepository(AccessLogEntry).find({ where: { actor: "finance-empty" } });
    expect(logged.map((e) => [e.recordType, e.recordIds])).toEqual([["InvoiceBasis", [`${providerId}:2019-01`]]]);
  });
});

describe(`the invoice basis for finance on the demo data, every provider and month, on ${testDatabaseKind()}`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    await relationsvaldModule.seedDemo!(app.ds);
  });
  afterAll(() => app.close());

  it("gives finance the protected view's totals, and never a protected placement's id", async () => {
    const q = (sql: string) => app.ds.query(sql) as Promise<{ id: number | string }[]>;
    const providers = (await q(`SELECT id FROM rv_provider ORDER BY id`)).map((r) => String(r.id));
    const hiddenIds = new Set(
      (await q(`SELECT p.id FROM rv_placement p WHERE NOT (${placementNotProtectedSql("p")})`)).map((r) =>
        String(r.id),
      ),
    );
    expect(hiddenIds.size).toBeGreaterThan(5);
    // July 2021 – March 2022: both sides of the IOP start (service fees, the acute rule), up to the demo's last month.
    const months = [...Array(9)].map((_, i) => {
      const m = i + 6; // months since January 2021
      return `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    });
    const figures = { bases: 0, withProtected: 0, exactlyOneProtected: 0 };
    const totals = (b: Record<string, unknown>) => {
      const { lines, invoices, protectedItemised, ...rest } = b; // eslint-disable-line @typescript-eslint/no-unused-vars
      return rest;
    };
    for (const id of providers) {
      for (const month of months) {
        const full = (await app.ok(BASIS, { scopes: [READ, PROTECTED], variables: { id, month } })).invoiceBasis;
        const finance = (await app.ok(BASIS, { scopes: [INVOICE], variables: { id, month } })).invoiceBasis;
        figures.bases++;
        expect({ id, month, ...totals(finance) }).toEqual({ id, month, ...totals(full) });
        const shown = [
          ...finance.lines.map((l: Line) => l.placementId),
          ...finance.invoices.map((i: { placementId: string | null }) => i.placementId),
        ];
        expect({ id, month, protectedShown: shown.filter((p) => p !== null && hiddenIds.has(p)) }).toEqual({
          id,
          month,
          protectedShown: [],
        });
        const hiddenInMonth = new Set(
          full.lines.map((l: Line) => l.placementId).filter((p: string) => hiddenIds.has(p)),
        );
        if (hiddenInMonth.size > 0) figures.withProtected++;
        if (hiddenInMonth.size === 1) figures.exactlyOneProtected++;
      }
    }
    // The sweep covers bases with protected placements, and the small-count case of exactly one.
    expect(figures.withProtected).toBeGreaterThan(5);
    expect(figures.exactlyOneProtected).toBeGreaterThan(0);
    console.warn(`[figures] finance invoice basis: ${JSON.stringify(figures)}`);
  });
});
