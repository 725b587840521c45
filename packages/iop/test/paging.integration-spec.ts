import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { iopModule } from "../src";
import { Partner } from "../src/agreement/partner.entity";

const WRITE = { scopes: ["iop:write"] };
const READ = { scopes: ["iop:read"] };
const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  iopPartners(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } }
    nodes { id }
  } }`;

interface PartnerPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string; name: string } }[];
  nodes: { id: string }[];
}

/** A valid organisationsnummer per n (Luhn check digit), so each partner is a new one. */
function organisationsnummer(n: number): string {
  const nine = String(802000000 + n);
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  const ten = nine + String((10 - (sum % 10)) % 10);
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}

// A list of partners by name, paged through GraphQL while partners are added and removed.
describe(`iop partners paged by keyset cursors on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let created = 0;
  const create = async (name: string) =>
    (
      await app.ok(
        `mutation($name: String!, $nr: Organisationsnummer!) { createIopPartner(input: { name: $name, organisationsnummer: $nr }) { id } }`,
        { ...WRITE, variables: { name, nr: organisationsnummer(++created) } },
      )
    ).createIopPartner.id as string;
  const page = async (variables: Record<string, unknown>) =>
    (await app.ok<{ iopPartners: PartnerPage }>(PAGE, { ...READ, variables })).iopPartners;

  beforeAll(async () => {
    app = await TestApp.start([iopModule]);
    for (const name of ["Alfa", "Beta", "Delta", "Epsilon", "Gamma", "Kappa", "Lambda", "My", "Omega", "Sigma"])
      await create(`Förening ${name}`);
  });
  afterAll(() => app.close());

  it("pages forwards while partners are added before and after the cursor and removed: no duplicates, no skips", async () => {
    const all = (await page({ first: 100 })).nodes.map((n) => n.id);
    const seen: string[] = [];
    const removed = new Set<string>();
    let after: string | undefined;
    for (let round = 0; round < 20; round++) {
      const p = await page({ first: 3, after });
      expect(p.edges.map((e) => e.node.id)).toEqual(p.nodes.map((n) => n.id));
      expect(p.pageInfo.hasPreviousPage).toBe(round > 0);
      seen.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor!;
      // one sorts before the cursor (already passed), one after; the next row not yet read goes
      await create(`Förening A${round}`);
      await create(`Förening Z${round}`);
      const next = all.find((id) => !seen.includes(id) && !removed.has(id));
      if (next && round % 2 === 0) {
        removed.add(next);
        await app.ds.getRepository(Partner).delete(Number(next));
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of all.filter((x) => !removed.has(x))) expect(seen).toContain(id);
    for (const id of removed) expect(seen).not.toContain(id);
  });

  it("pages backwards from the end with last and before", async () => {
    const all = (await page({ first: 100 })).nodes.map((n) => n.id);
    const tail = await page({ last: 4 });
    expect(tail.nodes.map((n) => n.id)).toEqual(all.slice(-4));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await page({ last: 4, before: tail.pageInfo.startCursor });
    expect(before.nodes.map((n) => n.id)).toEqual(all.slice(-8, -4));
    expect(before.pageInfo.endCursor).toBe(before.edges[3].cursor);
  });

  it("refuses first with last, and a cursor that is not this list's, naming the argument", async () => {
    const both = await app.call(PAGE, { ...READ, variables: { first: 2, last: 2 } });
    expect(both.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "last", rule: "exclusive" });
    const forged = await app.call(PAGE, { ...READ, variables: { first: 2, after: "eyJ4IjoxfQ" } });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after", rule: "cursor" });
    const tooMany = await app.call(PAGE, { ...READ, variables: { last: 101 } });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "last" });
  });
});
