import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { synpunkterModule } from "../src";

/*
 * Issue 17: one `input` per mutation, expectedVersion inside it. Every handling step takes its
 * item, version and values in `input`; the old top-level arguments still work (the other suites
 * use them, unchanged), are deprecated, and may not disagree with `input`.
 */

const WRITE = { scopes: ["synpunkter:write", "synpunkter:read"] };

describe(`mutation inputs on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let areaId: string;

  beforeAll(async () => {
    app = await TestApp.start([synpunkterModule]);
    const saved = await app.ok(
      `mutation { saveBusinessArea(input: { name: "Indata", handlingDays: 14 }) { id name handlingDays } }`,
    );
    areaId = saved.saveBusinessArea.id;
  });
  afterAll(() => app.close());

  async function register(over: Record<string, unknown> = {}): Promise<string> {
    const input = {
      kind: "COMPLAINT",
      criterion: "SERVICES",
      businessAreaId: areaId,
      channel: "EMAIL",
      receivedDate: "2026-11-02",
      description: "Synpunkt via e-post.",
      submitterEmail: "test@example.se",
      wantsReply: true,
      ...over,
    };
    const d = await app.ok(
      `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id version } }`,
      { ...WRITE, variables: { input } },
    );
    expect(d.registerFeedback.version).toBe(1);
    return d.registerFeedback.id;
  }

  /** Runs `mutation { <field>(input: $input) { … } }` and gives the field's answer (fails on an error). */
  async function run(field: string, type: string, input: Record<string, unknown>, select = "version") {
    const d = await app.ok(`mutation($input: ${type}) { ${field}(input: $input) { ${select} } }`, {
      ...WRITE,
      variables: { input },
    });
    return d[field];
  }

  it("runs every handling step with input alone and returns the item's new version", async () => {
    const id = await register();
    expect(
      await run(
        "assignFeedback",
        "AssignFeedbackInput",
        { id, handler: "anna", expectedVersion: 1, assignedDate: "2026-11-03" },
        "version status assignedTo",
      ),
    ).toEqual({ version: 2, status: "IN_PROGRESS", assignedTo: "anna" });
    expect(
      await run(
        "replyToFeedback",
        "ReplyInput!",
        { id, text: "Tack, vi återkommer.", expectedVersion: 2, repliedDate: "2026-11-04" },
        "version replyCount",
      ),
    ).toEqual({ version: 3, replyCount: 1 });
    expect(
      await run(
        "forwardFeedback",
        "ForwardFeedbackInput",
        { id, organisation: "Borås Energi och Miljö AB", expectedVersion: 3, forwardedDate: "2026-11-05" },
        "version forwardedTo",
      ),
    ).toEqual({ version: 4, forwardedTo: "Borås Energi och Miljö AB" });
    expect(
      await run(
        "recordFeedbackImprovement",
        "ImprovementInput!",
        { id, kind: "ROUTINE_CHANGE", description: "Ny rutin", expectedVersion: 4, recordedDate: "2026-11-06" },
        "version improvementKind",
      ),
    ).toEqual({ version: 5, improvementKind: "ROUTINE_CHANGE" });
    expect(
      await run(
        "closeFeedback",
        "CloseFeedbackInput",
        { id, expectedVersion: 5, closedDate: "2026-11-07" },
        "version status closedDate",
      ),
    ).toEqual({ version: 6, status: "CLOSED", closedDate: "2026-11-07" });
    expect(
      await run(
        "reopenFeedback",
        "ReopenFeedbackInput",
        { id, reason: "komplettering", expectedVersion: 6, reopenedDate: "2026-11-08" },
        "version status",
      ),
    ).toEqual({ version: 7, status: "IN_PROGRESS" });

    const duplicate = await register({ wantsReply: false });
    expect(
      await run(
        "markFeedbackDuplicate",
        "MarkFeedbackDuplicateInput",
        { id: duplicate, duplicateOfId: id, expectedVersion: 1, markedDate: "2026-11-09" },
        "version status closedDate duplicateOf { id }",
      ),
    ).toEqual({ version: 2, status: "CLOSED", closedDate: "2026-11-09", duplicateOf: { id } });

    const item = await app.ok(`{ feedbackItem(id: "${id}") { history { type date note } } }`, WRITE);
    expect(item.feedbackItem.history).toEqual([
      { type: "REGISTERED", date: "2026-11-02", note: null },
      { type: "ASSIGNED", date: "2026-11-03", note: "anna" },
      { type: "REPLIED", date: "2026-11-04", note: null },
      { type: "FORWARDED", date: "2026-11-05", note: "Borås Energi och Miljö AB" },
      { type: "IMPROVEMENT_RECORDED", date: "2026-11-06", note: "ROUTINE_CHANGE" },
      { type: "CLOSED", date: "2026-11-07", note: null },
      { type: "REOPENED", date: "2026-11-08", note: "komplettering" },
    ]);
  });

  it("changes a business area named by input.id, and still by the deprecated id", async () => {
    const added = await app.ok(
      `mutation { saveBusinessArea(input: { name: "Gammalt namn", handlingDays: 10 }) { id } }`,
    );
    const id = added.saveBusinessArea.id;
    const byInput = await app.ok(
      `mutation { saveBusinessArea(input: { id: "${id}", name: "Nytt namn", handlingDays: 20 }) { id name handlingDays } }`,
    );
    expect(byInput.saveBusinessArea).toEqual({ id, name: "Nytt namn", handlingDays: 20 });
    const byArgument = await app.ok(
      `mutation { saveBusinessArea(id: "${id}", input: { name: "Nyare namn", handlingDays: 21 }) { id name } }`,
    );
    expect(byArgument.saveBusinessArea).toEqual({ id, name: "Nyare namn" });
    const conflict = await app.call(
      `mutation { saveBusinessArea(id: "${areaId}", input: { id: "${id}", name: "X", handlingDays: 1 }) { id } }`,
    );
    expect(conflict.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.id",
      rule: "conflict",
    });
  });

  it("accepts a value given both in input and as the deprecated argument when they agree", async () => {
    const id = await register();
    const d = await app.ok(
      `mutation { assignFeedback(id: "${id}", expectedVersion: 1, handler: "anna", input: { id: "${id}", expectedVersion: 1, handler: "anna" }) { version } }`,
      WRITE,
    );
    expect(d.assignFeedback.version).toBe(2);
  });

  // Each: the mutation with one required value left out, and the input path the refusal names.
  it.each([
    ['assignFeedback(input: { handler: "anna", expectedVersion: 1 })', "input.id"],
    ['assignFeedback(input: { id: "$ID", expectedVersion: 1 })', "input.handler"],
    ['assignFeedback(input: { id: "$ID", handler: "anna" })', "input.expectedVersion"],
    ['assignFeedback(id: "$ID", handler: "anna")', "input.expectedVersion"],
    ['replyToFeedback(input: { text: "Svar", expectedVersion: 1 })', "input.id"],
    ['replyToFeedback(input: { id: "$ID", text: "Svar" })', "input.expectedVersion"],
    ["closeFeedback(input: { expectedVersion: 1 })", "input.id"],
    ['closeFeedback(input: { id: "$ID" })', "input.expectedVersion"],
    ["closeFeedback", "input.id"],
    ['reopenFeedback(input: { id: "$ID", expectedVersion: 1 })', "input.reason"],
    ['reopenFeedback(input: { reason: "x", expectedVersion: 1 })', "input.id"],
    ['markFeedbackDuplicate(input: { id: "$ID", expectedVersion: 1 })', "input.duplicateOfId"],
    ['markFeedbackDuplicate(input: { duplicateOfId: "$ID", id: "$ID" })', "input.expectedVersion"],
    ['forwardFeedback(input: { id: "$ID", expectedVersion: 1 })', "input.organisation"],
    ['forwardFeedback(input: { organisation: "Org", expectedVersion: 1 })', "input.id"],
    ['recordFeedbackImprovement(input: { kind: OTHER, description: "x", expectedVersion: 1 })', "input.id"],
    ['recordFeedbackImprovement(input: { id: "$ID", kind: OTHER, description: "x" })', "input.expectedVersion"],
  ])("refuses %s without a value, naming %s (rule required), and writes nothing", async (call, field) => {
    const id = await register();
    const r = await app.call(`mutation { ${call.replace(/\$ID/g, id)} { version } }`, WRITE);
    expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0].extensions).toMatchObject({ field, rule: "required" });
    expect((await app.ok(`{ feedbackItem(id: "${id}") { version } }`, WRITE)).feedbackItem.version).toBe(1);
  });

  // Each: the mutation with input and the deprecated argument disagreeing, and the input path named.
  it.each([
    ['assignFeedback(id: "999999", input: { id: "$ID", handler: "anna", expectedVersion: 1 })', "input.id"],
    ['assignFeedback(handler: "bertil", input: { id: "$ID", handler: "anna", expectedVersion: 1 })', "input.handler"],
    [
      'assignFeedback(expectedVersion: 2, input: { id: "$ID", handler: "anna", expectedVersion: 1 })',
      "input.expectedVersion",
    ],
    [
      'assignFeedback(assignedDate: "2026-11-03", input: { id: "$ID", handler: "anna", expectedVersion: 1, assignedDate: "2026-11-04" })',
      "input.assignedDate",
    ],
    ['replyToFeedback(id: "999999", input: { id: "$ID", text: "Svar", expectedVersion: 1 })', "input.id"],
    [
      'replyToFeedback(expectedVersion: 2, input: { id: "$ID", text: "Svar", expectedVersion: 1 })',
      "input.expectedVersion",
    ],
    ['closeFeedback(id: "999999", input: { id: "$ID", expectedVersion: 1 })', "input.id"],
    [
      'closeFeedback(closedDate: "2026-11-03", input: { id: "$ID", expectedVersion: 1, closedDate: "2026-11-04" })',
      "input.closedDate",
    ],
    ['reopenFeedback(reason: "a", input: { id: "$ID", reason: "b", expectedVersion: 1 })', "input.reason"],
    [
      'reopenFeedback(reopenedDate: "2026-11-03", input: { id: "$ID", reason: "b", expectedVersion: 1, reopenedDate: "2026-11-04" })',
      "input.reopenedDate",
    ],
    [
      'markFeedbackDuplicate(duplicateOfId: "999999", input: { id: "$ID", duplicateOfId: "1", expectedVersion: 1 })',
      "input.duplicateOfId",
    ],
    [
      'markFeedbackDuplicate(markedDate: "2026-11-03", input: { id: "$ID", duplicateOfId: "1", expectedVersion: 1, markedDate: "2026-11-04" })',
      "input.markedDate",
    ],
    [
      'forwardFeedback(organisation: "A", input: { id: "$ID", organisation: "B", expectedVersion: 1 })',
      "input.organisation",
    ],
    [
      'forwardFeedback(forwardedDate: "2026-11-03", input: { id: "$ID", organisation: "B", expectedVersion: 1, forwardedDate: "2026-11-04" })',
      "input.forwardedDate",
    ],
    [
      'recordFeedbackImprovement(id: "999999", input: { id: "$ID", kind: OTHER, description: "x", expectedVersion: 1 })',
      "input.id",
    ],
    [
      'recordFeedbackImprovement(expectedVersion: 2, input: { id: "$ID", kind: OTHER, description: "x", expectedVersion: 1 })',
      "input.expectedVersion",
    ],
  ])("refuses %s, naming %s (rule conflict), and writes nothing", async (call, field) => {
    const id = await register();
    const r = await app.call(`mutation { ${call.replace(/\$ID/g, id)} { version } }`, WRITE);
    expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0].extensions).toMatchObject({ field, rule: "conflict" });
    expect((await app.ok(`{ feedbackItem(id: "${id}") { version } }`, WRITE)).feedbackItem.version).toBe(1);
  });

  it("names the input paths in the refusals of the input form", async () => {
    const id = await register({ wantsReply: false });
    const closeEarly = await app.call(
      `mutation { closeFeedback(input: { id: "${id}", expectedVersion: 1, closedDate: "2026-11-01" }) { version } }`,
      WRITE,
    );
    expect(closeEarly.errors?.[0].extensions).toMatchObject({ field: "input.closedDate", rule: "not-before" });
    const itself = await app.call(
      `mutation { markFeedbackDuplicate(input: { id: "${id}", duplicateOfId: "${id}", expectedVersion: 1 }) { version } }`,
      WRITE,
    );
    expect(itself.errors?.[0].extensions).toMatchObject({ field: "input.duplicateOfId", rule: "other" });
    await run("closeFeedback", "CloseFeedbackInput", { id, expectedVersion: 1, closedDate: "2026-11-03" });
    const again = await app.call(
      `mutation { closeFeedback(input: { id: "${id}", expectedVersion: 2 }) { version } }`,
      WRITE,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ field: "input.id", rule: "open" });
    const badId = await app.call(
      `mutation { closeFeedback(input: { id: "x", expectedVersion: 2 }) { version } }`,
      WRITE,
    );
    expect(badId.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.id" });
    const stale = await app.call(
      `mutation { reopenFeedback(input: { id: "${id}", reason: "r", expectedVersion: 1 }) { version } }`,
      WRITE,
    );
    expect(stale.errorCodes).toEqual(["CONFLICT"]);
    const longHandler = await app.call(
      `mutation { assignFeedback(input: { id: "${id}", handler: "${"x".repeat(129)}", expectedVersion: 2 }) { version } }`,
      WRITE,
    );
    expect(longHandler.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(longHandler.errors?.[0].message).toContain("handler");
  });
});
