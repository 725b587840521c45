import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";
import { postGraphql } from "../security/helpers";

jest.setTimeout(120_000);

const REGISTER = `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id status receivedDate dueDate version } }`;
const FEED = `query($after: String) { events(after: $after, first: 100, filter: { types: ["se.arbetsliv.synpunkter.feedback.received.v1"] }) { nodes { id subject } pageInfo { endCursor hasNextPage } } }`;

/**
 * An e-service's retries over real HTTP against the built gateway in production mode: one key, one
 * record and one event, however many calls arrive at once. Without the demo data: on the embedded
 * file every committed write rewrites the whole file (~0.4 s with the 22 MB demo database), and the
 * 49 repeated answers each write an access-log row, which would test sql.js's export, not the keys.
 */
describe(`idempotent creates over HTTP (production mode, ${testDatabaseKind()})`, () => {
  let gw: GatewayProcess;
  let writer: string;
  let businessAreaId: string;
  beforeAll(async () => {
    gw = await GatewayProcess.start({ demoSeed: false });
    writer = await gw.token(["synpunkter:write", "synpunkter:events"], "e-service");
    const area = await postGraphql(
      gw,
      { query: `mutation { saveBusinessArea(input: { name: "Jobbtorget", handlingDays: 14 }) { id } }` },
      await gw.token(["admin"], "administrator"),
    );
    businessAreaId = (area.json!.data!.saveBusinessArea as { id: string }).id;
  });
  afterAll(() => gw?.stop());

  const input = (key: string, description = "Väntade länge på svar") => ({
    kind: "COMPLAINT",
    criterion: "INFORMATION",
    businessAreaId,
    channel: "E_SERVICE",
    description,
    wantsReply: false,
    idempotencyKey: key,
  });

  async function feedbackEvents(): Promise<{ id: string; subject: string }[]> {
    const events: { id: string; subject: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await postGraphql(gw, { query: FEED, variables: { after } }, writer);
      const connection = page.json!.data!.events as {
        nodes: { id: string; subject: string }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
      events.push(...connection.nodes);
      if (!connection.pageInfo.hasNextPage) return events;
      after = connection.pageInfo.endCursor;
    }
  }

  it("answers 50 concurrent identical creates with one key by one record and 50 identical answers", async () => {
    const before = await feedbackEvents();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        postGraphql(gw, { query: REGISTER, variables: { input: input("burst-50") } }, writer),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    const bodies = new Set(answers.map((a) => JSON.stringify(a.json)));
    expect(bodies.size).toBe(1);
    const created = answers[0].json!.data!.registerFeedback as { id: string };
    expect(created.id).toMatch(/^[0-9]+$/);

    // One event for the one record (the relay sequences it shortly after the commit).
    const deadline = Date.now() + 30_000;
    let added: { subject: string }[] = [];
    while (Date.now() < deadline) {
      added = (await feedbackEvents()).slice(before.length);
      if (added.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(added.map((e) => e.subject)).toEqual([`FeedbackItem/${created.id}`]);

    // A retry long after still answers the same record.
    const retry = await postGraphql(gw, { query: REGISTER, variables: { input: input("burst-50") } }, writer);
    expect(JSON.stringify(retry.json)).toBe([...bodies][0]);
  });

  it("refuses the same key with another input as CONFLICT naming input.idempotencyKey, and writes nothing", async () => {
    const first = await postGraphql(gw, { query: REGISTER, variables: { input: input("k-2") } }, writer);
    expect(first.codes).toEqual([]);
    const other = await postGraphql(
      gw,
      { query: REGISTER, variables: { input: input("k-2", "Another text") } },
      writer,
    );
    expect(other.codes).toEqual(["CONFLICT"]);
    expect((other.json!.errors as { extensions: Record<string, unknown> }[])[0].extensions).toMatchObject({
      field: "input.idempotencyKey",
    });
  });

  it("refuses a malformed key naming the field, before anything is written", async () => {
    const bad = await postGraphql(gw, { query: REGISTER, variables: { input: input("has spaces in it") } }, writer);
    expect(bad.codes).toEqual(["BAD_USER_INPUT"]);
    expect((bad.json!.errors as { extensions: Record<string, unknown> }[])[0].extensions).toMatchObject({
      field: "input.idempotencyKey",
    });
  });
});
