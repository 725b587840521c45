import { Between, In } from "typeorm";
import {
  DisclosureControl,
  ValidationError,
  disclosureInfo,
  disclosurePolicy,
  logExactStatisticsRead,
  type DisclosurePolicy,
  type RequestContext,
} from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { toInt } from "@arbetsliv/core/data";
import { inPublishedOrder } from "../allocation/eligibility.rules";
import { Fund } from "../fund/fund.entity";
import { FundBudget } from "../fund/fund-budget.entity";
import { Round } from "../round/round.entity";
import { DOMAIN } from "../scopes";
import { ApplicationStatus, RejectionReason, RoundStatus } from "../shared/enums";
import type { DonationReport, FundReport, RoundReport } from "./statistics.types";
import { distinctReachStatement, fundRowsStatement, statusRowsStatement } from "./report.statements";

type Raw = Record<string, string | number | null>;
const REASON_ORDER = Object.values(RejectionReason);

/**
 * Reports per round and fund for any period, from the records: the per-round counts and amounts
 * from summary rows kept on write with them (see summary.ts), so the cost grows with the number of
 * rounds and funds, not with the applications — a constant number of statements.
 */
export class StatisticsService {
  constructor(private readonly ctx: RequestContext) {}

  /** The report as the caller may see it: exact with donationsfonder:stats:exact (access-logged), otherwise small counts suppressed. */
  async donationReport(from: LocalDate, to: LocalDate): Promise<DonationReport> {
    const policy = disclosurePolicy(this.ctx, DOMAIN);
    const report = await this.report(from, to, policy);
    await logExactStatisticsRead(this.ctx, policy, DOMAIN, "Query.donationReport", `${from}..${to}`);
    return report;
  }

  async report(from: LocalDate, to: LocalDate, policy: DisclosurePolicy): Promise<DonationReport> {
    return controlDonationReport(await this.exactReport(from, to), policy);
  }

  private async exactReport(from: LocalDate, to: LocalDate): Promise<Counted<DonationReport>> {
    if (from > to)
      throw new ValidationError("to", "order", { en: "must not be before from", sv: "får inte vara före from" });
    const m = this.ctx.ds.manager;
    const rounds = await m.find(Round, {
      where: { plannedPayoutDate: Between(from, to) },
      order: { plannedPayoutDate: "ASC", id: "ASC" },
    });
    const empty: Counted<DonationReport> = {
      from,
      to,
      rounds: [],
      applications: 0,
      amountDistributed: 0,
      amountPaid: 0,
      personsReachedInRounds: 0,
      distinctPersonsReached: 0,
      suppressed: [],
    };
    if (rounds.length === 0) return empty;
    const ids = rounds.map((r) => r.id);

    const byStatus: Raw[] = await m.query(statusRowsStatement(ids.length), ids);
    const byFund: Raw[] = await m.query(fundRowsStatement(ids.length), ids);
    const decidedIds = rounds.filter((r) => r.status === RoundStatus.DECIDED).map((r) => r.id);
    const [reach]: Raw[] = decidedIds.length
      ? await m.query(distinctReachStatement(decidedIds.length), [...decidedIds, ...decidedIds])
      : [{ n: 0 }];
    const distinct = toInt(reach.n);

    const budgets = await m.find(FundBudget, { where: { roundId: In(ids) } });
    const fundIds = [...new Set([...budgets.map((b) => b.fundId), ...byFund.map((r) => toInt(r.fundId))])];
    const funds = inPublishedOrder(fundIds.length ? await m.find(Fund, { where: { id: In(fundIds) } }) : []);

    const key = (roundId: unknown, fundId: unknown) => `${toInt(roundId)}:${toInt(fundId)}`;
    const fundRows = new Map(byFund.map((r) => [key(r.roundId, r.fundId), r]));
    const budgetOf = new Map(budgets.map((b) => [key(b.roundId, b.fundId), b.available]));
    // One application that counts per person and round (UNIQUE roundId + activePersonnummer, and
    // allocations only for those), so the persons granted in a round or fund are its granted allocations.
    const persons = new Map<number, number>();
    for (const r of byFund) persons.set(toInt(r.roundId), (persons.get(toInt(r.roundId)) ?? 0) + toInt(r.granted));

    const roundReports: Counted<RoundReport>[] = rounds.map((round) => {
      const decided = round.status === RoundStatus.DECIDED;
      const statusRows = byStatus.filter((r) => toInt(r.roundId) === round.id);
      const count = (status: ApplicationStatus) =>
        statusRows.filter((r) => r.status === status).reduce((s, r) => s + toInt(r.n), 0);
      const reasons = new Map<RejectionReason, number>();
      for (const r of statusRows)
        if (r.reason)
          reasons.set(r.reason as RejectionReason, (reasons.get(r.reason as RejectionReason) ?? 0) + toInt(r.n));
      const fundReports: Counted<FundReport>[] = funds
        .filter((f) => budgetOf.has(key(round.id, f.id)) || fundRows.has(key(round.id, f.id)))
        .map((f) => {
          const row = fundRows.get(key(round.id, f.id));
          const allocated = toInt(row?.allocated);
          const available = budgetOf.get(key(round.id, f.id)) ?? 0;
          return {
            fundId: f.id,
            fundCode: f.code,
            fundName: f.name,
            amountAvailable: available,
            applications: toInt(row?.applications),
            granted: toInt(row?.granted),
            amountAllocated: allocated,
            amountDistributed: decided ? allocated : 0,
            amountPaid: toInt(row?.paid),
            amountRemaining: available - allocated,
            personsReached: decided ? toInt(row?.granted) : 0,
            suppressed: [],
          };
        });
      const total = (pick: (f: Counted<FundReport>) => number) => fundReports.reduce((s, f) => s + pick(f), 0);
      const report: Counted<RoundReport> = {
        roundId: round.id,
        name: round.name,
        year: round.year,
        term: round.term,
        status: round.status,
        plannedPayoutDate: round.plannedPayoutDate,
        applications: statusRows.reduce((s, r) => s + toInt(r.n), 0),
        refused: count(ApplicationStatus.REFUSED),
        awaitingAssessment: count(ApplicationStatus.RECEIVED),
        eligible: count(ApplicationStatus.ELIGIBLE),
        ineligible: count(ApplicationStatus.INELIGIBLE),
        rejectedByReason: REASON_ORDER.filter((r) => reasons.has(r)).map((reason) => ({
          reason,
          count: reasons.get(reason)!,
          suppressed: [],
        })),
        granted: total((f) => f.granted),
        amountAvailable: total((f) => f.amountAvailable),
        amountAllocated: total((f) => f.amountAllocated),
        amountDistributed: total((f) => f.amountDistributed),
        amountPaid: total((f) => f.amountPaid),
        personsReached: decided ? (persons.get(round.id) ?? 0) : 0,
        funds: fundReports,
        suppressed: [],
      };
      return report;
    });

    return {
      from,
      to,
      rounds: roundReports,
      applications: roundReports.reduce((s, r) => s + r.applications, 0),
      amountDistributed: roundReports.reduce((s, r) => s + r.amountDistributed, 0),
      amountPaid: roundReports.reduce((s, r) => s + r.amountPaid, 0),
      personsReachedInRounds: roundReports.reduce((s, r) => s + r.personsReached, 0),
      distinctPersonsReached: distinct,
      suppressed: [],
    };
  }
}

