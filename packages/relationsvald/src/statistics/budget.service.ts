import { IsOptional, Length, Max, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import {
  AccessAction,
  ConflictError,
  MoneyScalar,
  ValidationError,
  inTransaction,
  isUniqueViolation,
  updateVersioned,
  type Ore,
  type RequestContext,
  MoneyRange,
  Range,
  VERSION_RANGE,
} from "@arbetsliv/core";
import { DOMAIN } from "../shared";
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

export async function setBudget(ctx: RequestContext, input: SetBudgetInput): Promise<PlacementBudget> {
  if (input.amount < 0) throw new ValidationError("input.amount", "range", "must not be negative");
  try {
    return await inTransaction(ctx.ds, async (manager) => {
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
      await ctx.accessLog.append(manager, {
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
