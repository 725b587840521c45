import { OutboxEvent, createRequestContext } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule } from "../src";
import { Application } from "../src/application/application.entity";
import { applicationService } from "../src/application/application.service";
import type { SubmitApplicationInput } from "../src/application/application.inputs";
import { ApplicationChannel } from "../src/enums";
import { HouseholdMember } from "../src/household/household-member.entity";
import { Household } from "../src/household/household.entity";
import { ADD_RIKSNORM, makePersonnummer, riksnormInput } from "./helpers";

const READ = "ekonomiskt-bistand:read";
const WRITE = "ekonomiskt-bistand:write";
const PROTECTED = "ekonomiskt-bistand:protected";
const EVENTS = "ekonomiskt-bistand:events";
const CASEWORKER = [READ, WRITE];
const ALL = [...CASEWORKER, PROTECTED];
const T = (name: string) => `se.arbetsliv.ekonomiskt-bistand.${name}.v1`;
const PERSONNUMMER_PATTERN = /\d{6,8}[-+]?\d{4}/;

const CREATE = `mutation($input: CreateAssistanceHouseholdInput!) { createAssistanceHousehold(input: $input) { id members { id personnummer } } }`;
const SUBMIT = `mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) { id type status version month } }`;
const CALCULATE = `mutation($id: ID!) { calculateAssistanceApplication(applicationId: $id) { id assistance } }`;
const DECIDE = `mutation($input: DecideAssistanceApplicationInput!) { decideAssistanceApplication(input: $input) { id outcome amount } }`;
const PAY = `mutation($input: PayAssistanceDecisionInput!) { payAssistanceDecision(input: $input) { created payout { id amount } } }`;
const CORRECT = `mutation($input: CorrectAssistancePayoutInput!) { correctAssistancePayout(input: $input) { id amount } }`;
const OPEN_FUT = `mutation($input: OpenIncorrectPaymentCaseInput!) { openIncorrectPaymentCase(input: $input) { id status } }`;
const VERSION = `query($id: ID!) { assistanceApplication(id: $id) { version } }`;

// What caseworkers and applicants write: none of it may reach an event.
const TEXTS = {
  street: "Händelsevägen 14",
  protectedStreet: "Hemliga stigen 3",
  reasons: "Delvis bifall: hyran för Ylva överstiger skälig nivå",
  correction: "Ylvas elräkning var lägre än beräknat",
  fut: "Misstänkt oredovisad inkomst hos Ylva",
  recipient: "Hyresvärden Händelsebostäder AB",
};

function household(people: { role: string; personnummer: string; name: string }[], over: Record<string, unknown> = {}) {
  return {
    address: { street: TEXTS.street, postalCode: "503 30", city: "Borås" },
    housingType: "RENTAL",
    monthlyRent: "7200",
    members: people.map((p) => ({ ...p, joinedOn: "2020-01-01" })),
    ...over,
  };
}

