import type { EntityManager } from "typeorm";
import { type RetentionAction, type RetentionContext } from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { chunks } from "@arbetsliv/core/data";
import { Application, ApplicationCost, ApplicationIncome } from "../application/application.entity";
import { OPEN_STATUSES } from "../application/application.rules";
import { CalculationLine } from "../calculation/calculation.entity";
import { Decision } from "../decision/decision.entity";
import { Payout } from "../decision/payout.entity";
import { IncorrectPaymentStatus } from "../enums";
import { IncorrectPaymentCase } from "../fut/incorrect-payment-case.entity";
import { Recovery } from "../fut/recovery.entity";
import { HouseholdMember } from "../household/household-member.entity";
import { Household } from "../household/household.entity";
import { WageSubsidyEmployment } from "../wage-subsidy/wage-subsidy.entity";

export const REMOVED_TEXT = "[gallrad]";

/** FUT cases still being investigated keep the household's file open, whatever their dates. */
export const OPEN_FUT_STATUSES: readonly IncorrectPaymentStatus[] = [
  IncorrectPaymentStatus.OPEN,
  IncorrectPaymentStatus.INVESTIGATING,
];

/**
 * An employment (växla bidrag mot lön) has an entry on or after the cutoff, or is still running.
 * `e` is the employment's alias.
 */
const EMPLOYMENT_ACTIVE = (e: string) => `(${e}.startDate >= :cutoff OR ${e}.endDate IS NULL OR ${e}.endDate >= :cutoff
  OR EXISTS (SELECT 1 FROM eb_wage_subsidy_month w WHERE w.employmentId = ${e}.id AND w.month >= :cutoffMonth))`;

/**
 * Households due for gallring: not yet gallrad, and no entry of any kind on or after the cutoff —
 * registration, a member joining or leaving, an application (received, or for a month from the
 * cutoff's month), a calculation, a decision, a payout or correction, a FUT case opened or reclaim
 * decided, money recovered, a växla-bidrag-mot-lön employment with its months. A matter still
 * open (an application being handled, a FUT case under investigation, a running employment)
 * keeps the file whatever its dates.
 */
const DUE_HOUSEHOLDS = `SELECT h.id AS id FROM eb_household h
  WHERE h.anonymisedDate IS NULL AND h.createdAt < :cutoff
    AND NOT EXISTS (SELECT 1 FROM eb_household_member m WHERE m.householdId = h.id AND (m.joinedOn >= :cutoff OR m.leftOn >= :cutoff))
    AND NOT EXISTS (SELECT 1 FROM eb_application a WHERE a.householdId = h.id
      AND (a.receivedDate >= :cutoff OR a.month >= :cutoffMonth OR a.createdAt >= :cutoff OR a.status IN (:...openApplication)))
    AND NOT EXISTS (SELECT 1 FROM eb_calculation k WHERE k.householdId = h.id AND (k.calculatedAt >= :cutoff OR k.month >= :cutoffMonth))
    AND NOT EXISTS (SELECT 1 FROM eb_decision d WHERE d.householdId = h.id AND (d.decidedOn >= :cutoff OR d.month >= :cutoffMonth))
    AND NOT EXISTS (SELECT 1 FROM eb_payout p WHERE p.householdId = h.id AND (p.paymentDate >= :cutoff OR p.month >= :cutoffMonth OR p.createdAt >= :cutoff))
    AND NOT EXISTS (SELECT 1 FROM eb_incorrect_payment_case f WHERE f.householdId = h.id
      AND (f.openedOn >= :cutoff OR f.reclaimDecidedOn >= :cutoff OR f.status IN (:...openFut)))
    AND NOT EXISTS (SELECT 1 FROM eb_recovery r WHERE r.householdId = h.id AND r.receivedDate >= :cutoff)
    AND NOT EXISTS (SELECT 1 FROM eb_wage_subsidy_employment e WHERE e.householdId = h.id AND ${EMPLOYMENT_ACTIVE("e")})
  ORDER BY h.id`;

/**
 * Employments due: a person's employments are gallrade together, when none of them is running or
 * has an entry on or after the cutoff and each one's household (if any) is gallrad.
 */
const DUE_EMPLOYMENTS = `SELECT e.id AS id, e.personnummer AS personnummer FROM eb_wage_subsidy_employment e
  WHERE e.anonymisedDate IS NULL
    AND NOT EXISTS (SELECT 1 FROM eb_wage_subsidy_employment o
      WHERE o.personnummer = e.personnummer AND o.anonymisedDate IS NULL
        AND (${EMPLOYMENT_ACTIVE("o")}
          OR (o.householdId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM eb_household oh WHERE oh.id = o.householdId AND oh.anonymisedDate IS NOT NULL))))
  ORDER BY e.id`;

async function select<T>(manager: EntityManager, sql: string, cutoff: LocalDate): Promise<T[]> {
  const [query, parameters] = manager.connection.driver.escapeQueryWithParameters(sql, {
    cutoff,
    cutoffMonth: cutoff.slice(0, 7),
    openApplication: [...OPEN_STATUSES],
    openFut: [...OPEN_FUT_STATUSES],
  });
  return manager.query(query, parameters);
}

async function idsOf(
  manager: EntityManager,
  entity: "eb_application_cost" | "eb_application_income" | "eb_calculation_line",
  householdIds: number[],
): Promise<number[]> {
  const parent =
    entity === "eb_calculation_line"
      ? "x.calculationId IN (SELECT k.id FROM eb_calculation k WHERE k.householdId IN (:...ids))"
      : "x.applicationId IN (SELECT a.id FROM eb_application a WHERE a.householdId IN (:...ids))";
  const out: number[] = [];
  for (const ids of chunks(householdIds)) {
    const rows = await manager
      .createQueryBuilder()
      .select("x.id", "id")
      .from(entity, "x")
      .where(parent, { ids })
      .orderBy("x.id")
      .getRawMany<{ id: unknown }>();
    out.push(...rows.map((r) => Number(r.id)));
  }
  return out;
}

