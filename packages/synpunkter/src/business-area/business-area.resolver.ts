import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { CoreScopes, toId, MaxItems, refuseBeyondMaxItems, NotFoundError, ValidationError, inTransaction, isUniqueViolation, AccessAction, type RequestContext } from "@arbetsliv/core";
import { BusinessAreaInput } from "../feedback/feedback.inputs";
import { SynpunkterScopes } from "../scopes";
import { BusinessArea } from "./business-area.entity";
import { MAX_BUSINESS_AREAS } from "./list-limits";

@Resolver(() => BusinessArea)
export class BusinessAreaResolver {
  @Authorized(SynpunkterScopes.READ, SynpunkterScopes.WRITE, SynpunkterScopes.SUBMIT, SynpunkterScopes.STATS)
  @Query(() => [BusinessArea], { description: `Business areas (verksamhetsområden), by name; at most ${MAX_BUSINESS_AREAS}.` })
  @MaxItems(MAX_BUSINESS_AREAS)
  businessAreas(@Ctx() ctx: RequestContext) {
    return ctx.ds.manager.find(BusinessArea, { order: { name: "ASC" } });
  }

  @Authorized(CoreScopes.ADMIN)
  @Mutation(() => BusinessArea, { description: "Add a business area or change one (by id): name and handling time." })
  async saveBusinessArea(
    @Arg("input", () => BusinessAreaInput) input: BusinessAreaInput,
    @Arg("id", () => ID, { nullable: true }) id: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    try {
      return await inTransaction(ctx.ds, async (manager) => {
        let area: BusinessArea;
        if (id) {
          const existing = await manager.findOne(BusinessArea, { where: { id: toId("id", id) } });
          if (!existing) throw new NotFoundError("BusinessArea", id);
          area = manager.merge(BusinessArea, existing, { name: input.name, handlingDays: input.handlingDays });
        } else {
          await refuseBeyondMaxItems(manager, BusinessArea, MAX_BUSINESS_AREAS, "business areas");
          area = manager.create(BusinessArea, { name: input.name, handlingDays: input.handlingDays, active: true });
        }
        await manager.save(area);
        await ctx.accessLog.append(manager, {
          action: id ? AccessAction.UPDATE : AccessAction.CREATE,
          operation: "Mutation.saveBusinessArea",
          domain: "synpunkter",
          recordType: "BusinessArea",
          recordIds: [area.id],
        });
        return area;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ValidationError("input.name", "unique", "a business area with this name exists");
      throw e;
    }
  }
}
