import { getIntrospectionQuery } from "graphql";
import { AccessLogEntry } from "@arbetsliv/core";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { TestGateway } from "./harness";

const STATS_2021 = `{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") {
  received closed notClosed handledInTime forwarded
  kinds { praise question suggestion complaint total }
  byBusinessArea { businessArea { name } total mostCommonKinds }
  byCriterion { criterion praise question suggestion complaint total } } }`;

describe(`gateway over HTTP on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await TestGateway.start();
  });
  afterAll(() => gw.stop());

  it("is alive and ready", async () => {
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gw.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "reachable" });
  });

  it("answers UNAUTHENTICATED without a token and for a forged one", async () => {
    const none = await gw.gql(STATS_2021);
    expect(none.codes).toEqual(["UNAUTHENTICATED"]);
    const forged = await gw.gql(STATS_2021, { token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwic2NvcGUiOiJhZG1pbiJ9.bad" });
    expect(forged.status).toBe(401);
    expect(forged.codes).toEqual(["UNAUTHENTICATED"]);
  });

  it("answers FORBIDDEN for a token without the scope, naming the scopes needed", async () => {
    const r = await gw.gql(`{ feedbackItems { totalCount } }`, { scopes: ["synpunkter:stats"] });
    expect(r.codes).toEqual(["FORBIDDEN"]);
    expect(r.errors?.[0].message).toContain("synpunkter:read");
  });

  it("answers BAD_USER_INPUT naming the field for invalid input, and writes nothing", async () => {
    const before = await gw.ok(`{ feedbackItems(first: 1) { totalCount } }`, { scopes: ["synpunkter:read"] });
    const r = await gw.gql(`mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`, {
      scopes: ["synpunkter:write"],
      variables: {
        input: {
          kind: "COMPLAINT",
          criterion: "SERVICES",
          businessAreaId: "1",
          channel: "EMAIL",
          description: "x",
          submitterEmail: "not-an-email",
          wantsReply: true,
        },
      },
    });
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0].message).toContain("submitterEmail");
    const after = await gw.ok(`{ feedbackItems(first: 1) { totalCount } }`, { scopes: ["synpunkter:read"] });
    expect(after.feedbackItems.totalCount).toBe(before.feedbackItems.totalCount);
  });

  it("refuses an invalid date literal with BAD_USER_INPUT", async () => {
    const r = await gw.gql(`{ feedbackStatistics(from: "2021-02-30", to: "2021-12-31") { received } }`, {
      scopes: ["synpunkter:stats"],
    });
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0].message).toContain("YYYY-MM-DD");
  });

  it("returns the 2021 board report tables computed from the records", async () => {
    // The board's own report: the exact scope (a stats-only caller gets the small cells suppressed).
    const { feedbackStatistics: s } = await gw.ok(STATS_2021, { scopes: ["synpunkter:stats:exact"] });
    expect([s.received, s.closed, s.notClosed, s.handledInTime, s.forwarded]).toEqual([12, 12, 0, 11, 0]);
    expect(s.kinds).toEqual({ praise: 0, question: 1, suggestion: 2, complaint: 9, total: 12 });
    expect(
      s.byBusinessArea.map((r: { businessArea: { name: string }; total: number }) => [r.businessArea.name, r.total]),
    ).toEqual([
      ["IFO Försörjningsstöd", 7],
      ["Jobb Borås", 2],
      ["Fixartjänst", 1],
      ["Integration och nationella minoriteter", 1],
      ["Trygghetsinsatser/Stadsdelsvärdar", 1],
    ]);
    const services = s.byCriterion.find((r: { criterion: string }) => r.criterion === "SERVICES");
    expect(services).toEqual({ criterion: "SERVICES", praise: 0, question: 1, suggestion: 1, complaint: 9, total: 11 });
  });

  it("leaves an access-log entry for a person-level read, visible with audit:read", async () => {
    const data = await gw.ok(`{ feedbackItems(first: 2) { nodes { id submitterName } } }`, {
      scopes: ["synpunkter:read"],
      subject: "e2e-reader",
    });
    const ids = data.feedbackItems.nodes.map((n: { id: string }) => n.id);
    const log = await gw.ok(
      `{ accessLog(filter: { actor: "e2e-reader" }) { nodes { actor action operation recordIds } } }`,
      { scopes: ["audit:read"] },
    );
    expect(log.accessLog.nodes).toEqual([
      { actor: "e2e-reader", action: "READ", operation: "Query.feedbackItems", recordIds: ids },
    ]);
    const stored = await gw.gateway.ds.getRepository(AccessLogEntry).count({ where: { actor: "e2e-reader" } });
    expect(stored).toBe(1);
  });

  it("masks internal errors and tags every response with the server's request id (a client's id is only its correlation id)", async () => {
    const res = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-abc-1" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    const serverId = res.headers.get("x-request-id");
    expect(serverId).toMatch(/^req_[A-Za-z0-9_-]{16}$/);
    expect(res.headers.get("x-correlation-id")).toBe("req-abc-1");
    expect(
      ((await res.json()) as { errors: { extensions: { code: string; requestId: string } }[] }).errors[0].extensions,
    ).toEqual({ code: "BAD_REQUEST", requestId: serverId });
    const ok = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-abc-2" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(ok.headers.get("x-request-id")).toMatch(/^req_/);
    expect(ok.headers.get("x-correlation-id")).toBe("req-abc-2");
    const line = gw.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.message === "request" && l.correlationId === "req-abc-2");
    expect(line?.requestId).toBe(ok.headers.get("x-request-id"));
  });

  it("answers the IDE's full introspection query in development (not refused by the depth limit)", async () => {
    const r = await gw.gql<{ __schema: { queryType: { name: string } } }>(getIntrospectionQuery());
    expect(r.errors).toBeUndefined();
    expect(r.data?.__schema.queryType.name).toBe("Query");
  });

  it("serves a self-hosted GraphiQL (no CDN) in development", async () => {
    const page = await (await fetch(`${gw.url}/graphql`, { headers: { accept: "text/html" } })).text();
    expect(page).toContain("/graphiql/graphiql.js");
    expect(page).not.toMatch(/https?:\/\//);
    const asset = await fetch(`${gw.url}/graphiql/graphiql.js`);
    expect(asset.status).toBe(200);
    expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});
