import { IdempotencyKey, OutboxEvent } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import {
  InvoiceBasisReady,
  Placement,
  ProviderInvoice,
  invoiceBasisReady,
  placementEnded,
  placementStarted,
  recordInvoiceBasesReady,
  relationsvaldModule,
} from "../src";
import {
  CREATE_PLACEMENT,
  TRUSTED,
  WRITE,
  addChild,
  createClient,
  createPlacement,
  createProvider,
  placementInput,
} from "./helpers";

const END = `mutation($id: ID!, $input: EndPlacementInput!) { endPlacement(id: $id, input: $input) { id version } }`;
const MOVE = `mutation($id: ID!, $input: MovePlacementInput!) { movePlacement(id: $id, input: $input) { id } }`;
const RECORD = `mutation($input: RecordInvoiceInput!) { recordProviderInvoice(input: $input) { id amount invoiceNumber month } }`;

/** Person data and free text the tests put in (see helpers); none of it may reach an event. */
const NAMES = ["Öppen Klient", "Skyddad Klient", "Förälder Öppen", "Barn Test", "Test Klient"];
const ADDRESSES = ["Hemliga gatan 1", "Skyddad adress 7", "Flyttgatan 3"];
const FREE_TEXT = ["RVE-T-1", "RVE-B-", "RVE-MOVE-9", "Skyddat boende Test AB", "Stiftelsen Tom"];

