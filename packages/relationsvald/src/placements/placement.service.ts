import { In, type EntityManager } from "typeorm";
import {
  AccessAction,
  ConflictError,
  NotFoundError,
  ValidationError,
  type Connection,
  type Message,
  type Moved,
  type RequestContext,
  idempotentCreate,
  recordEvent,
} from "@arbetsliv/core";
import { type LocalDate, knownPersonnummer } from "@arbetsliv/core/values";
import {
  inTransaction,
  updateVersioned,
  lockMode,
  toId,
  pageOfQuery,
  getEntity,
  selectColumns,
} from "@arbetsliv/core/data";
import { type Projection } from "@arbetsliv/core/read";
import { AccompanyingChild } from "../clients/child.entity";
import { PlacementClient } from "../clients/client.entity";
import { PlacementType, RESIDENTIAL_TYPES } from "../enums";
import { PlacementProvider } from "../providers/provider.entity";
import { placementEnded, placementStarted } from "../events";
import { DOMAIN } from "../scopes";
import { alsoReading, placementNotProtectedSql, seesProtected } from "../shared";
import { PlacementChildDecision } from "./placement-child.entity";
import { conflictingStay, needsDecision, type ExistingStay } from "./placement.rules";
import { Placement } from "./placement.entity";
import type {
  CreatePlacementInput,
  EndPlacementInput,
  ExtendPlacementInput,
  MovePlacementInput,
  PlacementChildInput,
  PlacementListArgs,
} from "./placement.inputs";

const TYPE_NAMES: Record<PlacementType, string> = {
  PROTECTED_HOUSING: "skyddat boende",
  EMERGENCY_HOUSING: "jourboende",
  INTERNAL_OUTPATIENT: "intern öppenvård",
  EXTERNAL_OUTPATIENT: "extern öppenvård",
  SOCIAL_CONTRACT: "socialt kontrakt",
  FAMILY_HOME: "familjehem",
};

const GALLRAD: Message = { en: "has been gallrad (anonymised)", sv: "har gallrats" };

function afterStart(startDate: LocalDate): Message {
  return { en: `must be after the start date ${startDate}`, sv: `måste vara efter startdatumet ${startDate}` };
}

interface ChildDecision {
  childId: number;
  assessedOn: LocalDate | null;
  decisionReference: string | null;
  decisionDate: LocalDate | null;
}

/** Placements: registration, extension, end, move; the overlap rule; visibility of protected people. */
export class PlacementService {
  constructor(private readonly ctx: RequestContext) {}

  /** Logs a read of placements with the identity numbers of their clients (one INSERT). */
  async logRead(
    operation: string,
    placements: Placement[],
    manager: EntityManager = this.ctx.ds.manager,
  ): Promise<void> {
    if (placements.length === 0) return;
    const clientIds = [...new Set(placements.map((p) => p.clientId))];
    const clients = await manager.find(PlacementClient, {
      where: { id: In(clientIds) },
      select: { id: true, personnummer: true },
    });
    await this.ctx.accessLog.append(manager, {
      action: AccessAction.READ,
      operation,
      domain: DOMAIN,
      recordType: "Placement",
      recordIds: placements.map((p) => p.id),
      personnummer: knownPersonnummer(clients.map((c) => c.personnummer)),
    });
  }

  private async logChange(
    manager: EntityManager,
    action: AccessAction,
    operation: string,
    placement: Placement,
    pnrs: (string | null)[],
  ) {
    await this.ctx.accessLog.append(manager, {
      action,
      operation,
      domain: DOMAIN,
      recordType: "Placement",
      recordIds: [placement.id],
      personnummer: knownPersonnummer(pnrs),
    });
  }

