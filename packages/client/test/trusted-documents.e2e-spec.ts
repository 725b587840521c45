import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  FeedbackItemsDocument,
  FeedbackStatisticsDocument,
  GraphQLRequestError,
  RegisterFeedbackDocument,
  request,
  type RequestOptions,
} from "../src";
import { writeTrustedDocuments } from "../src/trusted-documents";
import { GatewayProcess } from "./gateway-process";

/**
 * The package's manifest on a gateway with TRUSTED_DOCUMENTS: what `pnpm trusted-documents`
 * writes is what the gateway takes, and request() with `documentId: true` runs the operations.
 */
describe("request() against a gateway that runs only this package's documents", () => {
  let gateway: GatewayProcess;
  let dir: string;
  let options: RequestOptions;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "arbetsliv-client-trusted-"));
    const manifest = join(dir, "client.json");
    writeTrustedDocuments(manifest);
    gateway = await GatewayProcess.start(120_000, { TRUSTED_DOCUMENTS: manifest });
    options = {
      url: gateway.url,
      token: await gateway.token(["synpunkter:read", "synpunkter:write", "synpunkter:stats"]),
      documentId: true,
    };
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs queries by documentId, typed as before", async () => {
    const { feedbackItems } = await request(FeedbackItemsDocument, { first: 2 }, options);
    expect(feedbackItems.nodes).toHaveLength(2);
    const { feedbackStatistics } = await request(
      FeedbackStatisticsDocument,
      { from: "2021-01-01", to: "2021-12-31" },
      options,
    );
    expect(feedbackStatistics.received).toBeGreaterThan(0);
  });

  it("keeps the errors' codes and fields by documentId (a mutation's BAD_USER_INPUT)", async () => {
    const { feedbackItems } = await request(FeedbackItemsDocument, { first: 1 }, options);
    const input = {
      businessAreaId: feedbackItems.nodes[0].businessArea.id,
      kind: "COMPLAINT" as const,
      criterion: "TREATMENT" as const,
      channel: "PHONE" as const,
      description: "Väntetiden i telefon var lång.",
      receivedDate: "2026-02-30",
      wantsReply: false,
    };
    await expect(request(RegisterFeedbackDocument, { input }, options)).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.receivedDate",
    });
  });

  it("is refused sending the printed text (not the manifest's text): OPERATION_NOT_TRUSTED, 400", async () => {
    const error = await request(FeedbackItemsDocument, { first: 1 }, { ...options, documentId: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(error).toMatchObject({ code: "OPERATION_NOT_TRUSTED", status: 400 });
  });
});
