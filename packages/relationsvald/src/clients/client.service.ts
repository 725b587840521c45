import type { EntityManager } from "typeorm";
import {
  AccessAction,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type Connection,
  type Message,
  type Moved,
  type RequestContext,
} from "@arbetsliv/core";
import { ageOn, parsePersonnummer, todayLocalDate, knownPersonnummer } from "@arbetsliv/core/values";
import {
  inTransaction,
  isUniqueViolation,
  updateVersioned,
  selectColumns,
  toId,
  pageOfQuery,
} from "@arbetsliv/core/data";
import { type Projection } from "@arbetsliv/core/read";
import { DOMAIN, RelationsvaldScopes } from "../scopes";
import { alsoReading, seesProtected } from "../shared";
import { AccompanyingChild } from "./child.entity";
import { PlacementClient } from "./client.entity";
import type { AddChildInput, ClientListArgs, CreateClientInput, UpdateClientInput } from "./client.inputs";

/** The same answer whoever holds the number: never tells a caller without the scope that a protected person exists. */
const ALREADY_REGISTERED: Message = {
  en: "A person with this personnummer is already registered in relationsvåld; search for the person instead",
  sv: "En person med det här personnumret är redan registrerad inom relationsvåld; sök efter personen i stället",
};

/** Clients and their accompanying children. Every read and change is access-logged. */
export class ClientService {
  constructor(private readonly ctx: RequestContext) {}

  private requireProtectedScope(): void {
    if (!seesProtected(this.ctx)) throw new ForbiddenError([RelationsvaldScopes.PROTECTED]);
  }

  async logRead(
    operation: string,
    recordType: "PlacementClient" | "AccompanyingChild",
    rows: { id: number; personnummer: string | null }[],
  ) {
    await this.ctx.accessLog.append(this.ctx.ds.manager, {
      action: AccessAction.READ,
      operation,
      domain: DOMAIN,
      recordType,
      recordIds: rows.map((r) => r.id),
      personnummer: knownPersonnummer(rows.map((r) => r.personnummer)),
    });
  }

  /** A client the caller may see, or null (protected clients are invisible without the scope). */
  async findVisible(manager: EntityManager, id: number): Promise<PlacementClient | null> {
    const client = await manager.findOne(PlacementClient, { where: { id } });
    if (!client || (client.protectedIdentity && !seesProtected(this.ctx))) return null;
    return client;
  }

  /**
   * A page of the clients the caller may see, newest first; `columns` narrows what is read (the
   * read layer's projection) — the identity number always, for the access log.
   */
  async list(args: ClientListArgs, columns?: Projection<PlacementClient>): Promise<Connection<PlacementClient>> {
    const qb = selectColumns(
      this.ctx.ds.manager.createQueryBuilder(PlacementClient, "c"),
      alsoReading(columns, "personnummer"),
    );
    if (!seesProtected(this.ctx)) qb.andWhere("c.protectedIdentity = :no", { no: false });
    if (args.filter?.personnummer) qb.andWhere("c.personnummer = :pnr", { pnr: args.filter.personnummer });
    if (args.filter?.violenceType) qb.andWhere("c.violenceType = :vt", { vt: args.filter.violenceType });
    const page = await pageOfQuery(qb.orderBy("c.id", "DESC"), args);
    const rows = page.nodes;
    await this.logRead("Query.placementClients", "PlacementClient", rows);
    return page;
  }

  async get(idValue: string): Promise<PlacementClient> {
    const id = toId("id", idValue);
    const client = await this.findVisible(this.ctx.ds.manager, id);
    if (!client) throw new NotFoundError("PlacementClient", id);
    await this.logRead("Query.placementClient", "PlacementClient", [client]);
    return client;
  }

  /**
   * A duplicate personnummer gets the same CONFLICT whether or not the person is protected,
   * and the attempt is logged as an inquiry about that person (it reveals presence).
   */
  private async refuseDuplicate(personnummer: string, operation: string): Promise<never> {
    const [client, child] = await Promise.all([
      this.ctx.ds.manager.findOne(PlacementClient, { where: { personnummer } }),
      this.ctx.ds.manager.findOne(AccompanyingChild, { where: { personnummer } }),
    ]);
    const ids = [client?.id, child?.id].filter((v): v is number => v !== undefined);
    await this.ctx.accessLog.append(this.ctx.ds.manager, {
      action: AccessAction.INQUIRY,
      operation,
      domain: DOMAIN,
      recordType: client ? "PlacementClient" : "AccompanyingChild",
      recordIds: ids.length ? ids : ["duplicate"],
      personnummer: [personnummer],
    });
    throw new ConflictError(ALREADY_REGISTERED, { field: "input.personnummer" });
  }

  private async personnummerTaken(personnummer: string): Promise<boolean> {
    const m = this.ctx.ds.manager;
    return (
      (await m.exists(PlacementClient, { where: { personnummer } })) ||
      (await m.exists(AccompanyingChild, { where: { personnummer } }))
    );
  }

