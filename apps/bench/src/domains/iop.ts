import { luhnCheckDigit } from "@arbetsliv/core/values";
import { SeededRandom } from "@arbetsliv/core/testing";
import { sqlDialect } from "@arbetsliv/core/data";
import { iopCostsPerFundingBudgetStatement, iopCostsPerPartnershipStatement } from "@arbetsliv/iop";
import { modules } from "@arbetsliv/gateway";
import type { Connection, Pool } from "mysql2/promise";
import type { BenchDomain, BenchOperation, FloorDb, FloorHandler, FloorRequest, Scale, SeedContext } from "./types";
import { addDaysIso } from "../seed/random";
import { money, firstPage } from "./common";
import { tableOf } from "./schema";

/**
 * iop's entity classes, from the module the gateway registers, by class name (the package exports
 * only some of them; its statistics statements come from @arbetsliv/iop directly).
 */
function iopEntity(className: string) {
  const entity = modules
    .find((m) => m.name === "iop")
    ?.entities?.find((e) => typeof e === "function" && e.name === className);
  if (!entity) throw new Error(`iop registers no entity ${className}`);
  return entity as () => void;
}
const IopAgreement = iopEntity("Agreement");
const IopAmendment = iopEntity("Amendment");
const IopAmendmentAmount = iopEntity("AmendmentAmount");
const IopFundingBudget = iopEntity("FundingBudget");
const IopInvoice = iopEntity("Invoice");
const IopPartner = iopEntity("Partner");

/** The package's tables, named by its entities. */
const IOP = {
  agreement: tableOf(IopAgreement),
  amendment: tableOf(IopAmendment),
  amendmentAmount: tableOf(IopAmendmentAmount),
  fundingBudget: tableOf(IopFundingBudget),
  invoice: tableOf(IopInvoice),
  partner: tableOf(IopPartner),
};

/**
 * IOP — idéburet-offentligt partnerskap: a few dozen partners and agreements by nature, with
 * yearly service fees, amendments and invoices over ten years. Tables from the IopInit
 * migration: ${IOP.fundingBudget}, ${IOP.partner}, ${IOP.agreement}, ${IOP.amendment},
 * ${IOP.amendmentAmount}, ${IOP.invoice} (follow-up tables stay empty).
 */

const SIZES: Record<Scale, { agreements: number; years: number }> = {
  small: { agreements: 60, years: 10 },
  medium: { agreements: 150, years: 10 },
  full: { agreements: 300, years: 10 },
};
const BUDGETS = [
  ["ALN", "Arbetslivsnämnden"],
  ["SHB", "Socialt hållbart Borås"],
  ["IFO", "Individ- och familjeomsorgen"],
  ["KS", "Kommunstyrelsen"],
];

const orgnr = (i: number) => {
  const nine = `802${String(400_000 + i).padStart(6, "0")}`;
  return nine + String(luhnCheckDigit(nine));
};

