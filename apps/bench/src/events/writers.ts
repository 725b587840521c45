import { Agent, request } from "node:http";
import type { DataSource } from "typeorm";
import { recordEvent, type EventType } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import { nowMs } from "./clock";
import { sampleData } from "./event-type";

/** One committed write: the CloudEvents subject its event carries and when the writer saw the commit. */
export interface Written {
  subject: string;
  committedAt: number;
}

export type Writer = (n: number) => Promise<Written>;

export const REGISTER_FEEDBACK =
  "mutation Bench($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }";

export function registerFeedbackBody(businessAreaId: number): string {
  return JSON.stringify({
    query: REGISTER_FEEDBACK,
    variables: {
      input: {
        kind: "PRAISE",
        criterion: "SERVICES",
        businessAreaId: String(businessAreaId),
        channel: "E_SERVICE",
        description: "Bench feedback",
        wantsReply: false,
      },
    },
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The real path: registerFeedback through the gateway (its transaction records feedback.received). */
export function gatewayWriter(graphqlUrl: string, token: string, businessAreaId: number, subjectType: string): Writer {
  const body = registerFeedbackBody(businessAreaId);
  return async () => {
    const r = await postJson(graphqlUrl, body, { authorization: `Bearer ${token}` });
    const committedAt = nowMs();
    const id = (JSON.parse(r.body) as { data?: { registerFeedback?: { id: string } } }).data?.registerFeedback?.id;
    if (r.status !== 200 || !id) throw new Error(`registerFeedback: HTTP ${r.status} ${r.body.slice(0, 300)}`);
    return { subject: `${subjectType}/${id}`, committedAt };
  };
}

/** The outbox alone: a transaction that only records the event (used while no mutation records one). */
export function directWriter(ds: DataSource, type: EventType, firstSubjectId: number): Writer {
  return async (n) => {
    const subjectId = firstSubjectId + n;
    await inTransaction(ds, (m) => recordEvent(m, type, { subjectId, data: sampleData(type, subjectId) }));
    return { subject: `${type.subjectType}/${subjectId}`, committedAt: nowMs() };
  };
}

export { postJson };