  async create(input: CreateClientInput): Promise<PlacementClient> {
    if (input.protectedIdentity) this.requireProtectedScope();
    const { birthDate } = parsePersonnummer(input.personnummer);
    if (ageOn(birthDate, todayLocalDate()) < 18) {
      throw new ValidationError("input.personnummer", "adult", {
        en: "a client must be 18 or older; register a child as an accompanying child",
        sv: "en klient måste vara 18 år eller äldre; registrera ett barn som medföljande barn",
      });
    }
    if (await this.personnummerTaken(input.personnummer))
      return this.refuseDuplicate(input.personnummer, "Mutation.createPlacementClient");
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        const client = await manager.save(
          manager.create(PlacementClient, {
            personnummer: input.personnummer,
            name: input.name,
            violenceType: input.violenceType,
            protectedIdentity: input.protectedIdentity,
            address: input.address ?? null,
          }),
        );
        await this.logChange(manager, AccessAction.CREATE, "Mutation.createPlacementClient", "PlacementClient", client);
        return client;
      });
    } catch (e) {
      if (isUniqueViolation(e)) return this.refuseDuplicate(input.personnummer, "Mutation.createPlacementClient");
      throw e;
    }
  }

  async update(record: Moved<string>, input: UpdateClientInput): Promise<PlacementClient> {
    const id = toId(record.field, record.value);
    if (input.protectedIdentity !== undefined && input.protectedIdentity !== null) this.requireProtectedScope();
    return inTransaction(this.ctx.ds, async (manager) => {
      const client = await this.findVisible(manager, id);
      if (!client) throw new NotFoundError("PlacementClient", id);
      if (client.anonymisedDate)
        throw new ConflictError({
          en: "The client's record has been gallrad (anonymised) and can no longer be changed",
          sv: "Klientens uppgifter har gallrats och kan inte längre ändras",
        });
      const changes: Partial<PlacementClient> = {};
      if (input.name != null) changes.name = input.name;
      if (input.violenceType != null) changes.violenceType = input.violenceType;
      if (input.address != null) changes.address = input.address;
      if (input.protectedIdentity != null) changes.protectedIdentity = input.protectedIdentity;
      await updateVersioned(manager, PlacementClient, "PlacementClient", id, input.expectedVersion, changes);
      if (input.protectedIdentity === true) {
        // A protected parent's children are protected too: they live at the same secret address.
        await manager.update(AccompanyingChild, { clientId: id }, { protectedIdentity: true });
      }
      const updated = await manager.findOneOrFail(PlacementClient, { where: { id } });
      await this.logChange(manager, AccessAction.UPDATE, "Mutation.updatePlacementClient", "PlacementClient", updated);
      return updated;
    });
  }

  async addChild(input: AddChildInput): Promise<AccompanyingChild> {
    const clientId = toId("input.clientId", input.clientId);
    if (input.protectedIdentity) this.requireProtectedScope();
    const { birthDate } = parsePersonnummer(input.personnummer);
    if (ageOn(birthDate, todayLocalDate()) >= 18) {
      throw new ValidationError("input.personnummer", "child", {
        en: "an accompanying child must be under 18; register an adult as a client",
        sv: "ett medföljande barn måste vara under 18 år; registrera en vuxen som klient",
      });
    }
    const client = await this.findVisible(this.ctx.ds.manager, clientId);
    if (!client)
      throw new ValidationError("input.clientId", "exists", {
        en: "is not a client you can see",
        sv: "är ingen klient som du kan se",
      });
    if (await this.personnummerTaken(input.personnummer))
      return this.refuseDuplicate(input.personnummer, "Mutation.addAccompanyingChild");
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        const child = await manager.save(
          manager.create(AccompanyingChild, {
            clientId,
            personnummer: input.personnummer,
            name: input.name,
            birthDate,
            protectedIdentity: input.protectedIdentity || client.protectedIdentity,
            retentionExempt: false,
          }),
        );
        await this.logChange(manager, AccessAction.CREATE, "Mutation.addAccompanyingChild", "AccompanyingChild", child);
        return child;
      });
    } catch (e) {
      if (isUniqueViolation(e)) return this.refuseDuplicate(input.personnummer, "Mutation.addAccompanyingChild");
      throw e;
    }
  }

  private async logChange(
    manager: EntityManager,
    action: AccessAction,
    operation: string,
    recordType: string,
    row: { id: number; personnummer: string | null },
  ): Promise<void> {
    await this.ctx.accessLog.append(manager, {
      action,
      operation,
      domain: DOMAIN,
      recordType,
      recordIds: [row.id],
      personnummer: knownPersonnummer([row.personnummer]),
    });
  }
}

export const clientService = (ctx: RequestContext) => new ClientService(ctx);