  /**
   * A page of the placements the caller may see, latest start first; `columns` narrows what is
   * read (the read layer's projection) — the client id always, for the access log.
   */
  async list(args: PlacementListArgs, columns?: Projection<Placement>): Promise<Connection<Placement>> {
    const f = args.filter ?? {};
    const qb = selectColumns(this.ctx.ds.manager.createQueryBuilder(Placement, "p"), alsoReading(columns, "clientId"));
    if (!seesProtected(this.ctx)) qb.andWhere(placementNotProtectedSql("p"));
    if (f.type) qb.andWhere("p.type = :type", { type: f.type });
    if (f.providerId)
      qb.andWhere("p.providerId = :providerId", { providerId: toId("filter.providerId", f.providerId) });
    if (f.clientId) qb.andWhere("p.clientId = :clientId", { clientId: toId("filter.clientId", f.clientId) });
    if (f.activeFrom || f.activeTo) {
      const from = f.activeFrom ?? "0001-01-01";
      const to = f.activeTo ?? "9998-12-31";
      if (from > to)
        throw new ValidationError("filter.activeTo", "order", {
          en: "must not be before activeFrom",
          sv: "får inte vara före activeFrom",
        });
      qb.andWhere("p.startDate <= :to AND (p.endDate IS NULL OR p.endDate > :from)", { from, to });
    }
    if (f.ongoing === true) qb.andWhere("p.endDate IS NULL");
    if (f.ongoing === false) qb.andWhere("p.endDate IS NOT NULL");
    const page = await pageOfQuery(qb.orderBy("p.startDate", "DESC").addOrderBy("p.id", "DESC"), args);
    const rows = page.nodes;
    await this.logRead("Query.placements", rows);
    return page;
  }

  /** A placement the caller may see, or null: one concerning a protected person is invisible without the scope. */
  async findVisible(manager: EntityManager, id: number, lock = false): Promise<Placement | null> {
    const qb = manager.createQueryBuilder(Placement, "p").where("p.id = :id", { id });
    if (!seesProtected(this.ctx)) qb.andWhere(placementNotProtectedSql("p"));
    if (lock && lockMode(manager).lock) qb.setLock("pessimistic_write");
    return getEntity(qb);
  }

  async get(idValue: string): Promise<Placement> {
    const id = toId("id", idValue);
    const placement = await this.findVisible(this.ctx.ds.manager, id);
    if (!placement) throw new NotFoundError("Placement", id);
    await this.logRead("Query.placement", [placement]);
    return placement;
  }

  /**
   * Placements of a batch of clients, visible ones only, oldest first (one query), access-logged
   * here with the clients' identity numbers (`PlacementClient.placements` in the graph): the
   * numbers are not on the placement rows, so the graph's per-row access-log policy cannot name them.
   */
  async placementsOfClients(clientIds: readonly number[]): Promise<Placement[]> {
    const qb = this.ctx.ds.manager
      .createQueryBuilder(Placement, "p")
      .where("p.clientId IN (:...ids)", { ids: [...clientIds] })
      .orderBy("p.startDate", "ASC")
      .addOrderBy("p.id", "ASC");
    if (!seesProtected(this.ctx)) qb.andWhere(placementNotProtectedSql("p"));
    const rows = await qb.getMany();
    await this.logRead("PlacementClient.placements", rows);
    return rows;
  }

  /**
   * The child decisions of a batch of placements, each with its child joined (one query); a
   * decision about a child with protected identity only for a caller who may see it — left out
   * in SQL, never loaded. The graph's `Placement.children` logs the read.
   */
  childDecisionsOf(placementIds: readonly number[]): Promise<PlacementChildDecision[]> {
    const qb = this.ctx.ds.manager
      .createQueryBuilder(PlacementChildDecision, "d")
      .innerJoinAndMapOne("d.child", AccompanyingChild, "k", "k.id = d.childId")
      .where("d.placementId IN (:...ids)", { ids: [...placementIds] })
      .orderBy("d.id", "ASC");
    if (!seesProtected(this.ctx)) qb.andWhere("k.protectedIdentity = :no", { no: false });
    return qb.getMany();
  }