describe(`ekonomiskt bistånd events and idempotent applications on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let openHousehold: string;
  let protectedHousehold: string;
  let partnerId: string;

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    await app.ok(ADD_RIKSNORM, { scopes: ["admin"], variables: { input: riksnormInput(2021) } });
    const open = await app.ok(CREATE, {
      scopes: CASEWORKER,
      variables: {
        input: household([
          { role: "APPLICANT", personnummer: makePersonnummer("1981-04-12", 214), name: "Ylva Händelse" },
          { role: "CO_APPLICANT", personnummer: makePersonnummer("1983-09-30", 418), name: "Ymer Händelse" },
          { role: "CHILD", personnummer: makePersonnummer("2014-02-11", 622), name: "Yngve Händelse" },
        ]),
      },
    });
    openHousehold = open.createAssistanceHousehold.id;
    partnerId = open.createAssistanceHousehold.members[1].id;
    const hidden = await app.ok(CREATE, {
      scopes: ALL,
      variables: {
        input: household(
          [{ role: "APPLICANT", personnummer: makePersonnummer("1977-12-24", 826), name: "Saga Skyddad" }],
          {
            protectedIdentity: true,
            address: { street: TEXTS.protectedStreet, postalCode: "50111", city: "Borås" },
          },
        ),
      },
    });
    protectedHousehold = hidden.createAssistanceHousehold.id;
  });
  afterAll(() => app.close());

  const events = (subject?: string) =>
    app.ds.getRepository(OutboxEvent).find({ where: subject ? { subject } : {}, order: { id: "ASC" } });
  const outboxCount = () => app.ds.getRepository(OutboxEvent).count();
  const dataOf = (row: OutboxEvent) => JSON.parse(row.data);
  const version = async (id: string) =>
    (await app.ok(VERSION, { scopes: ALL, variables: { id } })).assistanceApplication.version;

  /** Submit, calculate, decide as asked and pay: the monthly flow through GraphQL. */
  async function monthlyFlow(
    householdId: string,
    month: string,
    received: string,
    channel: string,
    decide: Record<string, unknown>,
  ) {
    const incomes = householdId === openHousehold ? [{ type: "EMPLOYMENT", amount: "3000", memberId: partnerId }] : [];
    const sub = await app.ok(SUBMIT, {
      scopes: ALL,
      variables: {
        input: {
          householdId,
          month,
          channel,
          receivedDate: received,
          costs: [{ type: "RENT", amount: "7200" }],
          incomes,
        },
      },
    });
    const applicationId = sub.submitAssistanceApplication.id;
    await app.ok(CALCULATE, { scopes: ALL, variables: { id: applicationId } });
    const decideInput = {
      applicationId,
      expectedVersion: await version(applicationId),
      decidedOn: received,
      ...decide,
    };
    const decision = (await app.ok(DECIDE, { scopes: ALL, variables: { input: decideInput } }))
      .decideAssistanceApplication;
    // Paid by 10 concurrent requests: one pays (and records payout.made), the others get it back and record nothing.
    const payInput = { decisionId: decision.id, paymentDate: received, recipient: TEXTS.recipient };
    const paid = await Promise.all(
      Array.from({ length: 10 }, () => app.ok(PAY, { scopes: ALL, variables: { input: payInput } })),
    );
    expect(paid.filter((p) => p.payAssistanceDecision.created)).toHaveLength(1);
    return { applicationId, decision, payout: paid[0].payAssistanceDecision.payout };
  }

  it("records received, decided, paid, corrected and FUT opened, with subjects and non-personal data", async () => {
    const received = "2021-05-21";
    const { applicationId, decision, payout } = await monthlyFlow(openHousehold, "2021-06", received, "E_SERVICE", {
      outcome: "PARTLY_GRANTED",
      amount: "5000",
      reasons: TEXTS.reasons,
    });
    // A retried payment pays nothing more and records nothing more.
    const again = await app.ok(PAY, {
      scopes: ALL,
      variables: { input: { decisionId: decision.id, paymentDate: received } },
    });
    expect(again.payAssistanceDecision.created).toBe(false);
    const correction = (
      await app.ok(CORRECT, {
        scopes: ALL,
        variables: {
          input: { payoutId: payout.id, amount: "-250.50", reason: TEXTS.correction, paymentDate: "2021-06-10" },
        },
      })
    ).correctAssistancePayout;
    const fut = (
      await app.ok(OPEN_FUT, {
        scopes: ALL,
        variables: {
          input: {
            householdId: openHousehold,
            payoutIds: [payout.id, correction.id],
            reason: TEXTS.fut,
            openedOn: "2021-07-01",
          },
        },
      })
    ).openIncorrectPaymentCase;

    const base = { domain: "ekonomiskt-bistand", requiredScope: EVENTS };
    const view = (rows: OutboxEvent[]) =>
      rows.map((r) => ({ type: r.type, domain: r.domain, requiredScope: r.requiredScope, data: dataOf(r) }));
    const common = { householdId: openHousehold, month: "2021-06-01" };
    expect(view(await events(`Application/${applicationId}`))).toEqual([
      {
        ...base,
        type: T("application.received"),
        data: { applicationId, ...common, applicationType: "NEW", channel: "E_SERVICE", receivedDate: received },
      },
      {
        ...base,
        type: T("decision.made"),
        data: {
          decisionId: decision.id,
          applicationId,
          ...common,
          outcome: "PARTLY_GRANTED",
          amount: "5000.00",
          decidedOn: received,
        },
      },
    ]);
    expect(view(await events(`Payout/${payout.id}`))).toEqual([
      {
        ...base,
        type: T("payout.made"),
        data: {
          payoutId: payout.id,
          decisionId: decision.id,
          applicationId,
          ...common,
          amount: "5000.00",
          paymentDate: received,
        },
      },
      {
        ...base,
        type: T("payout.corrected"),
        data: {
          payoutId: payout.id,
          correctionId: correction.id,
          decisionId: decision.id,
          ...common,
          amount: "-250.50",
          paymentDate: "2021-06-10",
        },
      },
    ]);
    expect(view(await events(`IncorrectPaymentCase/${fut.id}`))).toEqual([
      {
        ...base,
        type: T("fut-case.opened"),
        data: { caseId: fut.id, householdId: openHousehold, openedOn: "2021-07-01", payoutCount: 2, status: "OPEN" },
      },
    ]);
  });

  it("records a rejection as decision.made with amount 0.00 and no payout", async () => {
    const sub = await app.ok(SUBMIT, {
      scopes: ALL,
      variables: {
        input: { householdId: openHousehold, month: "2021-07", channel: "PAPER", receivedDate: "2021-06-20" },
      },
    });
    const id = sub.submitAssistanceApplication.id;
    await app.ok(DECIDE, {
      scopes: ALL,
      variables: {
        input: {
          applicationId: id,
          expectedVersion: 1,
          outcome: "REJECTED",
          reasons: TEXTS.reasons,
          decidedOn: "2021-06-21",
        },
      },
    });
    const rows = await events(`Application/${id}`);
    expect(rows.map((r) => r.type)).toEqual([T("application.received"), T("decision.made")]);
    expect(dataOf(rows[1])).toMatchObject({ outcome: "REJECTED", amount: "0.00", month: "2021-07-01" });
  });

  it("records no event when the change fails: validation, a duplicate, a stale version", async () => {
    const before = await outboxCount();
    const sub = await app.ok(SUBMIT, {
      scopes: ALL,
      variables: {
        input: { householdId: openHousehold, month: "2021-08", channel: "PAPER", receivedDate: "2021-07-20" },
      },
    });
    const id = sub.submitAssistanceApplication.id;
    expect(await outboxCount()).toBe(before + 1);
    const refused = [
      await app.call(SUBMIT, {
        scopes: ALL,
        variables: {
          input: { householdId: openHousehold, month: "2021-08", channel: "PAPER", receivedDate: "2021-07-21" },
        },
      }), // duplicate
      await app.call(SUBMIT, {
        scopes: ALL,
        variables: {
          input: {
            householdId: openHousehold,
            month: "2021-09",
            channel: "PAPER",
            receivedDate: "2021-08-20",
            incomes: [{ type: "EMPLOYMENT", amount: "1", memberId: "99999" }],
          },
        },
      }),
      await app.call(SUBMIT, {
        scopes: ALL,
        variables: {
          input: {
            householdId: protectedHousehold,
            month: "2021-09",
            channel: "E_SERVICE",
            receivedDate: "2021-08-20",
          },
        },
      }),
      await app.call(DECIDE, {
        scopes: ALL,
        variables: { input: { applicationId: id, expectedVersion: 1, outcome: "GRANTED" } },
      }), // not calculated
      await app.call(DECIDE, {
        scopes: ALL,
        variables: { input: { applicationId: id, expectedVersion: 9, outcome: "REJECTED", reasons: "x" } },
      }), // stale
      await app.call(CORRECT, {
        scopes: ALL,
        variables: { input: { payoutId: "99999", amount: "10", reason: "xyz" } },
      }),
      await app.call(OPEN_FUT, {
        scopes: ALL,
        variables: { input: { householdId: openHousehold, payoutIds: ["99999"], reason: "xyz" } },
      }),
    ];
    expect(refused.map((r) => r.errorCodes)).toEqual([
      ["CONFLICT"],
      ["BAD_USER_INPUT"],
      ["BAD_USER_INPUT"],
      ["BAD_USER_INPUT"],
      ["CONFLICT"],
      ["NOT_FOUND"],
      ["BAD_USER_INPUT"],
    ]);
    expect(await outboxCount()).toBe(before + 1);
  });

  it("rolls the event back with its change when the transaction fails after recording it", async () => {
    const service = applicationService(
      createRequestContext(app.ds, { subject: "rollback", kind: "user", scopes: new Set(ALL) }, "rollback"),
    );
    const applications = await app.ds.getRepository(Application).count();
    const before = await outboxCount();
    let recorded = 0;
    await expect(
      inTransaction(app.ds, async (manager) => {
        const input = {
          householdId: openHousehold,
          month: "2021-10",
          channel: ApplicationChannel.PAPER,
        } as SubmitApplicationInput;
        await service.submitIn(manager, input, Number(openHousehold), "2021-10", "2021-09-20");
        recorded = await manager.count(OutboxEvent);
        throw new Error("the transaction fails after the event was recorded");
      }),
    ).rejects.toThrow("after the event was recorded");
    expect(recorded).toBe(before + 1);
    expect(await outboxCount()).toBe(before);
    expect(await app.ds.getRepository(Application).count()).toBe(applications);
  });

  describe("protected-data sweep over every event type", () => {
    it("gives every event of a protected household the protected scope, and no event any personnummer, name, address or free text", async () => {
      // The protected household through every type as well.
      const { payout } = await monthlyFlow(protectedHousehold, "2021-06", "2021-05-21", "PAPER", {
        outcome: "GRANTED",
      });
      await app.ok(CORRECT, {
        scopes: ALL,
        variables: {
          input: { payoutId: payout.id, amount: "-100", reason: TEXTS.correction, paymentDate: "2021-06-15" },
        },
      });
      await app.ok(OPEN_FUT, {
        scopes: ALL,
        variables: { input: { householdId: protectedHousehold, payoutIds: [payout.id], reason: TEXTS.fut } },
      });

      const rows = await events();
      const declared = (ekonomisktBistandModule.events ?? []).map((e) => e.type);
      expect(declared).toHaveLength(5);
      const typesOf = (hh: string) =>
        [...new Set(rows.filter((r) => dataOf(r).householdId === hh).map((r) => r.type))].sort();
      expect(typesOf(openHousehold)).toEqual([...declared].sort());
      expect(typesOf(protectedHousehold)).toEqual([...declared].sort());

      const members = await app.ds.getRepository(HouseholdMember).find();
      const households = await app.ds.getRepository(Household).find();
      const secrets = [
        ...members.flatMap((m) => [
          m.personnummer!,
          m.personnummer!.replace("-", ""),
          m.personnummer!.slice(2),
          m.name!,
        ]),
        ...members.map((m) => m.name!.split(" ")[0]),
        ...households.flatMap((h) => [h.street!, h.postalCode!]),
        ...Object.values(TEXTS),
      ];
      expect(secrets.length).toBeGreaterThan(15);
      const leaks: string[] = [];
      for (const row of rows) {
        const text = `${row.subject} ${row.data}`;
        if (PERSONNUMMER_PATTERN.test(text)) leaks.push(`${row.id}: personnummer-like ${text}`);
        for (const secret of secrets) if (text.includes(secret)) leaks.push(`${row.id}: ${secret}`);
        const isProtected = dataOf(row).householdId === protectedHousehold;
        if (row.requiredScope !== (isProtected ? PROTECTED : EVENTS))
          leaks.push(
            `${row.id}: ${row.type} for ${isProtected ? "a protected" : "an open"} household needs ${row.requiredScope}`,
          );
        const declaredFields = Object.keys(ekonomisktBistandModule.events!.find((e) => e.type === row.type)!.data);
        expect(Object.keys(dataOf(row)).sort()).toEqual(declaredFields.sort());
      }
      expect(leaks).toEqual([]);
      expect(rows.filter((r) => r.requiredScope === PROTECTED)).toHaveLength(5);
      // Every type declares the protected scope, so a protected household's event can always be recorded.
      expect(ekonomisktBistandModule.events!.every((e) => e.protectedScope === PROTECTED)).toBe(true);
    });
  });

  describe("idempotent applications", () => {
    const E_SERVICE = { scopes: [WRITE], subject: "e-tjanst-eb" };
    const call = (variables: Record<string, unknown>, caller: { scopes: string[]; subject: string } = E_SERVICE) =>
      app.call(SUBMIT, { ...caller, variables });
    const applications = () => app.ds.getRepository(Application).count();
    const input = (month: string, over: Record<string, unknown> = {}) => ({
      householdId: openHousehold,
      month,
      channel: "E_SERVICE",
      receivedDate: `2021-${String(Number(month.slice(5)) - 1).padStart(2, "0")}-25`,
      costs: [{ type: "RENT", amount: "7200" }],
      ...over,
    });

    it("50 concurrent identical submissions with one key create one application and give 50 identical answers", async () => {
      const before = await applications();
      const outboxBefore = await outboxCount();
      const body = { input: input("2021-11", { idempotencyKey: "ansokan-2021-11-0001" }) };
      const results = await Promise.all(Array.from({ length: 50 }, () => call(body)));
      expect(results.flatMap((r) => r.errorCodes)).toEqual([]);
      const answers = new Set(results.map((r) => JSON.stringify(r.data)));
      expect(answers.size).toBe(1);
      expect(await applications()).toBe(before + 1);
      expect(await outboxCount()).toBe(outboxBefore + 1);
      const retry = await call(body);
      expect(JSON.stringify(retry.data)).toBe([...answers][0]);
      expect(await applications()).toBe(before + 1);
    });

    it("refuses the same key with another input as CONFLICT naming input.idempotencyKey", async () => {
      expect((await call({ input: input("2021-12", { idempotencyKey: "ansokan-conflict" }) })).errorCodes).toEqual([]);
      const before = await applications();
      const other = await call({ input: input("2021-12", { idempotencyKey: "ansokan-conflict", channel: "PAPER" }) });
      expect(other.errorCodes).toEqual(["CONFLICT"]);
      expect(other.errors?.[0].extensions?.field).toBe("input.idempotencyKey");
      expect(await applications()).toBe(before);
    });

    it("without a key keeps today's rule: a second application for the month is a duplicate CONFLICT", async () => {
      expect((await call({ input: input("2021-05") })).errorCodes).toEqual([]);
      const dup = await call({ input: input("2021-05") });
      expect(dup.errorCodes).toEqual(["CONFLICT"]);
      expect(dup.errors?.[0].extensions?.field).toBeUndefined();
    });

    it("keeps keys per caller: another caller with the same key gets its own answer", async () => {
      const mine = await call({ input: input("2021-04", { idempotencyKey: "shared-key" }) });
      expect(mine.errorCodes).toEqual([]);
      // Another integrator's key is not this one: its call is a new create (here the month's duplicate).
      const theirs = await call(
        { input: input("2021-04", { idempotencyKey: "shared-key" }) },
        { scopes: [WRITE], subject: "annat-system" },
      );
      expect(theirs.errorCodes).toEqual(["CONFLICT"]);
      expect(theirs.errors?.[0].extensions?.duplicateOf).toBe(mine.data!.submitAssistanceApplication.id);
      const theirsOther = await call(
        { input: input("2021-03", { idempotencyKey: "shared-key" }) },
        { scopes: [WRITE], subject: "annat-system" },
      );
      expect(theirsOther.errorCodes).toEqual([]);
      expect(theirsOther.data!.submitAssistanceApplication.id).not.toBe(mine.data!.submitAssistanceApplication.id);
    });
  });
});
