import { randomBytes } from "node:crypto";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";
import { PROBES, aliases, deep, fragmentBomb } from "../../gateway/test/security/probes";
import { SUBGRAPHS } from "../src/topology";
import {
  FEDERATED_GATEWAY_MAIN,
  MONOLITH_MAIN,
  NodeProcess,
  post,
  PRODUCTION_TEST_ENV,
  SUBGRAPH_MAIN,
  token,
  type Answer,
} from "./processes";

/**
 * Parity: the same operations against the monolith and against the federated topology (every
 * subgraph and Hive Gateway as built child processes in production mode), on one shared MariaDB
 * database, must give the same answers. The embedded database lives inside one process, so
 * without TEST_DATABASE_URL (MariaDB) there is no shared database and the suite is skipped.
 */
const databaseUrl = process.env.TEST_DATABASE_URL;
const suite = databaseUrl ? describe : describe.skip;
if (!databaseUrl)
  console.warn(
    "federation parity skipped: the topology needs a database its processes share; set TEST_DATABASE_URL to MariaDB",
  );

const STATS_2021 = `{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") {
  received closed notClosed handledInTime forwarded
  kinds { praise question suggestion complaint total }
  byBusinessArea { businessArea { name } total mostCommonKinds }
  byCriterion { criterion praise question suggestion complaint total } } }`;

const FEEDBACK_INPUT = {
  kind: "COMPLAINT",
  criterion: "SERVICES",
  businessAreaId: "1",
  channel: "EMAIL",
  description: "Väntetiden i telefon var för lång",
  submitterEmail: "parity@example.se",
  wantsReply: true,
};
const REGISTER = `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id kind criterion channel description wantsReply status } }`;

/** The read operations of the gateway e2e suites, each with the scopes it is sent with (undefined: no token). */
const OPERATIONS: { name: string; query: string; scopes?: string[]; variables?: Record<string, unknown> }[] = [
  {
    name: "a list page",
    query: `{ feedbackItems(first: 5) { totalCount pageInfo { hasNextPage } nodes { id kind criterion receivedDate dueDate overdue businessArea { name } } } }`,
    scopes: ["synpunkter:read"],
  },
  {
    name: "one record with a relation",
    query: `{ iopAgreement(id: "1") { id title startDate endDate partner { name organisationsnummer } } }`,
    scopes: ["iop:read"],
  },
  { name: "board statistics", query: STATS_2021, scopes: ["synpunkter:stats:exact"] },
  {
    name: "cross-domain: a provider's IOP partnerships",
    query: `{ placementProviders(first: 100) { nodes { name organisationsnummer iopPartnerships { title partner { organisationsnummer } } } } }`,
    scopes: ["relationsvald:read", "iop:read"],
  },
  {
    name: "cross-domain: a partnership's placement costs (whole months, disclosure control)",
    query: `{ iopAgreements(first: 100) { nodes { title placementCosts(from: "2022-01-01", to: "2022-12-31") { total serviceFee placementCost registeredProvider suppressed lines { month type amount chargedNights } disclosure { exact minimumCount } } } } }`,
    scopes: ["relationsvald:stats", "iop:read"],
  },
  {
    name: "cross-domain: placement costs over the agreement's default period",
    query: `{ iopAgreements(first: 100) { nodes { id placementCosts { from to total placementCost serviceFee } } } }`,
    scopes: ["relationsvald:stats:exact", "iop:read"],
  },
  {
    name: "cross-domain: BAD_USER_INPUT for a period that ends before it starts",
    query: `{ iopAgreements(first: 2) { nodes { title placementCosts(from: "2023-01-01", to: "2022-01-31") { total } } } }`,
    scopes: ["relationsvald:stats", "iop:read"],
  },
  {
    name: "cross-domain: FORBIDDEN placement costs without a relationsvåld scope",
    query: `{ iopAgreements(first: 2) { nodes { title placementCosts { total } } } }`,
    scopes: ["iop:read"],
  },
  { name: "UNAUTHENTICATED without a token", query: STATS_2021 },
  {
    name: "BAD_USER_INPUT for a subscription over HTTP, naming WebSocket",
    query: `subscription { events { id } }`,
    scopes: ["synpunkter:events"],
  },
  // The hardening probes' document limits (apps/gateway/test/security/abuse-probes.e2e-spec.ts) hold at the federated edge.
  { name: "limits: 101 aliases", query: aliases(101), scopes: ["synpunkter:read"] },
  { name: "limits: a document too deep", query: deep(40), scopes: ["synpunkter:read"] },
  { name: "limits: a fragment bomb", query: fragmentBomb(30), scopes: ["synpunkter:read"] },
  {
    name: "limits: a field repeated 500 times",
    query: `query { ${"__typename ".repeat(500)}}`,
    scopes: ["synpunkter:read"],
  },
  { name: "FORBIDDEN without the scope", query: `{ feedbackItems { totalCount } }`, scopes: ["synpunkter:stats"] },
  {
    name: "FORBIDDEN on a cross-domain field",
    query: `{ placementProviders(first: 5) { nodes { name iopPartnerships { title } } } }`,
    scopes: ["relationsvald:read"],
  },
  {
    name: "BAD_USER_INPUT naming the field",
    query: REGISTER,
    scopes: ["synpunkter:write"],
    variables: { input: { ...FEEDBACK_INPUT, submitterEmail: "not-an-email" } },
  },
  {
    name: "BAD_USER_INPUT for an invalid date literal",
    query: `{ feedbackStatistics(from: "2021-02-30", to: "2021-12-31") { received } }`,
    scopes: ["synpunkter:stats"],
  },
];

