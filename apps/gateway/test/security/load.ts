import type { DataSource } from "typeorm";

/**
 * A load of feedback registrations, each with a unique marker in its description, so every
 * response can be matched with what the database holds afterwards.
 */
export interface LoadOutcome {
  n: number;
  kind: "accepted" | "refused" | "unavailable" | "connection";
  status?: number;
  code?: string;
  id?: string;
  /** ms since the load started */
  at: number;
  /** when the answer arrived (epoch ms) */
  time?: number;
}

export const MARKER = "fault-load-";

export function registerBody(n: number): string {
  return JSON.stringify({
    query: `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`,
    variables: {
      input: {
        kind: "COMPLAINT",
        criterion: "SERVICES",
        businessAreaId: "1",
        channel: "E_SERVICE",
        description: `${MARKER}${n}`,
      },
    },
  });
}

/** Runs `workers` loops of registrations until stop() is called; returns every outcome. */
export function startLoad(
  url: () => string,
  token: string,
  workers: number,
  pauseMs = 5,
): { outcomes: LoadOutcome[]; stop(): Promise<LoadOutcome[]> } {
  const outcomes: LoadOutcome[] = [];
  const started = Date.now();
  let next = 0;
  let running = true;
  const loop = async () => {
    while (running) {
      const n = next++;
      const outcome: LoadOutcome = { n, kind: "connection", at: 0 };
      try {
        const res = await fetch(`${url()}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: registerBody(n),
        });
        const body = (await res.json()) as {
          data?: { registerFeedback?: { id: string } } | null;
          errors?: { extensions?: { code?: string } }[];
        };
        outcome.status = res.status;
        outcome.code = body.errors?.[0]?.extensions?.code;
        outcome.id = body.data?.registerFeedback?.id;
        outcome.kind =
          res.status === 200 && outcome.id && !body.errors
            ? "accepted"
            : res.status === 503
              ? "unavailable"
              : "refused";
      } catch (e) {
        outcome.code = (e as { cause?: { code?: string } }).cause?.code ?? "fetch failed";
      }
      outcome.at = Date.now() - started;
      outcome.time = Date.now();
      outcomes.push(outcome);
      if (outcome.kind !== "accepted") await new Promise((r) => setTimeout(r, 20));
      else if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const loops = Array.from({ length: workers }, () => loop());
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

export interface Reconciliation {
  sent: number;
  accepted: number;
  rows: number;
  /** accepted by the gateway but not in the database */
  lost: number[];
  /** rows without their REGISTERED event or their access-log entry */
  halfApplied: number[];
  /** rows whose request got no clean answer (commit happened, reply lost) */
  appliedWithoutAnswer: number;
}

/** Matches outcomes with the rows: every accepted registration is stored, every stored one is whole. */
export async function reconcile(ds: DataSource, outcomes: LoadOutcome[]): Promise<Reconciliation> {
  const rows = (await ds.query(`SELECT id, description FROM feedback_item WHERE description LIKE ?`, [
    `${MARKER}%`,
  ])) as { id: number | string; description: string }[];
  const events = (await ds.query(
    `SELECT feedbackId, COUNT(*) AS n FROM feedback_event WHERE type = 'REGISTERED' GROUP BY feedbackId`,
  )) as { feedbackId: number | string; n: number | string }[];
  const logs = (await ds.query(
    `SELECT recordIds FROM access_log WHERE operation = 'Mutation.registerFeedback' AND action = 'CREATE'`,
  )) as { recordIds: string }[];
  const eventCount = new Map(events.map((e) => [Number(e.feedbackId), Number(e.n)]));
  const logCount = new Map<number, number>();
  for (const l of logs)
    for (const id of String(l.recordIds).split(",")) logCount.set(Number(id), (logCount.get(Number(id)) ?? 0) + 1);
  const byMarker = new Map(rows.map((r) => [Number(r.description.slice(MARKER.length)), Number(r.id)]));
  const accepted = outcomes.filter((o) => o.kind === "accepted");
  const lost = accepted.filter((o) => byMarker.get(o.n) !== Number(o.id)).map((o) => o.n);
  const halfApplied = rows
    .filter((r) => eventCount.get(Number(r.id)) !== 1 || logCount.get(Number(r.id)) !== 1)
    .map((r) => Number(r.id));
  const acceptedIds = new Set(accepted.map((o) => o.n));
  return {
    sent: outcomes.length,
    accepted: accepted.length,
    rows: rows.length,
    lost,
    halfApplied,
    appliedWithoutAnswer: [...byMarker.keys()].filter((n) => !acceptedIds.has(n)).length,
  };
}