async function seed(ctx: SeedContext, sizes: Record<string, number>): Promise<void> {
  const random = new SeededRandom(2022_05_19);
  const n = sizes.agreements;
  const endYear = Number(ctx.endDate.slice(0, 4));
  const firstYear = endYear - sizes.years + 1;
  ctx.progress(`iop (${n.toLocaleString("en-US")} agreements)`, n * 40);
  const budgets = ctx.inserter(IOP.fundingBudget, ["id", "code", "name", "description"]);
  for (const [i, [code, name]] of BUDGETS.entries()) await budgets.add([i + 1, code, name, null]);
  await budgets.close();
  const partners = ctx.inserter(IOP.partner, [
    "id",
    "name",
    "organisationsnummer",
    "postalAddress",
    "postalCode",
    "city",
    "description",
    "version",
    "createdAt",
    "updatedAt",
  ]);
  const partnerCount = Math.max(1, Math.round(n / 2));
  for (let p = 1; p <= partnerCount; p++)
    await partners.add([
      p,
      `Förening ${p}`,
      orgnr(p),
      `Box ${p}`,
      "50110",
      "Borås",
      null,
      1,
      `${firstYear}-01-01 08:00:00`,
      `${firstYear}-01-01 08:00:00`,
    ]);
  await partners.close();
  const agreements = ctx.inserter(IOP.agreement, [
    "id",
    "number",
    "title",
    "partnerId",
    "predecessorId",
    "fundingBudgetId",
    "startDate",
    "endDate",
    "renewalTermMonths",
    "noticeMonths",
    "status",
    "finalEndDate",
    "annualServiceFee",
    "requiresActivityReport",
    "requiresActivityPlan",
    "requiresQualityAppendix",
    "version",
    "createdAt",
    "updatedAt",
  ]);
  const amendments = ctx.inserter(IOP.amendment, ["id", "agreementId", "title", "description", "boardDecisionId"]);
  const amounts = ctx.inserter(IOP.amendmentAmount, ["amendmentId", "agreementId", "year", "amount"]);
  const invoices = ctx.inserter(IOP.invoice, [
    "agreementId",
    "invoiceNumber",
    "invoiceDate",
    "kind",
    "amount",
    "description",
    "registeredAt",
  ]);
  let amendmentId = 0;
  for (let id = 1; id <= n; id++) {
    const partner = ((id - 1) % partnerCount) + 1;
    const start = `${random.int(firstYear, endYear)}-${String(random.int(1, 12)).padStart(2, "0")}-01`;
    const years = random.int(1, 4);
    const end = addDaysIso(`${Number(start.slice(0, 4)) + years}${start.slice(4)}`, -1);
    const ended = end < ctx.endDate && random.chance(0.6);
    const status = ended ? "EXPIRED" : random.chance(0.05) ? "DRAFT" : "ACTIVE";
    const fee = random.int(10, 120) * 1_000_000;
    const predecessor = id > partnerCount && random.chance(0.3) ? id - partnerCount : null;
    await agreements.add([
      id,
      `IOP-${id}`,
      `Överenskommelse ${id}`,
      partner,
      predecessor,
      random.int(1, BUDGETS.length),
      start,
      end,
      12,
      3,
      status,
      ended ? end : null,
      fee,
      true,
      random.chance(0.5),
      false,
      1,
      `${start} 08:00:00`,
      `${start} 08:00:00`,
    ]);
    if (random.chance(0.3)) {
      amendmentId++;
      await amendments.add([amendmentId, id, `Tillägg ${amendmentId}`, null, null]);
      const y = Number(start.slice(0, 4));
      await amounts.add([amendmentId, id, y, random.int(1, 20) * 500_000]);
      if (y < endYear) await amounts.add([amendmentId, id, y + 1, random.int(1, 20) * 500_000]);
    }
    if (status === "DRAFT") continue;
    const last = ended ? end : ctx.endDate;
    let k = 0;
    for (let d = start; d <= last; d = addDaysIso(d, 91)) {
      k++;
      await invoices.add([id, `F-${id}-${k}`, d, "AGREED", Math.round(fee / 4), null, `${d} 10:00:00`]);
      if (random.chance(0.2))
        await invoices.add([
          id,
          `F-${id}-${k}-X`,
          addDaysIso(d, 10),
          "OTHER",
          random.int(1, 50) * 100_000,
          "Extra insats",
          `${d} 10:00:00`,
        ]);
    }
  }
  await agreements.close();
  await amendments.close();
  await amounts.close();
  await invoices.close();
}

// ---------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;
const AGREEMENT =
  "id number title startDate endDate renewalTermMonths noticeMonths status finalEndDate annualServiceFee requiresActivityReport version createdAt partner { id name organisationsnummer } fundingBudget { id code name }";
const LIST = `query IopAgreements($first: Int) { iopAgreements(first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { ${AGREEMENT} } } }`;
const AGREEMENT_COLUMNS =
  "a.id, a.number, a.title, a.partnerId, a.predecessorId, a.fundingBudgetId, a.startDate, a.endDate, a.renewalTermMonths, a.noticeMonths, a.status, a.finalEndDate, a.annualServiceFee, a.requiresActivityReport, a.version, a.createdAt";
