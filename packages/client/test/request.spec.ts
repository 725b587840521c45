import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FeedbackStatisticsDocument, GraphQLRequestError, request } from "../src";

/** A plain HTTP server standing in for a proxy or gateway: it records the request and sends back what a test sets. */
describe("request() over HTTP", () => {
  let server: Server;
  let url: string;
  let seen: { headers: IncomingHttpHeaders; body: { query: string; variables: unknown } };
  let answer: { status: number; contentType: string; body: string };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        seen = { headers: req.headers, body: JSON.parse(body) };
        res.writeHead(answer.status, { "content-type": answer.contentType, "x-request-id": "req_test" });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const json = (body: unknown, status = 200) =>
    (answer = { status, contentType: "application/json", body: JSON.stringify(body) });

  it("posts the printed operation and its variables with the token and the language", async () => {
    json({ data: { feedbackStatistics: { from: "2026-01-01" } } });
    const data = await request(
      FeedbackStatisticsDocument,
      { from: "2026-01-01", to: "2026-03-31" },
      { url, token: "t0k3n", acceptLanguage: "sv-SE", headers: { "x-correlation-id": "c-1" } },
    );
    expect(data).toEqual({ feedbackStatistics: { from: "2026-01-01" } });
    expect(seen.headers).toMatchObject({
      authorization: "Bearer t0k3n",
      "accept-language": "sv-SE",
      "content-type": "application/json",
      "x-correlation-id": "c-1",
    });
    expect(seen.body.query).toMatch(/^query FeedbackStatistics\(\$from: Date!, \$to: Date!\)/);
    expect(seen.body.variables).toEqual({ from: "2026-01-01", to: "2026-03-31" });
  });

  it("sends no authorization header without a token", async () => {
    json({
      data: { feedbackStatistics: null },
      errors: [{ message: "Sign in", extensions: { code: "UNAUTHENTICATED" } }],
    });
    await expect(
      request(FeedbackStatisticsDocument, { from: "2026-01-01", to: "2026-03-31" }, { url }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      requestId: "req_test",
    });
    expect(seen.headers.authorization).toBeUndefined();
  });

  it("throws on a partial answer: data with errors", async () => {
    json({
      data: { feedbackStatistics: { from: "2026-01-01" } },
      errors: [
        {
          message: "Internal server error",
          path: ["feedbackStatistics", "received"],
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        },
      ],
    });
    await expect(
      request(FeedbackStatisticsDocument, { from: "2026-01-01", to: "2026-03-31" }, { url }),
    ).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
    });
  });

  it("throws UNKNOWN with the HTTP status when the answer is not GraphQL (a proxy's error page)", async () => {
    answer = { status: 502, contentType: "text/html", body: "<html>Bad gateway</html>" };
    const error = await request(FeedbackStatisticsDocument, { from: "2026-01-01", to: "2026-03-31" }, { url }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(error).toMatchObject({
      code: "UNKNOWN",
      status: 502,
      message: "The gateway answered HTTP 502 without a GraphQL body",
    });
  });

  it("throws when the answer has neither data nor errors", async () => {
    json({}, 200);
    await expect(
      request(FeedbackStatisticsDocument, { from: "2026-01-01", to: "2026-03-31" }, { url }),
    ).rejects.toMatchObject({
      code: "UNKNOWN",
      message: "The gateway answered HTTP 200 without data",
    });
  });
});
