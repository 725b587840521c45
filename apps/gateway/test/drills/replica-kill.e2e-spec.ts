import { randomBytes } from "node:crypto";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { GatewayProcess } from "../process-gateway";
import { postGraphql } from "../security/helpers";
import { ProcessDatabase } from "../security/process-database";
import { AnswerHoldingProxy } from "./answer-holding-proxy";
import { startFailoverLoad, type WriteRecord } from "./failover-client";

jest.setTimeout(120_000);

/**
 * Drill (issue 16): `kill -9` one of two built gateway replicas (production mode, one MariaDB
 * database, each running the in-process relay) under a bounded write load, while the client sends
 * every write with an idempotency key to replica A and retries it on replica B when A gives no
 * answer. A is reached through a loopback proxy that, just before the kill, holds back A's answers
 * until A has finished half of the writes in flight: so every run has writes that A committed and
 * whose answer was lost (the case the key is for), besides writes the kill cut mid-transaction.
 * Afterwards, read from the database over a connection of its own: every acknowledged write is
 * stored exactly once under the id the client was told, none twice, each with one outbox event,
 * and B's relay has sequenced every event, A's share included.
 */
const WRITES = 240;
const WORKERS = 6;
/** The kill comes after this many acknowledged writes: a third of the way, while the others are in flight. */
const KILL_AFTER = 80;
/** A is killed once it has finished this many of the WORKERS writes in flight, their answers held back. */
const HELD_BEFORE_KILL = WORKERS / 2;
/** Bound on that wait (it takes milliseconds): the kill comes then in any case, and the drill fails. */
const HELD_ANSWER_TIMEOUT_MS = 15_000;
const FEEDBACK_RECEIVED = "se.arbetsliv.synpunkter.feedback.received.v1";
const OPERATION = "Mutation.registerFeedback";

// Two processes share one database only on MariaDB: the embedded sql.js file lives inside one process.
const skipReason = process.env.TEST_DATABASE_URL
  ? null
  : "TEST_DATABASE_URL is not set — two gateway processes cannot share the embedded sql.js file";