const MONEY = "serviceFee amendments invoicedAgreed otherInvoices total";
const PER_PARTNERSHIP = `query IopCostsPerPartnership($fromYear: Int!, $toYear: Int!) { iopCostsPerPartnership(fromYear: $fromYear, toYear: $toYear) {
  agreementId agreementNumber agreementTitle partnerName partnerOrganisationsnummer fundingBudgetCode year inForce ${MONEY} } }`;
const PER_BUDGET = `query IopCostsPerFundingBudget($fromYear: Int!, $toYear: Int!) { iopCostsPerFundingBudget(fromYear: $fromYear, toYear: $toYear) {
  fundingBudgetCode fundingBudgetName year partnerships ${MONEY} } }`;

async function operations(
  conn: Connection | Pool,
  sizes: Record<string, number>,
  endDate: string,
): Promise<BenchOperation[]> {
  const endYear = Number(endDate.slice(0, 4));
  const [rows] = await conn.query(
    `SELECT (SELECT COUNT(*) FROM ${IOP.agreement}) + (SELECT COUNT(*) FROM ${IOP.invoice}) + (SELECT COUNT(*) FROM ${IOP.amendmentAmount}) AS n`,
  );
  const n = Number((rows as { n: number }[])[0].n);
  const v = { fromYear: endYear - sizes.years + 1, toYear: endYear };
  const STATS = ["iop:stats"];
  const READ = ["iop:read"];
  const [latest] = await conn.query(`SELECT id FROM ${IOP.agreement} ORDER BY startDate DESC, id DESC LIMIT 1`);
  const id = String((latest as { id: number }[])[0].id);
  const [count] = await conn.query(`SELECT COUNT(*) AS n FROM ${IOP.agreement}`);
  const agreements = Number((count as { n: number }[])[0].n);
  return [
    {
      name: "iop.iopAgreement",
      domain: "iop",
      kind: "single",
      description: "one agreement with partner and funding budget",
      query: `query IopAgreement($id: ID!) { iopAgreement(id: $id) { ${AGREEMENT} } }`,
      variables: { id },
      scopes: READ,
      rows: 1,
    },
    {
      name: "iop.iopAgreements.nested",
      domain: "iop",
      kind: "nested",
      description: `page of ${Math.min(100, agreements)} of ${agreements} agreements (newest first) + partner, funding budget (one level)`,
      query: LIST,
      variables: { first: 100 },
      scopes: READ,
      rows: Math.min(100, agreements),
    },
    {
      name: "iop.iopCostsPerPartnership",
      domain: "iop",
      kind: "stats",
      description: `cost per agreement and year over ${sizes.years} years (${n.toLocaleString("en-US")} agreements, invoices, amendment amounts)`,
      query: PER_PARTNERSHIP,
      variables: v,
      scopes: STATS,
      rows: n,
    },
    {
      name: "iop.iopCostsPerFundingBudget",
      domain: "iop",
      kind: "stats",
      description: `cost per funding budget and year over ${sizes.years} years`,
      query: PER_BUDGET,
      variables: v,
      scopes: STATS,
      rows: n,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The package's statements (cost.statements.ts: the UNION ALL per year and its two reports), MariaDB dialect.

const int = (x: unknown) => (x === null || x === undefined ? 0 : Math.round(Number(x)));
const MARIADB = sqlDialect({ options: { type: "mariadb" } } as never);

function moneyParts(r: Row) {
  const serviceFee = int(r.fee);
  const amendments = int(r.amend);
  const invoicedAgreed = int(r.invAgreed);
  const otherInvoices = int(r.invOther);
  return {
    serviceFee: money(serviceFee),
    amendments: money(amendments),
    invoicedAgreed: money(invoicedAgreed),
    otherInvoices: money(otherInvoices),
    total: money(serviceFee + amendments + otherInvoices),
  };
}

async function perPartnership(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const { fromYear, toYear } = req.variables as { fromYear: number; toYear: number };
  const rows = await db.query(...iopCostsPerPartnershipStatement(MARIADB, fromYear, toYear));
  return {
    iopCostsPerPartnership: rows.map((r) => {
      const o = String(r.orgnr);
      return {
        agreementId: String(int(r.agreementId)),
        agreementNumber: (r.number as string | null) ?? null,
        agreementTitle: String(r.title),
        partnerName: String(r.partnerName),
        partnerOrganisationsnummer: `${o.slice(0, 6)}-${o.slice(6)}`,
        fundingBudgetCode: String(r.budgetCode),
        year: int(r.costYear),
        inForce: int(r.inForce) === 1,
        ...moneyParts(r),
      };
    }),
  };
}

async function perBudget(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const { fromYear, toYear } = req.variables as { fromYear: number; toYear: number };
  const rows = await db.query(...iopCostsPerFundingBudgetStatement(MARIADB, fromYear, toYear));
  return {
    iopCostsPerFundingBudget: rows.map((r) => ({
      fundingBudgetCode: String(r.code),
      fundingBudgetName: String(r.name),
      year: int(r.costYear),
      partnerships: int(r.partnerships),
      ...moneyParts(r),
    })),
  };
}

async function renderAgreements(db: FloorDb, rows: Row[]): Promise<Row[]> {
  const uniq = (xs: unknown[]) => [...new Set(xs.map(Number))];
  const [partners, budgets] = await Promise.all([
    db.query(`SELECT * FROM ${IOP.partner} WHERE id IN (?)`, [uniq(rows.map((r) => r.partnerId))]),
    db.query(`SELECT * FROM ${IOP.fundingBudget} WHERE id IN (?)`, [uniq(rows.map((r) => r.fundingBudgetId))]),
  ]);
  const P = new Map(partners.map((p) => [Number(p.id), p]));
  const B = new Map(budgets.map((b) => [Number(b.id), b]));
  return rows.map((r) => {
    const p = P.get(Number(r.partnerId))!;
    const b = B.get(Number(r.fundingBudgetId))!;
    const o = String(p.organisationsnummer);
    return {
      id: String(r.id),
      number: r.number,
      title: r.title,
      startDate: r.startDate,
      endDate: r.endDate,
      renewalTermMonths: r.renewalTermMonths,
      noticeMonths: r.noticeMonths,
      status: r.status,
      finalEndDate: r.finalEndDate,
      annualServiceFee: money(r.annualServiceFee),
      requiresActivityReport: Boolean(Number(r.requiresActivityReport)),
      version: r.version,
      createdAt: (r.createdAt as Date).toISOString(),
      partner: { id: String(p.id), name: p.name, organisationsnummer: `${o.slice(0, 6)}-${o.slice(6)}` },
      fundingBudget: { id: String(b.id), code: b.code, name: b.name },
    };
  });
}

async function agreement(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const rows = await db.query(`SELECT ${AGREEMENT_COLUMNS} FROM ${IOP.agreement} a WHERE a.id = ? LIMIT 1`, [
    Number((req.variables as { id: string }).id),
  ]);
  return { iopAgreement: (await renderAgreements(db, rows))[0] };
}

async function agreements(db: FloorDb, req: FloorRequest): Promise<unknown> {
  const first = Number((req.variables as { first: number }).first);
  const fetched = await db.query(
    `SELECT ${AGREEMENT_COLUMNS} FROM ${IOP.agreement} a ORDER BY a.startDate DESC, a.id DESC LIMIT ${first + 1}`,
  );
  const { rows, more, endCursor } = firstPage(fetched, first, {
    table: IOP.agreement,
    order: [
      ["a.startDate", "DESC"],
      ["a.id", "DESC"],
    ],
    keyOf: (r) => [r.startDate as string, Number(r.id)],
  });
  const totalCount = Number(
    (await db.query<{ cnt: string }>(`SELECT COUNT(DISTINCT(a.id)) AS cnt FROM ${IOP.agreement} a`))[0].cnt,
  );
  const nodes = rows.length ? await renderAgreements(db, rows) : [];
  return {
    iopAgreements: {
      totalCount,
      pageInfo: { hasNextPage: more, endCursor },
      nodes,
    },
  };
}

const floor: Record<string, FloorHandler> = {
  "iop.iopAgreement": agreement,
  "iop.iopAgreements.nested": agreements,
  "iop.iopCostsPerPartnership": perPartnership,
  "iop.iopCostsPerFundingBudget": perBudget,
};

export const iop: BenchDomain = { module: "iop", sizes: (s) => ({ ...SIZES[s] }), seed, operations, floor };
