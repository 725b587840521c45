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
import { inTransaction, updateVersioned, toId } from "@arbetsliv/core/data";
import { DOMAIN } from "../scopes";
import { assertNotNegative } from "../shared/util";
import { Fund } from "./fund.entity";
import type { FundInput } from "./fund.inputs";

function assertFundRules(input: FundInput): void {
  assertNotNegative("input.capital", input.capital);
  if (input.minAge != null && input.maxAge != null && input.maxAge < input.minAge) {
    throw new ValidationError("input.maxAge", "order", "must not be below minAge");
  }
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
    assertFundRules(input);
    return inTransaction(this.ctx.ds, async (manager) => {
      if (await manager.exists(Fund, { where: { code: input.code } })) {
        throw new ConflictError(`A fund with code ${input.code} already exists`);
      }
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

  update(idValue: string, input: FundInput, expectedVersion: number): Promise<Fund> {
    const id = toId("id", idValue);
    assertFundRules(input);
    return inTransaction(this.ctx.ds, async (manager) => {
      if (!(await manager.exists(Fund, { where: { id } }))) throw new NotFoundError("DonationFund", id);
      if (await manager.exists(Fund, { where: { code: input.code, id: Not(id) } })) {
        throw new ConflictError(`A fund with code ${input.code} already exists`);
      }
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