(skipReason ? describe.skip : describe)(
  `drill: kill -9 one of two gateway replicas under a write load, client retrying on the other (${skipReason ? `skipped: ${skipReason}` : `production mode, ${testDatabaseKind()}`})`,
  () => {
    let a: GatewayProcess | undefined;
    let b: GatewayProcess | undefined;
    let db: ProcessDatabase | undefined;
    let proxyA: AnswerHoldingProxy | undefined;
    let businessAreaId: string;
    const relay = { EVENTS_RELAY: "in-process" };

    beforeAll(async () => {
      a = await GatewayProcess.start({ demoSeed: false, env: relay });
      // B on A's database, which A has migrated.
      b = await GatewayProcess.start({
        demoSeed: false,
        env: { ...relay, DATABASE_URL: a.env.DATABASE_URL, MIGRATIONS_RUN: "false" },
      });
      const area = await postGraphql(
        a,
        { query: `mutation { saveBusinessArea(input: { name: "Jobbtorget", handlingDays: 14 }) { id } }` },
        await a.token(["admin"], "administrator"),
      );
      businessAreaId = (area.json!.data!.saveBusinessArea as { id: string }).id;
      db = await ProcessDatabase.open(b, modules);
      proxyA = await AnswerHoldingProxy.start(a.url);
    });

    afterAll(async () => {
      await proxyA?.close();
      await db?.close();
      await b?.stop(); // SIGTERM, then SIGKILL, by its pid
      await a?.stop(); // already dead after the drill; drops the shared database
    });

    it("keeps every acknowledged write exactly once, none twice, each with one event", async () => {
      const replicaA = a!;
      const replicaB = b!;
      const tag = `replica-kill-${randomBytes(3).toString("hex")}`;
      const proxy = proxyA!;
      const started = Date.now();
      let killedAt = 0;
      let heldAtKill = 0;
      let killing: Promise<void> = Promise.resolve();
      const load = startFailoverLoad({
        urls: { A: proxy.url, B: replicaB.url },
        token: await replicaA.token(["synpunkter:write"], "e-service"),
        businessAreaId,
        tag,
        writes: WRITES,
        workers: WORKERS,
        onAcknowledged: (count) => {
          if (count !== KILL_AFTER) return;
          proxy.holdAnswers();
          let timer: NodeJS.Timeout | undefined;
          const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, HELD_ANSWER_TIMEOUT_MS)));
          killing = Promise.race([proxy.answersHeld(HELD_BEFORE_KILL), timedOut]).then(() => {
            clearTimeout(timer);
            heldAtKill = proxy.heldAnswers;
            load.markKilled();
            killedAt = Date.now();
            process.kill(replicaA.pid, "SIGKILL");
          });
        },
      });
      const records = await load.done;
      await killing;
      const loadMs = Date.now() - started;
      expect(killedAt).toBeGreaterThan(0);
      expect(await replicaA.exited).toEqual({ code: null, signal: "SIGKILL" });

      // What the client saw.
      const retried = records.filter((r) => r.attempts.length > 1);
      const inFlightAtKill = records.filter((r) =>
        r.attempts.some((t) => t.replica === "A" && t.outcome === "connection" && t.sentBeforeKill),
      );
      const byA = records.filter((r) => r.acknowledgedBy === "A").length;
      const byB = records.filter((r) => r.acknowledgedBy === "B").length;
      expect(records.filter((r) => r.refusedCode)).toEqual([]);
      expect(records.filter((r) => !r.acknowledgedId)).toEqual([]); // B answered every retry
      expect(byA).toBeGreaterThanOrEqual(KILL_AFTER); // writes completed before the kill…
      expect(byB).toBeGreaterThan(0); // …and after it, on the other replica
      expect(inFlightAtKill.length).toBeGreaterThan(0); // the kill cut requests in flight
      expect(retried.every((r) => r.attempts[0].replica === "A" && r.attempts[1].replica === "B")).toBe(true);

      // What the database holds: each write once, under the id the client was told.
      const rows = await db!.query(`SELECT id, description FROM feedback_item WHERE description LIKE '${tag}-%'`);
      const idsByDescription = new Map<string, string[]>();
      for (const row of rows) {
        const ids = idsByDescription.get(String(row.description)) ?? [];
        ids.push(String(row.id));
        idsByDescription.set(String(row.description), ids);
      }
      const twice = [...idsByDescription].filter(([, ids]) => ids.length > 1);
      expect(twice).toEqual([]);
      const notAsAcknowledged = records.filter((r) => idsByDescription.get(r.description)?.[0] !== r.acknowledgedId);
      expect(notAsAcknowledged.map((r) => r.n)).toEqual([]);
      expect(rows.length).toBe(WRITES);
      const itemIds = new Set(rows.map((row) => String(row.id)));

      // One key per write, finished (a key row exists only with its record: same transaction).
      const keys = await db!.query(
        `SELECT idempotencyKey, resultId FROM idempotency_key WHERE operation = '${OPERATION}' AND actor = 'e-service'`,
      );
      expect(keys.length).toBe(WRITES);
      const keyOf = new Map(keys.map((k) => [String(k.idempotencyKey), String(k.resultId)]));
      expect(records.filter((r) => keyOf.get(r.idempotencyKey) !== r.acknowledgedId).map((r) => r.n)).toEqual([]);

      // Answers lost after A committed, answered again by B from the key: B's re-read is access-logged.
      const replays = await db!.query(
        `SELECT recordIds FROM access_log WHERE operation = '${OPERATION}' AND action = 'READ'`,
      );
      const replayedIds = replays.flatMap((r) => String(r.recordIds).split(","));
      const cutIds = new Set(inFlightAtKill.map((r) => r.acknowledgedId));
      expect(replayedIds.filter((id) => !cutIds.has(id))).toEqual([]);
      expect(new Set(replayedIds).size).toBe(replayedIds.length);
      expect(heldAtKill).toBeGreaterThanOrEqual(HELD_BEFORE_KILL);
      // Every write A finished behind the held answers was retried on B and answered from its key.
      expect(replayedIds.length).toBeGreaterThanOrEqual(heldAtKill);

      // The event side: one history step and one outbox event per item, none for anything else.
      const steps = await db!.query(
        `SELECT feedbackId, COUNT(*) AS n FROM feedback_event WHERE type = 'REGISTERED' GROUP BY feedbackId`,
      );
      expect(steps.filter((s) => Number(s.n) !== 1 || !itemIds.has(String(s.feedbackId)))).toEqual([]);
      expect(steps.length).toBe(WRITES);
      const events = await db!.query(
        `SELECT subject, COUNT(*) AS n FROM event_outbox WHERE type = '${FEEDBACK_RECEIVED}' GROUP BY subject`,
      );
      expect(events.filter((e) => Number(e.n) !== 1)).toEqual([]);
      expect(events.map((e) => String(e.subject)).sort()).toEqual(
        [...itemIds].map((id) => `FeedbackItem/${id}`).sort(),
      );

      // B's relay sequences what is left, A's share included: every event gets a position, without a gap.
      const deadline = Date.now() + 30_000;
      let sequenced: Record<string, unknown> = {};
      for (;;) {
        [sequenced] = await db!.query(
          "SELECT COUNT(*) AS total, COUNT(`position`) AS positioned, COUNT(DISTINCT `position`) AS distinctPositions, " +
            "MIN(`position`) AS first, MAX(`position`) AS last FROM event_outbox",
        );
        if (Number(sequenced.positioned) === Number(sequenced.total) || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const total = Number(sequenced.total);
      expect(Number(sequenced.positioned)).toBe(total);
      expect(Number(sequenced.distinctPositions)).toBe(total);
      expect(Number(sequenced.last) - Number(sequenced.first) + 1).toBe(total);

      const counts = (list: WriteRecord[], error: (r: WriteRecord) => boolean) => list.filter(error).length;
      console.warn(
        `[figures] replica kill drill: ${WRITES} writes over ${WORKERS} workers in ${loadMs} ms (kill after ${killedAt - started} ms, ` +
          `${KILL_AFTER} acknowledged); acknowledged ${byA} by A, ${byB} by B; retried on B ${retried.length} ` +
          `(${inFlightAtKill.length} in flight at the kill, ${counts(retried, (r) => !inFlightAtKill.includes(r))} sent to A after it); ` +
          `${replayedIds.length} committed on A with the answer lost (${heldAtKill} answers held back), answered again by B from the key, ` +
          `${inFlightAtKill.length - replayedIds.length} cut before their commit, created by B; ` +
          `rows ${rows.length}, duplicates ${twice.length}, outbox events ${events.length}, all ${total} sequenced`,
      );
    });
  },
);

if (skipReason) console.warn(`[skipped] replica-kill drill: ${skipReason}`);
