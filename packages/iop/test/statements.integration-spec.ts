import { inTransaction } from "@arbetsliv/core/data";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { iopModule } from "../src";
import { AgreementContact } from "../src/agreement/agreement-contact.entity";
import { Agreement } from "../src/agreement/agreement.entity";
import { AgreementStatus, ContactRole, DecisionKind, PartySide } from "../src/agreement/agreement.enums";
import { BoardDecision } from "../src/agreement/board-decision.entity";
import { FundingBudget } from "../src/agreement/funding-budget.entity";
import { Partner } from "../src/agreement/partner.entity";
import { Amendment, AmendmentAmount } from "../src/money/amendment.entity";

/** A page runs a constant number of SQL statements whatever its size (per-request DataLoaders). */
describe(`iop statement counts on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([iopModule]);
    await iopModule.seedDemo!(app.ds);
    await inTransaction(app.ds, async (m) => {
      const budget = await m.findOneByOrFail(FundingBudget, { code: "ALN" });
      const partners = await m.find(Partner);
      const rows = Array.from({ length: 60 }, (_, i) => ({
        title: `Partnerskap ${i + 1}`,
        partnerId: partners[i % partners.length].id,
        fundingBudgetId: budget.id,
        startDate: `2023-${String((i % 12) + 1).padStart(2, "0")}-01`,
        endDate: "2025-12-31",
        renewalTermMonths: 12,
        noticeMonths: 6,
        status: AgreementStatus.ACTIVE,
        finalEndDate: null,
        annualServiceFee: 10_000_00 * (i + 1),
      }));
      await m.insert(Agreement, rows);
      const all = await m.find(Agreement);
      await m.insert(
        AgreementContact,
        all.flatMap((a) => [
          {
            agreementId: a.id,
            side: PartySide.MUNICIPALITY,
            role: ContactRole.RESPONSIBLE_UNIT_MANAGER,
            name: `Enhetschef ${a.id}`,
            title: "Enhetschef",
          },
          {
            agreementId: a.id,
            side: PartySide.PARTNER,
            role: ContactRole.CONTACT_PERSON,
            name: null,
            title: "Verksamhetschef",
          },
        ]),
      );
      await m.insert(
        BoardDecision,
        all.map((a) => ({
          agreementId: a.id,
          kind: DecisionKind.APPROVAL,
          diaryNumber: `ALN 2023-${a.id}`,
          summary: "Godkänd",
        })),
      );
      for (const a of all.slice(0, 30)) {
        const amendment = await m.save(m.create(Amendment, { agreementId: a.id, title: "Komplettering" }));
        await m.insert(AmendmentAmount, [
          { amendmentId: amendment.id, agreementId: a.id, year: 2024, amount: 5_000_00 },
        ]);
      }
    });
  });
  afterAll(() => app.close());

  const agreementsPage = `query($first: Int!) { iopAgreements(first: $first) { totalCount nodes {
    title partner { name organisationsnummer agreements { id } } fundingBudget { code } predecessor { id }
    contacts { name role } boardDecisions { reference } statusHistory { toStatus }
    amendments { total amounts { year amount } boardDecision { id } } invoices { amount }
    evaluations { periodEnd answers { booleanValue } template { name questions { text } } } deviations { id } yearlyReports { kind }
    evaluationTemplate { name } nextNotice(asOf: "2024-01-01") { noticeDeadline } renewalProjection(from: "2024-01-01", years: 2) { end } } } }`;

  it("runs as many statements for 50 agreements as for 5 on the main list", async () => {
    const small = await app.call(agreementsPage, { variables: { first: 5 } });
    const large = await app.call(agreementsPage, { variables: { first: 50 } });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data?.iopAgreements.nodes).toHaveLength(5);
    expect(large.data?.iopAgreements.nodes).toHaveLength(50);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(20);
  });

  it("reads a page's references in one batch each and only the columns its query selects, with the same answers as single reads", async () => {
    const fields =
      "id number title startDate endDate status finalEndDate annualServiceFee requiresActivityReport version createdAt partner { id name organisationsnummer } fundingBudget { id code name }";
    const small = await app.call(`query { iopAgreements(first: 5) { totalCount nodes { ${fields} } } }`);
    const page = await app.call(`query { iopAgreements(first: 50) { totalCount nodes { ${fields} } } }`);
    expect(page.errors).toBeUndefined();
    expect(page.statements).toBe(4); // the page, its count, the partners, the funding budgets
    expect(small.statements).toBe(4);
    const nodes = page.data?.iopAgreements.nodes as { id: string }[];
    expect(nodes).toHaveLength(50);
    for (const node of nodes.slice(0, 12)) {
      expect(node).toEqual(
        (await app.ok(`query($id: ID!) { iopAgreement(id: $id) { ${fields} } }`, { variables: { id: node.id } }))
          .iopAgreement,
      );
    }
  });

  it("does the same on the partner list and the rule queries", async () => {
    const partners = `query($first: Int!) { iopPartners(first: $first) { nodes { name agreements { title contacts { name } fundingBudget { code } } } } }`;
    const a = await app.call(partners, { variables: { first: 1 } });
    const b = await app.call(partners, { variables: { first: 6 } });
    expect(b.data?.iopPartners.nodes).toHaveLength(6);
    expect(b.statements).toBe(a.statements);

    const deadlines = `query($first: Int!) { iopNoticeDeadlines(asOf: "2024-01-01", first: $first) { nodes { noticeDeadline agreement { partner { name } contacts { name } } } } }`;
    const c = await app.call(deadlines, { variables: { first: 5 } });
    const d = await app.call(deadlines, { variables: { first: 50 } });
    expect(d.data?.iopNoticeDeadlines.nodes).toHaveLength(50);
    expect(d.statements).toBe(c.statements);
  });

  it("caps the page size at 100", async () => {
    const result = await app.call(agreementsPage, { variables: { first: 101 } });
    expect(result.errorCodes).toEqual(["BAD_USER_INPUT"]);
  });
});
