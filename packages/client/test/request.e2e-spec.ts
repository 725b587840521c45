import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import {
  AssistanceHouseholdDocument,
  AssistanceHouseholdsDocument,
  AssistanceIndicatorsDocument,
  DonationApplicationDocument,
  DonationApplicationsDocument,
  DonationReportDocument,
  EventsDocument,
  EventTypesDocument,
  IopAgreementDocument,
  IopAgreementsDocument,
  IopFollowUpStatisticsDocument,
  PlacementDocument,
  PlacementsDocument,
  PlacementStatisticsDocument,
  FeedbackItemDocument,
  FeedbackItemsDocument,
  FeedbackStatisticsDocument,
  GraphQLRequestError,
  RegisterFeedbackDocument,
  ReplyToFeedbackDocument,
  request,
  type RegisterFeedbackInput,
  type RequestOptions,
} from "../src";
import { GatewayProcess } from "./gateway-process";

/** Not an example: the list of rounds, to pick one for the applications list. */
const DonationRoundsDocument = parse("query DonationRounds { donationRounds { id } }") as TypedDocumentNode<
  { donationRounds: { id: string }[] },
  Record<string, never>
>;

/** Read and statistics scopes of every domain (not :protected, not :stats:exact). */
const READ_EVERYTHING = [
  "synpunkter:read",
  "ekonomiskt-bistand:read",
  "ekonomiskt-bistand:stats",
  "relationsvald:read",
  "relationsvald:stats",
  "iop:read",
  "iop:stats",
  "donationsfonder:read",
  "donationsfonder:stats",
  "synpunkter:events",
  "ekonomiskt-bistand:events",
  "relationsvald:events",
  "iop:events",
  "donationsfonder:events",
];

/** A complaint received by phone, as the registration form sends it. */
const complaint = (businessAreaId: string): RegisterFeedbackInput => ({
  businessAreaId,
  kind: "COMPLAINT",
  criterion: "TREATMENT",
  channel: "PHONE",
  description: "Väntetiden i telefon var lång.",
  submitterName: "Test Testsson",
  submitterEmail: "test.testsson@example.se",
  wantsReply: true,
});

