import type { DataSource } from "typeorm";
import { addDays, type LocalDate } from "@arbetsliv/core/values";
import { inTransaction, insertChunked } from "@arbetsliv/core/data";
import { SeededRandom, makePersonnummer } from "@arbetsliv/core/testing";
import { AccompanyingChild } from "../clients/child.entity";
import { PlacementClient } from "../clients/client.entity";
import { costLines } from "../costs/placement-days.rules";
import { PlacementType as T, ProviderKind, ViolenceType } from "../enums";
import { monthPeriod } from "../invoices/invoice.service";
import { ProviderInvoice } from "../invoices/provider-invoice.entity";
import { PlacementChildDecision } from "../placements/placement-child.entity";
import { Placement } from "../placements/placement.entity";
import { ProviderDailyFee } from "../providers/provider-fee.entity";
import { PlacementProvider } from "../providers/provider.entity";
import { ServiceFeeAgreement } from "../providers/service-fee-agreement.entity";
import { PlacementBudget } from "../statistics/budget.entity";
import { ACUTE_FOLLOW_UP_NIGHTS } from "../costs/acute.rules";

const kr = (n: number) => n * 100;

/** Facts the demo is built from (annual report 2021, § 125, IOP nr 2, Komplettering). */
export const DEMO = {
  kvinnojouren: { name: "Kvinno- och tjejjouren Borås", organisationsnummer: "8645015200" },
  budget2021Ore: kr(9_802_000),
  serviceFee2022Ore: kr(550_000),
  amendment2022Ore: kr(150_000),
} as const;

// Providers (explicit ids: the database is empty when the demo is loaded).
const P = { UNIT: 1, KVINNOJOUREN: 2, VAST: 3, TRYGG_HAMN: 4, JOUR: 5, TERAPI: 6, BOENDE: 7, FAMILJEHEM: 8 } as const;

const providers: Partial<PlacementProvider>[] = [
  { id: P.UNIT, name: "Relationsvåldsenheten", kind: ProviderKind.OWN_UNIT, organisationsnummer: null, location: null },
  {
    id: P.KVINNOJOUREN,
    name: DEMO.kvinnojouren.name,
    kind: ProviderKind.NON_PROFIT,
    organisationsnummer: DEMO.kvinnojouren.organisationsnummer,
    location: "Box 979, 501 10 Borås (skyddat boende: adress hemlig)",
  },
  {
    id: P.VAST,
    name: "Skyddat boende Väst AB",
    kind: ProviderKind.PROTECTED_HOUSING,
    organisationsnummer: "5567012348",
    location: "demo: hemlig adress",
  },
  {
    id: P.TRYGG_HAMN,
    name: "Stiftelsen Trygg Hamn (hedersrelaterat våld)",
    kind: ProviderKind.PROTECTED_HOUSING,
    organisationsnummer: "8024801238",
    location: "demo: hemlig adress",
  },
  {
    id: P.JOUR,
    name: "Jourboende, Borås Stad",
    kind: ProviderKind.MUNICIPAL,
    organisationsnummer: null,
    location: "demo: hemlig adress",
  },
  {
    id: P.TERAPI,
    name: "Terapicentrum Väst AB",
    kind: ProviderKind.TREATMENT,
    organisationsnummer: null,
    location: null,
  },
  {
    id: P.BOENDE,
    name: "Boendeenheten, Borås Stad (sociala kontrakt)",
    kind: ProviderKind.MUNICIPAL,
    organisationsnummer: null,
    location: null,
  },
  {
    id: P.FAMILJEHEM,
    name: "Familjehem F-1",
    kind: ProviderKind.FAMILY_HOME,
    organisationsnummer: null,
    location: "demo: hemlig adress",
  },
];

type Fee = Omit<ProviderDailyFee, "id">;
const fee = (
  providerId: number,
  placementType: T,
  validFrom: LocalDate,
  validTo: LocalDate | null,
  kronor: number,
  standard?: number,
): Fee => ({
  providerId,
  placementType,
  validFrom,
  validTo,
  dailyFee: kr(kronor),
  iopDiscounted: standard !== undefined,
  standardDailyFee: standard !== undefined ? kr(standard) : null,
});