/**
 * Gallring of ekonomiskt bistånd (SoL: five years after the last entry in the file). For each
 * household whose last entry is before the cutoff, the person data goes — members' identity
 * numbers and names, the address and rent, claimed costs and reported incomes, calculation lines,
 * application notes, decision reasons, payout recipients and correction reasons, FUT case reasons
 * and notes, recovery notes — while every row the indicators read stays with its ids and figures:
 * payout months, dates and amounts, household ids, members' roles, birth dates and membership
 * periods (children by age), calculation totals and household sizes, recoveries, budgets, and
 * växla-bidrag-mot-lön months (the person's employments keep a shared anonymous key so persons are
 * still counted once). Households with protected identity are handled the same way; nothing about
 * an address is written to any log. The household's `anonymisedDate` marks it done.
 */
export async function assistanceRetention({ manager, cutoff, today }: RetentionContext): Promise<RetentionAction[]> {
  const householdIds = (await select<{ id: unknown }>(manager, DUE_HOUSEHOLDS, cutoff)).map((r) => Number(r.id));
  const memberIds: number[] = [];
  for (const ids of chunks(householdIds)) {
    const rows = await manager
      .createQueryBuilder()
      .select("m.id", "id")
      .from(HouseholdMember, "m")
      .where("m.householdId IN (:...ids)", { ids })
      .orderBy("m.id")
      .getRawMany<{ id: unknown }>();
    memberIds.push(...rows.map((r) => Number(r.id)));
  }
  const costIds = await idsOf(manager, "eb_application_cost", householdIds);
  const incomeIds = await idsOf(manager, "eb_application_income", householdIds);
  const lineIds = await idsOf(manager, "eb_calculation_line", householdIds);

  for (const ids of chunks(householdIds)) {
    const inHousehold = ["householdId IN (:...ids)", { ids }] as const;
    await manager
      .createQueryBuilder()
      .update(Household)
      .set({ street: null, postalCode: null, city: null, monthlyRent: null, anonymisedDate: today })
      .whereInIds(ids)
      .execute();
    await manager
      .createQueryBuilder()
      .update(HouseholdMember)
      .set({ personnummer: null, name: null })
      .where(...inHousehold)
      .execute();
    await manager
      .createQueryBuilder()
      .update(Application)
      .set({ statusNote: null })
      .where(...inHousehold)
      .execute();
    await manager
      .createQueryBuilder()
      .update(Decision)
      .set({ reasons: REMOVED_TEXT })
      .where(...inHousehold)
      .execute();
    await manager
      .createQueryBuilder()
      .update(Payout)
      .set({ recipient: REMOVED_TEXT, reason: null })
      .where(...inHousehold)
      .execute();
    await manager
      .createQueryBuilder()
      .update(IncorrectPaymentCase)
      .set({ reason: REMOVED_TEXT, notes: null })
      .where(...inHousehold)
      .execute();
    await manager
      .createQueryBuilder()
      .update(Recovery)
      .set({ note: null })
      .where(...inHousehold)
      .execute();
  }
  for (const ids of chunks(costIds))
    await manager.createQueryBuilder().delete().from(ApplicationCost).whereInIds(ids).execute();
  for (const ids of chunks(incomeIds))
    await manager.createQueryBuilder().delete().from(ApplicationIncome).whereInIds(ids).execute();
  for (const ids of chunks(lineIds))
    await manager.createQueryBuilder().delete().from(CalculationLine).whereInIds(ids).execute();

  // Employments after the households, so a household gallrad in this run counts as gallrad.
  const employments = await select<{ id: unknown; personnummer: string }>(manager, DUE_EMPLOYMENTS, cutoff);
  const keyOf = new Map<string, number>();
  for (const e of employments) if (!keyOf.has(e.personnummer)) keyOf.set(e.personnummer, Number(e.id));
  for (const [personnummer, key] of keyOf) {
    // One UPDATE per person (a few hundred at most a year): all their employments share the key.
    await manager
      .createQueryBuilder()
      .update(WageSubsidyEmployment)
      .set({ personnummer: null, name: null, employer: null, anonymousPersonKey: key, anonymisedDate: today })
      .where("personnummer = :personnummer AND anonymisedDate IS NULL", { personnummer })
      .execute();
  }
  const employmentIds = employments.map((e) => Number(e.id));

  const reason = `last entry before ${cutoff} (more than 5 years ago)`;
  return [
    {
      recordType: "Household",
      recordIds: householdIds,
      reason: `${reason}: address, rent and texts removed, figures kept`,
    },
    {
      recordType: "HouseholdMember",
      recordIds: memberIds,
      reason: `${reason}: personnummer and name removed; role, birth date and membership kept for the statistics`,
    },
    { recordType: "ApplicationCost", recordIds: costIds, reason: `${reason}: claimed costs deleted` },
    { recordType: "ApplicationIncome", recordIds: incomeIds, reason: `${reason}: reported incomes deleted` },
    {
      recordType: "CalculationLine",
      recordIds: lineIds,
      reason: `${reason}: calculation lines deleted; the calculation's totals kept`,
    },
    {
      recordType: "WageSubsidyEmployment",
      recordIds: employmentIds,
      reason: `${reason}: personnummer, name and employer removed; months and amounts kept, the person counted by an anonymous key`,
    },
  ];
}
