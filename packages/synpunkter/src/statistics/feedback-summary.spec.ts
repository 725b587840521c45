import type { SummaryDelta } from "@arbetsliv/core/data";
import { FeedbackCriterion, FeedbackKind } from "../feedback/feedback.enums";
import { feedbackSummaryDeltas, type SummaryFacts } from "./feedback-summary";

/** What addToSummary would write: deltas merged per key, rows without change left out. */
function net(deltas: SummaryDelta[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const d of deltas) {
    const k = JSON.stringify(d.key);
    out[k] = (out[k] ?? d.add.map(() => 0)).map((n, i) => n + d.add[i]);
  }
  return Object.fromEntries(Object.entries(out).filter(([, add]) => add.some((n) => n !== 0)));
}

const open: SummaryFacts = {
  receivedDate: "2021-12-06",
  businessAreaId: 3,
  kind: FeedbackKind.COMPLAINT,
  criterion: FeedbackCriterion.SERVICES,
  closedDate: null,
  dueDate: "2021-12-20",
  wantsReply: true,
  replyCount: 1,
  reopenedCount: 0,
  duplicateOfId: null,
  forwardedTo: null,
  improvementKind: null,
};

describe("an item's contribution to the summary rows", () => {
  it("a new item adds one received (and its flags) to its month, area, kind and criterion, and one not-closed", () => {
    const d = feedbackSummaryDeltas(null, open);
    expect(net(d.month)).toEqual({ '[3,"COMPLAINT","SERVICES","2021-12"]': [1, 0, 0, 0, 0, 0, 0, 0, 1, 1] });
    expect(net(d.closed)).toEqual({ '["2021-12",""]': [1] });
    expect(net(d.handling)).toEqual({});
  });

  it("a change of columns the statistics do not use changes no row", () => {
    const d = feedbackSummaryDeltas(open, { ...open });
    expect([net(d.month), net(d.closed), net(d.handling)]).toEqual([{}, {}, {}]);
  });

  it("closing after new year and past the due date moves the item to closed late, by its closing month and handling days", () => {
    const d = feedbackSummaryDeltas(open, { ...open, closedDate: "2022-01-12", reopenedCount: 1 });
    expect(net(d.month)).toEqual({ '[3,"COMPLAINT","SERVICES","2021-12"]': [0, 1, 0, 1, 0, 0, 0, 1, 0, 0] });
    expect(net(d.closed)).toEqual({ '["2021-12",""]': [-1], '["2021-12","2022-01"]': [1] });
    expect(net(d.handling)).toEqual({ '["2021-12",37]': [1] });
  });
});