  private async visibleClient(manager: EntityManager, id: number, field: string): Promise<PlacementClient> {
    const client = await manager.findOne(PlacementClient, { where: { id }, ...lockMode(manager) });
    if (!client || (client.protectedIdentity && !seesProtected(this.ctx))) {
      throw new ValidationError(field, "exists", {
        en: "is not a client you can see",
        sv: "är ingen klient som du kan se",
      });
    }
    if (client.anonymisedDate) throw new ValidationError(field, "gallrad", GALLRAD);
    return client;
  }

  private async provider(manager: EntityManager, id: number, field: string): Promise<PlacementProvider> {
    const provider = await manager.findOne(PlacementProvider, { where: { id } });
    if (!provider)
      throw new ValidationError(field, "exists", {
        en: "is not a registered provider",
        sv: "är ingen registrerad utförare",
      });
    return provider;
  }

  /** Validates the children of a placement: the client's own, visible, each once, each with its own decision unless acute. */
  private async children(
    manager: EntityManager,
    client: PlacementClient,
    inputs: readonly PlacementChildInput[],
    acute: boolean,
    field: string,
  ): Promise<{ decisions: ChildDecision[]; children: AccompanyingChild[] }> {
    const ids = inputs.map((c, i) => toId(`${field}.${i}.childId`, c.childId));
    const found = ids.length
      ? await manager.find(AccompanyingChild, { where: { id: In(ids), clientId: client.id } })
      : [];
    const decisions: ChildDecision[] = [];
    inputs.forEach((c, i) => {
      const child = found.find((k) => k.id === ids[i]);
      if (!child || (child.protectedIdentity && !seesProtected(this.ctx))) {
        throw new ValidationError(`${field}.${i}.childId`, "exists", {
          en: "is not an accompanying child of this client",
          sv: "är inget medföljande barn till den här klienten",
        });
      }
      if (child.anonymisedDate) throw new ValidationError(`${field}.${i}.childId`, "gallrad", GALLRAD);
      if (ids.indexOf(ids[i]) !== i)
        throw new ValidationError(`${field}.${i}.childId`, "unique", {
          en: "is listed twice",
          sv: "finns med två gånger",
        });
      if (needsDecision(acute)) {
        if (!c.assessedOn)
          throw new ValidationError(`${field}.${i}.assessedOn`, "required", {
            en: "each child needs its own assessment",
            sv: "varje barn behöver en egen bedömning",
          });
        if (!c.decisionReference)
          throw new ValidationError(`${field}.${i}.decisionReference`, "required", {
            en: "each child needs its own decision",
            sv: "varje barn behöver ett eget beslut",
          });
        if (!c.decisionDate)
          throw new ValidationError(`${field}.${i}.decisionDate`, "required", {
            en: "each child needs its own decision date",
            sv: "varje barn behöver ett eget beslutsdatum",
          });
      }
      decisions.push({
        childId: ids[i],
        assessedOn: c.assessedOn ?? null,
        decisionReference: c.decisionReference ?? null,
        decisionDate: c.decisionDate ?? null,
      });
    });
    return { decisions, children: found };
  }

