import { IdempotencyKey, OutboxEvent } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { iopModule } from "../src";
import { Agreement } from "../src/agreement/agreement.entity";
import { agreementRegistered } from "../src/events";
import { Evaluation } from "../src/follow-up/evaluation.entity";
import { YearlyReport } from "../src/follow-up/yearly-report.entity";
import { Invoice } from "../src/money/invoice.entity";

const WRITE = { scopes: ["iop:write"] };
const CREATE = `mutation($input: IopCreateAgreementInput!) { createIopAgreement(input: $input) { id version status title startDate annualServiceFee } }`;
const INVOICE = `mutation($a: ID!, $input: IopInvoiceInput!) { registerIopInvoice(agreementId: $a, input: $input) { id invoiceNumber amount } }`;
const EVALUATION = `mutation($a: ID!, $input: IopEvaluationInput!) { recordIopEvaluation(agreementId: $a, input: $input) { id periodEnd } }`;
const REPORT = `mutation($a: ID!, $input: IopYearlyReportInput!) { registerIopYearlyReport(agreementId: $a, input: $input) { id year kind } }`;

describe(`iop idempotent creates on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let partnerId: string;
  let budgetId: string;
  let agreementId: string;
  let templateId: string;
  let questionId: string;

  const agreementInput = (over: Record<string, unknown> = {}) => ({
    title: "Skyddat boende",
    partnerId,
    fundingBudgetId: budgetId,
    startDate: "2022-01-01",
    endDate: "2024-12-31",
    renewalTermMonths: 12,
    noticeMonths: 9,
    annualServiceFee: "550000",
    status: "ACTIVE",
    ...over,
  });
  const count = (entity: Parameters<TestApp["ds"]["getRepository"]>[0]) => app.ds.getRepository(entity).count();

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
    agreementId = (
      await app.ok(CREATE, { ...WRITE, variables: { input: agreementInput({ evaluationTemplateId: templateId }) } })
    ).createIopAgreement.id;
  });
  afterAll(() => app.close());

  describe("createIopAgreement", () => {
    it("12 concurrent identical creates with one key: one agreement, one event, 12 identical answers", async () => {
      const before = await count(Agreement);
      const input = agreementInput({ idempotencyKey: "agr-2024-0001" });
      const results = await Promise.all(
        Array.from({ length: 12 }, () => app.call(CREATE, { ...WRITE, variables: { input } })),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const answers = results.map((r) => JSON.stringify(r.data));
      expect(new Set(answers).size).toBe(1);
      expect(await count(Agreement)).toBe(before + 1);
      const id = results[0].data!.createIopAgreement.id;
      expect(
        await app.ds
          .getRepository(OutboxEvent)
          .count({ where: { type: agreementRegistered.type, subject: `IopAgreement/${id}` } }),
      ).toBe(1);

      // A retry later (say after a lost response) gets the same answer and creates nothing.
      const retry = await app.ok(CREATE, { ...WRITE, variables: { input } });
      expect(JSON.stringify(retry)).toBe(answers[0]);
      expect(await count(Agreement)).toBe(before + 1);
    });

    it("the same key with another input is CONFLICT naming input.idempotencyKey, and writes nothing", async () => {
      await app.ok(CREATE, { ...WRITE, variables: { input: agreementInput({ idempotencyKey: "agr-2024-0002" }) } });
      const before = await count(Agreement);
      const events = await app.ds.getRepository(OutboxEvent).count();
      const other = await app.call(CREATE, {
        ...WRITE,
        variables: { input: agreementInput({ idempotencyKey: "agr-2024-0002", title: "Annat" }) },
      });
      expect(other.errorCodes).toEqual(["CONFLICT"]);
      expect(JSON.stringify(other.errors)).toContain("input.idempotencyKey");
      expect(await count(Agreement)).toBe(before);
      expect(await app.ds.getRepository(OutboxEvent).count()).toBe(events);
    });

    it("keys are per caller: another caller's same key creates its own", async () => {
      const input = agreementInput({ idempotencyKey: "agr-shared" });
      const a = await app.ok(CREATE, { ...WRITE, subject: "e-service-a", variables: { input } });
      const b = await app.ok(CREATE, { ...WRITE, subject: "e-service-b", variables: { input } });
      expect(a.createIopAgreement.id).not.toBe(b.createIopAgreement.id);
    });

    it("without a key two identical creates make two agreements", async () => {
      const before = await count(Agreement);
      const input = agreementInput();
      const [a, b] = [
        await app.ok(CREATE, { ...WRITE, variables: { input } }),
        await app.ok(CREATE, { ...WRITE, variables: { input } }),
      ];
      expect(a.createIopAgreement.id).not.toBe(b.createIopAgreement.id);
      expect(await count(Agreement)).toBe(before + 2);
    });

    it("a first try that fails keeps no key: the corrected retry with that key is created", async () => {
      const before = await count(IdempotencyKey);
      const bad = await app.call(CREATE, {
        ...WRITE,
        variables: { input: agreementInput({ idempotencyKey: "agr-2024-0003", partnerId: "99999" }) },
      });
      expect(bad.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(await count(IdempotencyKey)).toBe(before);
      const good = await app.call(CREATE, {
        ...WRITE,
        variables: { input: agreementInput({ idempotencyKey: "agr-2024-0003" }) },
      });
      expect(good.errors).toBeUndefined();
    });

    it("a malformed key is BAD_USER_INPUT", async () => {
      const before = await count(Agreement);
      for (const key of ["has space", "x".repeat(129), "ä"]) {
        expect(
          (await app.call(CREATE, { ...WRITE, variables: { input: agreementInput({ idempotencyKey: key }) } }))
            .errorCodes,
        ).toEqual(["BAD_USER_INPUT"]);
      }
      expect(await count(Agreement)).toBe(before);
    });
  });

  describe("registerIopInvoice", () => {
    const invoice = (over: Record<string, unknown> = {}) => ({
      invoiceNumber: "F-100",
      invoiceDate: "2022-03-01",
      kind: "AGREED",
      amount: "137500",
      ...over,
    });

    it("10 concurrent identical registrations with one key: one invoice, identical answers", async () => {
      const before = await count(Invoice);
      const input = invoice({ idempotencyKey: "inv-F-100" });
      const results = await Promise.all(
        Array.from({ length: 10 }, () => app.call(INVOICE, { ...WRITE, variables: { a: agreementId, input } })),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
      expect(await count(Invoice)).toBe(before + 1);
    });

    it("the invoice-number rule still holds: the same number under another key is CONFLICT on input.invoiceNumber", async () => {
      const again = await app.call(INVOICE, {
        ...WRITE,
        variables: { a: agreementId, input: invoice({ idempotencyKey: "inv-other" }) },
      });
      expect(again.errorCodes).toEqual(["CONFLICT"]);
      expect(JSON.stringify(again.errors)).toContain("input.invoiceNumber");
      const conflict = await app.call(INVOICE, {
        ...WRITE,
        variables: { a: agreementId, input: invoice({ idempotencyKey: "inv-F-100", amount: "1" }) },
      });
      expect(conflict.errorCodes).toEqual(["CONFLICT"]);
      expect(JSON.stringify(conflict.errors)).toContain("input.idempotencyKey");
    });
  });

  describe("recordIopEvaluation and registerIopYearlyReport", () => {
    it("a retry with the key returns the first follow-up; another input with it is CONFLICT", async () => {
      const input = {
        periodStart: "2022-01-01",
        periodEnd: "2022-06-30",
        conductedOn: "2022-08-15",
        conductedBy: "Styrgruppen",
        answers: [{ questionId, yes: true }],
        idempotencyKey: "eval-2022-h1",
      };
      const [first, second] = await Promise.all(
        [0, 1].map(() => app.ok(EVALUATION, { ...WRITE, variables: { a: agreementId, input } })),
      );
      expect(second).toEqual(first);
      expect(await count(Evaluation)).toBe(1);
      const other = await app.call(EVALUATION, {
        ...WRITE,
        variables: { a: agreementId, input: { ...input, conductedBy: "Annan" } },
      });
      expect(other.errorCodes).toEqual(["CONFLICT"]);
      expect(JSON.stringify(other.errors)).toContain("input.idempotencyKey");
      // Without the key the existing rule answers: one follow-up per period end.
      const { idempotencyKey: _, ...noKey } = input;
      expect(
        (await app.call(EVALUATION, { ...WRITE, variables: { a: agreementId, input: noKey } })).errorCodes,
      ).toEqual(["CONFLICT"]);
    });

    it("yearly report: the same key twice gives one report", async () => {
      const input = {
        year: 2022,
        kind: "ACTIVITY_REPORT",
        receivedOn: "2023-03-01",
        individualsServed: 42,
        idempotencyKey: "rep-2022-ar",
      };
      const first = await app.ok(REPORT, { ...WRITE, variables: { a: agreementId, input } });
      const second = await app.ok(REPORT, { ...WRITE, variables: { a: agreementId, input } });
      expect(second).toEqual(first);
      expect(await count(YearlyReport)).toBe(1);
      const other = await app.call(REPORT, {
        ...WRITE,
        variables: { a: agreementId, input: { ...input, individualsServed: 43 } },
      });
      expect(other.errorCodes).toEqual(["CONFLICT"]);
    });
  });
});
