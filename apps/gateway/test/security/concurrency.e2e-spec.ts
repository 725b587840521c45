import { luhnCheckDigit } from "@arbetsliv/core/values";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { GatewayProcess } from "../process-gateway";
import { postGraphql } from "./helpers";
import { ProcessDatabase } from "./process-database";

/**
 * Nothing lost, nothing doubled under concurrency, over real HTTP against the built gateway as a
 * child process in production mode:
 * duplicate payout requests give exactly one payout; two caseworkers editing the same record
 * give one success and one CONFLICT, never a silent lost update.
 */
const DUPLICATES = 50;

// Starting a production gateway on MariaDB with the demo data takes a while.
jest.setTimeout(180_000);

function pnr(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split("-");
  const nnn = String(serial).padStart(3, "0");
  return `${y}${m}${d}${nnn}${luhnCheckDigit(`${y.slice(2)}${m}${d}${nnn}`)}`;
}

describe(`concurrency over HTTP on ${testDatabaseKind()} (built gateway, production mode)`, () => {
  let gw: GatewayProcess;
  let db: ProcessDatabase;
  const figures: string[] = [];

  beforeAll(async () => {
    gw = await GatewayProcess.start();
    db = await ProcessDatabase.open(gw, modules);
  });
  afterAll(async () => {
    await db?.close();
    await gw?.stop();
    console.warn(`[figures] concurrency: ${figures.join("; ")}`);
  });

  async function call(query: string, variables: Record<string, unknown>, scopes: string[], subject: string) {
    return postGraphql(gw, { query, variables }, await gw.token(scopes, subject));
  }

  describe("synpunkter: two caseworkers edit the same feedback item", () => {
    const ASSIGN = `mutation($id: ID!, $handler: String!, $v: Int!) { assignFeedback(id: $id, handler: $handler, expectedVersion: $v) { id assignedTo version } }`;
    const READ = `query($id: ID!) { feedbackItem(id: $id) { assignedTo version history { type actor note } } }`;

    async function freshItem(): Promise<{ id: string; version: number }> {
      const r = await call(
        `mutation { registerFeedback(input: { kind: COMPLAINT, criterion: SERVICES, businessAreaId: 1, channel: EMAIL, description: "Lång väntetid" }) { id version } }`,
        {},
        ["synpunkter:write"],
        "registrar",
      );
      expect(r.codes).toEqual([]);
      return r.json?.data?.registerFeedback as { id: string; version: number };
    }

    it("gives one success and one CONFLICT to two edits of the same version, and keeps the winner's change", async () => {
      const item = await freshItem();
      const [anna, bo] = await Promise.all([
        call(ASSIGN, { id: item.id, handler: "anna", v: item.version }, ["synpunkter:write"], "caseworker-anna"),
        call(ASSIGN, { id: item.id, handler: "bo", v: item.version }, ["synpunkter:write"], "caseworker-bo"),
      ]);
      const codes = [anna.codes[0] ?? "OK", bo.codes[0] ?? "OK"].sort();
      expect(codes).toEqual(["CONFLICT", "OK"]);
      const winner = anna.codes.length ? bo : anna;
      const loser = anna.codes.length ? anna : bo;
      expect(loser.json?.errors?.[0].message).toMatch(/changed by someone else|reload/);
      const now = (await call(READ, { id: item.id }, ["synpunkter:read"], "checker")).json?.data?.feedbackItem as {
        assignedTo: string;
        version: number;
        history: { type: string }[];
      };
      expect(now.assignedTo).toBe((winner.json?.data?.assignFeedback as { assignedTo: string }).assignedTo);
      expect(now.version).toBe(item.version + 1);
      expect(now.history.filter((h) => h.type === "ASSIGNED")).toHaveLength(1);
      // The loser reloads and tries again: that works.
      const retry = await call(
        ASSIGN,
        { id: item.id, handler: "both", v: now.version },
        ["synpunkter:write"],
        "caseworker-x",
      );
      expect(retry.codes).toEqual([]);
    });

    it(`lets exactly one of ${DUPLICATES} simultaneous edits of the same version through`, async () => {
      const item = await freshItem();
      const results = await Promise.all(
        Array.from({ length: DUPLICATES }, (_, i) =>
          call(ASSIGN, { id: item.id, handler: `h${i}`, v: item.version }, ["synpunkter:write"], `caseworker-${i}`),
        ),
      );
      expect(results.filter((r) => r.codes.length === 0)).toHaveLength(1);
      expect(results.flatMap((r) => r.codes).sort()).toEqual(Array(DUPLICATES - 1).fill("CONFLICT"));
      expect(results.every((r) => r.status < 500)).toBe(true);
      const now = (await call(READ, { id: item.id }, ["synpunkter:read"], "checker")).json?.data?.feedbackItem as {
        version: number;
        history: { type: string }[];
      };
      expect(now.version).toBe(item.version + 1);
      expect(now.history.filter((h) => h.type === "ASSIGNED")).toHaveLength(1);
      figures.push(
        `synpunkter: ${DUPLICATES} simultaneous edits of one version → 1 applied, ${DUPLICATES - 1} CONFLICT`,
      );
    });
  });

  describe("ekonomiskt bistånd: duplicate payout requests", () => {
    const CASEWORKER = ["ekonomiskt-bistand:read", "ekonomiskt-bistand:write"];
    let decisionId: string;

    beforeAll(async () => {
      const ok = async (query: string, variables: Record<string, unknown>) => {
        const r = await call(query, variables, CASEWORKER, "eb-handlaggare");
        if (r.codes.length) throw new Error(r.text);
        return r.json!.data! as Record<string, Record<string, unknown>>;
      };
      const created = await ok(
        `mutation($input: CreateAssistanceHouseholdInput!) { createAssistanceHousehold(input: $input) { id } }`,
        {
          input: {
            address: { street: "Lasarettsgatan 1", postalCode: "503 32", city: "Borås" },
            housingType: "RENTAL",
            monthlyRent: "6100",
            members: [
              {
                role: "APPLICANT",
                personnummer: pnr("1977-03-14", 731),
                name: "Test Testsson",
                joinedOn: "2021-01-01",
              },
            ],
          },
        },
      );
      const householdId = created.createAssistanceHousehold.id;
      const applied = await ok(
        `mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) { id } }`,
        {
          input: {
            householdId,
            month: "2021-06",
            channel: "PAPER",
            receivedDate: "2021-05-20",
            costs: [{ type: "RENT", amount: "6100" }],
            incomes: [],
          },
        },
      );
      const applicationId = applied.submitAssistanceApplication.id;
      await ok(`mutation($id: ID!) { calculateAssistanceApplication(applicationId: $id) { assistance } }`, {
        id: applicationId,
      });
      const { version } = (
        await ok(`query($id: ID!) { assistanceApplication(id: $id) { version } }`, { id: applicationId })
      ).assistanceApplication;
      const decided = await ok(
        `mutation($input: DecideAssistanceApplicationInput!) { decideAssistanceApplication(input: $input) { id } }`,
        {
          input: { applicationId, expectedVersion: version, outcome: "GRANTED", decidedOn: "2021-05-27" },
        },
      );
      decisionId = String(decided.decideAssistanceApplication.id);
    });

    it(`pays a decision exactly once when ${DUPLICATES} identical requests arrive at once`, async () => {
      const PAY = `mutation($input: PayAssistanceDecisionInput!) { payAssistanceDecision(input: $input) { created payout { id amount } } }`;
      const results = await Promise.all(
        Array.from({ length: DUPLICATES }, (_, i) =>
          call(PAY, { input: { decisionId, paymentDate: "2021-05-31" } }, CASEWORKER, `utbetalare-${i % 5}`),
        ),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(results.flatMap((r) => r.codes)).toEqual([]); // retries are answered with the existing payout
      const payouts = results.map(
        (r) => r.json?.data?.payAssistanceDecision as { created: boolean; payout: { id: string } },
      );
      expect(payouts.filter((p) => p.created)).toHaveLength(1);
      expect(new Set(payouts.map((p) => p.payout.id)).size).toBe(1);
      // Read from the process's database (MariaDB: second connection; sql.js: a copy of the file, the process now idle).
      await db.refreshCopy();
      const [{ n }] = (await db.query(
        `SELECT COUNT(*) AS n FROM eb_payout WHERE decisionId = ${Number(decisionId)}`,
      )) as { n: number | string }[];
      expect(Number(n)).toBe(1);
      figures.push(
        `ekonomiskt bistånd: ${DUPLICATES} simultaneous payout requests → 1 payout (${DUPLICATES - 1} answered with the same payout, created: false)`,
      );
    });
  });

  describe("donationsfonder: duplicate payout requests", () => {
    const ADMIN = ["donationsfonder:admin"];
    const WRITE = ["donationsfonder:write"];
    const READ = ["donationsfonder:read"];
    let roundId: string;
    let payoutIds: string[];

    beforeAll(async () => {
      const ok = async (query: string, variables: Record<string, unknown>, scopes: string[]) => {
        const r = await call(query, variables, scopes, "df-handlaggare");
        if (r.codes.length) throw new Error(r.text);
        return r.json!.data!;
      };
      const funds = (await ok(`{ donationFunds { id code } }`, {}, ADMIN)).donationFunds as {
        id: string;
        code: string;
      }[];
      const opened = await ok(
        `mutation { openDonationRounds(input: { year: 2025, priceBaseAmount: "58800", policy: EQUAL, remainderRule: DISTRIBUTE_IN_ORDER }) { id version } }`,
        {},
        ADMIN,
      );
      const round = (opened.openDonationRounds as { id: string; version: number }[])[0];
      roundId = round.id;
      for (const code of ["PALMQVIST", "SAMFOND_1"]) {
        const fundId = funds.find((f) => f.code === code)!.id;
        await ok(
          `mutation($i: DonationFundBudgetInput!) { setDonationFundBudget(input: $i) { id } }`,
          { i: { roundId, fundId, available: "3000" } },
          ADMIN,
        );
      }
      for (let i = 0; i < 3; i++) {
        await ok(
          `mutation($i: RegisterDonationApplicationInput!) { registerDonationApplication(input: $i) { id status } }`,
          {
            i: {
              roundId,
              personnummer: pnr(`1980-05-1${i}`, 200 + i),
              receivedDate: "2025-03-05",
              resident: true,
              householdSize: 1,
              yearlyIncome: "90000",
              purposes: ["GLASSES"],
              amountRequested: "900",
            },
          },
          WRITE,
        );
      }
      const allocated = await ok(
        `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { version } }`,
        { id: roundId, v: round.version },
        WRITE,
      );
      await ok(
        `mutation($id: ID!, $v: Int!) { recordDonationBoardDecision(roundId: $id, expectedVersion: $v, input: { decisionDate: "2025-05-19", reference: "ALN 2025-05-19 § 1" }) { status } }`,
        { id: roundId, v: (allocated.allocateDonationRound as { version: number }).version },
        WRITE,
      );
      const payouts = await ok(
        `query($id: ID!) { donationPayouts(roundId: $id) { nodes { id paid } } }`,
        { id: roundId },
        READ,
      );
      payoutIds = (payouts.donationPayouts as { nodes: { id: string; paid: boolean }[] }).nodes.map((n) => n.id);
      expect(payoutIds.length).toBeGreaterThanOrEqual(2);
    });

    const PAY = `mutation($i: MarkDonationPayoutPaidInput!) { markDonationPayoutPaid(input: $i) { id paid } }`;

    it(`pays a payout exactly once when ${DUPLICATES} identical requests arrive at once`, async () => {
      const payoutId = payoutIds[0];
      const results = await Promise.all(
        Array.from({ length: DUPLICATES }, (_, i) =>
          call(PAY, { i: { payoutId, paidOn: "2025-06-15", reference: "UB-2025-0001" } }, WRITE, `utbetalare-${i % 5}`),
        ),
      );
      expect(results.every((r) => r.status < 500)).toBe(true);
      expect(results.filter((r) => r.codes.length === 0)).toHaveLength(1);
      expect(results.flatMap((r) => r.codes).sort()).toEqual(Array(DUPLICATES - 1).fill("CONFLICT"));
      await db.refreshCopy();
      const [{ n }] = (await db.query(
        `SELECT COUNT(*) AS n FROM donation_payout_payment WHERE payoutId = ${Number(payoutId)}`,
      )) as { n: number | string }[];
      expect(Number(n)).toBe(1);
      // …and exactly one UPDATE in the access log for it.
      const log = await call(
        `query($id: String!) { accessLog(filter: { operation: "Mutation.markDonationPayoutPaid", recordId: $id }) { totalCount } }`,
        { id: payoutId },
        ["audit:read"],
        "auditor",
      );
      expect((log.json?.data?.accessLog as { totalCount: number }).totalCount).toBe(1);
      figures.push(
        `donationsfonder: ${DUPLICATES} simultaneous payout requests → 1 payment, ${DUPLICATES - 1} CONFLICT`,
      );
    });

    it("pays different payouts concurrently without losing any", async () => {
      const rest = payoutIds.slice(1);
      const results = await Promise.all(
        rest.flatMap((payoutId) =>
          Array.from({ length: 5 }, () => call(PAY, { i: { payoutId, paidOn: "2025-06-16" } }, WRITE, "utbetalare")),
        ),
      );
      expect(results.filter((r) => r.codes.length === 0)).toHaveLength(rest.length);
      const payouts = await call(
        `query($id: ID!) { donationPayouts(roundId: $id) { nodes { id paid } } }`,
        { id: roundId },
        READ,
        "checker",
      );
      expect((payouts.json?.data?.donationPayouts as { nodes: { paid: boolean }[] }).nodes.every((p) => p.paid)).toBe(
        true,
      );
    });
  });
});