/** Daily fees per person; they change mid-placement (1 July 2021 at Väst, 1 April 2021 at Trygg Hamn, the IOP discount from 2022). */
const fees: Fee[] = [
  fee(P.UNIT, T.INTERNAL_OUTPATIENT, "2019-01-01", null, 0),
  fee(P.KVINNOJOUREN, T.PROTECTED_HOUSING, "2019-01-01", "2021-12-31", 1850),
  fee(P.KVINNOJOUREN, T.PROTECTED_HOUSING, "2022-01-01", null, 1750, 1950),
  fee(P.VAST, T.PROTECTED_HOUSING, "2019-01-01", "2021-06-30", 2450),
  fee(P.VAST, T.PROTECTED_HOUSING, "2021-07-01", null, 2650),
  fee(P.TRYGG_HAMN, T.PROTECTED_HOUSING, "2019-01-01", "2021-03-31", 2950),
  fee(P.TRYGG_HAMN, T.PROTECTED_HOUSING, "2021-04-01", null, 3150),
  fee(P.JOUR, T.EMERGENCY_HOUSING, "2019-01-01", "2020-12-31", 950),
  fee(P.JOUR, T.EMERGENCY_HOUSING, "2021-01-01", null, 1000),
  fee(P.TERAPI, T.EXTERNAL_OUTPATIENT, "2019-01-01", null, 420),
  fee(P.BOENDE, T.SOCIAL_CONTRACT, "2019-01-01", null, 180),
  fee(P.FAMILJEHEM, T.FAMILY_HOME, "2019-01-01", null, 1100),
];

const agreements: Omit<ServiceFeeAgreement, "id">[] = [
  {
    providerId: P.KVINNOJOUREN,
    reference: "IOP nr 2, ALN 2021-00102 § 125 (serviceavgift 550 tkr/år)",
    validFrom: "2022-01-01",
    validTo: "2022-12-31",
    amount: DEMO.serviceFee2022Ore,
    acuteFreeNights: 2,
  },
  {
    providerId: P.KVINNOJOUREN,
    reference: "Komplettering till IOP: servicetjänst 2022 (150 tkr)",
    validFrom: "2022-01-01",
    validTo: "2022-12-31",
    amount: DEMO.amendment2022Ore,
    acuteFreeNights: 0,
  },
];

interface Person {
  id: number;
  personnummer: string;
  birthDate: LocalDate;
}

const FIRST = [
  "Amina",
  "Sara",
  "Leila",
  "Maria",
  "Fatima",
  "Elin",
  "Nour",
  "Hanna",
  "Zeynep",
  "Johanna",
  "Rana",
  "Emma",
  "Dilan",
  "Sofia",
  "Yasmin",
  "Ida",
];
const LAST = [
  "Andersson",
  "Hassan",
  "Karlsson",
  "Ali",
  "Nilsson",
  "Yilmaz",
  "Johansson",
  "Mohammed",
  "Larsson",
  "Ahmadi",
  "Svensson",
  "Berg",
];
const CHILD = ["Adam", "Lina", "Omar", "Ella", "Noah", "Maja", "Yusuf", "Alva", "Ali", "Saga", "Elias", "Wilma"];

/** Builds the demo records in memory (deterministic), then inserts them in one transaction. */
class DemoBuilder {
  private readonly rnd = new SeededRandom(20211231);
  readonly clients: Partial<PlacementClient>[] = [];
  readonly children: Partial<AccompanyingChild>[] = [];
  readonly placements: Partial<Placement>[] = [];
  readonly childDecisions: Partial<PlacementChildDecision>[] = [];
  private serial = 200;
  private decisionNo = 1;

  private date(from: LocalDate, to: LocalDate): LocalDate {
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
    return addDays(from, this.rnd.int(0, span));
  }

  private nextPnr(birthDate: LocalDate): string {
    this.serial = this.serial >= 989 ? 200 : this.serial + 1;
    return makePersonnummer(birthDate, this.serial);
  }

  client(violenceType: ViolenceType, protectedIdentity = false, young = false): Person {
    const id = this.clients.length + 1;
    const birthDate = young ? this.date("1998-01-01", "2001-12-31") : this.date("1962-01-01", "2001-12-31");
    const pnr = this.nextPnr(birthDate);
    this.clients.push({
      id,
      personnummer: pnr,
      name: `${this.rnd.pick(FIRST)} ${this.rnd.pick(LAST)}`,
      violenceType,
      protectedIdentity,
      address: protectedIdentity ? "demo: skyddad adress" : null,
    });
    return { id, personnummer: pnr, birthDate };
  }

