import { In, IsNull, type EntityManager } from "typeorm";
import {
  AccessAction,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  ageOn,
  groupByKeys,
  inTransaction,
  parsePersonnummer,
  toConnection,
  toPage,
  todayLocalDate,
  updateVersioned,
  type Connection,
  type RequestContext,
  toId,
  getEntitiesAndCount,
  findByKeys,
} from "@arbetsliv/core";
import { MemberRole } from "../enums";
import { assertNotGallrad, canSeeProtected, logChange, logRead, visibleHousehold, writableHousehold } from "../shared/access";
import { assertYearMonth } from "../shared/month";
import { EkonomisktBistandScopes } from "../scopes";
import { HouseholdMember } from "./household-member.entity";
import { Household } from "./household.entity";
import type { CreateHouseholdInput, HouseholdListArgs, MemberInput, UpdateHouseholdInput, UpdateMemberInput } from "./household.inputs";

export const MEMBERS_LOADER = "eb.membersByHousehold";

export function membersLoader(ctx: RequestContext) {
  return ctx.loader<number, HouseholdMember[]>(MEMBERS_LOADER, async (ids) =>
    groupByKeys(ids, await findByKeys(ctx.ds.manager, HouseholdMember, "householdId", ids, { id: "ASC" }), (m) => m.householdId),
  );
}

function assertMemberFlags(field: string, m: { role: MemberRole; lunchAtPreschool?: boolean; inUpperSecondary?: boolean; includedInNorm?: boolean }) {
  if (m.lunchAtPreschool && m.role !== MemberRole.CHILD) throw new ValidationError(`${field}.lunchAtPreschool`, "child-only", "applies to children only");
  if (m.inUpperSecondary && m.role !== MemberRole.CHILD) throw new ValidationError(`${field}.inUpperSecondary`, "child-only", "applies to children only");
  if (m.includedInNorm === false && m.role !== MemberRole.OTHER_ADULT) {
    throw new ValidationError(`${field}.includedInNorm`, "other-adult-only", "only another adult can be outside the application");
  }
}

