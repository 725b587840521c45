import { IsOptional, Length, Max, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { AccessAction, ConflictError, ValidationError, type RequestContext } from "@arbetsliv/core";
import { MoneyScalar, type Ore, MoneyRange, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { inTransaction, isUniqueViolation, updateVersioned } from "@arbetsliv/core/data";
import { DOMAIN } from "../scopes";
import { PlacementBudget } from "./budget.entity";
import { MAX_BUDGET } from "../input-limits";

@InputType({ description: "The cost budget of a year. Changing an existing year needs its expectedVersion." })
export class SetBudgetInput {
  @Field(() => Int)
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_BUDGET)
  amount!: Ore;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  note?: string;

  @Field(() => Int, { nullable: true, description: "Required when the year already has a budget." })
  @Range(...VERSION_RANGE)
  expectedVersion?: number;
}

/** The yearly cost budgets. */
export class BudgetService {
  constructor(private readonly ctx: RequestContext) {}

  /** Every year's budget, oldest first. */
  list(): Promise<PlacementBudget[]> {
    return this.ctx.ds.manager.find(PlacementBudget, { order: { year: "ASC" } });
  }

  /** Sets a year's budget; changing an existing one needs its expectedVersion. */
  async set(input: SetBudgetInput): Promise<PlacementBudget> {
    if (input.amount < 0) throw new ValidationError("input.amount", "range", "must not be negative");
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        const existing = await manager.findOne(PlacementBudget, { where: { year: input.year } });
        let id: number;
        if (existing) {
          if (input.expectedVersion == null) {
            throw new ConflictError(
              `${input.year} already has a budget (version ${existing.version}); pass expectedVersion to change it`,
              {
                field: "input.expectedVersion",
              },
            );
          }
          await updateVersioned(manager, PlacementBudget, "PlacementBudget", existing.id, input.expectedVersion, {
            amount: input.amount,
            note: input.note ?? existing.note,
          });
          id = existing.id;
        } else {
          id = (
            await manager.save(
              manager.create(PlacementBudget, { year: input.year, amount: input.amount, note: input.note ?? null }),
            )
          ).id;
        }
        await this.ctx.accessLog.append(manager, {
          action: existing ? AccessAction.UPDATE : AccessAction.CREATE,
          operation: "Mutation.setPlacementBudget",
          domain: DOMAIN,
          recordType: "PlacementBudget",
          recordIds: [id],
        });
        return manager.findOneOrFail(PlacementBudget, { where: { id } });
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new ConflictError(`${input.year} got a budget at the same time; reload and try again`, {
          field: "input.year",
        });
      throw e;
    }
  }
}

export const budgetService = (ctx: RequestContext) => new BudgetService(ctx);
