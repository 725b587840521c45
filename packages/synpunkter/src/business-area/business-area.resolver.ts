import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { CoreScopes, MaxItems, type RequestContext } from "@arbetsliv/core";
import { BusinessAreaInput } from "../feedback/feedback.inputs";
import { SynpunkterScopes } from "../scopes";
import { BusinessArea } from "./business-area.entity";
import { businessAreaService } from "./business-area.service";
import { MAX_BUSINESS_AREAS } from "./list-limits";

@Resolver(() => BusinessArea)
export class BusinessAreaResolver {
  @Authorized(SynpunkterScopes.READ, SynpunkterScopes.WRITE, SynpunkterScopes.SUBMIT, SynpunkterScopes.STATS)
  @Query(() => [BusinessArea], {
    description: `Business areas (verksamhetsområden), by name; at most ${MAX_BUSINESS_AREAS}.`,
  })
  @MaxItems(MAX_BUSINESS_AREAS)
  businessAreas(@Ctx() ctx: RequestContext) {
    return businessAreaService(ctx).list();
  }

  @Authorized(CoreScopes.ADMIN)
  @Mutation(() => BusinessArea, { description: "Add a business area or change one (by id): name and handling time." })
  saveBusinessArea(
    @Arg("input", () => BusinessAreaInput) input: BusinessAreaInput,
    @Arg("id", () => ID, { nullable: true }) id: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return businessAreaService(ctx).save(input, id);
  }
}
