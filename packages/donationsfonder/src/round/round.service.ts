import { In } from "typeorm";
import {
  AccessAction,
  ConflictError,
  NotFoundError,
  ValidationError,
  recordEvent,
  type Moved,
  type RequestContext,
} from "@arbetsliv/core";
import { inTransaction, isUniqueViolation, updateVersioned, toId } from "@arbetsliv/core/data";
import { roundOpened } from "../events";
import { Fund } from "../fund/fund.entity";
import { FundBudget } from "../fund/fund-budget.entity";
import { RoundStatus } from "../shared/enums";
import { DOMAIN } from "../scopes";
import { roundStatusSv } from "../shared/messages";
import { assertWholeKronor } from "../shared/util";
import { RoundSchedule } from "./round-schedule.entity";
import { Round } from "./round.entity";
import type { FundBudgetInput, OpenRoundsInput, RoundPolicyFields, RoundScheduleInput } from "./round.inputs";
import { appliesTo, assertScheduleEntry, overlaps, roundDates, roundName } from "./schedule.rules";

export function assertPolicy(input: RoundPolicyFields, prefix: string): void {
  if (input.maxPerApplication != null)
    assertWholeKronor(`${prefix}.maxPerApplication`, input.maxPerApplication, { min: 1 });
}

/** Schedules, rounds, policies and fund budgets (reference data). */
export class RoundService {
  constructor(private readonly ctx: RequestContext) {}

  private log(
    manager: Parameters<RequestContext["accessLog"]["append"]>[0],
    action: AccessAction,
    operation: string,
    recordType: string,
    ids: number[],
  ) {
    return this.ctx.accessLog.append(manager, { action, operation, domain: DOMAIN, recordType, recordIds: ids });
  }

  schedule(): Promise<RoundSchedule[]> {
    return this.ctx.ds.manager.find(RoundSchedule, { order: { fromYear: "ASC", term: "ASC" } });
  }

  list(year: number | undefined): Promise<Round[]> {
    return this.ctx.ds.manager.find(Round, {
      where: year === undefined ? {} : { year },
      order: { applicationOpens: "ASC", id: "ASC" },
    });
  }

  async get(idValue: string): Promise<Round> {
    const id = toId("id", idValue);
    const round = await this.ctx.ds.manager.findOne(Round, { where: { id } });
    if (!round) throw new NotFoundError("DonationRound", id);
    return round;
  }

  defineSchedule(input: RoundScheduleInput): Promise<RoundSchedule> {
    const entry = { ...input, toYear: input.toYear ?? null };
    assertScheduleEntry(entry);
    return inTransaction(this.ctx.ds, async (manager) => {
      const existing = await manager.find(RoundSchedule, { where: { term: input.term } });
      const clash = existing.find((e) => overlaps(e, entry));
      if (clash) {
        throw new ConflictError({
          en: `The schedule for ${input.term} already covers ${clash.fromYear}–${clash.toYear ?? "…"}; end it first`,
          sv: `Utdelningsschemat för ${input.term} gäller redan ${clash.fromYear}–${clash.toYear ?? "…"}; avsluta det först`,
        });
      }
      const row = await manager.save(manager.create(RoundSchedule, { ...entry, source: input.source ?? null }));
      await this.log(manager, AccessAction.CREATE, "Mutation.defineDonationRoundSchedule", "RoundSchedule", [row.id]);
      return row;
    });
  }

  /** Ends a schedule entry with a last year (e.g. the two rounds a year ended 2021). */
  endSchedule(id: number, lastYear: Moved<number>): Promise<RoundSchedule> {
    const toYear = lastYear.value;
    return inTransaction(this.ctx.ds, async (manager) => {
      const row = await manager.findOne(RoundSchedule, { where: { id } });
      if (!row) throw new NotFoundError("DonationRoundSchedule", id);
      if (toYear < row.fromYear)
        throw new ValidationError(lastYear.field, "order", {
          en: "must not be before the schedule's fromYear",
          sv: "får inte vara före schemats första år (fromYear)",
        });
      await manager.update(RoundSchedule, { id }, { toYear });
      await this.log(manager, AccessAction.UPDATE, "Mutation.endDonationRoundSchedule", "RoundSchedule", [id]);
      return manager.findOneOrFail(RoundSchedule, { where: { id } });
    });
  }

