import { GatewayProcess } from "../process-gateway";
import { rawRequest } from "./helpers";

/**
 * Issue 13 item 2: a cap on the size of one answer (MAX_RESPONSE_BYTES). Against the built
 * gateway in production mode: the largest legitimate page (100 feedback items with their whole
 * history and replies) fits the default cap with room to spare; with the cap lowered, the same
 * legitimate-but-huge answer is refused with 400 RESPONSE_TOO_LARGE and a message saying what to
 * do, the process stays up and answers the next request; a mutation's answer is never refused.
 */
const ITEMS_PAGE = `{ feedbackItems(first: 100) { totalCount nodes {
  id kind channel criterion status description receivedDate dueDate closedDate assignedTo forwardedTo submitterName submitterEmail submitterPhone
  registeredBy reopenedCount replyCount improvementKind improvementDescription createdAt updatedAt version overdue handledInTime
  businessArea { id name handlingDays } duplicateOf { id }
  history(first: 100) { id type date actor note } replies(first: 100) { id text repliedDate repliedBy } } } }`;

const DEFAULT_CAP = 8_000_000;
const LOWERED_CAP = 3_000;

jest.setTimeout(300_000);

const figures: Record<string, unknown> = {};
let standard: GatewayProcess;
let lowered: GatewayProcess;

beforeAll(async () => {
  [standard, lowered] = await Promise.all([
    GatewayProcess.start(),
    GatewayProcess.start({ env: { MAX_RESPONSE_BYTES: String(LOWERED_CAP) } }),
  ]);
});

afterAll(async () => {
  console.warn(`[figures] response size: ${JSON.stringify(figures)}`);
  await Promise.all([standard?.stop(), lowered?.stop()]);
});

async function post(gw: GatewayProcess, query: string, scopes: string[], variables: Record<string, unknown> = {}) {
  return rawRequest(gw.url, {
    body: JSON.stringify({ query, variables }),
    headers: { authorization: `Bearer ${await gw.token(scopes, "response-limit")}` },
  });
}

it("answers the largest legitimate page (100 feedback items with history and replies) well within the default cap", async () => {
  const res = await post(standard, ITEMS_PAGE, ["synpunkter:read"]);
  expect(res.status).toBe(200);
  expect(res.codes).toEqual([]);
  const bytes = Buffer.byteLength(res.text);
  figures.largestLegitimatePageBytes = bytes;
  expect(bytes).toBeGreaterThan(LOWERED_CAP);
  expect(bytes * 4).toBeLessThan(DEFAULT_CAP);
});

it("refuses an answer over MAX_RESPONSE_BYTES with 400 RESPONSE_TOO_LARGE, and stays up", async () => {
  const res = await post(lowered, ITEMS_PAGE, ["synpunkter:read"]);
  expect(res.status).toBe(400);
  expect(res.codes).toEqual(["RESPONSE_TOO_LARGE"]);
  expect(res.json?.data).toBeUndefined();
  expect(res.json?.errors?.[0].message).toMatch(/larger than 3000 bytes; ask for smaller pages/);
  expect(res.json?.errors?.[0].extensions?.requestId).toBe(res.requestId);
  expect(res.text.length).toBeLessThan(1_000);
  // The request's log line (written once the answer is sent) names the refusal.
  const log = JSON.parse(
    await lowered.waitForLog((l) => l.includes(`"${res.requestId}"`) && l.includes('"message":"request"')),
  ) as Record<string, unknown>;
  expect(log.refused).toEqual(["RESPONSE_TOO_LARGE"]);
  expect(log.status).toBe(400);
  expect(lowered.alive).toBe(true);
  // The next, smaller request is answered.
  const small = await post(lowered, `{ feedbackItems(first: 2) { nodes { id } } }`, ["synpunkter:read"]);
  expect(small.status).toBe(200);
  expect(small.codes).toEqual([]);
});

it("never refuses a mutation's answer for its size (its change is made, the client must learn it)", async () => {
  const areas = await post(lowered, `{ businessAreas { id } }`, ["synpunkter:read"]);
  const businessAreaId = (areas.json!.data!.businessAreas as { id: string }[])[0].id;
  const description = "Lång synpunkt. ".repeat(260); // ~3.9 kB (the most a description holds): the answer passes the lowered cap
  const res = await post(
    lowered,
    `mutation R($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id description } }`,
    ["synpunkter:write"],
    {
      input: {
        businessAreaId,
        kind: "SUGGESTION",
        channel: "EMAIL",
        criterion: "SERVICES",
        description,
        receivedDate: "2026-01-05",
      },
    },
  );
  expect(res.codes).toEqual([]);
  expect(Buffer.byteLength(res.text)).toBeGreaterThan(LOWERED_CAP);
});