function memberRow(field: string, householdId: number, m: MemberInput, today: string): Partial<HouseholdMember> {
  assertMemberFlags(field, m);
  const birthDate = parsePersonnummer(m.personnummer).birthDate;
  const joinedOn = m.joinedOn ?? today;
  if (joinedOn < birthDate) throw new ValidationError(`${field}.joinedOn`, "after-birth", "must not be before the birth date");
  if ((m.role === MemberRole.APPLICANT || m.role === MemberRole.CO_APPLICANT) && ageOn(birthDate, joinedOn) < 18) {
    throw new ValidationError(`${field}.personnummer`, "adult", "an applicant or co-applicant must be 18 or older");
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
    if (applicants !== 1) throw new ValidationError("input.members", "one-applicant", "must have exactly one APPLICANT");
    if (input.members.filter((m) => m.role === MemberRole.CO_APPLICANT).length > 1) {
      throw new ValidationError("input.members", "one-co-applicant", "may have at most one CO_APPLICANT");
    }
    const seen = new Set<string>();
    input.members.forEach((m, i) => {
      if (seen.has(m.personnummer)) throw new ValidationError(`input.members.${i}.personnummer`, "unique", "is listed twice");
      seen.add(m.personnummer);
    });
    if (input.monthlyRent !== undefined && input.monthlyRent !== null && input.monthlyRent < 0) {
      throw new ValidationError("input.monthlyRent", "non-negative", "must not be negative");
    }
    if (input.protectedIdentity && !canSeeProtected(this.ctx)) throw new ForbiddenError([EkonomisktBistandScopes.PROTECTED]);
    const rows = input.members.map((m, i) => memberRow(`input.members.${i}`, 0, m, today));
    return inTransaction(this.ctx.ds, async (manager) => {
      const adults = rows.filter((r) => r.role === MemberRole.APPLICANT || r.role === MemberRole.CO_APPLICANT).map((r) => r.personnummer!);
      const active = await manager.find(HouseholdMember, {
        where: { personnummer: In(adults), leftOn: IsNull(), role: In([MemberRole.APPLICANT, MemberRole.CO_APPLICANT]) },
      });
      if (active.length) {
        throw new ConflictError("An applicant or co-applicant already belongs to another household; end that membership first", {
          householdIds: [...new Set(active.map((a) => a.householdId))],
        });
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
      await logChange(this.ctx, manager, AccessAction.CREATE, "Mutation.createAssistanceHousehold", "Household", [household.id], adults);
      return household;
    });
  }

  async update(input: UpdateHouseholdInput): Promise<Household> {
    const id = toId("input.id", input.id);
    if (input.protectedIdentity !== undefined && input.protectedIdentity !== null && !canSeeProtected(this.ctx)) {
      throw new ForbiddenError([EkonomisktBistandScopes.PROTECTED]);
    }
    if (input.monthlyRent !== undefined && input.monthlyRent !== null && input.monthlyRent < 0) {
      throw new ValidationError("input.monthlyRent", "non-negative", "must not be negative");
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
      if (input.protectedIdentity !== undefined && input.protectedIdentity !== null) changes.protectedIdentity = input.protectedIdentity;
      await updateVersioned(manager, Household, "Household", id, input.expectedVersion, changes);
      await logChange(this.ctx, manager, AccessAction.UPDATE, "Mutation.updateAssistanceHousehold", "Household", [id]);
      return manager.findOneOrFail(Household, { where: { id } });
    });
  }

  async addMember(householdIdValue: string, input: MemberInput): Promise<HouseholdMember> {
    const householdId = toId("householdId", householdIdValue);
    const row = memberRow("input", householdId, input, todayLocalDate());
    return inTransaction(this.ctx.ds, async (manager) => {
      await writableHousehold(this.ctx, manager, householdId);
      const current = await manager.find(HouseholdMember, { where: { householdId, leftOn: IsNull() } });
      if (current.some((m) => m.personnummer === row.personnummer)) throw new ValidationError("input.personnummer", "unique", "is already a member");
      if (row.role === MemberRole.APPLICANT) throw new ValidationError("input.role", "one-applicant", "the household already has an applicant");
      if (row.role === MemberRole.CO_APPLICANT && current.some((m) => m.role === MemberRole.CO_APPLICANT)) {
        throw new ValidationError("input.role", "one-co-applicant", "the household already has a co-applicant");
      }
      const member = await manager.save(manager.create(HouseholdMember, row));
      await logChange(this.ctx, manager, AccessAction.CREATE, "Mutation.addAssistanceHouseholdMember", "HouseholdMember", [member.id], [member.personnummer]);
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
        if (input.leftOn < member.joinedOn) throw new ValidationError("input.leftOn", "after-joined", "must not be before the member joined");
        if (member.role === MemberRole.APPLICANT) throw new ValidationError("input.leftOn", "applicant-stays", "the applicant cannot leave the household");
      }
      const changes: Partial<HouseholdMember> = definedOnly({
        name: input.name?.trim(),
        lunchAtPreschool: input.lunchAtPreschool,
        inUpperSecondary: input.inUpperSecondary,
        includedInNorm: input.includedInNorm,
        leftOn: input.leftOn,
      });
      await updateVersioned(manager, HouseholdMember, "HouseholdMember", id, input.expectedVersion, changes);
      await logChange(this.ctx, manager, AccessAction.UPDATE, "Mutation.updateAssistanceHouseholdMember", "HouseholdMember", [id], [member.personnummer]);
      return manager.findOneOrFail(HouseholdMember, { where: { id } });
    });
  }

  async get(idValue: string): Promise<Household> {
    const id = toId("id", idValue);
    const household = await visibleHousehold(this.ctx, this.ctx.ds.manager, id);
    const members = await membersLoader(this.ctx).load(id);
    await logRead(this.ctx, "Query.assistanceHousehold", "Household", [id], members.map((m) => m.personnummer));
    return household;
  }

  /**
   * A page of households. Members are fetched here in one statement and primed into the
   * per-request loader (the access-log row needs their identity numbers), so the nested fields
   * add one statement per list level, never one per household.
   */
  async list(args: HouseholdListArgs): Promise<Connection<Household>> {
    const page = toPage(args);
    const f = args.filter ?? {};
    const manager = this.ctx.ds.manager;
    const qb = manager.getRepository(Household).createQueryBuilder("h");
    if (!canSeeProtected(this.ctx)) qb.andWhere("h.protectedIdentity = :hidden", { hidden: 0 });
    if (f.personnummer) {
      qb.andWhere("h.id IN (SELECT m.householdId FROM eb_household_member m WHERE m.personnummer = :pnr)", { pnr: f.personnummer });
    }
    if (f.paidInMonth) {
      assertYearMonth("filter.paidInMonth", f.paidInMonth);
      // The month's net per household is kept on write (eb_paid_month): no GROUP BY over the month's payouts.
      qb.andWhere("h.id IN (SELECT x.householdId FROM eb_paid_month x WHERE x.month = :month AND x.netAmount > 0)", {
        month: f.paidInMonth,
      });
    }
    const [rows, total] = await getEntitiesAndCount(qb.orderBy("h.id", "ASC").skip(page.offset).take(page.limit));
    const ids = rows.map((h) => h.id);
    if (ids.length) {
      const members = await findByKeys(manager, HouseholdMember, "householdId", ids, { id: "ASC" });
      const loader = membersLoader(this.ctx);
      groupByKeys(ids, members, (m) => m.householdId).forEach((list, i) => loader.prime(ids[i], list));
      await logRead(this.ctx, "Query.assistanceHouseholds", "Household", ids, members.map((m) => m.personnummer));
    }
    return toConnection(rows, total, page);
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

export async function currentMembers(manager: EntityManager, householdId: number): Promise<HouseholdMember[]> {
  return manager.find(HouseholdMember, { where: { householdId }, order: { id: "ASC" } });
}
