import type { DataSource } from "typeorm";

/**
 * The report's figures computed straight from the records, the way the package did before the
 * summary rows (allocations joined to applications, COUNT DISTINCT persons): the reference the
 * maintained figures are compared with. Returns the report's shape for the fields it covers.
 */
export async function reportFromRecords(ds: DataSource, from: string, to: string) {
  const q = async (sql: string, params: unknown[]) => (await ds.query(sql, params)) as Record<string, unknown>[];
  const n = (x: unknown) => Number(x ?? 0);
  const money = (ore: unknown) => (n(ore) / 100).toFixed(2);
  const rounds = await q(
    "SELECT id, status FROM donation_round WHERE plannedPayoutDate BETWEEN ? AND ? ORDER BY plannedPayoutDate, id",
    [from, to],
  );
  const out = [];
  for (const r of rounds) {
    const decided = r.status === "DECIDED";
    const apps = await q(
      "SELECT status, rejectionReason AS reason, COUNT(*) AS n FROM donation_application WHERE roundId = ? GROUP BY status, rejectionReason",
      [r.id],
    );
    const count = (status: string) => apps.filter((a) => a.status === status).reduce((s, a) => s + n(a.n), 0);
    const funds = await q(
      `SELECT f.code AS code, COUNT(*) AS n, SUM(CASE WHEN al.amount > 0 THEN 1 ELSE 0 END) AS granted, SUM(al.amount) AS allocated,
         COUNT(DISTINCT CASE WHEN al.amount > 0 THEN a.personKey END) AS persons
       FROM donation_allocation al JOIN donation_application a ON a.id = al.applicationId JOIN donation_fund f ON f.id = al.fundId
       WHERE al.roundId = ? GROUP BY f.code ORDER BY f.code`,
      [r.id],
    );
    const paid = await q(
      `SELECT f.code AS code, SUM(p.amount) AS paid FROM donation_payout p JOIN donation_payout_payment pp ON pp.payoutId = p.id JOIN donation_fund f ON f.id = p.fundId
       WHERE p.roundId = ? GROUP BY f.code`,
      [r.id],
    );
    const [persons] = await q(
      "SELECT COUNT(DISTINCT a.personKey) AS n FROM donation_allocation al JOIN donation_application a ON a.id = al.applicationId WHERE al.roundId = ? AND al.amount > 0",
      [r.id],
    );
    const paidOf = new Map(paid.map((p) => [p.code, n(p.paid)]));
    out.push({
      applications: apps.reduce((s, a) => s + n(a.n), 0),
      refused: count("REFUSED"),
      awaitingAssessment: count("RECEIVED"),
      eligible: count("ELIGIBLE"),
      ineligible: count("INELIGIBLE"),
      rejectedByReason: apps
        .filter((a) => a.reason)
        .map((a) => ({ reason: a.reason as string, count: n(a.n) }))
        .sort((x, y) => x.reason.localeCompare(y.reason)),
      granted: funds.reduce((s, f) => s + n(f.granted), 0),
      amountAllocated: money(funds.reduce((s, f) => s + n(f.allocated), 0)),
      amountPaid: money(paid.reduce((s, p) => s + n(p.paid), 0)),
      personsReached: decided ? n(persons.n) : 0,
      funds: funds
        .map((f) => ({
          fundCode: f.code as string,
          applications: n(f.n),
          granted: n(f.granted),
          amountAllocated: money(f.allocated),
          amountPaid: money(paidOf.get(f.code)),
          personsReached: decided ? n(f.persons) : 0,
        }))
        .sort((x, y) => x.fundCode.localeCompare(y.fundCode)),
    });
  }
  const decided = rounds.filter((r) => r.status === "DECIDED").map((r) => r.id);
  const [distinct] = decided.length
    ? await q(
        `SELECT COUNT(DISTINCT a.personKey) AS n FROM donation_allocation al JOIN donation_application a ON a.id = al.applicationId
         WHERE al.roundId IN (${decided.map(() => "?").join(", ")}) AND al.amount > 0`,
        decided,
      )
    : [{ n: 0 }];
  return {
    rounds: out,
    personsReachedInRounds: out.reduce((s, r) => s + r.personsReached, 0),
    distinctPersonsReached: n(distinct.n),
  };
}

type Reported = {
  personsReachedInRounds: number;
  distinctPersonsReached: number;
  rounds: (Record<string, unknown> & {
    rejectedByReason: { reason: string; count: number }[];
    funds: Record<string, unknown>[];
  })[];
};

/** The report (from the REPORT query) cut to what reportFromRecords computes; funds without allocations must show zeros. */
export function comparable(report: Reported) {
  return {
    rounds: report.rounds.map((r) => {
      const empty = r.funds.filter((f) => f.applications === 0);
      for (const f of empty)
        expect(f).toMatchObject({ granted: 0, amountAllocated: "0.00", amountPaid: "0.00", personsReached: 0 });
      return {
        applications: r.applications,
        refused: r.refused,
        awaitingAssessment: r.awaitingAssessment,
        eligible: r.eligible,
        ineligible: r.ineligible,
        rejectedByReason: [...r.rejectedByReason].sort((x, y) => x.reason.localeCompare(y.reason)),
        granted: r.granted,
        amountAllocated: r.amountAllocated,
        amountPaid: r.amountPaid,
        personsReached: r.personsReached,
        funds: r.funds
          .filter((f) => f.applications !== 0)
          .map((f) => ({
            fundCode: f.fundCode,
            applications: f.applications,
            granted: f.granted,
            amountAllocated: f.amountAllocated,
            amountPaid: f.amountPaid,
            personsReached: f.personsReached,
          }))
          .sort((x, y) => String(x.fundCode).localeCompare(String(y.fundCode))),
      };
    }),
    personsReachedInRounds: report.personsReachedInRounds,
    distinctPersonsReached: report.distinctPersonsReached,
  };
}
