import type { EntityManager } from "typeorm";
import {
  AccessAction,
  NotFoundError,
  ValidationError,
  type Connection,
  type Message,
  type PageArgs,
  type Moved,
  type RequestContext,
} from "@arbetsliv/core";
import { addDays } from "@arbetsliv/core/values";
import { inTransaction, updateVersioned, selectColumns, toId, pageOfQuery } from "@arbetsliv/core/data";
import { type Projection } from "@arbetsliv/core/read";
import { DOMAIN } from "../scopes";
import { ProviderDailyFee } from "./provider-fee.entity";
import { PlacementProvider } from "./provider.entity";
import type {
  AddDailyFeeInput,
  AddServiceFeeAgreementInput,
  CreateProviderInput,
  UpdateProviderInput,
} from "./provider.inputs";
import { ServiceFeeAgreement } from "./service-fee-agreement.entity";

const FAR = "9999-12-31";
const NOT_NEGATIVE: Message = { en: "must not be negative", sv: "får inte vara negativt" };
const NOT_BEFORE_VALID_FROM: Message = { en: "must not be before validFrom", sv: "får inte vara före validFrom" };

/** Providers, their daily fees (with validity periods) and fixed service fees. */
export class ProviderService {
  constructor(private readonly ctx: RequestContext) {}

  private async logChange(
    manager: EntityManager,
    action: AccessAction,
    operation: string,
    recordType: string,
    id: number,
  ) {
    await this.ctx.accessLog.append(manager, { action, operation, domain: DOMAIN, recordType, recordIds: [id] });
  }

  /** A page of providers in id order; `columns` narrows what is read (the read layer's projection). */
  async list(args: PageArgs, columns?: Projection<PlacementProvider>): Promise<Connection<PlacementProvider>> {
    const qb = selectColumns(this.ctx.ds.manager.createQueryBuilder(PlacementProvider, "p"), columns);
    // getManyAndCount: a first page shorter than the limit needs no COUNT.
    return pageOfQuery(qb.orderBy("p.id", "ASC"), args);
  }

  async get(idValue: string): Promise<PlacementProvider> {
    const id = toId("id", idValue);
    const provider = await this.ctx.ds.manager.findOne(PlacementProvider, { where: { id } });
    if (!provider) throw new NotFoundError("PlacementProvider", id);
    return provider;
  }

  private async existing(manager: EntityManager, id: number, field: string): Promise<PlacementProvider> {
    const provider = await manager.findOne(PlacementProvider, { where: { id } });
    if (!provider)
      throw new ValidationError(field, "exists", {
        en: "is not a registered provider",
        sv: "är ingen registrerad utförare",
      });
    return provider;
  }

  async create(input: CreateProviderInput): Promise<PlacementProvider> {
    return inTransaction(this.ctx.ds, async (manager) => {
      const provider = await manager.save(
        manager.create(PlacementProvider, {
          name: input.name,
          kind: input.kind,
          organisationsnummer: input.organisationsnummer ?? null,
          location: input.location ?? null,
        }),
      );
      await this.logChange(
        manager,
        AccessAction.CREATE,
        "Mutation.createPlacementProvider",
        "PlacementProvider",
        provider.id,
      );
      return provider;
    });
  }

