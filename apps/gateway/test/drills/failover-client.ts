/**
 * A small client for the replica-kill drill: each write is a `registerFeedback` with its own
 * idempotency key, sent to the primary replica; on a connection error or a 5xx it is sent again,
 * byte for byte (same key), to the standby replica. It knows nothing of processes: the drill kills
 * a replica from `onAcknowledged`, and the client only records what it saw.
 */

export type Replica = "A" | "B";

export interface Attempt {
  replica: Replica;
  /** false once `markKilled()` was called: an attempt sent after it cannot have reached the dead replica. */
  sentBeforeKill: boolean;
  /** "answered": an HTTP answer (see status); "connection": no answer (refused, reset, closed, timed out). */
  outcome: "answered" | "connection";
  status?: number;
  /** The fetch error's cause code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET …). */
  error?: string;
}

export interface WriteRecord {
  n: number;
  idempotencyKey: string;
  description: string;
  attempts: Attempt[];
  /** The item id of the answer the client accepted as "written" (200, data, no errors). */
  acknowledgedId?: string;
  acknowledgedBy?: Replica;
  /** The first GraphQL error code of an answer that was neither a success nor worth a retry. */
  refusedCode?: string;
}

export interface FailoverLoadOptions {
  urls: Record<Replica, string>;
  token: string;
  businessAreaId: string;
  /** Distinguishes this run's rows in the database. */
  tag: string;
  writes: number;
  workers: number;
  /** Called after every acknowledged write with the count so far (e.g. to kill a replica). */
  onAcknowledged?: (count: number) => void;
  /** Bound on one HTTP exchange, so a hung replica cannot hang the drill. */
  requestTimeoutMs?: number;
}

const REGISTER = `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`;

export function descriptionOf(tag: string, n: number): string {
  return `${tag}-${n}`;
}

/** The request body of write `n`: identical on every attempt, so the key and the input hash match. */
function bodyOf(options: FailoverLoadOptions, n: number): string {
  return JSON.stringify({
    query: REGISTER,
    variables: {
      input: {
        kind: "COMPLAINT",
        criterion: "SERVICES",
        businessAreaId: options.businessAreaId,
        channel: "E_SERVICE",
        description: descriptionOf(options.tag, n),
        wantsReply: false,
        idempotencyKey: `${options.tag}-key-${n}`,
      },
    },
  });
}

interface Answer {
  data?: { registerFeedback?: { id: string } | null } | null;
  errors?: { extensions?: { code?: string } }[];
}

async function send(
  url: string,
  token: string,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; answer: Answer | null } | { error: string }> {
  try {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let answer: Answer | null = null;
    try {
      answer = JSON.parse(text) as Answer;
    } catch {
      answer = null;
    }
    return { status: res.status, answer };
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string }; code?: string };
    return { error: err.cause?.code ?? err.code ?? err.name ?? "fetch failed" };
  }
}

export interface FailoverLoad {
  /** Tell the client the primary was killed now (classifies the attempts sent from here on). */
  markKilled(): void;
  /** Resolves when every write has been answered or given up on. */
  done: Promise<WriteRecord[]>;
}

/** Runs `writes` registrations over `workers` concurrent loops, each retried once on B when A fails. */
export function startFailoverLoad(options: FailoverLoadOptions): FailoverLoad {
  const timeoutMs = options.requestTimeoutMs ?? 20_000;
  const records: WriteRecord[] = Array.from({ length: options.writes }, (_, n) => ({
    n,
    idempotencyKey: `${options.tag}-key-${n}`,
    description: descriptionOf(options.tag, n),
    attempts: [],
  }));
  let killed = false;
  let next = 0;
  let acknowledged = 0;

  async function attempt(record: WriteRecord, replica: Replica, body: string): Promise<"done" | "retry"> {
    const sentBeforeKill = !killed;
    const result = await send(options.urls[replica], options.token, body, timeoutMs);
    if ("error" in result) {
      record.attempts.push({ replica, sentBeforeKill, outcome: "connection", error: result.error });
      return "retry";
    }
    record.attempts.push({ replica, sentBeforeKill, outcome: "answered", status: result.status });
    if (result.status >= 500) return "retry";
    const id = result.answer?.data?.registerFeedback?.id;
    if (result.status === 200 && id && !result.answer?.errors?.length) {
      record.acknowledgedId = id;
      record.acknowledgedBy = replica;
      options.onAcknowledged?.(++acknowledged);
    } else {
      record.refusedCode = result.answer?.errors?.[0]?.extensions?.code ?? `HTTP ${result.status}`;
    }
    return "done";
  }

  async function worker(): Promise<void> {
    while (next < options.writes) {
      const record = records[next++];
      const body = bodyOf(options, record.n);
      if ((await attempt(record, "A", body)) === "retry") await attempt(record, "B", body);
    }
  }

  return {
    markKilled: () => {
      killed = true;
    },
    done: Promise.all(Array.from({ length: options.workers }, () => worker())).then(() => records),
  };
}
