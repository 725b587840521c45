import { ValidationError } from "@arbetsliv/core";
import { TestApp, testDatabaseKind, type TestResult } from "@arbetsliv/core/testing";
import { iopModule } from "../src";
import { AgreementStatus } from "../src/agreement/agreement.enums";
import { planNotice } from "../src/agreement/status.rules";

/**
 * One `input` per mutation (issue 17): every IOP mutation takes its record's id and
 * expectedVersion inside `input`; the old top-level arguments still work (the other suites use
 * them) but are deprecated. Missing is `required` on input.<name>, two different values `conflict`.
 */
const WRITE = { scopes: ["iop:write"] };
const CREATE_AGREEMENT = `mutation($input: IopCreateAgreementInput!) { createIopAgreement(input: $input) { id version } }`;

function expectInputError(result: TestResult, field: string, rule: string): void {
  expect(result.errorCodes).toEqual(["BAD_USER_INPUT"]);
  expect(result.errors?.[0].extensions).toMatchObject({ field, rule });
}

describe(`iop mutations with one input on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let budgetId: string;
  let partnerId: string;
  let templateId: string;
  let questionId: string;

  const terms = (over: Record<string, unknown> = {}) => ({
    title: "Skyddat boende",
    partnerId,
    fundingBudgetId: budgetId,
    startDate: "2022-01-01",
    endDate: "2024-12-31",
    renewalTermMonths: 12,
    noticeMonths: 9,
    annualServiceFee: "550000",
    evaluationTemplateId: templateId,
    requiresActivityReport: true,
    ...over,
  });
  const createAgreement = async (title: string) =>
    (
      await app.ok(CREATE_AGREEMENT, {
        ...WRITE,
        variables: { input: { ...terms({ title }), status: "ACTIVE" } },
      })
    ).createIopAgreement as { id: string; version: number };

  beforeAll(async () => {
    app = await TestApp.start([iopModule]);
    budgetId = (
      await app.ok(
        `mutation { createIopFundingBudget(input: { code: "ALN", name: "Arbetslivsnämnden" }) { id } }`,
        WRITE,
      )
    ).createIopFundingBudget.id;
    partnerId = (
      await app.ok(
        `mutation { createIopPartner(input: { name: "Kvinnojouren", organisationsnummer: "864501-5200" }) { id } }`,
        WRITE,
      )
    ).createIopPartner.id;
    const template = await app.ok(
      `mutation { createIopEvaluationTemplate(input: { name: "Mall", questions: [{ text: "Enligt beslut?", answerType: YES_NO }] }) { id questions { id } } }`,
      WRITE,
    );
    templateId = template.createIopEvaluationTemplate.id;
    questionId = template.createIopEvaluationTemplate.questions[0].id;
  });
  afterAll(() => app.close());

  describe("updateIopPartner", () => {
    const UPDATE = `mutation($id: ID, $v: Int, $input: IopPartnerInput!) { updateIopPartner(id: $id, expectedVersion: $v, input: $input) { id version city } }`;
    const details = { name: "Kvinnojouren", organisationsnummer: "864501-5200" };

    it("takes id and expectedVersion in input and answers the new version", async () => {
      const before = (
        await app.ok(`query($id: ID!) { iopPartner(id: $id) { version } }`, { variables: { id: partnerId } })
      ).iopPartner.version;
      const updated = (
        await app.ok(UPDATE, {
          ...WRITE,
          variables: { input: { ...details, id: partnerId, expectedVersion: before, city: "Borås" } },
        })
      ).updateIopPartner;
      expect(updated).toEqual({ id: partnerId, version: before + 1, city: "Borås" });
      const stale = await app.call(UPDATE, {
        ...WRITE,
        variables: { input: { ...details, id: partnerId, expectedVersion: before } },
      });
      expect(stale.errorCodes).toEqual(["CONFLICT"]);
    });

    it("refuses a missing id or version on input, and two different ids", async () => {
      expectInputError(
        await app.call(UPDATE, { ...WRITE, variables: { input: { ...details, expectedVersion: 1 } } }),
        "input.id",
        "required",
      );
      expectInputError(
        await app.call(UPDATE, { ...WRITE, variables: { input: { ...details, id: partnerId } } }),
        "input.expectedVersion",
        "required",
      );
      expectInputError(
        await app.call(UPDATE, {
          ...WRITE,
          variables: { id: "999", input: { ...details, id: partnerId, expectedVersion: 1 } },
        }),
        "input.id",
        "conflict",
      );
      expectInputError(
        await app.call(UPDATE, {
          ...WRITE,
          variables: { v: 7, input: { ...details, id: partnerId, expectedVersion: 1 } },
        }),
        "input.expectedVersion",
        "conflict",
      );
    });

    it("takes the same value given both ways", async () => {
      const { version } = (
        await app.ok(`query($id: ID!) { iopPartner(id: $id) { version } }`, { variables: { id: partnerId } })
      ).iopPartner;
      const updated = await app.ok(UPDATE, {
        ...WRITE,
        variables: { id: partnerId, v: version, input: { ...details, id: partnerId, expectedVersion: version } },
      });
      expect(updated.updateIopPartner.version).toBe(version + 1);
    });

    it("createIopPartner refuses an id or version in its input", async () => {
      const create = `mutation($input: IopPartnerInput!) { createIopPartner(input: $input) { id } }`;
      const ny = { name: "Ny förening", organisationsnummer: "899900-1012" };
      expectInputError(
        await app.call(create, { ...WRITE, variables: { input: { ...ny, id: partnerId } } }),
        "input.id",
        "unexpected",
      );
      expectInputError(
        await app.call(create, { ...WRITE, variables: { input: { ...ny, expectedVersion: 1 } } }),
        "input.expectedVersion",
        "unexpected",
      );
    });
  });

  describe("the agreement's mutations", () => {
    it("updateIopAgreement: input.id and input.expectedVersion", async () => {
      const created = await createAgreement("Villkor");
      const UPDATE = `mutation($id: ID, $input: IopAgreementInput!) { updateIopAgreement(id: $id, input: $input) { id version noticeMonths } }`;
      const updated = await app.ok(UPDATE, {
        ...WRITE,
        variables: {
          input: { ...terms({ title: "Villkor", noticeMonths: 6 }), id: created.id, expectedVersion: created.version },
        },
      });
      expect(updated.updateIopAgreement).toEqual({ id: created.id, version: created.version + 1, noticeMonths: 6 });
      expectInputError(
        await app.call(UPDATE, { ...WRITE, variables: { input: { ...terms(), expectedVersion: 2 } } }),
        "input.id",
        "required",
      );
      expectInputError(
        await app.call(UPDATE, { ...WRITE, variables: { input: { ...terms(), id: created.id } } }),
        "input.expectedVersion",
        "required",
      );
      expectInputError(
        await app.call(UPDATE, {
          ...WRITE,
          variables: { id: "999", input: { ...terms(), id: created.id, expectedVersion: 2 } },
        }),
        "input.id",
        "conflict",
      );
    });

    it("changeIopAgreementStatus: input.id and input.expectedVersion; its errors name input.id", async () => {
      const created = await createAgreement("Avveckling");
      const CHANGE = `mutation($id: ID, $v: Int, $input: IopStatusChangeInput!) { changeIopAgreementStatus(id: $id, expectedVersion: $v, input: $input) { version status finalEndDate } }`;
      const step = { status: "WINDING_DOWN", effectiveDate: "2023-01-01", windDownUntil: "2023-03-31" };
      expectInputError(
        await app.call(CHANGE, { ...WRITE, variables: { input: { ...step, expectedVersion: created.version } } }),
        "input.id",
        "required",
      );
      expectInputError(
        await app.call(CHANGE, { ...WRITE, variables: { input: { ...step, id: created.id } } }),
        "input.expectedVersion",
        "required",
      );
      expectInputError(
        await app.call(CHANGE, {
          ...WRITE,
          variables: { v: created.version + 1, input: { ...step, id: created.id, expectedVersion: created.version } },
        }),
        "input.expectedVersion",
        "conflict",
      );
      const wound = await app.ok(CHANGE, {
        ...WRITE,
        variables: { input: { ...step, id: created.id, expectedVersion: created.version } },
      });
      expect(wound.changeIopAgreementStatus).toEqual({
        version: created.version + 1,
        status: "WINDING_DOWN",
        finalEndDate: "2023-03-31",
      });
      const invalidId = await app.call(CHANGE, {
        ...WRITE,
        variables: { input: { ...step, id: "0", expectedVersion: 1 } },
      });
      expect(invalidId.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(invalidId.errors?.[0].extensions).toMatchObject({ field: "input.id" });
    });

    it("giveIopNotice: input.id and input.expectedVersion; a refusal about the agreement names input.id", async () => {
      const created = await createAgreement("Uppsägning");
      const NOTICE = `mutation($id: ID, $input: IopNoticeInput!) { giveIopNotice(id: $id, input: $input) { version status finalEndDate } }`;
      const notice = { noticeDate: "2024-03-01", givenBy: "MUNICIPALITY" };
      expectInputError(
        await app.call(NOTICE, { ...WRITE, variables: { input: { ...notice, expectedVersion: created.version } } }),
        "input.id",
        "required",
      );
      expectInputError(
        await app.call(NOTICE, { ...WRITE, variables: { input: { ...notice, id: created.id } } }),
        "input.expectedVersion",
        "required",
      );
      expectInputError(
        await app.call(NOTICE, {
          ...WRITE,
          variables: { id: "999", input: { ...notice, id: created.id, expectedVersion: created.version } },
        }),
        "input.id",
        "conflict",
      );
      const given = await app.ok(NOTICE, {
        ...WRITE,
        variables: { input: { ...notice, id: created.id, expectedVersion: created.version } },
      });
      expect(given.giveIopNotice).toEqual({
        version: created.version + 1,
        status: "NOTICE_GIVEN",
        finalEndDate: "2024-12-31",
      });
      expectInputError(
        await app.call(NOTICE, {
          ...WRITE,
          variables: { input: { ...notice, id: created.id, expectedVersion: created.version + 1 } },
        }),
        "input.id",
        "transition",
      );
    });

    it("addIopContact and removeIopContact: input.agreementId and input.id", async () => {
      const created = await createAgreement("Kontakter");
      const ADD = `mutation($a: ID, $input: IopContactInput!) { addIopContact(agreementId: $a, input: $input) { id title } }`;
      const contact = { side: "PARTNER", role: "CONTACT_PERSON", title: "Verksamhetschef" };
      const added = (await app.ok(ADD, { ...WRITE, variables: { input: { ...contact, agreementId: created.id } } }))
        .addIopContact;
      expect(added.title).toBe("Verksamhetschef");
      expectInputError(
        await app.call(ADD, { ...WRITE, variables: { input: contact } }),
        "input.agreementId",
        "required",
      );
      expectInputError(
        await app.call(ADD, { ...WRITE, variables: { a: "999", input: { ...contact, agreementId: created.id } } }),
        "input.agreementId",
        "conflict",
      );

      const REMOVE = `mutation($id: ID, $input: IopRemoveContactInput) { removeIopContact(id: $id, input: $input) }`;
      expectInputError(await app.call(REMOVE, { ...WRITE }), "input.id", "required");
      expectInputError(await app.call(REMOVE, { ...WRITE, variables: { input: {} } }), "input.id", "required");
      expectInputError(
        await app.call(REMOVE, { ...WRITE, variables: { id: "999", input: { id: added.id } } }),
        "input.id",
        "conflict",
      );
      expect((await app.ok(REMOVE, { ...WRITE, variables: { input: { id: added.id } } })).removeIopContact).toBe(true);
      expect((await app.call(REMOVE, { ...WRITE, variables: { input: { id: added.id } } })).errorCodes).toEqual([
        "NOT_FOUND",
      ]);
      // the deprecated form still works
      const again = (await app.ok(ADD, { ...WRITE, variables: { a: created.id, input: contact } })).addIopContact;
      expect((await app.ok(REMOVE, { ...WRITE, variables: { id: again.id } })).removeIopContact).toBe(true);
    });

    it("addIopBoardDecision: input.agreementId", async () => {
      const created = await createAgreement("Beslut");
      const ADD = `mutation($a: ID, $input: IopBoardDecisionInput!) { addIopBoardDecision(agreementId: $a, input: $input) { id kind } }`;
      const decision = { kind: "APPROVAL", summary: "Nämnden godkänner överenskommelsen" };
      const added = await app.ok(ADD, { ...WRITE, variables: { input: { ...decision, agreementId: created.id } } });
      expect(added.addIopBoardDecision.kind).toBe("APPROVAL");
      expectInputError(
        await app.call(ADD, { ...WRITE, variables: { input: decision } }),
        "input.agreementId",
        "required",
      );
      expectInputError(
        await app.call(ADD, { ...WRITE, variables: { a: "999", input: { ...decision, agreementId: created.id } } }),
        "input.agreementId",
        "conflict",
      );
    });
  });

  describe("money", () => {
    let agreementId: string;
    beforeAll(async () => {
      agreementId = (await createAgreement("Pengar")).id;
    });

    it("addIopAmendment: input.agreementId", async () => {
      const ADD = `mutation($a: ID, $input: IopAmendmentInput!) { addIopAmendment(agreementId: $a, input: $input) { id total } }`;
      const amendment = { title: "Komplettering", amounts: [{ year: 2022, amount: "150000" }] };
      const added = await app.ok(ADD, { ...WRITE, variables: { input: { ...amendment, agreementId } } });
      expect(added.addIopAmendment.total).toBe("150000.00");
      expectInputError(
        await app.call(ADD, { ...WRITE, variables: { input: amendment } }),
        "input.agreementId",
        "required",
      );
      expectInputError(
        await app.call(ADD, { ...WRITE, variables: { a: "999", input: { ...amendment, agreementId } } }),
        "input.agreementId",
        "conflict",
      );
    });

    it("registerIopInvoice: input.agreementId; a retry with the key answers the first invoice either way", async () => {
      const REGISTER = `mutation($a: ID, $input: IopInvoiceInput!) { registerIopInvoice(agreementId: $a, input: $input) { id amount } }`;
      const invoice = {
        invoiceNumber: "F-1",
        invoiceDate: "2022-03-31",
        kind: "OTHER",
        amount: "1000",
        idempotencyKey: "iop-invoice-f1",
      };
      const first = await app.ok(REGISTER, { ...WRITE, variables: { input: { ...invoice, agreementId } } });
      expect(first.registerIopInvoice.amount).toBe("1000.00");
      // the same request in the deprecated form is the same input: the first answer again
      const retry = await app.ok(REGISTER, { ...WRITE, variables: { a: agreementId, input: invoice } });
      expect(retry.registerIopInvoice.id).toBe(first.registerIopInvoice.id);
      expectInputError(
        await app.call(REGISTER, { ...WRITE, variables: { input: { ...invoice, invoiceNumber: "F-2" } } }),
        "input.agreementId",
        "required",
      );
      expectInputError(
        await app.call(REGISTER, {
          ...WRITE,
          variables: { a: "999", input: { ...invoice, invoiceNumber: "F-2", agreementId } },
        }),
        "input.agreementId",
        "conflict",
      );
    });

    it("names input.agreementId when the agreement given there is a draft", async () => {
      const draft = (
        await app.ok(CREATE_AGREEMENT, {
          ...WRITE,
          variables: { input: { ...terms({ title: "Utkast" }), status: "DRAFT" } },
        })
      ).createIopAgreement;
      const REGISTER = `mutation($input: IopInvoiceInput!) { registerIopInvoice(input: $input) { id } }`;
      expectInputError(
        await app.call(REGISTER, {
          ...WRITE,
          variables: {
            input: {
              agreementId: draft.id,
              invoiceNumber: "U-1",
              invoiceDate: "2022-03-31",
              kind: "OTHER",
              amount: "1",
            },
          },
        }),
        "input.agreementId",
        "signed",
      );
    });
  });

  describe("follow-up", () => {
    let agreementId: string;
    beforeAll(async () => {
      agreementId = (await createAgreement("Uppföljning")).id;
    });

    it("recordIopEvaluation: input.agreementId; a deviation inside may not name another agreement", async () => {
      const RECORD = `mutation($a: ID, $input: IopEvaluationInput!) { recordIopEvaluation(agreementId: $a, input: $input) { id periodEnd } }`;
      const evaluation = {
        periodStart: "2022-01-01",
        periodEnd: "2022-06-30",
        conductedOn: "2022-08-15",
        conductedBy: "Styrgruppen",
        answers: [{ questionId, yes: true }],
      };
      expectInputError(
        await app.call(RECORD, { ...WRITE, variables: { input: evaluation } }),
        "input.agreementId",
        "required",
      );
      expectInputError(
        await app.call(RECORD, { ...WRITE, variables: { a: "999", input: { ...evaluation, agreementId } } }),
        "input.agreementId",
        "conflict",
      );
      const other = (await createAgreement("Annan")).id;
      expectInputError(
        await app.call(RECORD, {
          ...WRITE,
          variables: {
            input: {
              ...evaluation,
              agreementId,
              deviations: [{ agreementId: other, detectedOn: "2022-05-01", severity: "LOW", description: "x" }],
            },
          },
        }),
        "input.deviations.0.agreementId",
        "conflict",
      );
      const recorded = await app.ok(RECORD, {
        ...WRITE,
        variables: {
          input: {
            ...evaluation,
            agreementId,
            deviations: [
              { agreementId, detectedOn: "2022-05-01", severity: "LOW", description: "Samma överenskommelse" },
            ],
          },
        },
      });
      expect(recorded.recordIopEvaluation.periodEnd).toBe("2022-06-30");
    });

    it("reportIopDeviation and resolveIopDeviation: input.agreementId, input.id and input.expectedVersion", async () => {
      const REPORT = `mutation($a: ID, $input: IopDeviationInput!) { reportIopDeviation(agreementId: $a, input: $input) { id version resolvedOn } }`;
      const deviation = { detectedOn: "2022-09-01", severity: "MEDIUM", description: "Jourtelefonen obemannad" };
      const reported = (await app.ok(REPORT, { ...WRITE, variables: { input: { ...deviation, agreementId } } }))
        .reportIopDeviation;
      expect(reported.resolvedOn).toBeNull();
      expectInputError(
        await app.call(REPORT, { ...WRITE, variables: { input: deviation } }),
        "input.agreementId",
        "required",
      );
      expectInputError(
        await app.call(REPORT, { ...WRITE, variables: { a: "999", input: { ...deviation, agreementId } } }),
        "input.agreementId",
        "conflict",
      );

      const RESOLVE = `mutation($id: ID, $v: Int, $input: IopResolveDeviationInput!) { resolveIopDeviation(id: $id, expectedVersion: $v, input: $input) { version resolvedOn } }`;
      const resolution = { resolvedOn: "2022-09-15", measures: "Ny bemanningsrutin" };
      expectInputError(
        await app.call(RESOLVE, {
          ...WRITE,
          variables: { input: { ...resolution, expectedVersion: reported.version } },
        }),
        "input.id",
        "required",
      );
      expectInputError(
        await app.call(RESOLVE, { ...WRITE, variables: { input: { ...resolution, id: reported.id } } }),
        "input.expectedVersion",
        "required",
      );
      expectInputError(
        await app.call(RESOLVE, {
          ...WRITE,
          variables: { v: 9, input: { ...resolution, id: reported.id, expectedVersion: reported.version } },
        }),
        "input.expectedVersion",
        "conflict",
      );
      const resolved = await app.ok(RESOLVE, {
        ...WRITE,
        variables: { input: { ...resolution, id: reported.id, expectedVersion: reported.version } },
      });
      expect(resolved.resolveIopDeviation).toEqual({ version: reported.version + 1, resolvedOn: "2022-09-15" });
      expectInputError(
        await app.call(RESOLVE, {
          ...WRITE,
          variables: { input: { ...resolution, id: reported.id, expectedVersion: reported.version + 1 } },
        }),
        "input.id",
        "open",
      );
    });

    it("registerIopYearlyReport: input.agreementId", async () => {
      const REGISTER = `mutation($a: ID, $input: IopYearlyReportInput!) { registerIopYearlyReport(agreementId: $a, input: $input) { id year kind } }`;
      const report = { year: 2022, kind: "ACTIVITY_REPORT", receivedOn: "2023-03-01", individualsServed: 12 };
      const registered = await app.ok(REGISTER, { ...WRITE, variables: { input: { ...report, agreementId } } });
      expect(registered.registerIopYearlyReport).toMatchObject({ year: 2022, kind: "ACTIVITY_REPORT" });
      expectInputError(
        await app.call(REGISTER, { ...WRITE, variables: { input: report } }),
        "input.agreementId",
        "required",
      );
      expectInputError(
        await app.call(REGISTER, { ...WRITE, variables: { a: "999", input: { ...report, agreementId } } }),
        "input.agreementId",
        "conflict",
      );
    });
  });

  it("every deprecated argument of the IOP mutations names input.<field> and a removal date", () => {
    const mutations = app.schema.getMutationType()!.getFields();
    const deprecated = Object.values(mutations)
      .filter((m) => /Iop/.test(m.name))
      .flatMap((m) => m.args.filter((a) => a.deprecationReason).map((a) => [m.name, a.name, a.deprecationReason]));
    expect(deprecated).toHaveLength(18);
    for (const [, name, reason] of deprecated)
      expect(reason).toMatch(new RegExp(`^Give input\\.${name} instead\\. Removed after \\d{4}-\\d{2}-\\d{2}\\.$`));
  });
});

describe("Swedish messages", () => {
  it("a rule's refusal carries the Swedish text beside the unchanged English one", () => {
    const draft = {
      status: AgreementStatus.DRAFT,
      startDate: "2022-01-01",
      endDate: "2024-12-31",
      renewalTermMonths: 12,
      noticeMonths: 9,
      finalEndDate: null,
    };
    let error: unknown;
    try {
      planNotice(draft, "2023-01-01", "input.id");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.field).toBe("input.id");
    expect(v.message).toBe("input.id: an agreement with status DRAFT cannot be given notice");
    expect(v.swedishMessage).toBe("input.id: en överenskommelse med status DRAFT kan inte sägas upp");
  });
});
