import { EXACT_POLICY } from "@arbetsliv/core";
import { todayLocalDate } from "@arbetsliv/core/values";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { feedbackStatistics, synpunkterModule } from "../src";
import { municipalToday } from "../src/feedback/municipal-date";
import { rawFeedbackStatistics } from "./support/raw-statistics";

/*
 * "Overdue" is decided on the municipality's day (Europe/Stockholm), not UTC's: the `overdue`
 * field, the `overdue` filter and the statistics' openOverdue all turn at midnight in Borås.
 * 2026-12-06T23:30Z is 00:30 on 7 December in Stockholm (winter, UTC+1) but still the 6th in UTC.
 */

const DUE = "2026-12-06";
const LATE_EVENING = "2026-12-06T22:30:00Z"; // 23:30 in Stockholm: the due date itself, not overdue
const AFTER_MIDNIGHT = "2026-12-06T23:30:00Z"; // 00:30 on the 7th in Stockholm: overdue; UTC still says the 6th

/** Only Date is faked: the database drivers keep their real timers. The clock runs on from `at`. */
async function at<T>(instant: string, run: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: new Date(instant),
    advanceTimers: true,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
  try {
    return await run();
  } finally {
    jest.useRealTimers();
  }
}

describe("the municipality's today", () => {
  it("is Stockholm's calendar day: after midnight there it is UTC's tomorrow, in winter and in summer", () => {
    expect(municipalToday(new Date(AFTER_MIDNIGHT))).toBe("2026-12-07");
    expect(todayLocalDate(new Date(AFTER_MIDNIGHT))).toBe("2026-12-06");
    expect(municipalToday(new Date(LATE_EVENING))).toBe("2026-12-06");
    expect(municipalToday(new Date("2026-06-30T21:59:59Z"))).toBe("2026-06-30");
    expect(municipalToday(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01"); // UTC+2 in summer
    expect(municipalToday(new Date("2026-12-06T22:59:59.999Z"))).toBe("2026-12-06");
    expect(municipalToday(new Date("2026-12-06T23:00:00Z"))).toBe("2026-12-07");
  });

  it("keeps the day's text only within the clock's hour (asked again after midnight, it has moved on)", () => {
    expect(municipalToday(new Date("2026-03-28T22:59:59Z"))).toBe("2026-03-28");
    expect(municipalToday(new Date("2026-03-28T23:00:00Z"))).toBe("2026-03-29");
    expect(municipalToday(new Date("2026-03-28T22:30:00Z"))).toBe("2026-03-28");
  });
});

describe(`overdue on the municipality's day on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let id: string;
  let receivedDate: string;

  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    const area = await app.ok(`mutation { saveBusinessArea(input: { name: "Midnatt", handlingDays: 14 }) { id } }`);
    const registered = await app.ok(
      `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id receivedDate dueDate } }`,
      {
        variables: {
          input: {
            kind: "COMPLAINT",
            criterion: "SERVICES",
            businessAreaId: area.saveBusinessArea.id,
            channel: "LETTER",
            receivedDate: "2026-11-22",
            description: "Inget svar ännu.",
            wantsReply: false,
          },
        },
      },
    );
    expect(registered.registerFeedback.dueDate).toBe(DUE);
    ({ id, receivedDate } = registered.registerFeedback);
  });
  afterAll(() => app.close());

  /** The item's overdue field, whether the overdue filter finds it, and the statistics' openOverdue. */
  const overdueFigures = () =>
    app
      .ok(
        `query($id: ID!, $from: Date!) {
          feedbackItem(id: $id) { overdue }
          overdue: feedbackItems(filter: { overdue: true, receivedFrom: $from, receivedTo: $from }) { nodes { id } }
          notOverdue: feedbackItems(filter: { overdue: false, receivedFrom: $from, receivedTo: $from }) { nodes { id } }
          feedbackStatistics(from: $from, to: $from) { openOverdue }
        }`,
        { variables: { id, from: receivedDate } },
      )
      .then((d) => ({
        field: d.feedbackItem.overdue,
        filter: d.overdue.nodes.map((n: { id: string }) => n.id),
        notFilter: d.notOverdue.nodes.map((n: { id: string }) => n.id),
        openOverdue: d.feedbackStatistics.openOverdue,
      }));

  it("is not overdue on its due date, late in the evening in Borås", async () => {
    expect(await at(LATE_EVENING, overdueFigures)).toEqual({
      field: false,
      filter: [],
      notFilter: [id],
      openOverdue: 0,
    });
  });

  it("is overdue just after midnight in Borås, although UTC's day is still the due date", async () => {
    expect(await at(AFTER_MIDNIGHT, overdueFigures)).toEqual({
      field: true,
      filter: [id],
      notFilter: [],
      openOverdue: 1,
    });
  });

  it("counts openOverdue for the day a caller gives, and for Borås's day by default", async () => {
    const openOverdue = async (today?: string) =>
      (await feedbackStatistics(app.ds, receivedDate, receivedDate, EXACT_POLICY, today)).openOverdue;
    expect(await openOverdue("2026-12-06")).toBe(0);
    expect(await openOverdue("2026-12-07")).toBe(1);
    expect(await at(AFTER_MIDNIGHT, () => openOverdue())).toBe(1);
    // The test oracle counts on the same day.
    expect(await at(AFTER_MIDNIGHT, () => rawFeedbackStatistics(app.ds, receivedDate, receivedDate))).toMatchObject({
      openOverdue: 1,
    });
  });
});
