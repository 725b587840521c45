import { createParameterDecorator } from "type-graphql";
import type { RequestContext } from "../context";
import { UnauthenticatedError } from "../errors/errors";

/**
 * The caller's subject (`sub` of the token) as a resolver parameter: `@Actor() actor: string`
 * instead of `ctx.principal!.subject`. Only on operations with `@Authorized`, which has already
 * refused an anonymous caller; the check here keeps that promise if one is forgotten.
 */
export function Actor(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<RequestContext>(({ context }) => {
    if (!context.principal) throw new UnauthenticatedError();
    return context.principal.subject;
  });
}
