import { In, IsNull, type EntityManager } from "typeorm";
import {
  AccessAction,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  groupByKeys,
  takeFirst,
  type Connection,
  type RequestContext,
} from "@arbetsliv/core";
import { ageOn, parsePersonnummer, todayLocalDate } from "@arbetsliv/core/values";
import { inTransaction, selectColumns, updateVersioned, toId, getEntities, pageOfQuery } from "@arbetsliv/core/data";
import { defineLoader, loadRelated, loaderOf, type Projection } from "@arbetsliv/core/read";
import { Decision } from "../decision/decision.entity";
import { Payout } from "../decision/payout.entity";
import { MemberRole } from "../enums";
import {
  assertNotGallrad,
  canSeeProtected,
  logChange,
  logRead,
  visibleHousehold,
  writableHousehold,
} from "../shared/access";
import { assertYearMonth } from "../shared/month";
import { EkonomisktBistandScopes } from "../scopes";
import { HouseholdMember } from "./household-member.entity";
import { Household } from "./household.entity";
import { householdGraph } from "./household.graph";
import type {
  CreateHouseholdInput,
  HouseholdListArgs,
  MemberInput,
  UpdateHouseholdInput,
  UpdateMemberInput,
} from "./household.inputs";
import { MUST_NOT_BE_NEGATIVE } from "../shared/messages";

/**
 * Payouts of households within a month range, newest first. A key is `from|to|householdId`: the
 * fields of one request that ask for the same range share a batch (one statement per range).
 */
const payoutsInMonths = defineLoader<string, Payout[]>("Household.payouts", async (ctx, keys) => {
  const byRange = new Map<string, number[]>();
  for (const key of keys) {
    const [from, to, id] = key.split("|");
    const range = `${from}|${to}`;
    const ids = byRange.get(range);
    if (ids) ids.push(Number(id));
    else byRange.set(range, [Number(id)]);
  }
  const found = new Map<string, Payout[]>();
  for (const [range, ids] of byRange) {
    const [from, to] = range.split("|");
    const query = ctx.ds.manager
      .getRepository(Payout)
      .createQueryBuilder("p")
      .where("p.householdId IN (:...ids)", { ids })
      .andWhere("p.month BETWEEN :from AND :to", { from, to })
      .orderBy("p.month", "DESC")
      .addOrderBy("p.id", "DESC");
    groupByKeys(ids, await getEntities(query), (p) => p.householdId).forEach((rows, i) =>
      found.set(`${range}|${ids[i]}`, rows),
    );
  }
  return keys.map((key) => found.get(key) ?? []);
});

const CHILDREN_ONLY = { en: "applies to children only", sv: "gäller bara barn" };

function assertMemberFlags(
  field: string,
  m: { role: MemberRole; lunchAtPreschool?: boolean; inUpperSecondary?: boolean; includedInNorm?: boolean },
) {
  if (m.lunchAtPreschool && m.role !== MemberRole.CHILD)
    throw new ValidationError(`${field}.lunchAtPreschool`, "child-only", CHILDREN_ONLY);
  if (m.inUpperSecondary && m.role !== MemberRole.CHILD)
    throw new ValidationError(`${field}.inUpperSecondary`, "child-only", CHILDREN_ONLY);
  if (m.includedInNorm === false && m.role !== MemberRole.OTHER_ADULT) {
    throw new ValidationError(`${field}.includedInNorm`, "other-adult-only", {
      en: "only another adult can be outside the application",
      sv: "bara en annan vuxen i hushållet kan stå utanför ansökan",
    });
  }
}

function memberRow(field: string, householdId: number, m: MemberInput, today: string): Partial<HouseholdMember> {
  assertMemberFlags(field, m);
  const birthDate = parsePersonnummer(m.personnummer).birthDate;
  const joinedOn = m.joinedOn ?? today;
  if (joinedOn < birthDate)
    throw new ValidationError(`${field}.joinedOn`, "after-birth", {
      en: "must not be before the birth date",
      sv: "får inte vara före födelsedatumet",
    });
  if ((m.role === MemberRole.APPLICANT || m.role === MemberRole.CO_APPLICANT) && ageOn(birthDate, joinedOn) < 18) {
    throw new ValidationError(`${field}.personnummer`, "adult", {
      en: "an applicant or co-applicant must be 18 or older",
      sv: "en sökande eller medsökande måste ha fyllt 18 år",
    });
  }
  return {
    householdId,
    role: m.role,
    personnummer: m.personnummer,
    name: m.name.trim(),
    birthDate,
    lunchAtPreschool: m.lunchAtPreschool ?? false,
    inUpperSecondary: m.inUpperSecondary ?? false,
    includedInNorm: m.includedInNorm ?? true,
    joinedOn,
    leftOn: null,
  };
}

