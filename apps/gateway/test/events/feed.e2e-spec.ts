import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";
import { postGraphql } from "../security/helpers";

jest.setTimeout(180_000);

const FEEDBACK_RECEIVED = "se.arbetsliv.synpunkter.feedback.received.v1";
const FEED = `query Feed($after: String, $filter: EventFilter, $first: Int) { events(after: $after, filter: $filter, first: $first) { nodes { id type subject sequence data cloudEvent } pageInfo { endCursor hasNextPage } } }`;

describe(`the change feed over HTTP on the built gateway (production mode, ${testDatabaseKind()})`, () => {
  let gw: GatewayProcess;
  beforeAll(async () => {
    gw = await GatewayProcess.start();
  });
  afterAll(() => gw?.stop());

  const feed = async (variables: Record<string, unknown>, scopes: string[]) =>
    postGraphql(gw, { query: FEED, variables }, await gw.token(scopes, "integrator"));

  it("returns a committed change's event to a caller with the event scope, resumable by cursor", async () => {
    const areas = await postGraphql(gw, { query: `{ businessAreas { id } }` }, await gw.token(["synpunkter:stats"]));
    const businessAreaId = (areas.json!.data!.businessAreas as { id: string }[])[0].id;
    const start = await feed({ filter: { types: [FEEDBACK_RECEIVED] }, first: 100 }, ["synpunkter:events"]);
    expect(start.codes).toEqual([]);
    let cursor = (start.json!.data!.events as { pageInfo: { endCursor: string | null } }).pageInfo.endCursor;
    const created = await postGraphql(
      gw,
      {
        query: `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`,
        variables: {
          input: {
            kind: "PRAISE",
            criterion: "TREATMENT",
            businessAreaId,
            channel: "EMAIL",
            description: "Bra bemötande.",
            wantsReply: false,
          },
        },
      },
      await gw.token(["synpunkter:write"], "caseworker"),
    );
    const id = (created.json!.data!.registerFeedback as { id: string }).id;
    const seen: { subject: string; type: string; data: Record<string, unknown>; cloudEvent: string }[] = [];
    const deadline = Date.now() + 15_000;
    while (!seen.some((e) => e.subject === `FeedbackItem/${id}`) && Date.now() < deadline) {
      const page = await feed({ after: cursor, filter: { types: [FEEDBACK_RECEIVED] }, first: 10 }, [
        "synpunkter:events",
      ]);
      expect(page.codes).toEqual([]);
      const events = page.json!.data!.events as { nodes: typeof seen; pageInfo: { endCursor: string | null } };
      seen.push(...events.nodes);
      cursor = events.pageInfo.endCursor ?? cursor;
    }
    const event = seen.find((e) => e.subject === `FeedbackItem/${id}`);
    expect(event).toMatchObject({
      type: FEEDBACK_RECEIVED,
      data: expect.objectContaining({ feedbackItemId: id, kind: "PRAISE" }),
    });
    expect(JSON.parse(event!.cloudEvent)).toMatchObject({ type: FEEDBACK_RECEIVED, subject: `FeedbackItem/${id}` });
    expect(event!.cloudEvent).not.toContain("Bra bemötande");
    // A caller without the event scope: empty pages, no error.
    const other = await feed({ first: 100 }, ["synpunkter:read"]);
    expect(other.codes).toEqual([]);
    expect((other.json!.data!.events as { nodes: unknown[] }).nodes).toEqual([]);
  });

  it("lists the catalogue, and refuses a bad cursor and a page over 100 naming the argument", async () => {
    const types = await postGraphql(
      gw,
      { query: `{ eventTypes { type scope data { name type } } }` },
      await gw.token(["synpunkter:read"]),
    );
    const catalogue = types.json!.data!.eventTypes as { type: string; scope: string }[];
    expect(catalogue).toContainEqual(expect.objectContaining({ type: FEEDBACK_RECEIVED, scope: "synpunkter:events" }));
    const badCursor = await feed({ after: "bm9wZQ" }, ["synpunkter:events"]);
    expect(badCursor.codes).toEqual(["BAD_USER_INPUT"]);
    expect(badCursor.text).toContain("after");
    const tooMany = await feed({ first: 101 }, ["synpunkter:events"]);
    expect(tooMany.codes).toEqual(["BAD_USER_INPUT"]);
    expect(tooMany.text).toContain("first");
    const anonymous = await postGraphql(gw, { query: FEED, variables: {} }, null);
    expect(anonymous.codes).toEqual(["UNAUTHENTICATED"]);
  });
});
