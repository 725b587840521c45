import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";
import { SUBGRAPHS } from "../src/topology";
import {
  FEDERATED_GATEWAY_MAIN,
  MONOLITH_MAIN,
  NodeProcess,
  PRODUCTION_TEST_ENV,
  SUBGRAPH_MAIN,
  token,
} from "./processes";

/**
 * The single-subgraph pass-through (src/gateway/pass-through.ts): between the federated gateway
 * and each subgraph sits a recording proxy (it forwards every request unchanged to the real
 * subgraph and keeps its body), so the test sees what each subgraph was sent. An operation one
 * subgraph resolves alone reaches that subgraph as the client's own request (its query text,
 * variables and operation name) and nothing else; one that needs several goes through Hive
 * Gateway's plan (its own documents, entity calls). Either way the answer is the monolith's,
 * byte for byte. MariaDB only, as the parity suite: the processes share its database.
 */
const databaseUrl = process.env.TEST_DATABASE_URL;
const suite = databaseUrl ? describe : describe.skip;
if (!databaseUrl)
  console.warn("federation forwarding skipped: the topology needs a shared database (TEST_DATABASE_URL)");

interface Recorded {
  subgraph: string;
  body: { query?: string; variables?: unknown; operationName?: unknown };
}

/** A proxy in front of one subgraph: forwards method, path, headers and body as they are, and records the body. */
function recordingProxy(subgraph: string, target: string, log: Recorded[]): Promise<{ server: Server; url: string }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (req.url?.startsWith("/graphql"))
        log.push({ subgraph, body: JSON.parse(body.toString("utf8")) as Recorded["body"] });
      const out = request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on("error", () => res.destroy());
      out.end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` }),
    ),
  );
}

async function postText(
  baseUrl: string,
  body: Record<string, unknown>,
  scopes: string[],
): Promise<{ status: number; text: string }> {
  const r = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await token(scopes)}` },
    body: JSON.stringify(body),
  });
  return { status: r.status, text: await r.text() };
}

/** An answer's errors without what names the process (request id, service) or points into the document. */
function errorsOf(text: string): unknown {
  const { errors } = JSON.parse(text) as {
    errors: { message: string; path?: unknown; extensions?: Record<string, unknown> }[];
  };
  return errors.map(({ message, path, extensions = {} }) => {
    const { requestId: _r, serviceName: _s, ...rest } = extensions;
    return { message, path, extensions: rest };
  });
}

/** Operations one subgraph resolves alone, and the subgraph. */
const SINGLE = [
  {
    name: "a list page with a relation",
    subgraph: "synpunkter",
    body: {
      query: `{ feedbackItems(first: 5) { totalCount pageInfo { hasNextPage } nodes { id kind receivedDate businessArea { name } } } }`,
    },
    scopes: ["synpunkter:read"],
  },
  {
    name: "a named operation with variables and a fragment",
    subgraph: "iop",
    body: {
      query: `query One($id: ID!) { iopAgreement(id: $id) { ...Agreement } } fragment Agreement on IopAgreement { id title partner { name organisationsnummer } }`,
      variables: { id: "1" },
      operationName: "One",
    },
    scopes: ["iop:read"],
  },
  {
    name: "statistics",
    subgraph: "synpunkter",
    body: { query: `{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") { received closed kinds { total } } }` },
    scopes: ["synpunkter:stats:exact"],
  },
  {
    name: "a field the token may not read (FORBIDDEN from the subgraph)",
    subgraph: "synpunkter",
    body: { query: `{ feedbackItems { totalCount } }` },
    scopes: ["synpunkter:stats"],
  },
];

/** Operations whose answer needs several subgraphs. */
const MULTI = [
  {
    name: "an agreement's placement costs (IOP, then relationsvåld with @requires)",
    body: {
      query: `{ iopAgreements(first: 20) { nodes { title placementCosts(from: "2022-01-01", to: "2022-12-31") { total placementCost } } } }`,
    },
    scopes: ["relationsvald:stats", "iop:read"],
  },
  {
    name: "a provider's IOP partnerships (relationsvåld, then IOP)",
    body: { query: `{ placementProviders(first: 20) { nodes { name iopPartnerships { title } } } }` },
    scopes: ["relationsvald:read", "iop:read"],
  },
  {
    name: "root fields of two subgraphs",
    body: { query: `{ feedbackItems(first: 1) { totalCount } donationFunds { name } }` },
    scopes: ["synpunkter:read", "donationsfonder:read"],
  },
];

