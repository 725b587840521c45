import { Not } from "typeorm";
import { MAX_FUNDS } from "../shared/list-limits";
import {
  AccessAction,
  ConflictError,
  refuseBeyondMaxItems,
  NotFoundError,
  ValidationError,
  type RequestContext,
} from "@arbetsliv/core";
import { inTransaction, updateVersioned } from "@arbetsliv/core/data";
import { DOMAIN } from "../scopes";
import { assertNotNegative } from "../shared/util";
import { Fund } from "./fund.entity";
import type { FundInput } from "./fund.inputs";

function assertFundRules(input: FundInput): void {
  assertNotNegative("input.capital", input.capital);
  if (input.minAge != null && input.maxAge != null && input.maxAge < input.minAge) {
    throw new ValidationError("input.maxAge", "order", {
      en: "must not be below minAge",
      sv: "får inte vara lägre än minsta ålder (minAge)",
    });
  }
}

/** A new fund gets its id and version 1: the update's fields of the shared input do not belong in a create. */
function refuseUpdateFields(input: FundInput): void {
  for (const field of ["id", "expectedVersion"] as const) {
    if (input[field] != null) {
      throw new ValidationError(`input.${field}`, "update-only", {
        en: "is only for updateDonationFund; a new fund gets its id and version 1",
        sv: "anges bara vid updateDonationFund; en ny fond får sitt id och version 1",
      });
    }
  }
}

function codeTaken(code: string): ConflictError {
  return new ConflictError({
    en: `A fund with code ${code} already exists`,
    sv: `Det finns redan en fond med koden ${code}`,
  });
}

function values(input: FundInput): Omit<Fund, "id" | "version"> {
  return {
    code: input.code,
    name: input.name,
    statutes: input.statutes,
    publishedOrder: input.publishedOrder,
    capital: input.capital,
    residentRequired: input.residentRequired,
    minAge: input.minAge ?? null,
    maxAge: input.maxAge ?? null,
    minHouseholdSize: input.minHouseholdSize ?? null,
    incomeLimitBasePercent: input.incomeLimitBasePercent ?? null,
    incomeLimitPerExtraPercent: input.incomeLimitPerExtraPercent,
    purposes: input.purposes,
    active: input.active,
  };
}

/** Funds and their statutes (reference data, not person data). Changes are logged. */
export class FundService {
  constructor(private readonly ctx: RequestContext) {}

  list(): Promise<Fund[]> {
    return this.ctx.ds.manager.find(Fund, { order: { publishedOrder: "ASC", id: "ASC" } });
  }

  create(input: FundInput): Promise<Fund> {
    refuseUpdateFields(input);
    assertFundRules(input);
    return inTransaction(this.ctx.ds, async (manager) => {
      if (await manager.exists(Fund, { where: { code: input.code } })) throw codeTaken(input.code);
      await refuseBeyondMaxItems(manager, Fund, MAX_FUNDS, "funds");
      const fund = await manager.save(manager.create(Fund, values(input)));
      await this.ctx.accessLog.append(manager, {
        action: AccessAction.CREATE,
        operation: "Mutation.createDonationFund",
        domain: DOMAIN,
        recordType: "Fund",
        recordIds: [fund.id],
      });
      return fund;
    });
  }

  update(id: number, input: FundInput, expectedVersion: number): Promise<Fund> {
    assertFundRules(input);
    return inTransaction(this.ctx.ds, async (manager) => {
      if (!(await manager.exists(Fund, { where: { id } }))) throw new NotFoundError("DonationFund", id);
      if (await manager.exists(Fund, { where: { code: input.code, id: Not(id) } })) throw codeTaken(input.code);
      await updateVersioned(manager, Fund, "DonationFund", id, expectedVersion, values(input));
      await this.ctx.accessLog.append(manager, {
        action: AccessAction.UPDATE,
        operation: "Mutation.updateDonationFund",
        domain: DOMAIN,
        recordType: "Fund",
        recordIds: [id],
      });
      return manager.findOneOrFail(Fund, { where: { id } });
    });
  }
}

export function fundService(ctx: RequestContext): FundService {
  return new FundService(ctx);
}