/** The example operations through the typed helper, against the built gateway on the demo data. */
describe("request() against the gateway", () => {
  let gateway: GatewayProcess;
  let handler: RequestOptions;
  let board: RequestOptions;

  beforeAll(async () => {
    gateway = await GatewayProcess.start();
    handler = {
      url: gateway.url,
      token: await gateway.token(["synpunkter:read", "synpunkter:write"]),
      acceptLanguage: "sv-SE",
    };
    board = { url: gateway.url, token: await gateway.token(["synpunkter:stats"]) };
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it("pages the synpunkter list with first/after, typed", async () => {
    const first = await request(FeedbackItemsDocument, { first: 3 }, handler);
    expect(first.feedbackItems.nodes).toHaveLength(3);
    expect(first.feedbackItems.pageInfo.hasNextPage).toBe(true);
    const next = await request(
      FeedbackItemsDocument,
      { first: 3, after: first.feedbackItems.pageInfo.endCursor },
      handler,
    );
    const ids = (page: typeof first) => page.feedbackItems.nodes.map((n) => n.id);
    expect(ids(next).filter((id) => ids(first).includes(id))).toEqual([]);
    expect(next.feedbackItems.totalCount).toBe(first.feedbackItems.totalCount);
    // Date is a "YYYY-MM-DD" string on the wire, as the scalar map says.
    for (const item of first.feedbackItems.nodes) expect(item.receivedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("registers a synpunkt, reads it, replies; a stale version is a CONFLICT with its code", async () => {
    const { feedbackItems } = await request(FeedbackItemsDocument, { first: 1 }, handler);
    const { registerFeedback } = await request(
      RegisterFeedbackDocument,
      { input: { ...complaint(feedbackItems.nodes[0].businessArea.id), receivedDate: "2026-02-27" } },
      handler,
    );
    expect(registerFeedback).toMatchObject({ status: "RECEIVED", receivedDate: "2026-02-27" });

    // A lookup is nullable (a missing record is null with NOT_FOUND, which request() throws).
    const feedbackItem = (await request(FeedbackItemDocument, { id: registerFeedback.id }, handler)).feedbackItem!;
    expect(feedbackItem.description).toBe(complaint("").description);
    // DateTimeISO is an ISO 8601 string in UTC.
    expect(new Date(feedbackItem.createdAt).toISOString()).toBe(feedbackItem.createdAt);

    const reply = { text: "Tack för din synpunkt, vi återkommer." };
    const { replyToFeedback } = await request(
      ReplyToFeedbackDocument,
      { id: feedbackItem.id, expectedVersion: feedbackItem.version, input: reply },
      handler,
    );
    expect(replyToFeedback.replyCount).toBe(feedbackItem.replyCount + 1);

    const stale = request(
      ReplyToFeedbackDocument,
      { id: feedbackItem.id, expectedVersion: feedbackItem.version, input: reply },
      handler,
    );
    await expect(stale).rejects.toBeInstanceOf(GraphQLRequestError);
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT", status: 200 });
  });

  it("throws BAD_USER_INPUT naming the field and the rule, and writes nothing", async () => {
    const before = await request(FeedbackItemsDocument, { first: 1 }, handler);
    const error = await request(
      RegisterFeedbackDocument,
      { input: { ...complaint(before.feedbackItems.nodes[0].businessArea.id), receivedDate: "2026-02-30" } },
      handler,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "input.receivedDate", rule: "format" });

    // A domain rule names its field in extensions.field.
    const anonymous = { ...complaint(before.feedbackItems.nodes[0].businessArea.id), submitterEmail: null };
    await expect(request(RegisterFeedbackDocument, { input: anonymous }, handler)).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.wantsReply",
      rule: "reply-needs-contact",
    });
    const after = await request(FeedbackItemsDocument, { first: 1 }, handler);
    expect(after.feedbackItems.totalCount).toBe(before.feedbackItems.totalCount);
  });

  it("reads statistics with suppressed small counts", async () => {
    const { feedbackStatistics } = await request(
      FeedbackStatisticsDocument,
      { from: "2021-01-01", to: "2021-12-31" },
      board,
    );
    expect(feedbackStatistics.received).toBeGreaterThan(0);
    expect(feedbackStatistics.disclosure.exact).toBe(false);
    expect(Array.isArray(feedbackStatistics.suppressed)).toBe(true);
  });

  it("gets Money as a string with two decimals", async () => {
    const token = await gateway.token(["ekonomiskt-bistand:read"]);
    const { assistanceHouseholds } = await request(
      AssistanceHouseholdsDocument,
      { first: 20 },
      { url: gateway.url, token },
    );
    const rents = assistanceHouseholds.nodes.flatMap((h) => (h.monthlyRent === null ? [] : [h.monthlyRent]));
    expect(rents.length).toBeGreaterThan(0);
    for (const rent of rents) expect(rent).toMatch(/^-?\d+\.\d{2}$/);
  });

  it("runs every domain's list, record and statistics query within the gateway's limits", async () => {
    const token = await gateway.token(READ_EVERYTHING);
    const all = { url: gateway.url, token };
    const period = { from: "2021-01-01", to: "2026-12-31" };

    const { assistanceHouseholds } = await request(AssistanceHouseholdsDocument, { first: 5 }, all);
    await request(AssistanceHouseholdDocument, { id: assistanceHouseholds.nodes[0].id }, all);
    await request(AssistanceIndicatorsDocument, period, all);

    const { placements } = await request(PlacementsDocument, { first: 5 }, all);
    await request(PlacementDocument, { id: placements.nodes[0].id }, all);
    await request(PlacementStatisticsDocument, period, all);

    const { iopAgreements } = await request(IopAgreementsDocument, { first: 5 }, all);
    await request(IopAgreementDocument, { id: iopAgreements.nodes[0].id }, all);
    await request(IopFollowUpStatisticsDocument, { year: 2025 }, all);

    const { donationRounds } = await request(DonationRoundsDocument, undefined, all);
    const { donationApplications } = await request(
      DonationApplicationsDocument,
      { roundId: donationRounds[0].id, first: 5 },
      all,
    );
    if (donationApplications.nodes[0]) {
      await request(DonationApplicationDocument, { id: donationApplications.nodes[0].id }, all);
    }
    await request(DonationReportDocument, period, all);

    const { events } = await request(EventsDocument, { first: 5 }, all);
    expect(events.nodes.length).toBeGreaterThan(0);
    const { eventTypes } = await request(EventTypesDocument, undefined, all);
    expect(eventTypes.map((t) => t.domain)).toContain("synpunkter");
  });

  it("throws UNAUTHENTICATED or FORBIDDEN without the scope", async () => {
    await expect(request(FeedbackItemsDocument, { first: 1 }, board)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(request(FeedbackItemsDocument, { first: 1 }, { url: gateway.url })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});