  childrenFor(clientId: number, count: number): number[] {
    const parent = this.clients[clientId - 1];
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = this.children.length + 1;
      const birthDate = this.date("2006-01-01", "2019-12-31");
      this.children.push({
        id,
        clientId,
        personnummer: this.nextPnr(birthDate),
        name: `${this.rnd.pick(CHILD)} ${String(parent.name).split(" ")[1]}`,
        birthDate,
        protectedIdentity: Boolean(parent.protectedIdentity),
        retentionExempt: false,
      });
      ids.push(id);
    }
    return ids;
  }

  private childCount(): number {
    const r = this.rnd.next();
    return r < 0.5 ? 0 : r < 0.75 ? 1 : r < 0.92 ? 2 : 3;
  }

  placement(p: {
    type: T;
    clientId: number;
    providerId: number;
    start: LocalDate;
    end: LocalDate | null;
    acute?: boolean;
    childIds?: number[];
    movedFromId?: number | null;
  }): number {
    const id = this.placements.length + 1;
    const acute = p.acute ?? false;
    const nights = p.end ? Math.round((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000) : Infinity;
    // An acute placement gets its decision when it continues past the follow-up nights (costs/acute.rules.ts).
    const decided = !acute || nights > ACUTE_FOLLOW_UP_NIGHTS;
    const decisionDate = decided ? (acute ? addDays(p.start, ACUTE_FOLLOW_UP_NIGHTS) : p.start) : null;
    const decisionReference = decided
      ? `RVE-${p.start.slice(0, 4)}-${String(this.decisionNo++).padStart(4, "0")}`
      : null;
    const childIds = p.childIds ?? [];
    this.placements.push({
      id,
      type: p.type,
      clientId: p.clientId,
      providerId: p.providerId,
      startDate: p.start,
      endDate: p.end,
      plannedEndDate: p.end ? addDays(p.end, this.rnd.int(0, 20)) : addDays(p.start, 90),
      acute,
      decisionReference,
      decisionDate,
      personCount: 1 + childIds.length,
      movedFromId: p.movedFromId ?? null,
      address: p.type === T.INTERNAL_OUTPATIENT || p.type === T.EXTERNAL_OUTPATIENT ? null : "demo: hemlig adress",
    });
    for (const childId of childIds) {
      this.childDecisions.push({
        placementId: id,
        childId,
        assessedOn: decisionDate,
        decisionReference: decisionReference ? `${decisionReference}-B${childId}` : null,
        decisionDate,
      });
      if (p.type === T.PROTECTED_HOUSING) this.children[childId - 1].retentionExempt = true;
    }
    return id;
  }

  /** A protected-housing stay: provider by violence type, sometimes with children and protected identity. */
  protectedHousing(
    start: LocalDate,
    end: LocalDate | null,
    opts: { acute?: boolean; client?: Person; movedFromId?: number } = {},
  ): { id: number; client: Person } {
    const honour = this.rnd.chance(0.35);
    const client =
      opts.client ??
      this.client(
        honour ? ViolenceType.HONOUR_RELATED : ViolenceType.CLOSE_RELATIONSHIP,
        this.rnd.chance(0.2),
        honour && this.rnd.chance(0.5),
      );
    const providerId = opts.acute
      ? P.KVINNOJOUREN
      : honour
        ? this.rnd.pick([P.TRYGG_HAMN, P.VAST])
        : this.rnd.pick([P.KVINNOJOUREN, P.VAST, P.VAST]);
    const childIds = this.childrenFor(client.id, honour && this.rnd.chance(0.6) ? 0 : this.childCount());
    const id = this.placement({
      type: T.PROTECTED_HOUSING,
      clientId: client.id,
      providerId,
      start,
      end,
      acute: opts.acute,
      childIds,
      movedFromId: opts.movedFromId,
    });
    return { id, client };
  }

  build(): void {
    const r = this.rnd;
    // 2020 only (ended by 1 January 2021): 20 skyddat boende, 12 intern öppenvård, 3 extern, 3 jourboende, 1 familjehem.
    for (let i = 0; i < 20; i++) {
      const start = this.date("2020-01-02", "2020-10-20");
      const end = addDays(start, r.int(50, 200));
      this.protectedHousing(start, end > "2021-01-01" ? "2021-01-01" : end, { acute: i % 6 === 0 });
    }
    // Carried over 2020 → 2021: 5 skyddat boende.
    for (let i = 0; i < 5; i++) {
      this.protectedHousing(this.date("2020-09-01", "2020-12-15"), this.date("2021-02-01", "2021-07-31"));
    }
    // 2021 only: 37 skyddat boende (3 of them after jourboende, below) — "fler och längre placeringar".
    const sb2021: { id: number; client: Person; end: LocalDate }[] = [];
    for (let i = 0; i < 34; i++) {
      const start = this.date("2021-01-04", "2021-11-30");
      const long = r.chance(0.4);
      const end = addDays(start, long ? r.int(140, 280) : r.int(40, 140));
      const acute = i % 7 === 3;
      const { id, client } = this.protectedHousing(start, end, { acute });
      sb2021.push({ id, client, end });
    }
    // Jourboende: 3 in 2020, 7 in 2021; three 2021 stays move on to skyddat boende.
    for (let i = 0; i < 3; i++) {
      const client = this.client(ViolenceType.CLOSE_RELATIONSHIP);
      const start = this.date("2020-02-01", "2020-11-30");
      this.placement({
        type: T.EMERGENCY_HOUSING,
        clientId: client.id,
        providerId: P.JOUR,
        start,
        end: addDays(start, r.int(3, 25)),
        acute: true,
        childIds: this.childrenFor(client.id, r.int(0, 1)),
      });
    }
    for (let i = 0; i < 7; i++) {
      const client = this.client(i === 2 ? ViolenceType.HONOUR_RELATED : ViolenceType.CLOSE_RELATIONSHIP, i === 5);
      const start = this.date("2021-01-10", "2021-11-20");
      const end = addDays(start, r.int(2, 21));
      const childIds = this.childrenFor(client.id, r.int(0, 2));
      const jb = this.placement({
        type: T.EMERGENCY_HOUSING,
        clientId: client.id,
        providerId: P.JOUR,
        start,
        end,
        acute: true,
        childIds,
      });
      if (i < 3) {
        const sbEnd = addDays(end, r.int(60, 200));
        const providerId = i === 2 ? P.TRYGG_HAMN : P.VAST;
        const id = this.placement({
          type: T.PROTECTED_HOUSING,
          clientId: client.id,
          providerId,
          start: end,
          end: sbEnd,
          childIds,
          movedFromId: jb,
        });
        sb2021.push({ id, client, end: sbEnd });
      }
    }
    // Socialt kontrakt 2021: three clients move on from skyddat boende to a flat of their own.
    const movedOn = sb2021.filter((s) => s.end < "2021-10-01").slice(0, 3);
    for (const s of movedOn) {
      this.placement({
        type: T.SOCIAL_CONTRACT,
        clientId: s.client.id,
        providerId: P.BOENDE,
        start: s.end,
        end: addDays(s.end, r.int(120, 240)),
      });
    }
    // Familjehem 2020: one young woman subjected to honour violence.
    const young = this.client(ViolenceType.HONOUR_RELATED, true, true);
    this.placement({
      type: T.FAMILY_HOME,
      clientId: young.id,
      providerId: P.FAMILJEHEM,
      start: "2020-03-02",
      end: "2020-10-16",
    });
    // Intern öppenvård: 12 in 2020 only, 8 carried over, 11 in 2021 only — alongside protected housing or not.
    const outpatient = (start: LocalDate, end: LocalDate, alongside?: Person) => {
      const client =
        alongside ??
        this.client(
          r.pick([
            ViolenceType.CLOSE_RELATIONSHIP,
            ViolenceType.CLOSE_RELATIONSHIP,
            ViolenceType.PROSTITUTION_TRAFFICKING,
          ]),
        );
      this.placement({ type: T.INTERNAL_OUTPATIENT, clientId: client.id, providerId: P.UNIT, start, end });
    };
    for (let i = 0; i < 12; i++) {
      const start = this.date("2020-01-07", "2020-09-30");
      const end = addDays(start, r.int(30, 200));
      outpatient(start, end > "2021-01-01" ? "2021-01-01" : end);
    }
    for (let i = 0; i < 8; i++)
      outpatient(this.date("2020-06-01", "2020-12-15"), this.date("2021-01-20", "2021-09-30"));
    // Six of the 2021 ones run alongside a client's stay in skyddat boende (allowed: öppenvård is no accommodation).
    for (let i = 0; i < 11; i++) {
      const alongside = i < 6 ? sb2021[i * 5] : undefined;
      const start = alongside
        ? addDays(this.placements[alongside.id - 1].startDate!, 7)
        : this.date("2021-01-11", "2021-11-30");
      outpatient(start, addDays(start, r.int(30, 180)), alongside?.client);
    }
    // Extern öppenvård: 3 in 2020 only, 1 carried over, 3 in 2021 only.
    const external = (start: LocalDate, end: LocalDate) => {
      const client = this.client(ViolenceType.CLOSE_RELATIONSHIP);
      this.placement({ type: T.EXTERNAL_OUTPATIENT, clientId: client.id, providerId: P.TERAPI, start, end });
    };
    for (let i = 0; i < 3; i++) {
      const start = this.date("2020-01-15", "2020-07-31");
      external(start, addDays(start, r.int(60, 150)));
    }
    external("2020-10-05", "2021-03-29");
    for (let i = 0; i < 3; i++) {
      const start = this.date("2021-02-01", "2021-08-31");
      external(start, addDays(start, r.int(90, 120)));
    }
    // 2022, under the Kvinnojouren IOP: acute placements (the first two nights covered by the
    // service fee), some ending within two nights, some continuing, one still ongoing.
    const acute2022: [LocalDate, LocalDate | null][] = [
      ["2022-01-07", "2022-01-09"],
      ["2022-01-14", "2022-01-15"],
      ["2022-01-28", "2022-02-14"],
      ["2022-02-03", "2022-02-05"],
      ["2022-02-11", "2022-03-25"],
      ["2022-02-20", null],
    ];
    for (const [start, end] of acute2022) this.protectedHousing(start, end, { acute: true });
    this.protectedHousing("2022-01-17", null);
  }
}