  async update(record: Moved<string>, input: UpdateProviderInput): Promise<PlacementProvider> {
    const id = toId(record.field, record.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      const changes: Partial<PlacementProvider> = {};
      if (input.name != null) changes.name = input.name;
      if (input.organisationsnummer != null) changes.organisationsnummer = input.organisationsnummer;
      if (input.location != null) changes.location = input.location;
      await updateVersioned(manager, PlacementProvider, "PlacementProvider", id, input.expectedVersion, changes);
      await this.logChange(manager, AccessAction.UPDATE, "Mutation.updatePlacementProvider", "PlacementProvider", id);
      return manager.findOneOrFail(PlacementProvider, { where: { id } });
    });
  }

  /**
   * Adds a fee from a date. Fees of one provider and type never overlap, so the fee in force
   * on a night is unambiguous: an open-ended earlier fee is closed the day before; any other
   * overlap is refused naming input.validFrom.
   */
  async addFee(input: AddDailyFeeInput): Promise<ProviderDailyFee> {
    const providerId = toId("input.providerId", input.providerId);
    if (input.validTo && input.validTo < input.validFrom)
      throw new ValidationError("input.validTo", "order", NOT_BEFORE_VALID_FROM);
    if (input.dailyFee < 0) throw new ValidationError("input.dailyFee", "range", NOT_NEGATIVE);
    if (input.standardDailyFee != null && input.standardDailyFee < input.dailyFee) {
      throw new ValidationError("input.standardDailyFee", "range", {
        en: "the standard fee cannot be lower than the discounted one",
        sv: "standardavgiften kan inte vara lägre än den rabatterade avgiften",
      });
    }
    if (input.standardDailyFee != null && !input.iopDiscounted) {
      throw new ValidationError("input.standardDailyFee", "discounted-only", {
        en: "give the standard fee only with a discounted (IOP) fee",
        sv: "ange standardavgiften bara tillsammans med en rabatterad avgift (IOP)",
      });
    }
    return inTransaction(this.ctx.ds, async (manager) => {
      await this.existing(manager, providerId, "input.providerId");
      const fees = await manager.find(ProviderDailyFee, { where: { providerId, placementType: input.placementType } });
      const until = input.validTo ?? FAR;
      for (const f of fees) {
        const overlaps = f.validFrom <= until && (f.validTo ?? FAR) >= input.validFrom;
        if (!overlaps) continue;
        if (f.validTo === null && f.validFrom < input.validFrom) {
          f.validTo = addDays(input.validFrom, -1);
          await manager.update(ProviderDailyFee, { id: f.id }, { validTo: f.validTo });
          await this.logChange(manager, AccessAction.UPDATE, "Mutation.addProviderDailyFee", "ProviderDailyFee", f.id);
          continue;
        }
        throw new ValidationError("input.validFrom", "overlap", {
          en: `overlaps the fee in force ${f.validFrom}–${f.validTo ?? "until further notice"}; a night has one fee`,
          sv: `överlappar avgiften som gäller ${f.validFrom}–${f.validTo ?? "tills vidare"}; en natt har en enda avgift`,
        });
      }
      const fee = await manager.save(
        manager.create(ProviderDailyFee, {
          providerId,
          placementType: input.placementType,
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
          dailyFee: input.dailyFee,
          iopDiscounted: input.iopDiscounted,
          standardDailyFee: input.standardDailyFee ?? null,
        }),
      );
      await this.logChange(manager, AccessAction.CREATE, "Mutation.addProviderDailyFee", "ProviderDailyFee", fee.id);
      return fee;
    });
  }

  /** Adds a fixed service fee; at most one agreement covering acute nights may be in force on a day. */
  async addServiceFee(input: AddServiceFeeAgreementInput): Promise<ServiceFeeAgreement> {
    const providerId = toId("input.providerId", input.providerId);
    if (input.validTo < input.validFrom) throw new ValidationError("input.validTo", "order", NOT_BEFORE_VALID_FROM);
    if (input.amount < 0) throw new ValidationError("input.amount", "range", NOT_NEGATIVE);
    return inTransaction(this.ctx.ds, async (manager) => {
      await this.existing(manager, providerId, "input.providerId");
      if (input.acuteFreeNights > 0) {
        const others = await manager.find(ServiceFeeAgreement, { where: { providerId } });
        const clash = others.find(
          (a) => a.acuteFreeNights > 0 && a.validFrom <= input.validTo && a.validTo >= input.validFrom,
        );
        if (clash) {
          throw new ValidationError("input.validFrom", "overlap", {
            en: `agreement ${clash.reference} already covers acute nights ${clash.validFrom}–${clash.validTo}`,
            sv: `avtal ${clash.reference} täcker redan akuta nätter ${clash.validFrom}–${clash.validTo}`,
          });
        }
      }
      const agreement = await manager.save(manager.create(ServiceFeeAgreement, { ...input, providerId }));
      await this.logChange(
        manager,
        AccessAction.CREATE,
        "Mutation.addServiceFeeAgreement",
        "ServiceFeeAgreement",
        agreement.id,
      );
      return agreement;
    });
  }
}

export const providerService = (ctx: RequestContext) => new ProviderService(ctx);