  async openRounds(input: OpenRoundsInput): Promise<Round[]> {
    assertWholeKronor("input.priceBaseAmount", input.priceBaseAmount, { min: 1 });
    assertPolicy(input, "input");
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        const entries = (await manager.find(RoundSchedule, { order: { term: "ASC" } })).filter((e) =>
          appliesTo(e, input.year),
        );
        if (entries.length === 0)
          throw new ValidationError("input.year", "no-schedule", {
            en: `no round schedule covers ${input.year}`,
            sv: `inget utdelningsschema gäller ${input.year}`,
          });
        const taken = await manager.find(Round, { where: { year: input.year, term: In(entries.map((e) => e.term)) } });
        if (taken.length) {
          const names = taken.map((r) => r.name).join(", ");
          throw new ConflictError({
            en: `${names} already exists`,
            sv: `${names} finns redan`,
          });
        }
        const rounds = entries.map((e) =>
          manager.create(Round, {
            year: input.year,
            term: e.term,
            name: roundName(input.year, e.term),
            ...roundDates(e, input.year),
            priceBaseAmount: input.priceBaseAmount,
            policy: input.policy,
            remainderRule: input.remainderRule,
            maxPerApplication: input.maxPerApplication ?? null,
            status: RoundStatus.OPEN,
            allocatedAt: null,
            decisionDate: null,
            decisionReference: null,
          }),
        );
        const saved = await manager.save(rounds);
        await this.log(
          manager,
          AccessAction.CREATE,
          "Mutation.openDonationRounds",
          "Round",
          saved.map((r) => r.id),
        );
        for (const round of saved) {
          await recordEvent(manager, roundOpened, {
            subjectId: round.id,
            data: {
              roundId: String(round.id),
              year: round.year,
              term: round.term,
              applicationOpens: round.applicationOpens,
              applicationCloses: round.applicationCloses,
              plannedDecisionDate: round.plannedDecisionDate,
              plannedPayoutDate: round.plannedPayoutDate,
            },
          });
        }
        return saved.sort((a, b) => (a.applicationOpens < b.applicationOpens ? -1 : 1));
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new ConflictError({
          en: `The rounds of ${input.year} were opened at the same time by someone else`,
          sv: `Omgångarna för ${input.year} öppnades samtidigt av någon annan`,
        });
      throw e;
    }
  }

  setPolicy(id: number, input: RoundPolicyFields, expectedVersion: number): Promise<Round> {
    assertPolicy(input, "input");
    return inTransaction(this.ctx.ds, async (manager) => {
      const round = await manager.findOne(Round, { where: { id } });
      if (!round) throw new NotFoundError("DonationRound", id);
      if (round.status !== RoundStatus.OPEN) {
        throw new ConflictError({
          en: `${round.name} is ${round.status}: the policy is published and can only change before the allocation`,
          sv: `${round.name} är ${roundStatusSv(round.status)}: fördelningsprincipen är publicerad och kan bara ändras före fördelningen`,
        });
      }
      await updateVersioned(manager, Round, "DonationRound", id, expectedVersion, {
        policy: input.policy,
        remainderRule: input.remainderRule,
        maxPerApplication: input.maxPerApplication ?? null,
      });
      await this.log(manager, AccessAction.UPDATE, "Mutation.setDonationRoundPolicy", "Round", [id]);
      return manager.findOneOrFail(Round, { where: { id } });
    });
  }

  async setBudget(input: FundBudgetInput): Promise<FundBudget> {
    const roundId = toId("input.roundId", input.roundId);
    const fundId = toId("input.fundId", input.fundId);
    assertWholeKronor("input.available", input.available);
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        const round = await manager.findOne(Round, { where: { id: roundId } });
        if (!round)
          throw new ValidationError("input.roundId", "exists", { en: "is not a round", sv: "är ingen omgång" });
        if (round.status !== RoundStatus.OPEN)
          throw new ConflictError({
            en: `${round.name} is ${round.status}: budgets are fixed once allocated`,
            sv: `${round.name} är ${roundStatusSv(round.status)}: fondernas belopp ligger fast när omgången är fördelad`,
          });
        const fund = await manager.findOne(Fund, { where: { id: fundId } });
        if (!fund) throw new ValidationError("input.fundId", "exists", { en: "is not a fund", sv: "är ingen fond" });
        if (input.available > fund.capital) {
          throw new ValidationError("input.available", "capital", {
            en: `must not exceed the fund's capital (${fund.capital / 100} kr)`,
            sv: `får inte överstiga fondens kapital (${fund.capital / 100} kr)`,
          });
        }
        const existing = await manager.findOne(FundBudget, { where: { roundId, fundId } });
        let id: number;
        if (existing) {
          await manager.update(
            FundBudget,
            { id: existing.id },
            { available: input.available, version: existing.version + 1 },
          );
          id = existing.id;
        } else {
          id = (await manager.save(manager.create(FundBudget, { roundId, fundId, available: input.available }))).id;
        }
        await this.log(
          manager,
          existing ? AccessAction.UPDATE : AccessAction.CREATE,
          "Mutation.setDonationFundBudget",
          "FundBudget",
          [id],
        );
        return manager.findOneOrFail(FundBudget, { where: { id } });
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new ConflictError({
          en: "The budget was set at the same time by someone else; reload and try again",
          sv: "Beloppet sattes samtidigt av någon annan; läs in på nytt och försök igen",
        });
      throw e;
    }
  }
}

export function roundService(ctx: RequestContext): RoundService {
  return new RoundService(ctx);
}