/** Provider invoices for a few months: equal to the basis, and one with a difference to follow up. */
function invoices(b: DemoBuilder): Omit<ProviderInvoice, "id" | "createdAt">[] {
  const basis = (providerId: number, month: string) => {
    const period = monthPeriod(month);
    return b.placements
      .filter((p) => p.providerId === providerId)
      .flatMap((p) =>
        costLines(
          { startDate: p.startDate!, endDate: p.endDate ?? null, personCount: p.personCount!, acute: p.acute! },
          fees
            .filter((f) => f.providerId === providerId && f.placementType === p.type)
            .map((f) => ({ ...f, dailyFeeOre: f.dailyFee })),
          agreements.filter((a) => a.providerId === providerId),
          period,
        ),
      )
      .reduce((s, l) => s + l.amountOre, 0);
  };
  return [
    {
      providerId: P.VAST,
      invoiceNumber: "V-2021-1130",
      month: "2021-11",
      placementId: null,
      amount: basis(P.VAST, "2021-11"),
      receivedOn: "2021-12-06",
      serviceFee: false,
    },
    {
      providerId: P.VAST,
      invoiceNumber: "V-2021-1231",
      month: "2021-12",
      placementId: null,
      amount: basis(P.VAST, "2021-12"),
      receivedOn: "2022-01-07",
      serviceFee: false,
    },
    // Kvinnojouren invoiced January 2022 with two more person-nights than the basis holds.
    {
      providerId: P.KVINNOJOUREN,
      invoiceNumber: "KJ-2022-001",
      month: "2022-01",
      placementId: null,
      amount: basis(P.KVINNOJOUREN, "2022-01") + kr(2 * 1750),
      receivedOn: "2022-02-04",
      serviceFee: false,
    },
    // The service fee is invoiced on its own ("Serviceavgiften faktureras av Kvinno- och tjejjouren Borås").
    {
      providerId: P.KVINNOJOUREN,
      invoiceNumber: "KJ-2022-S1",
      month: "2022-01",
      placementId: null,
      amount: DEMO.serviceFee2022Ore,
      receivedOn: "2022-01-20",
      serviceFee: true,
    },
  ];
}

/** Loads the demo data into an empty database in one transaction. Does nothing if providers exist. */
export async function seedDemo(ds: DataSource): Promise<void> {
  await inTransaction(ds, async (manager) => {
    if ((await manager.count(PlacementProvider)) > 0) return;
    const b = new DemoBuilder();
    b.build();
    await insertChunked(manager, PlacementProvider, providers);
    await insertChunked(manager, ProviderDailyFee, fees);
    await insertChunked(manager, ServiceFeeAgreement, agreements);
    await insertChunked(manager, PlacementClient, b.clients);
    await insertChunked(manager, AccompanyingChild, b.children);
    await insertChunked(manager, Placement, b.placements);
    await insertChunked(manager, PlacementChildDecision, b.childDecisions);
    await insertChunked(manager, ProviderInvoice, invoices(b));
    await insertChunked(manager, PlacementBudget, [
      { year: 2021, amount: DEMO.budget2021Ore, note: "Relationsvåld, kostnader, Budget 2021 (årsredovisning 4.2)" },
    ]);
  });
}