/** A report object before disclosure control: every figure present. */
type Counted<T> = {
  [K in Exclude<keyof T, "disclosure">]: T[K] extends number | null
    ? number
    : T[K] extends (infer E)[]
      ? E extends object
        ? Counted<E>[]
        : T[K]
      : T[K];
};

/**
 * Disclosure control of the report (applicants and persons reached are people). Per round:
 * applications = refused + awaiting + eligible + ineligible, refused + ineligible = Σ reasons, and
 * its counts and money are the sums of its funds'; the funds' applications add up to the eligible ones; per fund, the money follows the granted
 * count and available = allocated + remaining (available is public). The period's figures are the
 * rounds' sums. Which rounds a period holds depends only on their payout dates, so a shorter
 * period gives no finer figures: no minimum period is needed here.
 */
export function controlDonationReport(report: Counted<DonationReport>, policy: DisclosurePolicy): DonationReport {
  const control = new DisclosureControl();
  const rounds = report.rounds.map((round) => {
    const c = (
      f: "applications" | "refused" | "awaitingAssessment" | "eligible" | "ineligible" | "granted" | "personsReached",
    ) => control.count(round, f);
    const [applications, refused, awaiting, eligible, ineligible, granted, persons] = [
      c("applications"),
      c("refused"),
      c("awaitingAssessment"),
      c("eligible"),
      c("ineligible"),
      c("granted"),
      c("personsReached"),
    ];
    control.sum(applications, [refused, awaiting, eligible, ineligible]);
    control.relation([
      [refused, -1],
      [ineligible, -1],
      ...round.rejectedByReason.map((r): [number, number] => [control.count(r, "count"), 1]),
    ]);
    const money = (row: Counted<RoundReport> | Counted<FundReport>, basis: number) => ({
      allocated: control.magnitude(row, "amountAllocated", [basis]),
      distributed: control.magnitude(row, "amountDistributed", [basis]),
      paid: control.magnitude(row, "amountPaid", [basis]),
    });
    const roundMoney = money(round, granted);
    const funds = round.funds.map((fund) => {
      const fundGranted = control.count(fund, "granted");
      const fundApplications = control.count(fund, "applications");
      const fundMoney = money(fund, fundGranted);
      control.sum(control.known(fund.amountAvailable), [
        fundMoney.allocated,
        control.magnitude(fund, "amountRemaining", [fundGranted]),
      ]);
      return {
        applications: fundApplications,
        granted: fundGranted,
        persons: control.count(fund, "personsReached"),
        ...fundMoney,
      };
    });
    control.sum(
      eligible,
      funds.map((f) => f.applications),
    );
    control.sum(
      granted,
      funds.map((f) => f.granted),
    );
    control.sum(
      persons,
      funds.map((f) => f.persons),
    );
    for (const k of ["allocated", "distributed", "paid"] as const)
      control.sum(
        roundMoney[k],
        funds.map((f) => f[k]),
      );
    return { applications, persons, distributed: roundMoney.distributed, paid: roundMoney.paid };
  });
  const total = (field: "applications" | "personsReachedInRounds", parts: number[]) =>
    control.sum(control.count(report, field), parts);
  total(
    "applications",
    rounds.map((r) => r.applications),
  );
  total(
    "personsReachedInRounds",
    rounds.map((r) => r.persons),
  );
  control.sum(
    control.magnitude(report, "amountDistributed", []),
    rounds.map((r) => r.distributed),
  );
  control.sum(
    control.magnitude(report, "amountPaid", []),
    rounds.map((r) => r.paid),
  );
  control.count(report, "distinctPersonsReached");
  control.apply(policy);
  return { ...report, disclosure: disclosureInfo(policy, false) };
}

export function statisticsService(ctx: RequestContext): StatisticsService {
  return new StatisticsService(ctx);
}
