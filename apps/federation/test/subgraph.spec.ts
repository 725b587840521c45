import "reflect-metadata";
import { Kind, parse, type ObjectTypeDefinitionNode } from "graphql";
import { coreModule, createRequestContext, formatError, scopeAuthChecker, type Principal } from "@arbetsliv/core";
import { buildSubgraph, type Subgraph } from "@arbetsliv/core/federation";
import { createExecutionRuntime, runOperation, type ExecutionRuntime } from "@arbetsliv/core/execution";
import { countStatements, createTestDatabase, testDatabaseKind, type TestDatabase } from "@arbetsliv/core/testing";
import { iopModule, IopAgreement, IopPartner } from "@arbetsliv/iop";
import { PlacementProvider, relationsvaldModule } from "@arbetsliv/relationsvald";
import { subgraphSpec } from "../src/topology";

/**
 * The subgraphs in-process on the test database (both kinds): what `_entities` answers, that it
 * reads a batch of references in one statement per type, and that it checks scopes first.
 */
describe(`federation subgraphs on ${testDatabaseKind()}`, () => {
  let db: TestDatabase;
  let iop: { subgraph: Subgraph; runtime: ExecutionRuntime };
  let relationsvald: { subgraph: Subgraph; runtime: ExecutionRuntime };

  const prepared = async (name: string) => {
    const subgraph = await buildSubgraph(name, subgraphSpec(name).modules);
    return { subgraph, runtime: createExecutionRuntime(subgraph.schema, { authChecker: scopeAuthChecker }) };
  };
  const principal = (scopes: string[]): Principal => ({
    subject: "subgraph-test",
    kind: "user",
    scopes: new Set(scopes),
  });
  const run = (
    on: { runtime: ExecutionRuntime },
    source: string,
    variables: Record<string, unknown>,
    who: Principal | null,
  ) =>
    runOperation(
      on.runtime,
      { source, variables, context: createRequestContext(db.ds, who, "subgraph-test") },
      (f, e) => formatError(f, e),
    );

  beforeAll(async () => {
    db = await createTestDatabase([coreModule, relationsvaldModule, iopModule]);
    await relationsvaldModule.seedDemo!(db.ds);
    await iopModule.seedDemo!(db.ds);
    iop = await prepared("iop");
    relationsvald = await prepared("relationsvald");
  }, 120_000);
  afterAll(() => db.close());

  const AGREEMENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on IopAgreement { id title } } }`;

  it("marks the referenced types as entities and the rest as shareable values, without subscriptions", () => {
    expect(iop.subgraph.sdl).toMatch(/type IopAgreement @key\(fields: "id"\)/);
    expect(iop.subgraph.sdl).toMatch(/type PageInfo @shareable/);
    expect(iop.subgraph.sdl).not.toMatch(/type Subscription/);
    // A type another subgraph owns: its key, the fields needed from the owner, and the fields added.
    const typeIn = (sdl: string, name: string) =>
      parse(sdl).definitions.find(
        (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name,
      );
    const provider = typeIn(iop.subgraph.sdl, "PlacementProvider");
    expect(provider?.fields?.map((f) => [f.name.value, f.directives?.map((d) => d.name.value)])).toEqual([
      ["id", []],
      ["organisationsnummer", ["external"]],
      ["iopPartnerships", ["requires"]],
    ]);
    const agreement = typeIn(relationsvald.subgraph.sdl, "IopAgreement");
    expect(agreement?.fields?.map((f) => [f.name.value, f.directives?.map((d) => d.name.value)])).toEqual([
      ["id", []],
      ["startDate", ["external"]],
      ["endDate", ["external"]],
      ["finalEndDate", ["external"]],
      ["partner", ["external"]],
      ["placementCosts", ["requires"]],
    ]);
  });

  it("keeps Subscription.events in the platform subgraph (the monolith's schema); the domains have no subscription", async () => {
    const platform = await buildSubgraph("platform", subgraphSpec("platform").modules);
    const subscription = parse(platform.sdl).definitions.find(
      (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Subscription",
    );
    expect(subscription?.fields?.map((f) => f.name.value)).toEqual(["events"]);
    expect(relationsvald.subgraph.sdl).not.toMatch(/type Subscription/);
  });

  it("resolves a batch of agreement references in one statement, in the order asked, null for an unknown id", async () => {
    const rows = await db.ds.getRepository(IopAgreement).find({ order: { id: "DESC" } });
    expect(rows.length).toBeGreaterThan(2);
    const representations = [
      ...rows.map((r) => ({ __typename: "IopAgreement", id: String(r.id) })),
      { __typename: "IopAgreement", id: "999999" },
    ];
    const { result, count } = await countStatements(() =>
      run(iop, AGREEMENTS, { r: representations }, principal(["iop:read"])),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [...rows.map((r) => ({ id: String(r.id), title: r.title })), null] });
    expect(count).toBe(1);
  });

  it("checks the entity's scopes before loading (deny by default)", async () => {
    const r = { r: [{ __typename: "IopAgreement", id: "1" }] };
    const none = await countStatements(() => run(iop, AGREEMENTS, r, null));
    expect(none.result.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    const other = await countStatements(() => run(iop, AGREEMENTS, r, principal(["synpunkter:read"])));
    expect(other.result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(other.result.errors?.[0].message).toContain("iop:read, iop:stats");
    expect(none.count + other.count).toBe(0);
  });

  it("answers providers' partnerships (IOP's own field on the provider) in as many statements for one provider as for all of them (no N+1)", async () => {
    const providers = await db.ds.getRepository(PlacementProvider).find();
    expect(providers.length).toBeGreaterThan(3);
    const partnerships = (of: PlacementProvider[]) =>
      countStatements(() =>
        run(
          iop,
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on PlacementProvider { id iopPartnerships { id title } } } }`,
          // What the gateway sends: the key and the field IOP requires, from the relationsvåld subgraph.
          {
            r: of.map((p) => ({
              __typename: "PlacementProvider",
              id: String(p.id),
              organisationsnummer: p.organisationsnummer,
            })),
          },
          principal(["relationsvald:read", "iop:read"]),
        ),
      );
    const all = await partnerships(providers);
    expect(all.result.errors).toBeUndefined();
    const answered = (
      all.result.data as { _entities: { id: string; iopPartnerships: { id: string; title: string }[] }[] }
    )._entities;
    // Computed from the records: a provider's partnerships are the agreements of the partner with its organisationsnummer.
    const partners = await db.ds.getRepository(IopPartner).find();
    const agreements = await db.ds.getRepository(IopAgreement).find({ order: { startDate: "DESC", id: "DESC" } });
    const digits = (orgnr: string) => orgnr.replace(/\D/g, "");
    const expected = providers.map((p) => {
      const partnerIds = new Set(
        partners
          .filter((x) => p.organisationsnummer && digits(x.organisationsnummer) === digits(p.organisationsnummer))
          .map((x) => x.id),
      );
      return agreements.filter((x) => partnerIds.has(x.partnerId)).map((x) => ({ id: String(x.id), title: x.title }));
    });
    expect(answered.map((p) => p.iopPartnerships)).toEqual(expected);
    expect(expected.some((list) => list.length > 0)).toBe(true);
    const one = await partnerships(providers.filter((p) => p.organisationsnummer).slice(0, 1));
    expect(all.count).toBe(one.count);
  });

  it("answers a partnership's placement costs from the reference the gateway sends, as the monolith's field does", async () => {
    const agreements = await db.ds.getRepository(IopAgreement).find({ order: { id: "ASC" } });
    const partners = new Map((await db.ds.getRepository(IopPartner).find()).map((p) => [p.id, p]));
    const { result, count } = await countStatements(() =>
      run(
        relationsvald,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on IopAgreement { id placementCosts(from: "2022-01-01", to: "2022-12-31") { from to registeredProvider total } } } }`,
        {
          r: agreements.map((a) => ({
            __typename: "IopAgreement",
            id: String(a.id),
            startDate: a.startDate,
            endDate: a.endDate,
            finalEndDate: a.finalEndDate,
            partner: { organisationsnummer: partners.get(a.partnerId)!.organisationsnummer },
          })),
        },
        principal(["relationsvald:stats"]),
      ),
    );
    expect(result.errors).toBeUndefined();
    const answered = (
      result.data as { _entities: { placementCosts: { registeredProvider: boolean; total: string | null } }[] }
    )._entities;
    expect(answered).toHaveLength(agreements.length);
    // Kvinnojouren is both an IOP partner and a provider in the placement register.
    expect(answered.some((a) => a.placementCosts.registeredProvider)).toBe(true);
    // The agreements share one period: one batch of the register's statements, however many agreements.
    expect(count).toBeLessThanOrEqual(3);
  });

  it("refuses to build an entity that declares no scopes", async () => {
    await expect(
      buildSubgraph("broken", [{ ...iopModule, federation: { entities: [{ type: IopAgreement, scopes: [] }] } }]),
    ).rejects.toThrow("must declare the scopes");
  });
});