async function events(app: TestApp, type?: string) {
  const rows = await app.ds.manager.find(OutboxEvent, { where: type ? { type } : {}, order: { id: "ASC" } });
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

describe(`relationsvald events and idempotent creates on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let providerId: string;
  let emptyProviderId: string;
  let hiddenOnlyProviderId: string;
  const personnummer: string[] = [];
  let openPlacement: string;
  let hiddenPlacement: string;
  let mixedPlacement: string;

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    providerId = await createProvider(app);
    emptyProviderId = await createProvider(app, "Stiftelsen Tom");
    hiddenOnlyProviderId = await createProvider(app, "Skyddat boende Test AB");
  });
  afterAll(() => app.close());

  it("records placement.started with ids and facts when a placement is registered", async () => {
    const client = await createClient(app, { name: "Öppen Klient" });
    personnummer.push(client.personnummer);
    const p = await createPlacement(app, { clientId: client.id, providerId, startDate: "2024-01-10" });
    openPlacement = p.id;
    const rows = (await events(app, placementStarted.type)).filter((e) => e.subject === `Placement/${p.id}`);
    expect(rows.map((r) => [r.requiredScope, r.data])).toEqual([
      [
        "relationsvald:events",
        {
          placementId: p.id,
          providerId,
          placementType: "PROTECTED_HOUSING",
          startDate: "2024-01-10",
          endDate: null,
          acute: false,
          movedFromId: null,
        },
      ],
    ]);
  });

  it("records placement.ended on endPlacement, and nothing when the end is refused", async () => {
    const v = (
      await app.ok(`query($id: ID!) { placement(id: $id) { version } }`, {
        scopes: TRUSTED,
        variables: { id: openPlacement },
      })
    ).placement.version;
    const early = await app.call(END, {
      scopes: TRUSTED,
      variables: { id: openPlacement, input: { expectedVersion: v, endDate: "2024-01-01" } },
    });
    expect(early.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(await events(app, placementEnded.type)).toEqual([]);
    await app.ok(END, {
      scopes: TRUSTED,
      variables: { id: openPlacement, input: { expectedVersion: v, endDate: "2024-02-20" } },
    });
    const rows = await events(app, placementEnded.type);
    expect(rows.map((r) => [r.subject, r.requiredScope, r.data])).toEqual([
      [
        `Placement/${openPlacement}`,
        "relationsvald:events",
        {
          placementId: openPlacement,
          providerId,
          placementType: "PROTECTED_HOUSING",
          startDate: "2024-01-10",
          endDate: "2024-02-20",
          movedToId: null,
        },
      ],
    ]);
  });

  it("records nothing when a registration is refused (overlap)", async () => {
    const before = (await events(app)).length;
    const clientId = (
      await app.ok(`query($id: ID!) { placement(id: $id) { client { id } } }`, {
        scopes: TRUSTED,
        variables: { id: openPlacement },
      })
    ).placement.client.id;
    const r = await app.call(CREATE_PLACEMENT, {
      scopes: TRUSTED,
      variables: { input: placementInput({ clientId, providerId, startDate: "2024-01-15", endDate: "2024-01-20" }) },
    });
    expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(await events(app)).toHaveLength(before);
  });

  it("rolls the event back with the change: a registration failing after its event was written leaves neither", async () => {
    const client = await createClient(app, { name: "Test Klient" });
    personnummer.push(client.personnummer);
    const before = await events(app);
    const placements = await app.ds.manager.count(Placement);
    // The access log is written after the event, in the same transaction: without its table the change fails there.
    await app.ds.query("ALTER TABLE access_log RENAME TO access_log_away");
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    let failed;
    try {
      failed = await app.call(CREATE_PLACEMENT, {
        scopes: TRUSTED,
        variables: { input: placementInput({ clientId: client.id, providerId, startDate: "2024-05-01" }) },
      });
    } finally {
      await app.ds.query("ALTER TABLE access_log_away RENAME TO access_log");
      quiet.mockRestore();
    }
    expect(failed.errorCodes).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(await events(app)).toEqual(before);
    expect(await app.ds.manager.count(Placement)).toBe(placements);
  });

  it("records events about a protected client or a protected child with relationsvald:protected as the required scope", async () => {
    const hidden = await createClient(app, { protectedIdentity: true, name: "Skyddad Klient" });
    const parent = await createClient(app, { name: "Förälder Öppen" });
    const child = await addChild(app, parent.id, { protectedIdentity: true });
    personnummer.push(hidden.personnummer, parent.personnummer, child.personnummer);
    hiddenPlacement = (
      await createPlacement(app, {
        clientId: hidden.id,
        providerId: hiddenOnlyProviderId,
        startDate: "2024-03-01",
        endDate: "2024-03-20",
      })
    ).id;
    mixedPlacement = (
      await createPlacement(app, {
        clientId: parent.id,
        providerId,
        startDate: "2024-03-01",
        children: [{ childId: child.id }],
      })
    ).id;
    const v = (
      await app.ok(`query($id: ID!) { placement(id: $id) { version } }`, {
        scopes: TRUSTED,
        variables: { id: mixedPlacement },
      })
    ).placement.version;
    const moved = await app.ok(MOVE, {
      scopes: TRUSTED,
      variables: {
        id: mixedPlacement,
        input: {
          expectedVersion: v,
          moveDate: "2024-03-15",
          providerId: hiddenOnlyProviderId,
          decisionReference: "RVE-MOVE-9",
          decisionDate: "2024-03-14",
          address: "Flyttgatan 3",
        },
      },
    });
    const next = moved.movePlacement.id as string;

    const about = (id: string) => events(app).then((rows) => rows.filter((r) => r.subject === `Placement/${id}`));
    expect((await about(hiddenPlacement)).map((r) => [r.type, r.requiredScope])).toEqual([
      [placementStarted.type, "relationsvald:protected"],
      [placementEnded.type, "relationsvald:protected"],
    ]);
    expect((await about(mixedPlacement)).map((r) => [r.type, r.requiredScope, r.data.movedToId ?? null])).toEqual([
      [placementStarted.type, "relationsvald:protected", null],
      [placementEnded.type, "relationsvald:protected", next],
    ]);
    expect((await about(next)).map((r) => [r.type, r.requiredScope, r.data])).toEqual([
      [
        placementStarted.type,
        "relationsvald:protected",
        {
          placementId: next,
          providerId: hiddenOnlyProviderId,
          placementType: "PROTECTED_HOUSING",
          startDate: "2024-03-15",
          endDate: null,
          acute: false,
          movedFromId: mixedPlacement,
        },
      ],
    ]);
  });

  it("records invoice-basis.ready once per provider for the month just ended, the same for every provider", async () => {
    const now = new Date("2024-04-02T03:00:00Z");
    const [a, b] = await Promise.all([recordInvoiceBasesReady(app.ds, now), recordInvoiceBasesReady(app.ds, now)]);
    expect(a + b).toBe(3);
    expect(await recordInvoiceBasesReady(app.ds, now)).toBe(0);
    expect(await app.ds.manager.count(InvoiceBasisReady)).toBe(3);
    const rows = await events(app, invoiceBasisReady.type);
    const byProvider = new Map(rows.map((r) => [r.data.providerId, r]));
    expect(rows).toHaveLength(3);
    for (const id of [providerId, emptyProviderId, hiddenOnlyProviderId]) {
      const row = byProvider.get(id)!;
      expect([row.subject, row.requiredScope, row.data]).toEqual([
        `InvoiceBasis/${id}:2024-03`,
        "relationsvald:events",
        { providerId: id, monthStart: "2024-03-01", monthEnd: "2024-03-31" },
      ]);
    }
  });

  describe("idempotent creates", () => {
    it("12 concurrent identical createPlacement calls with one key make one placement, 12 identical answers and one event", async () => {
      const client = await createClient(app, { name: "Test Klient" });
      personnummer.push(client.personnummer);
      const input = {
        ...placementInput({ clientId: client.id, providerId, startDate: "2024-06-01" }),
        idempotencyKey: "case-system:placement-77",
      };
      const placementsBefore = await app.ds.manager.count(Placement);
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => app.call(CREATE_PLACEMENT, { scopes: TRUSTED, variables: { input } })),
      );
      expect(answers.flatMap((r) => r.errors ?? [])).toEqual([]);
      const first = answers[0].data!.createPlacement;
      for (const r of answers) expect(r.data!.createPlacement).toEqual(first);
      expect(await app.ds.manager.count(Placement)).toBe(placementsBefore + 1);
      expect((await events(app, placementStarted.type)).filter((e) => e.data.placementId === first.id)).toHaveLength(1);

      const retry = await app.ok(CREATE_PLACEMENT, { scopes: TRUSTED, variables: { input } });
      expect(retry.createPlacement).toEqual(first);
      const other = await app.call(CREATE_PLACEMENT, {
        scopes: TRUSTED,
        variables: { input: { ...input, startDate: "2024-06-02", decisionDate: "2024-06-02" } },
      });
      expect(other.errorCodes).toEqual(["CONFLICT"]);
      expect(other.errors?.[0].extensions?.field).toBe("input.idempotencyKey");
      expect(await app.ds.manager.count(Placement)).toBe(placementsBefore + 1);
      expect(
        await app.ds.manager.count(IdempotencyKey, { where: { idempotencyKey: "case-system:placement-77" } }),
      ).toBe(1);
    });

    it("recordProviderInvoice: a keyed retry returns the first invoice, another input is CONFLICT on the key, no key keeps the invoice-number CONFLICT", async () => {
      const input = {
        providerId,
        invoiceNumber: "F-2024-03-1",
        month: "2024-03",
        amount: "12000",
        receivedOn: "2024-04-05",
        idempotencyKey: "ekonomi-F-2024-03-1",
      };
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => app.call(RECORD, { scopes: [WRITE], variables: { input } })),
      );
      expect(answers.flatMap((r) => r.errors ?? [])).toEqual([]);
      const first = answers[0].data!.recordProviderInvoice;
      for (const r of answers) expect(r.data!.recordProviderInvoice).toEqual(first);
      expect(await app.ds.manager.count(ProviderInvoice, { where: { invoiceNumber: "F-2024-03-1" } })).toBe(1);
      const other = await app.call(RECORD, { scopes: [WRITE], variables: { input: { ...input, amount: "13000" } } });
      expect(other.errorCodes).toEqual(["CONFLICT"]);
      expect(other.errors?.[0].extensions?.field).toBe("input.idempotencyKey");
      const { idempotencyKey: _key, ...unkeyed } = input;
      const repeat = await app.call(RECORD, { scopes: [WRITE], variables: { input: unkeyed } });
      expect(repeat.errorCodes).toEqual(["CONFLICT"]);
      expect(repeat.errors?.[0].extensions?.field).toBe("input.invoiceNumber");
      expect(await app.ds.manager.count(ProviderInvoice, { where: { invoiceNumber: "F-2024-03-1" } })).toBe(1);
    });

    it("without a key two identical invoices with different numbers make two records", async () => {
      const base = { providerId, month: "2024-03", amount: "100", receivedOn: "2024-04-05" };
      await app.ok(RECORD, { scopes: [WRITE], variables: { input: { ...base, invoiceNumber: "F-X-1" } } });
      await app.ok(RECORD, { scopes: [WRITE], variables: { input: { ...base, invoiceNumber: "F-X-2" } } });
      expect(await app.ds.manager.count(ProviderInvoice, { where: { month: "2024-03", amount: 10000 } })).toBe(2);
    });

    it("without a key an identical repeat is a second attempt: the overlap rule refuses it, nothing is created twice", async () => {
      const client = await createClient(app, { name: "Test Klient" });
      personnummer.push(client.personnummer);
      const input = placementInput({ clientId: client.id, providerId, startDate: "2024-07-01" });
      const placementsBefore = await app.ds.manager.count(Placement);
      await app.ok(CREATE_PLACEMENT, { scopes: TRUSTED, variables: { input } });
      const again = await app.call(CREATE_PLACEMENT, { scopes: TRUSTED, variables: { input } });
      expect(again.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(await app.ds.manager.count(Placement)).toBe(placementsBefore + 1);
    });
  });

  it("protected-data sweep: every event type occurred; no person, address or free text; protected placements only with the protected scope", async () => {
    const rows = await events(app);
    const occurred = new Set(rows.map((r) => r.type));
    for (const type of relationsvaldModule.events ?? [])
      expect([type.type, occurred.has(type.type)]).toEqual([type.type, true]);

    const forbidden = [
      ...personnummer,
      ...personnummer.map((p) => p.replace(/\D/g, "")),
      ...NAMES,
      ...ADDRESSES,
      ...FREE_TEXT,
    ];
    for (const row of rows) {
      const text = `${row.subject} ${JSON.stringify(row.data)}`;
      for (const value of forbidden) expect([row.id, value, text.includes(value)]).toEqual([row.id, value, false]);
      expect([row.id, /\d{6,8}[-+]?\d{4}/.test(text)]).toEqual([row.id, false]);
    }

    // Every event about a placement of a protected person needs the protected scope, whatever its type.
    const protectedIds = new Set([hiddenPlacement, mixedPlacement]);
    const next = rows.find((r) => r.data.movedFromId === mixedPlacement)!.data.placementId as string;
    protectedIds.add(next);
    for (const row of rows.filter((r) => r.type !== invoiceBasisReady.type)) {
      const about = String(row.data.placementId);
      expect([about, row.requiredScope]).toEqual([
        about,
        protectedIds.has(about) ? "relationsvald:protected" : "relationsvald:events",
      ]);
    }
    // What a receiver without the protected scope sees names no protected placement, even by reference.
    for (const row of rows.filter((r) => r.requiredScope !== "relationsvald:protected")) {
      for (const id of protectedIds) {
        const refs = [row.data.placementId, row.data.movedFromId, row.data.movedToId];
        expect([row.id, refs.includes(id), row.subject === `Placement/${id}`]).toEqual([row.id, false, false]);
      }
    }
    // The invoice basis event is identical in shape for a provider whose only placements are protected
    // and for one with none at all: it tells nothing about protected placements.
    const basis = rows.filter((r) => r.type === invoiceBasisReady.type);
    const shape = (id: string) => {
      const row = basis.find((r) => r.data.providerId === id)!;
      return { ...row.data, providerId: "x", requiredScope: row.requiredScope };
    };
    expect(shape(hiddenOnlyProviderId)).toEqual(shape(emptyProviderId));
  });
});