  /**
   * Refuses a placement that cannot coexist with another placement of the same person
   * (the client or any covered child) — see mayOverlap.
   */
  private async assertNoOverlap(
    manager: EntityManager,
    type: PlacementType,
    stay: { startDate: LocalDate; endDate: LocalDate | null },
    clientId: number,
    childIds: number[],
    field: string,
  ): Promise<void> {
    const qb = manager
      .createQueryBuilder(Placement, "p")
      .where("(p.endDate IS NULL OR p.endDate > :start)", { start: stay.startDate })
      .andWhere(
        childIds.length
          ? "(p.clientId = :clientId OR p.id IN (SELECT pc.placementId FROM rv_placement_child pc WHERE pc.childId IN (:...childIds)))"
          : "p.clientId = :clientId",
        { clientId, childIds },
      );
    if (stay.endDate) qb.andWhere("p.startDate < :end", { end: stay.endDate });
    // A locking read sees every committed placement, whatever this transaction's snapshot.
    if (lockMode(manager).lock) qb.setLock("pessimistic_write");
    const existing: ExistingStay[] = await qb.getMany();
    const conflict = conflictingStay(type, stay, existing);
    if (!conflict) return;
    // Details only about a placement the caller may see: one concerning a protected child stays unnamed.
    if (!seesProtected(this.ctx) && !(await this.findVisible(manager, conflict.id))) {
      throw new ValidationError(field, "overlap", {
        en: `the client or an accompanying child already has a placement on these nights that ${TYPE_NAMES[type]} cannot overlap`,
        sv: `klienten eller ett medföljande barn har redan en placering under dessa nätter, och ${TYPE_NAMES[type]} kan inte överlappa den`,
      });
    }
    const until = conflict.endDate ? `until ${conflict.endDate}` : "ongoing";
    const untilSv = conflict.endDate ? `till ${conflict.endDate}` : "pågående";
    throw new ValidationError(field, "overlap", {
      en:
        `the client or an accompanying child already has placement ${conflict.id} (${TYPE_NAMES[conflict.type]}, from ${conflict.startDate}, ${until}); ` +
        `${TYPE_NAMES[type]} cannot run on the same nights — end or move that placement first`,
      sv:
        `klienten eller ett medföljande barn har redan placering ${conflict.id} (${TYPE_NAMES[conflict.type]}, från ${conflict.startDate}, ${untilSv}); ` +
        `${TYPE_NAMES[type]} kan inte pågå samma nätter – avsluta eller flytta den placeringen först`,
    });
  }

  private async insert(
    manager: EntityManager,
    data: Omit<Placement, "id" | "version" | "createdAt" | "personCount">,
    decisions: ChildDecision[],
  ): Promise<Placement> {
    const placement = await manager.save(manager.create(Placement, { ...data, personCount: 1 + decisions.length }));
    if (decisions.length) {
      await manager.insert(
        PlacementChildDecision,
        decisions.map((d) => ({ ...d, placementId: placement.id })),
      );
      if (data.type === PlacementType.PROTECTED_HOUSING) {
        // Records of a child placed in protected housing are never deleted (SoL 2025:400 16 kap. 2 §).
        await manager.update(AccompanyingChild, { id: In(decisions.map((d) => d.childId)) }, { retentionExempt: true });
      }
    }
    return placement;
  }

  /** Does the placement concern a person with protected identity (the client or a covered child)? */
  private async isProtected(manager: EntityManager, id: number): Promise<boolean> {
    const open = await manager
      .createQueryBuilder(Placement, "p")
      .where("p.id = :id", { id })
      .andWhere(placementNotProtectedSql("p"))
      .getExists();
    return !open;
  }

  /** placement.started (and placement.ended when it is registered with its move-out date), in the change's transaction. */
  private async recordStart(manager: EntityManager, placement: Placement, protectedSubject: boolean): Promise<void> {
    await recordEvent(manager, placementStarted, {
      subjectId: placement.id,
      protectedSubject,
      data: {
        placementId: String(placement.id),
        providerId: String(placement.providerId),
        placementType: placement.type,
        startDate: placement.startDate,
        endDate: placement.endDate,
        acute: placement.acute,
        movedFromId: placement.movedFromId === null ? null : String(placement.movedFromId),
      },
    });
    // Registered after the fact, or continuing a placement that already had its move-out date.
    if (placement.endDate) await this.recordEnd(manager, placement, null, protectedSubject);
  }

  private async recordEnd(
    manager: EntityManager,
    placement: Placement,
    movedToId: number | null,
    protectedSubject: boolean,
  ): Promise<void> {
    if (!placement.endDate) throw new Error(`placement ${placement.id} has no end date to report`);
    await recordEvent(manager, placementEnded, {
      subjectId: placement.id,
      protectedSubject,
      data: {
        placementId: String(placement.id),
        providerId: String(placement.providerId),
        placementType: placement.type,
        startDate: placement.startDate,
        endDate: placement.endDate,
        movedToId: movedToId === null ? null : String(movedToId),
      },
    });
  }