export class HouseholdService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateHouseholdInput): Promise<Household> {
    const today = todayLocalDate();
    const applicants = input.members.filter((m) => m.role === MemberRole.APPLICANT).length;
    if (applicants !== 1)
      throw new ValidationError("input.members", "one-applicant", {
        en: "must have exactly one APPLICANT",
        sv: "måste ha exakt en sökande (APPLICANT)",
      });
    if (input.members.filter((m) => m.role === MemberRole.CO_APPLICANT).length > 1) {
      throw new ValidationError("input.members", "one-co-applicant", {
        en: "may have at most one CO_APPLICANT",
        sv: "får ha högst en medsökande (CO_APPLICANT)",
      });
    }
    input.members.forEach((m, i) => {
      // AssistanceMemberInput is shared with addAssistanceHouseholdMember; here the household is the new one.
      if (m.householdId != null)
        throw new ValidationError(`input.members.${i}.householdId`, "not-allowed", {
          en: "is given only to addAssistanceHouseholdMember; a new household's members join it",
          sv: "anges bara till addAssistanceHouseholdMember; ett nytt hushålls medlemmar ingår i det",
        });
    });
    const seen = new Set<string>();
    input.members.forEach((m, i) => {
      if (seen.has(m.personnummer))
        throw new ValidationError(`input.members.${i}.personnummer`, "unique", {
          en: "is listed twice",
          sv: "finns med två gånger",
        });
      seen.add(m.personnummer);
    });
    if (input.monthlyRent !== undefined && input.monthlyRent !== null && input.monthlyRent < 0) {
      throw new ValidationError("input.monthlyRent", "non-negative", MUST_NOT_BE_NEGATIVE);
    }
    if (input.protectedIdentity && !canSeeProtected(this.ctx))
      throw new ForbiddenError([EkonomisktBistandScopes.PROTECTED]);
    const rows = input.members.map((m, i) => memberRow(`input.members.${i}`, 0, m, today));
    return inTransaction(this.ctx.ds, async (manager) => {
      const adults = rows
        .filter((r) => r.role === MemberRole.APPLICANT || r.role === MemberRole.CO_APPLICANT)
        .map((r) => r.personnummer!);
      const active = await manager.find(HouseholdMember, {
        where: {
          personnummer: In(adults),
          leftOn: IsNull(),
          role: In([MemberRole.APPLICANT, MemberRole.CO_APPLICANT]),
        },
      });
      if (active.length) {
        throw new ConflictError(
          {
            en: "An applicant or co-applicant already belongs to another household; end that membership first",
            sv: "En sökande eller medsökande tillhör redan ett annat hushåll; avsluta det medlemskapet först",
          },
          {
            householdIds: [...new Set(active.map((a) => a.householdId))],
          },
        );
      }
      const household = manager.create(Household, {
        street: input.address.street.trim(),
        postalCode: input.address.postalCode.replace(" ", ""),
        city: input.address.city.trim(),
        housingType: input.housingType,
        monthlyRent: input.monthlyRent ?? null,
        protectedIdentity: input.protectedIdentity ?? false,
        createdAt: new Date(),
      });
      await manager.save(household);
      await manager.save(rows.map((r) => manager.create(HouseholdMember, { ...r, householdId: household.id })));
      await logChange(
        this.ctx,
        manager,
        AccessAction.CREATE,
        "Mutation.createAssistanceHousehold",
        "Household",
        [household.id],
        adults,
      );
      return household;
    });
  }

  async update(input: UpdateHouseholdInput): Promise<Household> {
    const id = toId("input.id", input.id);
    if (input.protectedIdentity !== undefined && input.protectedIdentity !== null && !canSeeProtected(this.ctx)) {
      throw new ForbiddenError([EkonomisktBistandScopes.PROTECTED]);
    }
    if (input.monthlyRent !== undefined && input.monthlyRent !== null && input.monthlyRent < 0) {
      throw new ValidationError("input.monthlyRent", "non-negative", MUST_NOT_BE_NEGATIVE);
    }
    return inTransaction(this.ctx.ds, async (manager) => {
      await writableHousehold(this.ctx, manager, id);
      const changes: Partial<Household> = {};
      if (input.address) {
        changes.street = input.address.street.trim();
        changes.postalCode = input.address.postalCode.replace(" ", "");
        changes.city = input.address.city.trim();
      }
      if (input.housingType) changes.housingType = input.housingType;
      if (input.monthlyRent !== undefined) changes.monthlyRent = input.monthlyRent;
      if (input.protectedIdentity !== undefined && input.protectedIdentity !== null)
        changes.protectedIdentity = input.protectedIdentity;
      await updateVersioned(manager, Household, "Household", id, input.expectedVersion, changes);
      await logChange(this.ctx, manager, AccessAction.UPDATE, "Mutation.updateAssistanceHousehold", "Household", [id]);
      return manager.findOneOrFail(Household, { where: { id } });
    });
  }

  /** `householdIdValue` is input.householdId, or the deprecated householdId argument it moved from. */
  async addMember(householdIdValue: string, input: MemberInput): Promise<HouseholdMember> {
    const householdId = toId(input.householdId != null ? "input.householdId" : "householdId", householdIdValue);
    const row = memberRow("input", householdId, input, todayLocalDate());
    return inTransaction(this.ctx.ds, async (manager) => {
      await writableHousehold(this.ctx, manager, householdId);
      const current = await manager.find(HouseholdMember, { where: { householdId, leftOn: IsNull() } });
      if (current.some((m) => m.personnummer === row.personnummer))
        throw new ValidationError("input.personnummer", "unique", {
          en: "is already a member",
          sv: "är redan medlem i hushållet",
        });
      if (row.role === MemberRole.APPLICANT)
        throw new ValidationError("input.role", "one-applicant", {
          en: "the household already has an applicant",
          sv: "hushållet har redan en sökande",
        });
      if (row.role === MemberRole.CO_APPLICANT && current.some((m) => m.role === MemberRole.CO_APPLICANT)) {
        throw new ValidationError("input.role", "one-co-applicant", {
          en: "the household already has a co-applicant",
          sv: "hushållet har redan en medsökande",
        });
      }
      const member = await manager.save(manager.create(HouseholdMember, row));
      await logChange(
        this.ctx,
        manager,
        AccessAction.CREATE,
        "Mutation.addAssistanceHouseholdMember",
        "HouseholdMember",
        [member.id],
        [member.personnummer],
      );
      return member;
    });
  }

  async updateMember(input: UpdateMemberInput): Promise<HouseholdMember> {
    const id = toId("input.memberId", input.memberId);
    return inTransaction(this.ctx.ds, async (manager) => {
      const member = await manager.findOne(HouseholdMember, { where: { id } });
      if (!member) throw new NotFoundError("HouseholdMember", id);
      const household = await visibleHousehold(this.ctx, manager, member.householdId).catch(() => {
        throw new NotFoundError("HouseholdMember", id);
      });
      assertNotGallrad("Household", household.id, household.anonymisedDate);
      const next = { ...member, ...definedOnly(input) };
      assertMemberFlags("input", next);
      if (input.leftOn !== undefined && input.leftOn !== null) {
        if (input.leftOn < member.joinedOn)
          throw new ValidationError("input.leftOn", "after-joined", {
            en: "must not be before the member joined",
            sv: "får inte vara före den dag personen blev medlem i hushållet",
          });
        if (member.role === MemberRole.APPLICANT)
          throw new ValidationError("input.leftOn", "applicant-stays", {
            en: "the applicant cannot leave the household",
            sv: "sökanden kan inte flytta från hushållet",
          });
      }
      const changes: Partial<HouseholdMember> = definedOnly({
        name: input.name?.trim(),
        lunchAtPreschool: input.lunchAtPreschool,
        inUpperSecondary: input.inUpperSecondary,
        includedInNorm: input.includedInNorm,
        leftOn: input.leftOn,
      });
      await updateVersioned(manager, HouseholdMember, "HouseholdMember", id, input.expectedVersion, changes);
      await logChange(
        this.ctx,
        manager,
        AccessAction.UPDATE,
        "Mutation.updateAssistanceHouseholdMember",
        "HouseholdMember",
        [id],
        [member.personnummer],
      );
      return manager.findOneOrFail(HouseholdMember, { where: { id } });
    });
  }

  async get(idValue: string): Promise<Household> {
    const id = toId("id", idValue);
    const household = await visibleHousehold(this.ctx, this.ctx.ds.manager, id);
    const members = await loadRelated<HouseholdMember, Household>(this.ctx, householdGraph, "members", [household]);
    await logRead(
      this.ctx,
      "Query.assistanceHousehold",
      "Household",
      [id],
      members.map((m) => m.personnummer),
    );
    return household;
  }

  /**
   * A page of households; `columns` narrows what is read (the read layer's projection). Members
   * are loaded here in one statement through the `members` relation's loader (the access-log row
   * needs their identity numbers), so the field answers from it; the nested fields add one
   * statement per list level, never one per household.
   */
  async list(args: HouseholdListArgs, columns?: Projection<Household>): Promise<Connection<Household>> {
    const f = args.filter ?? {};
    const qb = selectColumns(this.ctx.ds.manager.getRepository(Household).createQueryBuilder("h"), columns);
    if (!canSeeProtected(this.ctx)) qb.andWhere("h.protectedIdentity = :hidden", { hidden: 0 });
    if (f.personnummer) {
      qb.andWhere("h.id IN (SELECT m.householdId FROM eb_household_member m WHERE m.personnummer = :pnr)", {
        pnr: f.personnummer,
      });
    }
    if (f.paidInMonth) {
      assertYearMonth("filter.paidInMonth", f.paidInMonth);
      // The month's net per household is kept on write (eb_paid_month): no GROUP BY over the month's payouts.
      qb.andWhere("h.id IN (SELECT x.householdId FROM eb_paid_month x WHERE x.month = :month AND x.netAmount > 0)", {
        month: f.paidInMonth,
      });
    }
    const page = await pageOfQuery(qb.orderBy("h.id", "ASC"), args);
    const rows = page.nodes;
    if (rows.length) {
      const members = await loadRelated<HouseholdMember, Household>(this.ctx, householdGraph, "members", rows);
      // The log names the people in the order they were registered (member id), across the page's households.
      const byId = [...members].sort((a, b) => a.id - b.id);
      await logRead(
        this.ctx,
        "Query.assistanceHouseholds",
        "Household",
        rows.map((h) => h.id),
        byId.map((m) => m.personnummer),
      );
    }
    return page;
  }

  /** Each household's most recent decision (the highest id), for the `latestDecision` relation: one statement per batch. */
  latestDecisions(householdIds: readonly number[]): Promise<Decision[]> {
    return this.ctx.ds.manager
      .getRepository(Decision)
      .createQueryBuilder("d")
      .where("d.id IN (SELECT MAX(x.id) FROM eb_decision x WHERE x.householdId IN (:...ids) GROUP BY x.householdId)", {
        ids: [...householdIds],
      })
      .getMany();
  }

  /** A household's payouts and corrections by month concerned (YYYY-MM, inclusive), newest first: the first `first`. */
  payouts(householdId: number, first: number, fromMonth?: string, toMonth?: string): Payout[] | Promise<Payout[]> {
    const from = fromMonth ? assertYearMonth("fromMonth", fromMonth) : "0000-01";
    const to = toMonth ? assertYearMonth("toMonth", toMonth) : "9999-12";
    return takeFirst(loaderOf(this.ctx, payoutsInMonths).get(`${from}|${to}|${householdId}`), first);
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

export async function currentMembers(manager: EntityManager, householdId: number): Promise<HouseholdMember[]> {
  return manager.find(HouseholdMember, { where: { householdId }, order: { id: "ASC" } });
}

export function householdService(ctx: RequestContext): HouseholdService {
  return new HouseholdService(ctx);
}
