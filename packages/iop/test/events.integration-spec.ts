import { OutboxEvent } from "@arbetsliv/core";
import { addDays, addMonths, daysBetween, todayLocalDate, type LocalDate } from "@arbetsliv/core/values";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { iopModule } from "../src";
import {
  agreementEnded,
  agreementRegistered,
  agreementRenewed,
  iopEventTypes,
  noticeDeadlineApproaching,
} from "../src/events";
import {
  agreementRenewedJob,
  noticeDeadlineApproachingJob,
  noticeWarningDays,
} from "../src/notice/notice-deadline.jobs";
import { NoticeDeadlineMark } from "../src/notice/notice-deadline-mark.entity";

const WRITE = { scopes: ["iop:write"] };
const CREATE = `mutation($input: IopCreateAgreementInput!) { createIopAgreement(input: $input) { id version } }`;
const STATUS = `mutation($id: ID!, $v: Int!, $input: IopStatusChangeInput!) { changeIopAgreementStatus(id: $id, expectedVersion: $v, input: $input) { id version status } }`;

// Text the test puts into the records; none of it may reach an event.
const CONTACT = { name: "Anna Testperson", email: "anna.testperson@example.se", phone: "070-123 45 67" };
const FREE_TEXT = [
  "Kvinnojouren Eventtest",
  "Skyddat boende för händelser",
  "Syftet är hemligt",
  "Ordförande Eventsson",
  "Anteckning om uppsägning",
];

/** Last day of renewal term k counted from the initial end, as the README states the rule. */
const termEnd = (end: LocalDate, months: number, k: number) =>
  k === 0 ? end : addDays(addMonths(addDays(end, 1), k * months), -1);
const at = (date: LocalDate) => new Date(`${date}T08:00:00Z`);

