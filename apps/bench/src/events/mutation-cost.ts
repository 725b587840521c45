import type { DataSource } from "typeorm";
import { recordEvent, type EventType } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import { post } from "../measure/client";
import { load } from "../measure/load";
import { cpuMs } from "../measure/rss";
import { percentile, round } from "../util/stats";
import { SCRATCH_TABLE } from "./database";
import { nowMs } from "./clock";
import { sampleData } from "./event-type";
import { registerFeedbackBody } from "./writers";
import type { MutationCost } from "./types";

export interface MutationPlan {
  graphqlUrl: string;
  token: string;
  gatewayPid: number;
  businessAreaId: number;
  ds: DataSource;
  eventType: EventType;
  /** Sequential mutations for p50/p99, and transaction pairs for the outbox's share. */
  requests: number;
  pairs: number;
  loadSeconds: number;
  connections: number;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/**
 * registerFeedback through the gateway (latency one at a time, then gateway CPU per request under
 * load), and the outbox's part of it: the same write transaction with and without recordEvent,
 * alternating pair by pair on the same database and pool, so drift hits both alike.
 */
export async function measureMutationCost(plan: MutationPlan): Promise<Omit<MutationCost, "recordsEvent">> {
  const body = registerFeedbackBody(plan.businessAreaId);
  const headers = { "content-type": "application/json", authorization: `Bearer ${plan.token}` };
  const first = await post(plan.graphqlUrl, body, headers);
  if (first.status !== 200 || first.body.includes('"errors"'))
    throw new Error(`registerFeedback: HTTP ${first.status} ${first.body.slice(0, 300)}`);

  for (let i = 0; i < 20; i++) await post(plan.graphqlUrl, body, headers); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < plan.requests; i++) latencies.push((await post(plan.graphqlUrl, body, headers)).ms);

  const before = cpuMs(plan.gatewayPid);
  const loaded = await load(plan.graphqlUrl, body, headers, plan.connections, plan.loadSeconds);
  const cpuPerRequest = (cpuMs(plan.gatewayPid) - before) / loaded.requests;
  if (loaded.errors > 0) throw new Error(`registerFeedback under load: ${loaded.errors} errors`);

  const tx = await measureOutboxInsert(plan.ds, plan.eventType, plan.pairs);
  const p50 = percentile(sorted(latencies), 50);
  return {
    operation: "synpunkter registerFeedback",
    p50: round(p50, 3),
    p99: round(percentile(sorted(latencies), 99), 3),
    samples: latencies.length,
    rps: round(loaded.rps, 1),
    cpuMsPerRequest: round(cpuPerRequest, 3),
    transaction: tx,
    latencySharePct: round((100 * Math.max(0, tx.deltaP50)) / p50, 1),
    cpuSharePct: round((100 * Math.max(0, tx.cpuDeltaMs)) / cpuPerRequest, 1),
  };
}

/**
 * The write transaction of a mutation with and without the outbox insert: both insert one row
 * (so both pay the commit's log flush); one also calls recordEvent. Wall time per transaction and
 * this process's CPU per transaction (the insert's CPU is spent in whichever process writes).
 */
async function measureOutboxInsert(
  ds: DataSource,
  type: EventType,
  pairs: number,
): Promise<MutationCost["transaction"]> {
  const wall: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  const run = async (withEvent: boolean, n: number) => {
    const c0 = process.cpuUsage();
    const t0 = nowMs();
    await inTransaction(ds, async (m) => {
      await m.query(`INSERT INTO ${SCRATCH_TABLE} (note, createdAt) VALUES (?, ?)`, [
        "bench",
        new Date().toISOString(),
      ]);
      if (withEvent) await recordEvent(m, type, { subjectId: 50_000_000 + n, data: sampleData(type, n) });
    });
    const i = withEvent ? 1 : 0;
    wall[i].push(nowMs() - t0);
    const c = process.cpuUsage(c0);
    cpu[i].push((c.user + c.system) / 1000);
  };
  for (let i = 0; i < 30; i++) await run(i % 2 === 0, i); // warm-up (JIT, pool)
  wall[0].length = wall[1].length = cpu[0].length = cpu[1].length = 0;
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so neither always follows the other.
    if (i % 2 === 0) {
      await run(false, i);
      await run(true, i);
    } else {
      await run(true, i);
      await run(false, i);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const withoutP50 = percentile(sorted(wall[0]), 50);
  const withP50 = percentile(sorted(wall[1]), 50);
  return {
    pairs,
    withoutP50: round(withoutP50, 3),
    withP50: round(withP50, 3),
    deltaP50: round(withP50 - withoutP50, 3),
    cpuWithoutMs: round(mean(cpu[0]), 3),
    cpuWithMs: round(mean(cpu[1]), 3),
    cpuDeltaMs: round(mean(cpu[1]) - mean(cpu[0]), 3),
  };
}