  /** Registers a placement; with input.idempotencyKey a retry returns the first answer and creates nothing. */
  async create(input: CreatePlacementInput): Promise<Placement> {
    this.assertCreatable(input);
    return idempotentCreate(this.ctx, {
      operation: "Mutation.createPlacement",
      key: input.idempotencyKey,
      input,
      create: (manager) => this.createIn(manager, input),
      idOf: (placement) => placement.id,
      reread: async (id) => {
        // The same answer as the first call, to a caller who may still see it (protection can change).
        const placement = await this.findVisible(this.ctx.ds.manager, Number(id));
        if (!placement) throw new NotFoundError("Placement", Number(id));
        await this.logRead("Mutation.createPlacement", [placement]);
        return placement;
      },
    });
  }

  private assertCreatable(input: CreatePlacementInput): void {
    toId("input.clientId", input.clientId);
    toId("input.providerId", input.providerId);
    if (input.endDate && input.endDate <= input.startDate) {
      throw new ValidationError("input.endDate", "after-start", {
        en: "the move-out date must be after the start date (a placement has at least one night)",
        sv: "utflyttningsdatumet måste vara efter startdatumet (en placering omfattar minst en natt)",
      });
    }
    if (input.plannedEndDate && input.plannedEndDate <= input.startDate) {
      throw new ValidationError("input.plannedEndDate", "after-start", {
        en: "must be after the start date",
        sv: "måste vara efter startdatumet",
      });
    }
    if (input.acute && !RESIDENTIAL_TYPES.has(input.type)) {
      throw new ValidationError("input.acute", "residential", {
        en: "only a residential placement (skyddat boende, jourboende …) can be an acute placement",
        sv: "bara en placering med boende (skyddat boende, jourboende …) kan vara en akutplacering",
      });
    }
    if (needsDecision(input.acute)) {
      if (!input.decisionReference)
        throw new ValidationError("input.decisionReference", "required", {
          en: "a placement that is not acute needs a decision",
          sv: "en placering som inte är akut behöver ett beslut",
        });
      if (!input.decisionDate)
        throw new ValidationError("input.decisionDate", "required", {
          en: "a placement that is not acute needs a decision date",
          sv: "en placering som inte är akut behöver ett beslutsdatum",
        });
    }
  }

  /** The create itself, inside the caller's transaction (idempotentCreate's). */
  private async createIn(manager: EntityManager, input: CreatePlacementInput): Promise<Placement> {
    const clientId = toId("input.clientId", input.clientId);
    const providerId = toId("input.providerId", input.providerId);
    const client = await this.visibleClient(manager, clientId, "input.clientId");
    await this.provider(manager, providerId, "input.providerId");
    const { decisions, children } = await this.children(manager, client, input.children, input.acute, "input.children");
    const stay = { startDate: input.startDate, endDate: input.endDate ?? null };
    await this.assertNoOverlap(
      manager,
      input.type,
      stay,
      client.id,
      decisions.map((d) => d.childId),
      "input.startDate",
    );
    const placement = await this.insert(
      manager,
      {
        type: input.type,
        clientId: client.id,
        providerId,
        ...stay,
        plannedEndDate: input.plannedEndDate ?? null,
        acute: input.acute,
        decisionReference: input.decisionReference ?? null,
        decisionDate: input.decisionDate ?? null,
        movedFromId: null,
        address: input.address ?? null,
      },
      decisions,
    );
    const covered = children.filter((c) => decisions.some((d) => d.childId === c.id));
    await this.recordStart(manager, placement, client.protectedIdentity || covered.some((c) => c.protectedIdentity));
    await this.logChange(manager, AccessAction.CREATE, "Mutation.createPlacement", placement, [
      client.personnummer,
      ...children.map((c) => c.personnummer),
    ]);
    return placement;
  }