describe(`iop events on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let partnerId: string;
  let budgetId: string;
  const today = todayLocalDate();

  const outbox = async (type: string, agreementId?: string) => {
    const rows = await app.ds.getRepository(OutboxEvent).find({ where: { type }, order: { id: "ASC" } });
    return rows.filter((r) => agreementId === undefined || r.subject === `IopAgreement/${agreementId}`);
  };
  const dataOf = (row: OutboxEvent) => JSON.parse(row.data) as Record<string, unknown>;

  /** An agreement in force renewing by 12 months with 1 month's notice; its initial period ends on `end`. */
  const register = async (end: LocalDate, over: Record<string, unknown> = {}) => {
    const result = await app.ok(CREATE, {
      ...WRITE,
      variables: {
        input: {
          title: FREE_TEXT[1],
          purpose: FREE_TEXT[2],
          partnerId,
          fundingBudgetId: budgetId,
          startDate: addDays(today, -300),
          endDate: end,
          renewalTermMonths: 12,
          noticeMonths: 1,
          annualServiceFee: "120000",
          status: "ACTIVE",
          ...over,
        },
      },
    });
    return result.createIopAgreement as { id: string; version: number };
  };
  const changeStatus = (id: string, v: number, input: Record<string, unknown>) =>
    app.call(STATUS, { ...WRITE, variables: { id, v, input } });

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
        `mutation($n: String!) { createIopPartner(input: { name: $n, organisationsnummer: "864501-5200" }) { id } }`,
        {
          ...WRITE,
          variables: { n: FREE_TEXT[0] },
        },
      )
    ).createIopPartner.id;
  });
  afterAll(() => app.close());

  it("declares its event types in the module descriptor, all with scope iop:events", () => {
    expect(iopModule.events!.map((e) => e.type)).toEqual([
      "se.arbetsliv.iop.agreement.registered.v1",
      "se.arbetsliv.iop.agreement.renewed.v1",
      "se.arbetsliv.iop.agreement.ended.v1",
      "se.arbetsliv.iop.agreement.notice-deadline-approaching.v1",
    ]);
    expect(new Set(iopModule.events!.map((e) => e.scope))).toEqual(new Set(["iop:events"]));
    expect(iopModule.scopes.map((s) => s.name)).toContain("iop:events");
    expect(iopModule.jobs!.map((j) => j.name)).toEqual(["iop.notice-deadline-approaching", "iop.agreement-renewed"]);
  });

  describe("recorded with the change", () => {
    it("agreement.registered: ids, dates, terms, the next notice deadline from the renewal rules, the fee as money", async () => {
      const end = addDays(today, 200);
      const { id } = await register(end);
      const contact = await app.call(
        `mutation($a: ID!, $i: IopContactInput!) { addIopContact(agreementId: $a, input: $i) { id } }`,
        {
          ...WRITE,
          variables: { a: id, i: { side: "PARTNER", role: "CONTACT_PERSON", title: FREE_TEXT[3], ...CONTACT } },
        },
      );
      expect(contact.errors).toBeUndefined();
      const [row] = await outbox(agreementRegistered.type, id);
      expect(row).toMatchObject({ domain: "iop", subject: `IopAgreement/${id}`, requiredScope: "iop:events" });
      expect(dataOf(row)).toEqual({
        agreementId: id,
        partnerId,
        fundingBudgetId: budgetId,
        predecessorAgreementId: null,
        status: "ACTIVE",
        startDate: addDays(today, -300),
        endDate: end,
        renewalTermMonths: 12,
        noticeMonths: 1,
        noticeDeadline: addMonths(end, -1),
        annualServiceFee: "120000.00",
      });
    });

    it("a draft has no notice deadline yet; a successor names its predecessor", async () => {
      const first = await register(addDays(today, 400));
      const { id } = await register(addDays(today, 800), {
        status: "DRAFT",
        predecessorId: first.id,
        startDate: addDays(today, 401),
        annualServiceFee: null,
      });
      expect(dataOf((await outbox(agreementRegistered.type, id))[0])).toMatchObject({
        status: "DRAFT",
        predecessorAgreementId: first.id,
        noticeDeadline: null,
        annualServiceFee: null,
      });
    });

    it("agreement.ended on TERMINATED and on EXPIRED, with the last day in force", async () => {
      const a = await register(addDays(today, 100));
      expect(
        (await changeStatus(a.id, a.version, { status: "TERMINATED", effectiveDate: today, note: FREE_TEXT[4] }))
          .errors,
      ).toBeUndefined();
      expect(dataOf((await outbox(agreementEnded.type, a.id))[0])).toEqual({
        agreementId: a.id,
        partnerId,
        endKind: "TERMINATED",
        previousStatus: "ACTIVE",
        lastDayInForce: today,
      });
      const fixed = addDays(today, -1);
      const b = await register(fixed, { renewalTermMonths: null, noticeMonths: null });
      expect((await changeStatus(b.id, b.version, { status: "EXPIRED", effectiveDate: fixed })).errors).toBeUndefined();
      const [row] = await outbox(agreementEnded.type, b.id);
      expect(row.subject).toBe(`IopAgreement/${b.id}`);
      expect(dataOf(row)).toMatchObject({ endKind: "EXPIRED", previousStatus: "ACTIVE", lastDayInForce: fixed });
    });

    it("a change that fails records no event", async () => {
      const before = await app.ds.getRepository(OutboxEvent).count();
      const bad = await app.call(CREATE, {
        ...WRITE,
        variables: {
          input: { title: "X", partnerId: "999999", fundingBudgetId: budgetId, startDate: today, status: "ACTIVE" },
        },
      });
      expect(bad.errorCodes).toEqual(["BAD_USER_INPUT"]);
      const a = await register(addDays(today, 100));
      const afterRegister = await app.ds.getRepository(OutboxEvent).count();
      expect(afterRegister).toBe(before + 1);
      // EXPIRED while it renews automatically is refused by the status rules: nothing ends, no event.
      expect(
        (await changeStatus(a.id, a.version, { status: "EXPIRED", effectiveDate: addDays(today, 100) })).errorCodes,
      ).toEqual(["BAD_USER_INPUT"]);
      expect(
        (await changeStatus(a.id, a.version + 5, { status: "TERMINATED", effectiveDate: today })).errorCodes,
      ).toEqual(["CONFLICT"]);
      expect(await app.ds.getRepository(OutboxEvent).count()).toBe(afterRegister);
      expect(await outbox(agreementEnded.type, a.id)).toHaveLength(0);
    });
  });

  describe("the notice-deadline job", () => {
    const job = noticeDeadlineApproachingJob({ IOP_NOTICE_WARNING_DAYS: "30" });
    const renewedJob = agreementRenewedJob();

    it("warns inside the window only, once per agreement and deadline, with the renewal rules' dates", async () => {
      const insideEnd = addDays(today, 45); // deadline = end − 1 month: 14–17 days ahead
      const inside = await register(insideEnd);
      const outside = await register(addDays(today, 120));
      const ended = await register(addDays(today, 45));
      await changeStatus(ended.id, ended.version, { status: "TERMINATED", effectiveDate: today });
      const noticed = await register(addDays(today, 45));
      expect(
        (
          await app.call(
            `mutation($id: ID!, $v: Int!) { giveIopNotice(id: $id, expectedVersion: $v, input: { noticeDate: "${today}", givenBy: MUNICIPALITY }) { id } }`,
            {
              ...WRITE,
              variables: { id: noticed.id, v: noticed.version },
            },
          )
        ).errors,
      ).toBeUndefined();
      const draft = await register(addDays(today, 45), { status: "DRAFT" });

      await job.run(app.ds, at(today));
      const deadline = addMonths(insideEnd, -1);
      const [warning, ...more] = await outbox(noticeDeadlineApproaching.type, inside.id);
      expect(more).toHaveLength(0);
      expect(warning).toMatchObject({
        domain: "iop",
        subject: `IopAgreement/${inside.id}`,
        requiredScope: "iop:events",
      });
      expect(dataOf(warning)).toEqual({
        agreementId: inside.id,
        partnerId,
        noticeDeadline: deadline,
        daysLeft: daysBetween(today, deadline),
        warningDays: 30,
        termEnd: insideEnd,
        renewedUntil: termEnd(insideEnd, 12, 1),
      });
      for (const none of [outside, ended, noticed, draft])
        expect(await outbox(noticeDeadlineApproaching.type, none.id)).toHaveLength(0);

      // Repeated runs, later days with the same deadline, the deadline day itself: nothing twice.
      expect(await job.run(app.ds, at(today))).toBe(0);
      expect(await job.run(app.ds, at(addDays(today, 3)))).toBe(0);
      expect(await job.run(app.ds, at(deadline))).toBe(0);
      expect(await outbox(noticeDeadlineApproaching.type, inside.id)).toHaveLength(1);
      expect(await app.ds.getRepository(NoticeDeadlineMark).count({ where: { agreementId: Number(inside.id) } })).toBe(
        1,
      );

      // The outside one enters the window later, and is warned then.
      await job.run(app.ds, at(addDays(addMonths(addDays(today, 120), -1), -30)));
      expect(await outbox(noticeDeadlineApproaching.type, outside.id)).toHaveLength(1);
    });

    it("the window's edge is the setting: daysLeft = N is warned, N + 1 is not", async () => {
      const end = addDays(today, 90);
      const { id } = await register(end);
      const daysLeft = daysBetween(today, addMonths(end, -1));
      await noticeDeadlineApproachingJob({ IOP_NOTICE_WARNING_DAYS: String(daysLeft - 1) }).run(app.ds, at(today));
      expect(await outbox(noticeDeadlineApproaching.type, id)).toHaveLength(0);
      await noticeDeadlineApproachingJob({ IOP_NOTICE_WARNING_DAYS: String(daysLeft) }).run(app.ds, at(today));
      expect(dataOf((await outbox(noticeDeadlineApproaching.type, id))[0])).toMatchObject({
        daysLeft,
        warningDays: daysLeft,
      });
    });

    it("concurrent runs (two processes) record each warning once", async () => {
      const ids = await Promise.all([
        register(addDays(today, 40)),
        register(addDays(today, 41)),
        register(addDays(today, 42)),
      ]);
      const second = noticeDeadlineApproachingJob({ IOP_NOTICE_WARNING_DAYS: "30" });
      const counts = await Promise.all([
        job.run(app.ds, at(today)),
        second.run(app.ds, at(today)),
        job.run(app.ds, at(today)),
        second.run(app.ds, at(today)),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
      for (const { id } of ids) expect(await outbox(noticeDeadlineApproaching.type, id)).toHaveLength(1);
    });

    it("after the deadline passes: agreement.renewed once, then the new deadline gets its own warning", async () => {
      const end = addDays(today, 50);
      const { id } = await register(end);
      const firstDeadline = addMonths(end, -1);
      await job.run(app.ds, at(today));
      await renewedJob.run(app.ds, at(firstDeadline)); // notice on the deadline still counts: no renewal yet
      expect(await outbox(agreementRenewed.type, id)).toHaveLength(0);

      const dayAfter = addDays(firstDeadline, 1);
      await Promise.all([renewedJob.run(app.ds, at(dayAfter)), agreementRenewedJob().run(app.ds, at(dayAfter))]);
      await renewedJob.run(app.ds, at(addDays(dayAfter, 10)));
      const renewedUntil = termEnd(end, 12, 1);
      const nextDeadline = addMonths(renewedUntil, -1);
      const renewed = await outbox(agreementRenewed.type, id);
      expect(renewed).toHaveLength(1);
      expect(renewed[0].subject).toBe(`IopAgreement/${id}`);
      expect(dataOf(renewed[0])).toEqual({
        agreementId: id,
        partnerId,
        renewalKind: "AUTOMATIC",
        passedNoticeDeadline: firstDeadline,
        renewedFrom: addDays(end, 1),
        renewedUntil,
        nextNoticeDeadline: nextDeadline,
      });

      // Nothing new for the next deadline until it is within the window; then one warning for it.
      await job.run(app.ds, at(dayAfter));
      expect(await outbox(noticeDeadlineApproaching.type, id)).toHaveLength(1);
      await job.run(app.ds, at(addDays(nextDeadline, -10)));
      await job.run(app.ds, at(addDays(nextDeadline, -5)));
      const warnings = (await outbox(noticeDeadlineApproaching.type, id)).map(dataOf);
      expect(warnings.map((w) => w.noticeDeadline)).toEqual([firstDeadline, nextDeadline]);
      expect(warnings[1]).toMatchObject({ daysLeft: 10, termEnd: renewedUntil, renewedUntil: termEnd(end, 12, 2) });
    });

    it("no renewal event for deadlines that passed before the agreement was registered, or once it ended", async () => {
      const old = await register(addDays(today, -200)); // deadline passed before registration
      const ending = await register(addDays(today, 20));
      await changeStatus(ending.id, ending.version, { status: "TERMINATED", effectiveDate: today });
      await renewedJob.run(app.ds, at(addDays(today, 30)));
      expect(await outbox(agreementRenewed.type, old.id)).toHaveLength(0);
      expect(await outbox(agreementRenewed.type, ending.id)).toHaveLength(0);
    });

    it("IOP_NOTICE_WARNING_DAYS: default 30, 1–365, anything else a clear error", () => {
      expect(noticeWarningDays({})).toBe(30);
      expect(noticeWarningDays({ IOP_NOTICE_WARNING_DAYS: " " })).toBe(30);
      expect(noticeWarningDays({ IOP_NOTICE_WARNING_DAYS: "1" })).toBe(1);
      expect(noticeWarningDays({ IOP_NOTICE_WARNING_DAYS: "365" })).toBe(365);
      for (const bad of ["0", "366", "-5", "12.5", "ten", "1e2", "30 days"]) {
        expect(() => noticeDeadlineApproachingJob({ IOP_NOTICE_WARNING_DAYS: bad })).toThrow(
          `IOP_NOTICE_WARNING_DAYS must be a whole number of days from 1 to 365 (got "${bad}")`,
        );
      }
    });
  });

  it("sweep: every IOP event type occurred; no contact person's data and no free text in any event", async () => {
    const rows = await app.ds.getRepository(OutboxEvent).find({ where: { domain: "iop" } });
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(iopEventTypes.map((t) => t.type)));
    const forbidden = [...Object.values(CONTACT), ...FREE_TEXT, "registered", "MUNICIPALITY"];
    for (const row of rows) {
      for (const text of forbidden) expect(row.data).not.toContain(text);
      for (const value of Object.values(dataOf(row))) {
        // ids, dates, UPPER_CASE codes, money, integers or null — nothing a person could have written.
        if (typeof value === "string")
          expect(value).toMatch(/^([1-9][0-9]*|[0-9]{4}-[0-9]{2}-[0-9]{2}|[A-Z][A-Z0-9_]*|-?[0-9]+\.[0-9]{2})$/);
        else expect(value === null || typeof value === "number").toBe(true);
      }
      expect(row.requiredScope).toBe("iop:events");
      expect(row.subject).toMatch(/^IopAgreement\/[1-9][0-9]*$/);
    }
  });
});