/**
 * What must be equal: status, data, and per error its message, code and the rest of its
 * extensions. Not compared: `locations` and `serviceName` (Hive Gateway reports the subgraph
 * instead of the client's document), the request ids, and list indexes in an error's path (a
 * batched `_entities` call reports the field, not the row).
 */
function comparable(answer: Answer): unknown {
  const errors = answer.body.errors?.map(({ message, path, extensions = {} }) => {
    const { serviceName: _s, requestId: _r, ...rest } = extensions;
    return { message, path: path?.filter((p) => typeof p === "string"), extensions: rest };
  });
  return { status: answer.status, data: answer.body.data ?? null, errors };
}

/** The URL a subgraph process logged when it started listening. */
function listeningUrl(subgraph: NodeProcess): string {
  return subgraph.lines
    .map((l) => JSON.parse(l) as { message?: string; url?: string })
    .find((l) => l.message === "subgraph listening")!.url!;
}

suite("the federated topology answers as the monolith (parity)", () => {
  let url: string;
  const processes: NodeProcess[] = [];
  let monolith = "";
  let federated = "";

  beforeAll(async () => {
    const { database } = splitMysqlUrl(databaseUrl!);
    url = withDatabase(databaseUrl!, `${database}_fed_${process.pid}_${randomBytes(3).toString("hex")}`);
    await recreateDatabase(url);
    const env = { ...PRODUCTION_TEST_ENV, DATABASE_URL: url };
    // The monolith migrates and seeds the shared database; the subgraphs never migrate.
    const mono = NodeProcess.spawn("monolith", MONOLITH_MAIN, { ...env, DEMO_SEED: "true" });
    processes.push(mono);
    monolith = (await mono.urlWhenLogged("gateway started", 180_000)).replace(/\/graphql$/, "");
    const subgraphUrls: string[] = [];
    for (const spec of SUBGRAPHS) {
      const sub = NodeProcess.spawn(spec.name, SUBGRAPH_MAIN, { ...env, SUBGRAPH: spec.name, DEMO_SEED: "false" });
      processes.push(sub);
      subgraphUrls.push(`${spec.name}=${await sub.urlWhenLogged("subgraph listening", 60_000)}`);
    }
    const gateway = NodeProcess.spawn("federated gateway", FEDERATED_GATEWAY_MAIN, {
      ...env,
      SUBGRAPH_URLS: subgraphUrls.join(","),
    });
    processes.push(gateway);
    federated = await gateway.urlWhenLogged("federated gateway listening", 60_000);
  }, 400_000);

  afterAll(async () => {
    // Each process by its own pid, the gateway first.
    for (const p of [...processes].reverse()) await p.stop();
    if (url) await dropDatabase(url);
  }, 60_000);

  it("is ready once every subgraph is", async () => {
    const ready = await fetch(`${federated}/readyz`);
    expect(ready.status).toBe(200);
  });

  it.each(OPERATIONS)("$name", async ({ query, scopes, variables }) => {
    const mono = await post(monolith, query, { scopes, variables });
    const fed = await post(federated, query, { scopes, variables });
    // Every operation must be worth comparing: data for the reads, an error for the error cases.
    expect(mono.body.data ?? mono.body.errors).toBeTruthy();
    expect(comparable(fed)).toEqual(comparable(mono));
  });

  it("a mutation with input: the same answer, and each write visible through the other topology", async () => {
    const count = `{ feedbackItems(first: 1) { totalCount } }`;
    const read = ["synpunkter:read"];
    const before = (await post(monolith, count, { scopes: read })).body.data as {
      feedbackItems: { totalCount: number };
    };
    const viaMonolith = await post(monolith, REGISTER, {
      scopes: ["synpunkter:write"],
      variables: { input: FEEDBACK_INPUT },
    });
    const viaFederation = await post(federated, REGISTER, {
      scopes: ["synpunkter:write"],
      variables: { input: FEEDBACK_INPUT },
    });
    expect(viaMonolith.body.errors).toBeUndefined();
    const withoutId = (a: Answer) => {
      const { id, ...rest } = (a.body.data as { registerFeedback: Record<string, unknown> }).registerFeedback;
      expect(id).toMatch(/^\d+$/);
      return rest;
    };
    expect(withoutId(viaFederation)).toEqual(withoutId(viaMonolith));
    const idOf = (a: Answer) => (a.body.data as { registerFeedback: { id: string } }).registerFeedback.id;
    expect(idOf(viaFederation)).not.toBe(idOf(viaMonolith));
    const afterMono = await post(monolith, count, { scopes: read });
    const afterFed = await post(federated, count, { scopes: read });
    expect(afterFed).toEqual(afterMono);
    expect((afterMono.body.data as typeof before).feedbackItems.totalCount).toBe(before.feedbackItems.totalCount + 2);
  });

  it("the request id follows the request into the subgraph (its access log entry)", async () => {
    const r = await fetch(`${federated}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await token(["synpunkter:read"])}` },
      body: JSON.stringify({ query: `{ feedbackItem(id: "1") { id description } }` }),
    });
    expect(r.status).toBe(200);
    const requestId = r.headers.get("x-request-id");
    expect(requestId).toMatch(/^req_/);
    const log = await post(
      monolith,
      `{ accessLog(first: 20, filter: { recordType: "FeedbackItem", recordId: "1" }) { nodes { requestId operation } } }`,
      {
        scopes: ["audit:read"],
      },
    );
    const entries = (log.body.data as { accessLog: { nodes: { requestId: string | null }[] } }).accessLog.nodes;
    expect(entries.map((e) => e.requestId)).toContain(requestId);
  });

  it("a killed subgraph: its fields get an error naming their path, the others answer, and it rejoins on restart", async () => {
    const index = processes.findIndex((p) => p.name === "donationsfonder");
    const victim = processes[index];
    const address = new URL(listeningUrl(victim));
    victim.child.kill("SIGKILL");
    await victim.exited;
    const funds = `{ donationFunds { name } }`;
    const scopes = ["donationsfonder:read", "synpunkter:read"];
    const down = await post(federated, funds, { scopes });
    expect(down.status).toBe(503);
    expect(down.body.errors).toEqual([
      {
        message: "The donationsfonder service is not answering (donationFunds); retry in a few seconds",
        path: ["donationFunds"],
        extensions: { code: "SERVICE_UNAVAILABLE", serviceName: "donationsfonder" },
      },
    ]);
    // Queries that do not touch it are unaffected.
    const other = `{ feedbackItems(first: 1) { totalCount } }`;
    expect(comparable(await post(federated, other, { scopes }))).toEqual(
      comparable(await post(monolith, other, { scopes })),
    );
    // Back on the same port: the gateway's next request reaches it.
    const restarted = NodeProcess.spawn("donationsfonder", SUBGRAPH_MAIN, {
      ...PRODUCTION_TEST_ENV,
      DATABASE_URL: url,
      SUBGRAPH: "donationsfonder",
      PORT: address.port,
    });
    processes[index] = restarted;
    await restarted.urlWhenLogged("subgraph listening", 60_000);
    const up = await post(federated, funds, { scopes });
    expect(comparable(up)).toEqual(comparable(await post(monolith, funds, { scopes })));
    expect(up.body.errors).toBeUndefined();
  });

  it("the edge's probe set (scanners' abuse probes): the same refusal as the monolith, and the gateway stays up", async () => {
    const authorization = `Bearer ${await token(["synpunkter:read", "synpunkter:stats", "audit:read"])}`;
    const send = async (base: string, body: unknown) => {
      const r = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const answer = (await r.json().catch(() => ({}))) as Answer["body"];
      return { status: r.status, codes: (answer.errors ?? []).map((e) => e.extensions?.code), data: answer.data };
    };
    for (const probe of PROBES) {
      const fed = await send(federated, probe.body);
      expect({ probe: probe.name, ...fed }).toEqual({ probe: probe.name, ...(await send(monolith, probe.body)) });
      expect({ probe: probe.name, status: fed.status, code: fed.codes[0] }).toEqual({
        probe: probe.name,
        status: probe.status,
        code: probe.code,
      });
    }
    const after = await post(federated, `{ businessAreas { id } }`, { scopes: ["synpunkter:read"] });
    expect(after.status).toBe(200);
  });

  it("a subgraph refuses a request that does not come from the gateway", async () => {
    const direct = listeningUrl(processes.find((p) => p.name === "synpunkter")!);
    const r = await fetch(direct, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: STATS_2021 }),
    });
    expect(r.status).toBe(403);
    expect(((await r.json()) as Answer["body"]).errors?.[0].extensions?.code).toBe("GATEWAY_SIGNATURE_REQUIRED");
  });
});
