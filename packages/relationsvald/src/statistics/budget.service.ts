import { IsOptional, Length, Max, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { AccessAction, ConflictError, ValidationError, type RequestContext } from "@arbetsliv/core";
import { MoneyScalar, type Ore, MoneyRange, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { inTransaction, isUniqueViolation, updateVersioned } from "@arbetsliv/core/data";
import { DOMAIN } from "../scopes";
import { PlacementBudget } from "./budget.entity";
import { MAX_BUDGET } from "../input-limits";

@InputType({
  description:
    "The cost budget of a year for relationsvåld placements. Setting a year that already has one changes it, and needs its expectedVersion.",
})
export class SetBudgetInput {
  @Field(() => Int, { description: "The calendar year, 2000–2100; one budget per year." })
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => MoneyScalar, {
    description: "The year's cost budget in kronor (0 to 10 000 000 000), e.g. 9802000.00 for 2021.",
  })
  @MoneyRange(0, MAX_BUDGET)
  amount!: Ore;

  @Field(() => String, {
    nullable: true,
    description: "A note on the budget (1–200 characters), e.g. its decision; null keeps the current note.",
  })
  @IsOptional()
  @Length(1, 200)
  note?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The budget's version you read (PlacementBudget.version): required when the year already has a budget (CONFLICT on input.expectedVersion without it); a stale one gives CONFLICT.",
  })
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
    if (input.amount < 0)
      throw new ValidationError("input.amount", "range", { en: "must not be negative", sv: "får inte vara negativt" });
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        const existing = await manager.findOne(PlacementBudget, { where: { year: input.year } });
        let id: number;
        if (existing) {
          if (input.expectedVersion == null) {
            throw new ConflictError(
              {
                en: `${input.year} already has a budget (version ${existing.version}); pass expectedVersion to change it`,
                sv: `${input.year} har redan en budget (version ${existing.version}); ange expectedVersion för att ändra den`,
              },
              { field: "input.expectedVersion" },
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
        throw new ConflictError(
          {
            en: `${input.year} got a budget at the same time; reload and try again`,
            sv: `${input.year} fick en budget samtidigt; läs in på nytt och försök igen`,
          },
          { field: "input.year" },
        );
      throw e;
    }
  }
}

export const budgetService = (ctx: RequestContext) => new BudgetService(ctx);
