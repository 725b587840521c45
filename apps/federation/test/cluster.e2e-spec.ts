import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { dropDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";
import { deleteNatsNamespace, uniqueNatsNamespace } from "@arbetsliv/events/testing";
import { freePort, haproxyInstalled, pidAlive, post, PRODUCTION_TEST_ENV, token } from "./processes";
import { EVENTS, until, wsClient } from "../../gateway/test/events/ws-client";

/**
 * `pnpm start:cluster` (dist/cluster/cluster-main.js, as the root script runs it after the build):
 * the topology on MariaDB behind HAProxy, in production mode with test secrets. It needs a database
 * its processes share and Debian's haproxy; without either the suite is skipped, saying which.
 */
const CLUSTER_MAIN = resolve(__dirname, "../dist/cluster/cluster-main.js");
const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const databaseUrl = process.env.TEST_DATABASE_URL;
const skipReason = !databaseUrl
  ? "the cluster needs a database its processes share; set TEST_DATABASE_URL to MariaDB"
  : !haproxyInstalled()
    ? "haproxy is not installed (apt-get install haproxy)"
    : null;
const suite = skipReason ? describe.skip : describe;
if (skipReason) console.warn(`cluster e2e skipped: ${skipReason}`);

jest.setTimeout(400_000);

/** The cluster command as a child, the leader of its own process group (as a terminal runs it), its output collected. */
class Cluster {
  output = "";
  readonly exited: Promise<number | null>;
  private constructor(readonly child: ChildProcess) {
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (this.output += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.output += chunk));
    this.exited = new Promise((done) => child.once("exit", (code) => done(code)));
  }

  static start(env: Record<string, string>): Cluster {
    return new Cluster(
      spawn(process.execPath, [CLUSTER_MAIN], {
        env: { PATH: process.env.PATH ?? "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      }),
    );
  }

  /** The first match of `pattern` in the output, once it is there; rejects with the output if the cluster exits first. */
  async printed(pattern: RegExp): Promise<RegExpExecArray> {
    for (;;) {
      const m = pattern.exec(this.output);
      if (m) return m;
      const exited = await Promise.race([this.exited.then(() => true), new Promise((r) => setTimeout(r, 100, false))]);
      if (exited) throw new Error(`the cluster exited before printing ${pattern}:\n${this.output}`);
    }
  }

  /** The front URL, once the cluster says it is ready. */
  async ready(): Promise<string> {
    return (await this.printed(/cluster: ready: (http:\/\/\S+)\/graphql/))[1];
  }

  /**
   * After a failed test: SIGTERM to the cluster (it stops its children), then SIGKILL to any pid it
   * reported that is still there. Never SIGKILL the cluster first: its children, in process groups
   * of their own, would outlive it.
   */
  async shutdown(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGTERM");
      await this.exited;
    }
    for (const pid of this.pids().values()) if (pidAlive(pid)) process.kill(pid, "SIGKILL");
  }

  /** The pids it reported starting, by name. */
  pids(): Map<string, number> {
    return new Map([...this.output.matchAll(/cluster: started (.+) \(pid (\d+)\)/g)].map((m) => [m[1], Number(m[2])]));
  }
}

suite("pnpm start:cluster: six subgraphs, two gateway replicas and HAProxy on MariaDB", () => {
  let url = "";
  // Its own JetStream stream and subjects: the relay's events reach no other run's subscribers.
  const namespace = uniqueNatsNamespace("cluster");

  beforeAll(() => {
    const { database } = splitMysqlUrl(databaseUrl!);
    url = withDatabase(databaseUrl!, `${database}_cluster_${process.pid}_${randomBytes(3).toString("hex")}`);
  });
  afterAll(async () => {
    await dropDatabase(url);
    await deleteNatsNamespace(NATS_URL, namespace).catch(() => undefined);
  }, 60_000);

  const clusterEnv = async () => ({
    ...PRODUCTION_TEST_ENV,
    DATABASE_URL: url,
    DEMO_SEED: "true",
    CLUSTER_PORT: String(await freePort()),
    CLUSTER_EPHEMERAL_PORTS: "true",
    REDIS_KEY_PREFIX: `arbetsliv-test:cluster-${process.pid}:`,
    NATS_URL,
    ...namespace.env,
  });

  it("creates and seeds the database, answers through HAProxy from both replicas, and Ctrl-C stops every process", async () => {
    const cluster = Cluster.start(await clusterEnv());
    try {
      const front = await cluster.ready();
      const pids = cluster.pids();
      // migrate (the monolith, stopped again), the relay, six subgraphs, two replicas, haproxy.
      expect([...pids.keys()].sort()).toEqual(
        [
          "gateway-1",
          "gateway-2",
          "haproxy",
          "migrate",
          "relay",
          ...["synpunkter", "ekonomiskt-bistand", "relationsvald", "iop", "donationsfonder", "platform"].map(
            (s) => `subgraph ${s}`,
          ),
        ].sort(),
      );

      const query = `{ feedbackItems(first: 2) { totalCount } }`;
      const servedBy: string[] = [];
      const requestIds: string[] = [];
      for (let i = 0; i < 2; i++) {
        const r = await fetch(`${front}/graphql`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${await token(["synpunkter:read"])}`,
          },
          body: JSON.stringify({ query }),
        });
        const body = (await r.json()) as { data: { feedbackItems: { totalCount: number } } };
        expect(r.status).toBe(200);
        // The demo seed ran through the monolith's start: the data is there.
        expect(body.data.feedbackItems.totalCount).toBeGreaterThan(0);
        servedBy.push(r.headers.get("x-served-by") ?? "");
        requestIds.push(r.headers.get("x-request-id") ?? "");
      }
      // Round robin: one request each.
      expect([...servedBy].sort()).toEqual(["gateway-1", "gateway-2"]);
      // The replica named logged the request under the id it answered with, and so did the subgraph.
      for (const [i, id] of requestIds.entries()) {
        await cluster.printed(new RegExp(`\\[${servedBy[i]}\\] .*"requestId":"${id}"`));
        await cluster.printed(new RegExp(`\\[subgraph synpunkter\\] .*"requestId":"${id}"`));
      }
      // The edge is the gateway's: without a token, nothing.
      const anonymous = await post(front, query);
      expect(anonymous.body.data ?? null).toBeNull();
      expect(anonymous.body.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);

      // A subscription through HAProxy hears a write made through the other replica (the relay publishes it).
      let subscribedVia: unknown = "";
      const subscriber = wsClient(
        { url: front },
        await token(["synpunkter:events"], "cluster-subscriber"),
        undefined,
        (headers) => (subscribedVia = headers["x-served-by"]),
      );
      const sub = subscriber.subscribe(EVENTS);
      await cluster.printed(/\[subgraph platform\] .*"message":"subscription started".*"cluster-subscriber"/);
      let feedbackId = "";
      for (let i = 0; i < 4 && !feedbackId; i++) {
        const r = await fetch(`${front}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${await token(["synpunkter:write"])}` },
          body: JSON.stringify({
            query: `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`,
            variables: {
              input: {
                kind: "QUESTION",
                criterion: "INFORMATION",
                businessAreaId: "1",
                channel: "E_SERVICE",
                description: "Öppettider?",
                wantsReply: false,
              },
            },
          }),
        });
        const id = ((await r.json()) as { data: { registerFeedback: { id: string } } }).data.registerFeedback.id;
        if (r.headers.get("x-served-by") !== subscribedVia) feedbackId = id;
      }
      expect(subscribedVia).toMatch(/^gateway-[12]$/);
      expect(feedbackId).not.toBe("");
      await until(() => sub.events.some((e) => e.subject === `FeedbackItem/${feedbackId}`), "the event", 30_000);
      expect(sub.errors).toEqual([]);
      await subscriber.client.dispose();

      // Ctrl-C: SIGINT to the whole process group, as a terminal sends it.
      process.kill(-cluster.child.pid!, "SIGINT");
      expect(await cluster.exited).toBe(0);
      expect(cluster.output).toContain("cluster: stopped");
      for (const [name, pid] of pids) expect({ name, alive: pidAlive(pid) }).toEqual({ name, alive: false });
    } finally {
      await cluster.shutdown();
    }
  });

  it("a child that dies is reported and the cluster stops the rest (exit 1)", async () => {
    const cluster = Cluster.start(await clusterEnv());
    try {
      await cluster.ready();
      const pids = cluster.pids();
      process.kill(pids.get("subgraph iop")!, "SIGKILL");
      expect(await cluster.exited).toBe(1);
      expect(cluster.output).toMatch(/cluster: subgraph iop \(pid \d+\) exited unexpectedly \(SIGKILL\)/);
      for (const [name, pid] of pids) expect({ name, alive: pidAlive(pid) }).toEqual({ name, alive: false });
    } finally {
      await cluster.shutdown();
    }
  });
});
