import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { CoreScopes, MaxItems, movedArgOptions, optionalMoved, type RequestContext } from "@arbetsliv/core";
import { BusinessAreaInput } from "../feedback/feedback.inputs";
import { SynpunkterScopes } from "../scopes";
import { BusinessArea } from "./business-area.entity";
import { businessAreaService } from "./business-area.service";
import { MAX_BUSINESS_AREAS } from "./list-limits";

@Resolver(() => BusinessArea)
export class BusinessAreaResolver {
  @Authorized(SynpunkterScopes.READ, SynpunkterScopes.WRITE, SynpunkterScopes.SUBMIT, SynpunkterScopes.STATS)
  @Query(() => [BusinessArea], {
    description: `Business areas (verksamhetsområden), by name, inactive ones included; at most ${MAX_BUSINESS_AREAS}. No person data (any synpunkter scope).`,
  })
  @MaxItems(MAX_BUSINESS_AREAS)
  businessAreas(@Ctx() ctx: RequestContext) {
    return businessAreaService(ctx).list();
  }

  @Authorized(CoreScopes.ADMIN)
  @Mutation(() => BusinessArea, {
    description: `Add a business area (no input.id) or change one (input.id): name and handling time (admin). At most ${MAX_BUSINESS_AREAS} areas; names are unique (rule unique on input.name).`,
  })
  saveBusinessArea(
    @Arg("input", () => BusinessAreaInput, {
      description: "The area's name and handling time, and its id to change one.",
    })
    input: BusinessAreaInput,
    @Arg("id", () => ID, movedArgOptions("id", "The area to change (BusinessArea.id). Deprecated: give input.id."))
    id: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return businessAreaService(ctx).save(input, optionalMoved("id", input.id, id, { inputForm: true }));
  }
}
