import fc from "fast-check";
import { addDays } from "@arbetsliv/core/values";
import { TestApp, summariesAgainstRebuild, testDatabaseKind } from "@arbetsliv/core/testing";
import { synpunkterModule } from "../src";
import { municipalToday } from "../src/feedback/municipal-date";

/*
 * The module's summary projections, checked the generic way: random registrations and changes
 * through the real GraphQL mutations (many refused by the rules, which must move nothing), then
 * the rows kept on write must equal a rebuild from the items. Every handling step is dated at random
 * relative to the item's previous step (back-registration), or left to today: dates before the
 * previous step or in the future are refused and must move nothing either.
 */

const KINDS = ["PRAISE", "QUESTION", "SUGGESTION", "COMPLAINT"];
const CRITERIA = ["TREATMENT", "PHYSICAL_ENVIRONMENT", "INFORMATION", "SERVICES"];
const contact = { submitterName: "Test Testsson", submitterEmail: "test@example.se" };

type Op =
  | {
      op: "register";
      kind: string;
      criterion: string;
      area: number;
      day: number;
      wantsReply: boolean;
      anonymous: boolean;
    }
  | { op: "close" | "reply" | "reopen" | "forward" | "improve" | "assign"; item: number; step: Step }
  | { op: "duplicate"; item: number; original: number; step: Step };

/** A step's date: days after the item's previous step (negative: before it, refused), or none (today). */
type Step = { shift: number } | null;
const step: fc.Arbitrary<Step> = fc.option(fc.record({ shift: fc.integer({ min: -3, max: 20 }) }), { freq: 4 });

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("register" as const),
    kind: fc.constantFrom(...KINDS),
    criterion: fc.constantFrom(...CRITERIA),
    area: fc.nat(1),
    day: fc.nat(330),
    wantsReply: fc.boolean(),
    anonymous: fc.boolean(),
  }),
  fc.record({
    op: fc.constantFrom(
      "close" as const,
      "reply" as const,
      "reopen" as const,
      "forward" as const,
      "improve" as const,
      "assign" as const,
    ),
    item: fc.nat(),
    step,
  }),
  fc.record({ op: fc.constant("duplicate" as const), item: fc.nat(), original: fc.nat(), step }),
);

describe(`synpunkter's summary rows after random writes on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let areas: string[];
  const items: { id: string; lastStep: string }[] = [];
  let applied = 0;
  let dated = 0;

  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    const save = (name: string, days: number) =>
      app
        .ok(`mutation { saveBusinessArea(input: { name: "${name}", handlingDays: ${days} }) { id } }`)
        .then((d) => d.saveBusinessArea.id as string);
    areas = [await save("Ett", 10), await save("Två", 3)];
  });
  afterAll(() => app.close());

  /** Runs one operation; a refusal by the rules (a validation error) is part of the test. */
  async function run(o: Op): Promise<void> {
    if (o.op === "register") {
      const receivedDate = addDays("2026-01-01", o.day);
      const input = {
        kind: o.kind,
        criterion: o.criterion,
        businessAreaId: areas[o.area],
        channel: "E_SERVICE",
        description: "Slumpad.",
        receivedDate,
        wantsReply: o.wantsReply && !o.anonymous,
        ...(o.anonymous ? {} : contact),
      };
      const d = await app.ok(`mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`, {
        variables: { input },
      });
      items.push({ id: d.registerFeedback.id, lastStep: receivedDate });
      applied++;
      return;
    }
    if (items.length === 0) return;
    const item = items[o.item % items.length];
    const { feedbackItem } = await app.ok(`{ feedbackItem(id: "${item.id}") { version } }`);
    const date = o.step ? addDays(item.lastStep, o.step.shift) : null;
    const on = (field: string) => (date ? `, ${field}: "${date}"` : "");
    const args: Record<Exclude<Op["op"], "register">, string> = {
      close: `closeFeedback(id: "${item.id}"${on("closedDate")}`,
      reply: `replyToFeedback(id: "${item.id}", input: { text: "Svar."${on("repliedDate")} }`,
      reopen: `reopenFeedback(id: "${item.id}", reason: "komplettering"${on("reopenedDate")}`,
      forward: `forwardFeedback(id: "${item.id}", organisation: "Annan myndighet"${on("forwardedDate")}`,
      improve: `recordFeedbackImprovement(id: "${item.id}", input: { kind: ROUTINE_CHANGE, description: "Ny rutin."${on("recordedDate")} }`,
      assign: `assignFeedback(id: "${item.id}", handler: "anna"${on("assignedDate")}`,
      duplicate: `markFeedbackDuplicate(id: "${item.id}", duplicateOfId: "${"original" in o ? items[o.original % items.length].id : item.id}"${on("markedDate")}`,
    };
    const r = await app.call(`mutation { ${args[o.op]}, expectedVersion: ${feedbackItem.version}) { id } }`);
    if (r.errors) expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    else {
      applied++;
      if (date) dated++;
      item.lastStep = date ?? municipalToday();
    }
  }

  it("keeps rows equal to a rebuild from the items", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 30 }), async (ops) => {
        for (const o of ops) await run(o);
        const { kept, rebuilt } = await summariesAgainstRebuild(app.ds, synpunkterModule.summaries!.tables);
        expect(kept).toEqual(rebuilt);
      }),
      { numRuns: 6, seed: 15, endOnFailure: true },
    );
    // Not vacuous: items went in and were changed, and every table holds rows.
    expect(applied).toBeGreaterThan(items.length + 20);
    expect(dated).toBeGreaterThan(10);
    // And every history runs forwards: each step on or after the one before it.
    const steps: { feedbackId: unknown; date: string }[] = await app.ds.query(
      "SELECT feedbackId, date FROM feedback_event ORDER BY feedbackId, id",
    );
    const backwards = steps.filter(
      (e, i) => i > 0 && steps[i - 1].feedbackId === e.feedbackId && String(e.date) < String(steps[i - 1].date),
    );
    expect(steps.length).toBeGreaterThan(items.length);
    expect(backwards).toEqual([]);
    const { kept } = await summariesAgainstRebuild(app.ds, synpunkterModule.summaries!.tables);
    for (const rows of Object.values(kept)) expect(rows.length).toBeGreaterThan(3);
  });
});
