import { recreateDatabase, serverQuery } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";
import { PrivateMariaDb, privateMariaDbUnavailable } from "./private-mariadb";

/**
 * Read replicas (DATABASE_REPLICA_URLS, packages/core/src/data/read-replicas.ts) on real servers:
 * a private primary with a binary log and a private replica replicating from it, both started
 * here in temporary directories and stopped by pid; the built gateway in production mode reads
 * from the replica, writes to the primary, lets a caller read its own writes at once, and reads
 * from the primary when the replica is gone. Runs with the MariaDB suite.
 */
const skipReason = !process.env.TEST_DATABASE_URL
  ? "TEST_DATABASE_URL is not set (this test runs with the MariaDB suite)"
  : privateMariaDbUnavailable;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DATABASE = "arbetsliv_replicated";

const sql = (db: PrivateMariaDb, statement: string) => serverQuery(db.url(), statement);

interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function gql(
  gw: GatewayProcess,
  query: string,
  options: { scopes: string[]; subject: string; variables?: Record<string, unknown> },
): Promise<Answer> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await gw.token(options.scopes, options.subject)}`,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  return (await res.json()) as Answer;
}

/** Waits until the replica has applied everything the primary has logged (same GTID position). */
async function caughtUp(primary: PrivateMariaDb, replica: PrivateMariaDb): Promise<void> {
  const [{ position }] = (await sql(primary, "SELECT @@gtid_binlog_pos AS position")) as { position: string }[];
  await sql(replica, `SELECT MASTER_GTID_WAIT('${position}', 30)`);
}

(skipReason ? describe.skip : describe)("read replicas (private primary and replica, built gateway)", () => {
  let primary: PrivateMariaDb;
  let replica: PrivateMariaDb;
  let gw: GatewayProcess;

  beforeAll(async () => {
    const created = await Promise.allSettled([
      PrivateMariaDb.create({
        extraArgs: ["--log-bin={dir}/binlog", "--server-id=1", "--binlog-format=ROW"],
        grantTables: true,
      }),
      PrivateMariaDb.create({ extraArgs: ["--server-id=2"] }),
    ]);
    // Both kept before either failure is thrown, so afterAll stops the one that started.
    [primary, replica] = created.map((c) => (c.status === "fulfilled" ? c.value : undefined)) as [
      PrivateMariaDb,
      PrivateMariaDb,
    ];
    const failed = created.find((c): c is PromiseRejectedResult => c.status === "rejected");
    if (failed) throw failed.reason;
    await sql(
      replica,
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos`,
    );
    await sql(replica, "START SLAVE");
    await recreateDatabase(primary.url(DATABASE));
    gw = await GatewayProcess.start({
      demoSeed: false,
      env: {
        DATABASE_URL: primary.url(DATABASE).replace(/^mysql:/, "mariadb:"),
        DATABASE_REPLICA_URLS: replica.url(DATABASE).replace(/^mysql:/, "mariadb:"),
      },
    });
    await caughtUp(primary, replica); // the migrations reach the replica
  }, 180_000);

  afterAll(async () => {
    await gw?.stop();
    await Promise.all([replica?.destroy(), primary?.destroy()]);
  });

  const ADMIN = ["admin"];
  const FEEDBACK = ["synpunkter:read", "synpunkter:write"];

  async function registerFeedback(subject: string, businessAreaId: string): Promise<string> {
    const r = await gql(gw, `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`, {
      scopes: FEEDBACK,
      subject,
      variables: {
        input: {
          kind: "PRAISE",
          criterion: "INFORMATION",
          businessAreaId,
          channel: "E_SERVICE",
          description: "Bra bemötande",
          wantsReply: false,
        },
      },
    });
    expect(r.errors).toBeUndefined();
    return r.data!.registerFeedback.id as string;
  }

  async function read(subject: string, id: string): Promise<unknown> {
    const r = await gql(gw, `query($id: ID!) { feedbackItem(id: $id) { id } }`, {
      scopes: FEEDBACK,
      subject,
      variables: { id },
    });
    return r.data?.feedbackItem ?? null;
  }

  it("reads from the replica, writes to the primary, and a caller reads its own write at once", async () => {
    const area = await gql(
      gw,
      `mutation { saveBusinessArea(input: { name: "Replikerat", handlingDays: 14 }) { id } }`,
      {
        scopes: ADMIN,
        subject: "replica-admin",
      },
    );
    expect(area.errors).toBeUndefined();
    const areaId = area.data!.saveBusinessArea.id as string;
    await caughtUp(primary, replica);

    // The replica stops applying: what is written now is on the primary only.
    await sql(replica, "STOP SLAVE SQL_THREAD");
    try {
      const id = await registerFeedback("replica-writer", areaId);
      // The writer reads from the primary right after its write (read-your-writes) …
      expect(await read("replica-writer", id)).toEqual({ id });
      // … another caller reads from the replica, which has not applied it: proof that reads go there.
      expect(await read("replica-reader", id)).toBeNull();
      const [{ onReplica }] = (await sql(
        replica,
        `SELECT COUNT(*) AS onReplica FROM ${DATABASE}.feedback_item WHERE id = ${Number(id)}`,
      )) as { onReplica: number }[];
      expect(Number(onReplica)).toBe(0);
    } finally {
      await sql(replica, "START SLAVE SQL_THREAD");
    }
    await caughtUp(primary, replica);
  }, 60_000);

  it("reads from the primary when the replica is gone, and keeps writing", async () => {
    const area = await gql(
      gw,
      `mutation { saveBusinessArea(input: { name: "Utan replik", handlingDays: 14 }) { id } }`,
      {
        scopes: ADMIN,
        subject: "replica-admin",
      },
    );
    const areaId = area.data!.saveBusinessArea.id as string;
    const before = await registerFeedback("before-outage", areaId);
    await caughtUp(primary, replica);

    await replica.stop("SIGKILL");
    const reads: unknown[] = [];
    for (let i = 0; i < 5; i++) reads.push(await read("outage-reader", before));
    expect(reads).toEqual(Array.from({ length: 5 }, () => ({ id: before })));
    const during = await registerFeedback("outage-writer", areaId);
    await sleep(100);
    expect(await read("another-outage-reader", during)).toEqual({ id: during });
    expect(
      gw.logEntries().some((e) => e.level === "warn" && String(e.message).includes("no read replica answers")),
    ).toBe(true);
  }, 60_000);
});