  private async loadForChange(
    manager: EntityManager,
    id: number,
  ): Promise<{ placement: Placement; client: PlacementClient }> {
    const placement = await this.findVisible(manager, id, true);
    if (!placement) throw new NotFoundError("Placement", id);
    const client = await manager.findOneOrFail(PlacementClient, {
      where: { id: placement.clientId },
      ...lockMode(manager),
    });
    return { placement, client };
  }

  async extend(record: Moved<string>, input: ExtendPlacementInput): Promise<Placement> {
    const id = toId(record.field, record.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      const { placement, client } = await this.loadForChange(manager, id);
      if (placement.endDate)
        throw new ConflictError(
          {
            en: `Placement ${id} ended on ${placement.endDate}; it cannot be extended`,
            sv: `Placering ${id} avslutades ${placement.endDate}; den kan inte förlängas`,
          },
          { field: record.field },
        );
      const floor =
        placement.plannedEndDate && placement.plannedEndDate > placement.startDate
          ? placement.plannedEndDate
          : placement.startDate;
      if (input.plannedEndDate <= floor)
        throw new ValidationError("input.plannedEndDate", "later", {
          en: `must be after ${floor}`,
          sv: `måste vara efter ${floor}`,
        });
      if (input.decisionDate < placement.startDate) {
        throw new ValidationError("input.decisionDate", "after-start", {
          en: "must not be before the placement started",
          sv: "får inte vara före placeringens startdatum",
        });
      }
      const rows = await manager.find(PlacementChildDecision, { where: { placementId: id } });
      const ids = input.children.map((c, i) => toId(`input.children.${i}.childId`, c.childId));
      input.children.forEach((c, i) => {
        if (!rows.some((r) => r.childId === ids[i])) {
          throw new ValidationError(`input.children.${i}.childId`, "covered", {
            en: "is not a child covered by this placement",
            sv: "är inget barn som omfattas av den här placeringen",
          });
        }
        if (!c.decisionReference || !c.decisionDate || !c.assessedOn) {
          throw new ValidationError(`input.children.${i}.decisionReference`, "required", {
            en: "each child needs its own assessment, decision and decision date",
            sv: "varje barn behöver en egen bedömning, ett eget beslut och ett eget beslutsdatum",
          });
        }
      });
      const undecided = rows.filter((r) => !r.decisionReference && !ids.includes(r.childId));
      if (undecided.length) {
        const missing = undecided.map((r) => r.childId).join(", ");
        throw new ValidationError("input.children", "required", {
          en: `every covered child needs its own decision (missing for child ${missing})`,
          sv: `varje barn som omfattas behöver ett eget beslut (saknas för barn ${missing})`,
        });
      }
      await updateVersioned(manager, Placement, "Placement", id, input.expectedVersion, {
        plannedEndDate: input.plannedEndDate,
        decisionReference: input.decisionReference,
        decisionDate: input.decisionDate,
      });
      for (const [i, c] of input.children.entries()) {
        await manager.update(
          PlacementChildDecision,
          { placementId: id, childId: ids[i] },
          {
            assessedOn: c.assessedOn ?? null,
            decisionReference: c.decisionReference ?? null,
            decisionDate: c.decisionDate ?? null,
          },
        );
      }
      const updated = await manager.findOneOrFail(Placement, { where: { id } });
      await this.logChange(manager, AccessAction.UPDATE, "Mutation.extendPlacement", updated, [client.personnummer]);
      return updated;
    });
  }

  async end(record: Moved<string>, input: EndPlacementInput): Promise<Placement> {
    const id = toId(record.field, record.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      const { placement, client } = await this.loadForChange(manager, id);
      if (placement.endDate)
        throw new ConflictError(
          {
            en: `Placement ${id} already ended on ${placement.endDate}`,
            sv: `Placering ${id} avslutades redan ${placement.endDate}`,
          },
          { field: record.field },
        );
      if (input.endDate <= placement.startDate) {
        throw new ValidationError("input.endDate", "after-start", afterStart(placement.startDate));
      }
      await updateVersioned(manager, Placement, "Placement", id, input.expectedVersion, { endDate: input.endDate });
      const updated = await manager.findOneOrFail(Placement, { where: { id } });
      await this.logChange(manager, AccessAction.UPDATE, "Mutation.endPlacement", updated, [client.personnummer]);
      await this.recordEnd(manager, updated, null, await this.isProtected(manager, id));
      return updated;
    });
  }

  /** Ends the placement on the move date and starts the next one there, with the same client and children. */
  async move(record: Moved<string>, input: MovePlacementInput): Promise<Placement> {
    const id = toId(record.field, record.value);
    const providerId = toId("input.providerId", input.providerId);
    return inTransaction(this.ctx.ds, async (manager) => {
      const { placement, client } = await this.loadForChange(manager, id);
      if (input.moveDate <= placement.startDate) {
        throw new ValidationError("input.moveDate", "after-start", afterStart(placement.startDate));
      }
      if (placement.endDate && input.moveDate >= placement.endDate) {
        throw new ValidationError("input.moveDate", "before-end", {
          en: `must be before the move-out date ${placement.endDate}`,
          sv: `måste vara före utflyttningsdatumet ${placement.endDate}`,
        });
      }
      await this.provider(manager, providerId, "input.providerId");
      const type = input.type ?? placement.type;
      const decisionReference = input.decisionReference ?? placement.decisionReference;
      const decisionDate = input.decisionDate ?? placement.decisionDate;
      if (!decisionReference)
        throw new ValidationError("input.decisionReference", "required", {
          en: "a move needs a decision on continued placement",
          sv: "en flytt behöver ett beslut om fortsatt placering",
        });
      if (!decisionDate)
        throw new ValidationError("input.decisionDate", "required", {
          en: "a move needs the decision date",
          sv: "en flytt behöver beslutsdatumet",
        });
      const current = await manager.find(PlacementChildDecision, { where: { placementId: id }, order: { id: "ASC" } });
      const childInputs: PlacementChildInput[] =
        input.children ??
        current.map((c) => ({
          childId: String(c.childId),
          assessedOn: c.assessedOn ?? undefined,
          decisionReference: c.decisionReference ?? undefined,
          decisionDate: c.decisionDate ?? undefined,
        }));
      const { decisions, children } = await this.children(manager, client, childInputs, false, "input.children");
      const oldEnd = placement.endDate;
      await updateVersioned(manager, Placement, "Placement", id, input.expectedVersion, { endDate: input.moveDate });
      const stay = { startDate: input.moveDate, endDate: oldEnd };
      await this.assertNoOverlap(
        manager,
        type,
        stay,
        client.id,
        decisions.map((d) => d.childId),
        "input.moveDate",
      );
      const next = await this.insert(
        manager,
        {
          type,
          clientId: client.id,
          providerId,
          ...stay,
          plannedEndDate: input.plannedEndDate ?? placement.plannedEndDate,
          acute: false,
          decisionReference,
          decisionDate,
          movedFromId: placement.id,
          address: input.address ?? null,
        },
        decisions,
      );
      const pnrs = [client.personnummer, ...children.map((c) => c.personnummer)];
      await this.logChange(manager, AccessAction.UPDATE, "Mutation.movePlacement", placement, pnrs);
      await this.logChange(manager, AccessAction.CREATE, "Mutation.movePlacement", next, pnrs);
      const ended = await manager.findOneOrFail(Placement, { where: { id } });
      await this.recordEnd(manager, ended, next.id, await this.isProtected(manager, id));
      await this.recordStart(manager, next, await this.isProtected(manager, next.id));
      return next;
    });
  }
}

export const placementService = (ctx: RequestContext) => new PlacementService(ctx);