suite("the federated gateway forwards single-subgraph operations as they are", () => {
  let url: string;
  const processes: NodeProcess[] = [];
  const proxies: Server[] = [];
  const log: Recorded[] = [];
  let monolith = "";
  let federated = "";
  let env: Record<string, string> = {};
  let subgraphUrls = "";

  beforeAll(async () => {
    const { database } = splitMysqlUrl(databaseUrl!);
    url = withDatabase(databaseUrl!, `${database}_fwd_${process.pid}_${randomBytes(3).toString("hex")}`);
    await recreateDatabase(url);
    env = { ...PRODUCTION_TEST_ENV, DATABASE_URL: url };
    const mono = NodeProcess.spawn("monolith", MONOLITH_MAIN, { ...env, DEMO_SEED: "true" });
    processes.push(mono);
    monolith = (await mono.urlWhenLogged("gateway started", 180_000)).replace(/\/graphql$/, "");
    const urls: string[] = [];
    for (const spec of SUBGRAPHS) {
      const sub = NodeProcess.spawn(spec.name, SUBGRAPH_MAIN, { ...env, SUBGRAPH: spec.name, DEMO_SEED: "false" });
      processes.push(sub);
      const proxy = await recordingProxy(spec.name, await sub.urlWhenLogged("subgraph listening", 60_000), log);
      proxies.push(proxy.server);
      urls.push(`${spec.name}=${proxy.url}`);
    }
    subgraphUrls = urls.join(",");
    const gateway = NodeProcess.spawn("federated gateway", FEDERATED_GATEWAY_MAIN, {
      ...env,
      SUBGRAPH_URLS: subgraphUrls,
    });
    processes.push(gateway);
    federated = await gateway.urlWhenLogged("federated gateway listening", 60_000);
  }, 400_000);

  afterAll(async () => {
    for (const p of [...processes].reverse()) await p.stop();
    for (const proxy of proxies) {
      proxy.closeAllConnections();
      await new Promise((done) => proxy.close(done));
    }
    if (url) await dropDatabase(url);
  }, 60_000);

  it.each(SINGLE)("single subgraph, passed through: $name", async ({ subgraph, body, scopes }) => {
    const expected = await postText(monolith, body, scopes);
    log.length = 0;
    const answer = await postText(federated, body, scopes);
    // The client's request, unchanged, to that subgraph and no other.
    expect(log).toEqual([{ subgraph, body }]);
    if (expected.text.includes('"errors"')) {
      // Errors: the same status, codes, messages and paths (locations are not passed on, as on the Hive path).
      expect(answer.status).toBe(expected.status);
      expect(errorsOf(answer.text)).toEqual(errorsOf(expected.text));
    } else {
      expect(answer).toEqual(expected);
    }
  });

  it.each(MULTI)("several subgraphs, through Hive Gateway's plan: $name", async ({ body, scopes }) => {
    const expected = await postText(monolith, body, scopes);
    expect(expected.text).not.toContain('"errors"');
    log.length = 0;
    const answer = await postText(federated, body, scopes);
    expect(answer).toEqual(expected);
    // More than one subgraph asked, and none of them sent the client's document.
    expect(new Set(log.map((r) => r.subgraph)).size).toBeGreaterThan(1);
    expect(log.filter((r) => r.body.query === body.query)).toEqual([]);
  });

  it("identical queries in flight from two users each reach the subgraphs with their own token", async () => {
    // Through Hive Gateway's plan (IOP, then relationsvåld): one user may read placement costs, the other may not.
    const query = `{ iopAgreements(first: 3) { nodes { title placementCosts { total } } } }`;
    const allowed = ["iop:read", "relationsvald:stats"];
    const refused = ["iop:read"];
    log.length = 0;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? refused : allowed)).map(async (scopes) => ({
        scopes,
        answer: JSON.parse((await postText(federated, { query }, scopes)).text) as {
          data?: { iopAgreements: { nodes: { placementCosts: unknown }[] } };
          errors?: { extensions?: { code?: string } }[];
        },
      })),
    );
    for (const { scopes, answer } of answers) {
      const costs = answer.data?.iopAgreements.nodes.map((n) => n.placementCosts);
      if (scopes === refused) {
        expect(answer.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
        // No placement cost reaches them (the field is null, or the null reaches further up).
        expect(costs?.filter((c) => c !== null) ?? []).toEqual([]);
      } else {
        expect(answer.errors).toBeUndefined();
        expect(costs?.every((c) => c !== null)).toBe(true);
      }
    }
    // No request merged into another's: two subgraph requests for each of the twenty.
    expect(log.filter((r) => r.subgraph === "iop")).toHaveLength(20);
    expect(log.filter((r) => r.subgraph === "relationsvald")).toHaveLength(20);
  });

  it("weighs a passed-through answer in bytes: over MAX_RESPONSE_BYTES by its UTF-8 size it is refused, under it sent as it came", async () => {
    // Business areas have Swedish names (å, ä, ö: two bytes each), so the answer has more bytes than characters.
    const body = { query: `{ feedbackItems(first: 40) { nodes { id businessArea { name } } } }` };
    const scopes = ["synpunkter:read"];
    const expected = await postText(monolith, body, scopes);
    const bytes = Buffer.byteLength(expected.text);
    expect(bytes).toBeGreaterThan(expected.text.length);
    const capped = async (cap: number) => {
      const gateway = NodeProcess.spawn("capped federated gateway", FEDERATED_GATEWAY_MAIN, {
        ...env,
        SUBGRAPH_URLS: subgraphUrls,
        MAX_RESPONSE_BYTES: String(cap),
      });
      processes.push(gateway);
      return postText(await gateway.urlWhenLogged("federated gateway listening", 60_000), body, scopes);
    };
    // As many bytes allowed as the answer has characters: too few.
    const refused = await capped(expected.text.length);
    expect(refused.status).toBe(400);
    expect((JSON.parse(refused.text) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      "RESPONSE_TOO_LARGE",
    );
    expect(refused.text).not.toContain('"data"');
    // Exactly its bytes: sent, byte for byte the monolith's.
    expect(await capped(bytes)).toEqual(expected);
  }, 120_000);
});
