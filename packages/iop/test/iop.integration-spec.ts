import { AccessLogEntry } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { iopModule } from "../src";
import { Agreement } from "../src/agreement/agreement.entity";
import { Partner } from "../src/agreement/partner.entity";
import { StatusChange } from "../src/agreement/status-change.entity";
import { Deviation } from "../src/follow-up/deviation.entity";
import { Evaluation, EvaluationAnswer } from "../src/follow-up/evaluation.entity";
import { Invoice } from "../src/money/invoice.entity";

const WRITE = { scopes: ["iop:write"] };
const READ = { scopes: ["iop:read"] };
const STATS = { scopes: ["iop:stats"] };

const CREATE_AGREEMENT = `mutation($input: IopCreateAgreementInput!) { createIopAgreement(input: $input) { id version status finalEndDate } }`;

describe(`iop module on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let budgetId: string;
  let partnerId: string;
  let templateId: string;
  let questionIds: string[];

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
    const budget = await app.ok(
      `mutation { createIopFundingBudget(input: { code: "ALN", name: "Arbetslivsnämnden" }) { id } }`,
      WRITE,
    );
    budgetId = budget.createIopFundingBudget.id;
    const partner = await app.ok(
      `mutation { createIopPartner(input: { name: "Kvinno- och tjejjouren Borås", organisationsnummer: "864501-5200", postalAddress: "Box 979", postalCode: "501 10", city: "Borås" }) { id organisationsnummer } }`,
      WRITE,
    );
    partnerId = partner.createIopPartner.id;
    expect(partner.createIopPartner.organisationsnummer).toBe("864501-5200");
    const template = await app.ok(
      `mutation { createIopEvaluationTemplate(input: { name: "Mall", questions: [
         { text: "Enligt beslut?", answerType: YES_NO }, { text: "Betyg", answerType: SCALE_1_5 }, { text: "Kommentar", answerType: TEXT, required: false } ] })
         { id questions { id position } } }`,
      WRITE,
    );
    templateId = template.createIopEvaluationTemplate.id;
    questionIds = template.createIopEvaluationTemplate.questions.map((q: { id: string }) => q.id);
  });
  afterAll(() => app.close());

  describe("access control (deny by default)", () => {
    it("needs a token", async () => {
      expect((await app.call(`query { iopAgreements { totalCount } }`, { anonymous: true })).errorCodes).toEqual([
        "UNAUTHENTICATED",
      ]);
      expect(
        (await app.call(`query { iopPartnershipCount(on: "2022-01-01") { inForce } }`, { anonymous: true })).errorCodes,
      ).toEqual(["UNAUTHENTICATED"]);
    });

    it("needs the right scope for each operation", async () => {
      expect((await app.call(`query { iopAgreements { totalCount } }`, STATS)).errorCodes).toEqual(["FORBIDDEN"]);
      expect(
        (await app.call(`query { iopCostsPerPartnership(fromYear: 2022, toYear: 2022) { total } }`, READ)).errorCodes,
      ).toEqual(["FORBIDDEN"]);
      expect(
        (
          await app.call(
            `mutation { createIopPartner(input: { name: "X", organisationsnummer: "899900-1012" }) { id } }`,
            READ,
          )
        ).errorCodes,
      ).toEqual(["FORBIDDEN"]);
      expect(
        (await app.call(`query { iopNoticeDeadlines { totalCount } }`, { scopes: ["synpunkter:read"] })).errorCodes,
      ).toEqual(["FORBIDDEN"]);
    });
  });

  describe("validation without partial writes", () => {
    it("rejects an invalid organisationsnummer and a taken one", async () => {
      const before = await count(Partner);
      const bad = await app.call(
        `mutation { createIopPartner(input: { name: "X", organisationsnummer: "864501-5201" }) { id } }`,
        WRITE,
      );
      expect(bad.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(bad.errors?.[0].message).toMatch(/organisationsnummer|Organisationsnummer/);
      const taken = await app.call(
        `mutation { createIopPartner(input: { name: "Dubblett", organisationsnummer: "8645015200" }) { id } }`,
        WRITE,
      );
      expect(taken.errorCodes).toEqual(["CONFLICT"]);
      expect(await count(Partner)).toBe(before);
    });

    it.each([
      [{ endDate: "2021-12-31" }, "input.endDate"],
      [{ endDate: null }, "input.renewalTermMonths"],
      [{ partnerId: "9999" }, "input.partnerId"],
      [{ fundingBudgetId: "9999" }, "input.fundingBudgetId"],
      [{ annualServiceFee: "-1" }, "input.annualServiceFee"],
      [{ status: "EXPIRED" }, "input.status"],
      // class-validator rules are reported by core as "<field>: …" without the argument name
      [{ title: "" }, "title:"],
      [{ noticeMonths: 61 }, "noticeMonths:"],
    ])("rejects %j naming %s, and writes nothing", async (over, field) => {
      const before = {
        agreements: await count(Agreement),
        history: await count(StatusChange),
        log: await count(AccessLogEntry),
      };
      const result = await app.call(CREATE_AGREEMENT, { ...WRITE, variables: { input: agreementInput(over) } });
      expect(result.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors?.[0].message).toContain(field);
      expect({
        agreements: await count(Agreement),
        history: await count(StatusChange),
        log: await count(AccessLogEntry),
      }).toEqual(before);
    });

    it("rejects a date that is no calendar date", async () => {
      const result = await app.call(CREATE_AGREEMENT, {
        ...WRITE,
        variables: { input: agreementInput({ endDate: "2023-02-29" }) },
      });
      expect(result.errorCodes).toEqual(["BAD_USER_INPUT"]);
    });
  });

  describe("status flow, notice and stale edits", () => {
    it("gives notice, ends the agreement after the term the notice reaches, and expires it on that day", async () => {
      const created = (await app.ok(CREATE_AGREEMENT, { ...WRITE, variables: { input: agreementInput() } }))
        .createIopAgreement;
      expect(created).toMatchObject({ status: "ACTIVE", finalEndDate: null });
      const notice = `mutation($id: ID!, $v: Int!, $date: Date!) { giveIopNotice(id: $id, expectedVersion: $v, input: { noticeDate: $date, givenBy: MUNICIPALITY }) {
        status finalEndDate noticeGivenOn noticeGivenBy version nextNotice(asOf: "2024-04-01") { noticeDeadline } } }`;
      const given = (
        await app.ok(notice, { ...WRITE, variables: { id: created.id, v: created.version, date: "2024-04-01" } })
      ).giveIopNotice;
      // one day after the 2024-03-31 deadline: it renews once more and ends 2025-12-31
      expect(given).toMatchObject({
        status: "NOTICE_GIVEN",
        finalEndDate: "2025-12-31",
        noticeGivenOn: "2024-04-01",
        noticeGivenBy: "MUNICIPALITY",
        nextNotice: null,
      });

      const stale = await app.call(notice, {
        ...WRITE,
        variables: { id: created.id, v: created.version, date: "2024-03-01" },
      });
      expect(stale.errorCodes).toEqual(["CONFLICT"]);
      const stored = await app.ds.getRepository(Agreement).findOneByOrFail({ id: Number(created.id) });
      expect(stored.noticeGivenOn).toBe("2024-04-01");

      const change = `mutation($id: ID!, $v: Int!, $input: IopStatusChangeInput!) { changeIopAgreementStatus(id: $id, expectedVersion: $v, input: $input) {
        status finalEndDate version statusHistory { fromStatus toStatus effectiveDate } } }`;
      const early = await app.call(change, {
        ...WRITE,
        variables: { id: created.id, v: given.version, input: { status: "EXPIRED", effectiveDate: "2025-06-30" } },
      });
      expect(early.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(early.errors?.[0].message).toContain("input.effectiveDate");
      const expired = (
        await app.ok(change, {
          ...WRITE,
          variables: { id: created.id, v: given.version, input: { status: "EXPIRED", effectiveDate: "2025-12-31" } },
        })
      ).changeIopAgreementStatus;
      expect(expired.statusHistory).toEqual([
        { fromStatus: null, toStatus: "ACTIVE", effectiveDate: "2022-01-01" },
        { fromStatus: "ACTIVE", toStatus: "NOTICE_GIVEN", effectiveDate: "2024-04-01" },
        { fromStatus: "NOTICE_GIVEN", toStatus: "EXPIRED", effectiveDate: "2025-12-31" },
      ]);
      const back = await app.call(change, {
        ...WRITE,
        variables: { id: created.id, v: expired.version, input: { status: "ACTIVE", effectiveDate: "2026-01-01" } },
      });
      expect(back.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(back.errors?.[0].message).toContain("input.status");
    });

    it("winds an agreement down until a day, after which it is no longer in force", async () => {
      const created = (
        await app.ok(CREATE_AGREEMENT, {
          ...WRITE,
          variables: { input: agreementInput({ title: "Spira", endDate: null, renewalTermMonths: null }) },
        })
      ).createIopAgreement;
      const wound = await app.ok(
        `mutation($id: ID!, $v: Int!) { changeIopAgreementStatus(id: $id, expectedVersion: $v, input: { status: WINDING_DOWN, effectiveDate: "2022-01-01", windDownUntil: "2022-03-31" })
          { status finalEndDate a: inForceOn(date: "2022-03-31") b: inForceOn(date: "2022-04-01") } }`,
        { ...WRITE, variables: { id: created.id, v: created.version } },
      );
      expect(wound.changeIopAgreementStatus).toEqual({
        status: "WINDING_DOWN",
        finalEndDate: "2022-03-31",
        a: true,
        b: false,
      });
    });

    it("rejects a stale edit of the terms with CONFLICT and keeps the stored terms", async () => {
      const created = (
        await app.ok(CREATE_AGREEMENT, { ...WRITE, variables: { input: agreementInput({ title: "Versioned" }) } })
      ).createIopAgreement;
      const update = `mutation($id: ID!, $v: Int!, $input: IopAgreementInput!) { updateIopAgreement(id: $id, expectedVersion: $v, input: $input) { version noticeMonths } }`;
      const { status: _status, ...terms } = agreementInput({ title: "Versioned", noticeMonths: 6 });
      const first = await app.ok(update, { ...WRITE, variables: { id: created.id, v: created.version, input: terms } });
      expect(first.updateIopAgreement.noticeMonths).toBe(6);
      const second = await app.call(update, {
        ...WRITE,
        variables: { id: created.id, v: created.version, input: { ...terms, noticeMonths: 3 } },
      });
      expect(second.errorCodes).toEqual(["CONFLICT"]);
      expect((await app.ds.getRepository(Agreement).findOneByOrFail({ id: Number(created.id) })).noticeMonths).toBe(6);
    });
  });

  describe("access log for contact persons", () => {
    it("logs one READ per request listing every contact returned, and nothing when contacts are not asked for", async () => {
      const created = (
        await app.ok(CREATE_AGREEMENT, { ...WRITE, variables: { input: agreementInput({ title: "Kontakter" }) } })
      ).createIopAgreement;
      const add = `mutation($id: ID!, $input: IopContactInput!) { addIopContact(agreementId: $id, input: $input) { id } }`;
      const c1 = (
        await app.ok(add, {
          ...WRITE,
          variables: {
            id: created.id,
            input: {
              side: "MUNICIPALITY",
              role: "CONTACT_PERSON",
              name: "Ida Wickström",
              unit: "Relationsvåldsenheten",
            },
          },
        })
      ).addIopContact.id;
      const c2 = (
        await app.ok(add, {
          ...WRITE,
          variables: { id: created.id, input: { side: "PARTNER", role: "CONTACT_PERSON", title: "Verksamhetschef" } },
        })
      ).addIopContact.id;
      const badContact = await app.call(add, {
        ...WRITE,
        variables: {
          id: created.id,
          input: { side: "PARTNER", role: "CONTACT_PERSON", email: "not-an-email", name: "X" },
        },
      });
      expect(badContact.errorCodes).toEqual(["BAD_USER_INPUT"]);

      const reads = () =>
        app.ds.getRepository(AccessLogEntry).find({ where: { action: "READ" as never, domain: "iop" } });
      const before = (await reads()).length;
      await app.ok(`query { iopAgreements(first: 100) { nodes { title partner { name } } } }`, READ);
      expect((await reads()).length).toBe(before);

      const data = await app.ok(`query { iopAgreements(first: 100) { nodes { id contacts { id name title } } } }`, {
        ...READ,
        subject: "handlaggare-7",
      });
      const returned = data.iopAgreements.nodes.flatMap((n: { contacts: { id: string }[] }) =>
        n.contacts.map((c) => c.id),
      );
      expect(returned.sort()).toEqual([c1, c2].sort());
      const after = await reads();
      expect(after.length).toBe(before + 1);
      const entry = after[after.length - 1];
      expect(entry).toMatchObject({
        actor: "handlaggare-7",
        operation: "IopAgreement.contacts",
        recordType: "IopContact",
      });
      expect([...entry.recordIds].sort()).toEqual([c1, c2].sort());
    });

    it("logs every change in the same transaction", async () => {
      const changes = await app.ds
        .getRepository(AccessLogEntry)
        .find({ where: { domain: "iop", operation: "Mutation.addIopContact" } });
      expect(changes.length).toBe(2);
      expect(changes.every((c) => c.action === "CREATE")).toBe(true);
    });
  });

  describe("invoices", () => {
    it("registers the same invoice exactly once when ten requests race", async () => {
      const created = (
        await app.ok(CREATE_AGREEMENT, { ...WRITE, variables: { input: agreementInput({ title: "Fakturor" }) } })
      ).createIopAgreement;
      const register = `mutation($id: ID!) { registerIopInvoice(agreementId: $id, input: { invoiceNumber: "KJ-2022-001", invoiceDate: "2022-03-31", kind: OTHER, amount: "12500.50" }) { id amount } }`;
      const results = await Promise.all(
        Array.from({ length: 10 }, () => app.call(register, { ...WRITE, variables: { id: created.id } })),
      );
      expect(results.filter((r) => !r.errors?.length)).toHaveLength(1);
      expect(results.flatMap((r) => r.errorCodes).sort()).toEqual(Array(9).fill("CONFLICT"));
      expect(
        await app.ds.getRepository(Invoice).countBy({ agreementId: Number(created.id), invoiceNumber: "KJ-2022-001" }),
      ).toBe(1);

      const zero = await app.call(
        `mutation($id: ID!) { registerIopInvoice(agreementId: $id, input: { invoiceNumber: "KJ-0", invoiceDate: "2022-03-31", kind: OTHER, amount: "0" }) { id } }`,
        { ...WRITE, variables: { id: created.id } },
      );
      expect(zero.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(zero.errors?.[0].message).toContain("input.amount");

      const amendment = await app.call(
        `mutation($id: ID!) { addIopAmendment(agreementId: $id, input: { title: "Komplettering", amounts: [{ year: 2022, amount: "150000" }, { year: 2022, amount: "1" }] }) { id } }`,
        { ...WRITE, variables: { id: created.id } },
      );
      expect(amendment.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(amendment.errors?.[0].message).toContain("input.amounts.1.year");
      await app.ok(
        `mutation($id: ID!) { addIopAmendment(agreementId: $id, input: { title: "Komplettering", amounts: [{ year: 2022, amount: "150000" }] }) { id } }`,
        {
          ...WRITE,
          variables: { id: created.id },
        },
      );

      const costs = await app.ok(
        `query { iopCostsPerPartnership(fromYear: 2022, toYear: 2022) { agreementTitle serviceFee amendments otherInvoices total } }`,
        STATS,
      );
      expect(
        costs.iopCostsPerPartnership.find((r: { agreementTitle: string }) => r.agreementTitle === "Fakturor"),
      ).toEqual({
        agreementTitle: "Fakturor",
        serviceFee: "550000.00",
        amendments: "150000.00",
        otherInvoices: "12500.50",
        total: "712500.50",
      });
    });

    it("charges the yearly fee pro rata for the days in force", async () => {
      const created = (
        await app.ok(CREATE_AGREEMENT, {
          ...WRITE,
          variables: {
            input: agreementInput({
              title: "Halvår",
              startDate: "2024-07-01",
              endDate: "2025-06-30",
              renewalTermMonths: null,
              annualServiceFee: "366000",
            }),
          },
        })
      ).createIopAgreement;
      expect(created.finalEndDate).toBe("2025-06-30");
      const costs = await app.ok(
        `query { iopCostsPerPartnership(fromYear: 2024, toYear: 2026) { agreementTitle year serviceFee } }`,
        STATS,
      );
      expect(
        costs.iopCostsPerPartnership.filter((r: { agreementTitle: string }) => r.agreementTitle === "Halvår"),
      ).toEqual([
        { agreementTitle: "Halvår", year: 2024, serviceFee: "184000.00" }, // 184 of 366 days
        { agreementTitle: "Halvår", year: 2025, serviceFee: "181495.89" }, // 181 of 365 days, rounded to öre
      ]);
    });
  });

  describe("follow-up", () => {
    let agreementId: string;
    beforeAll(async () => {
      agreementId = (
        await app.ok(CREATE_AGREEMENT, {
          ...WRITE,
          variables: {
            input: agreementInput({
              title: "Uppföljd",
              evaluationTemplateId: templateId,
              followUpIntervalMonths: 6,
              requiresActivityReport: true,
              requiresActivityPlan: true,
            }),
          },
        })
      ).createIopAgreement.id;
    });
    const record = `mutation($id: ID!, $input: IopEvaluationInput!) { recordIopEvaluation(agreementId: $id, input: $input) { id answers { questionId booleanValue numberValue } } }`;
    const period = {
      periodStart: "2022-01-01",
      periodEnd: "2022-06-30",
      conductedOn: "2022-08-15",
      conductedBy: "Styrgruppen",
    };

    it("shows the follow-up as due, rejects incomplete answers without writing, then records answers and deviations", async () => {
      const due = await app.ok(
        `query { iopFollowUpsDue(asOf: "2022-07-10", first: 100) { nodes { agreement { id } periodEnd daysOverdue } } }`,
        READ,
      );
      expect(
        due.iopFollowUpsDue.nodes.find((n: { agreement: { id: string } }) => n.agreement.id === agreementId),
      ).toEqual({
        agreement: { id: agreementId },
        periodEnd: "2022-06-30",
        daysOverdue: 10,
      });

      const before = { e: await count(Evaluation), a: await count(EvaluationAnswer), d: await count(Deviation) };
      const incomplete = await app.call(record, {
        ...WRITE,
        variables: {
          id: agreementId,
          input: {
            ...period,
            answers: [{ questionId: questionIds[0], yes: true }],
            deviations: [{ detectedOn: "2022-05-01", severity: "LOW", description: "x" }],
          },
        },
      });
      expect(incomplete.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(incomplete.errors?.[0].message).toContain("input.answers");
      expect({ e: await count(Evaluation), a: await count(EvaluationAnswer), d: await count(Deviation) }).toEqual(
        before,
      );

      const input = {
        ...period,
        answers: [
          { questionId: questionIds[0], yes: false },
          { questionId: questionIds[1], number: 3 },
        ],
        deviations: [
          { detectedOn: "2022-05-02", severity: "MEDIUM", description: "Akutplatsen var inte tillgänglig en helg" },
        ],
      };
      const ok = await app.ok(record, { ...WRITE, variables: { id: agreementId, input } });
      expect(ok.recordIopEvaluation.answers).toEqual([
        { questionId: questionIds[0], booleanValue: false, numberValue: null },
        { questionId: questionIds[1], booleanValue: null, numberValue: 3 },
      ]);
      expect((await app.call(record, { ...WRITE, variables: { id: agreementId, input } })).errorCodes).toEqual([
        "CONFLICT",
      ]);

      const due2 = await app.ok(
        `query { iopFollowUpsDue(asOf: "2022-07-10", first: 100) { nodes { agreement { id } } } }`,
        READ,
      );
      expect(
        due2.iopFollowUpsDue.nodes.some((n: { agreement: { id: string } }) => n.agreement.id === agreementId),
      ).toBe(false);
    });

    it("lists open deviations, resolves one with a version check, and counts them in the statistics", async () => {
      const open = await app.ok(
        `query($id: ID!) { iopDeviations(filter: { agreementId: $id, open: true }) { totalCount nodes { id version severity } } }`,
        {
          ...READ,
          variables: { id: agreementId },
        },
      );
      expect(open.iopDeviations.totalCount).toBe(1);
      const { id, version } = open.iopDeviations.nodes[0];
      const stats = () => app.ok(`query { iopFollowUpStatistics(year: 2022) { deviations openDeviations } }`, STATS);
      expect((await stats()).iopFollowUpStatistics).toEqual({ deviations: 1, openDeviations: 1 });
      const resolve = `mutation($id: ID!, $v: Int!) { resolveIopDeviation(id: $id, expectedVersion: $v, input: { resolvedOn: "2022-09-01", measures: "Rutin för helgbemanning" }) { resolvedOn version } }`;
      const resolved = await app.ok(resolve, { ...WRITE, variables: { id, v: version } });
      expect(resolved.resolveIopDeviation.resolvedOn).toBe("2022-09-01");
      expect((await app.call(resolve, { ...WRITE, variables: { id, v: version } })).errorCodes).toEqual(["CONFLICT"]);
      expect((await stats()).iopFollowUpStatistics).toEqual({ deviations: 1, openDeviations: 0 });
    });

    it("tracks yearly reports received and missing, with the number of individuals served", async () => {
      const missing = async () =>
        (
          await app.ok(`query { iopMissingReports(year: 2022, first: 100) { nodes { kind agreement { id } } } }`, READ)
        ).iopMissingReports.nodes
          .filter((n: { agreement: { id: string } }) => n.agreement.id === agreementId)
          .map((n: { kind: string }) => n.kind);
      expect(await missing()).toEqual(["ACTIVITY_REPORT", "ACTIVITY_PLAN"]);
      const register = `mutation($id: ID!, $input: IopYearlyReportInput!) { registerIopYearlyReport(agreementId: $id, input: $input) { id } }`;
      const noCount = await app.call(register, {
        ...WRITE,
        variables: { id: agreementId, input: { year: 2022, kind: "ACTIVITY_REPORT", receivedOn: "2023-03-01" } },
      });
      expect(noCount.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(noCount.errors?.[0].message).toContain("input.individualsServed");
      const input = { year: 2022, kind: "ACTIVITY_REPORT", receivedOn: "2023-03-01", individualsServed: 41 };
      await app.ok(register, { ...WRITE, variables: { id: agreementId, input } });
      expect((await app.call(register, { ...WRITE, variables: { id: agreementId, input } })).errorCodes).toEqual([
        "CONFLICT",
      ]);
      expect(await missing()).toEqual(["ACTIVITY_PLAN"]);
      const stats = await app.ok(
        `query { iopFollowUpStatistics(year: 2022) { activityReportsReceived activityPlansReceived individualsServed } }`,
        STATS,
      );
      expect(stats.iopFollowUpStatistics).toEqual({
        activityReportsReceived: 1,
        activityPlansReceived: 0,
        individualsServed: 41,
      });
      const outside = await app.call(register, {
        ...WRITE,
        variables: { id: agreementId, input: { ...input, year: 2020 } },
      });
      expect(outside.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(outside.errors?.[0].message).toContain("input.year");
    });
  });
});
