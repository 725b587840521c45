import {
  AccessAction,
  NotFoundError,
  ValidationError,
  refuseBeyondMaxItems,
  type Moved,
  type RequestContext,
} from "@arbetsliv/core";
import { inTransaction, isUniqueViolation, toId } from "@arbetsliv/core/data";
import type { BusinessAreaInput } from "../feedback/feedback.inputs";
import { DOMAIN } from "../scopes";
import { BusinessArea } from "./business-area.entity";
import { MAX_BUSINESS_AREAS } from "./list-limits";

/** Business areas (verksamhetsområden): the reference data feedback is registered under. */
export function businessAreaService(ctx: RequestContext) {
  return {
    list(): Promise<BusinessArea[]> {
      return ctx.ds.manager.find(BusinessArea, { order: { name: "ASC" } });
    },

    /** Adds an area (no id) or changes one (`id`, and the path the client gave it at): name and handling time; names are unique. */
    async save(input: BusinessAreaInput, id: Moved<string | undefined>): Promise<BusinessArea> {
      try {
        return await inTransaction(ctx.ds, async (manager) => {
          let area: BusinessArea;
          if (id.value) {
            const existing = await manager.findOne(BusinessArea, { where: { id: toId(id.field, id.value) } });
            if (!existing) throw new NotFoundError("BusinessArea", id.value);
            area = manager.merge(BusinessArea, existing, { name: input.name, handlingDays: input.handlingDays });
          } else {
            await refuseBeyondMaxItems(manager, BusinessArea, MAX_BUSINESS_AREAS, "business areas");
            area = manager.create(BusinessArea, { name: input.name, handlingDays: input.handlingDays, active: true });
          }
          await manager.save(area);
          await ctx.accessLog.append(manager, {
            action: id.value ? AccessAction.UPDATE : AccessAction.CREATE,
            operation: "Mutation.saveBusinessArea",
            domain: DOMAIN,
            recordType: "BusinessArea",
            recordIds: [area.id],
          });
          return area;
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new ValidationError("input.name", "unique", {
            en: "a business area with this name exists",
            sv: "det finns redan ett verksamhetsområde med det namnet",
          });
        throw e;
      }
    },
  };
}
