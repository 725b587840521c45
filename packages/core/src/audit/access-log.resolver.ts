import { ValidateNested } from "class-validator";
import { Args, ArgsType, Authorized, Ctx, Field, InputType, Query, Resolver } from "type-graphql";
import { CoreScopes } from "../auth/principal";
import type { RequestContext } from "../context";
import { ConnectionType, PageArgs } from "../pagination/pagination";
import { PersonnummerScalar } from "../scalars/identity-scalars";
import { LocalDateScalar } from "../scalars/local-date";
import { AccessAction, AccessLogEntry } from "./access-log-entry.entity";
import { searchAccessLog } from "./access-log-search";

@InputType({ description: "Filter for the access log; every part is optional and they combine with AND." })
export class AccessLogFilter {
  @Field(() => String, { nullable: true })
  actor?: string;

  @Field(() => PersonnummerScalar, { nullable: true, description: "Entries that concern this person." })
  person?: string;

  @Field(() => String, { nullable: true, description: "e.g. Query.feedbackItems" })
  operation?: string;

  @Field(() => AccessAction, { nullable: true })
  action?: AccessAction;

  @Field(() => String, { nullable: true })
  domain?: string;

  @Field(() => String, { nullable: true })
  recordType?: string;

  @Field(() => String, { nullable: true })
  recordId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "From this date (inclusive)." })
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "To this date (inclusive)." })
  to?: string;
}

@ArgsType()
class AccessLogArgs extends PageArgs {
  @Field(() => AccessLogFilter, { nullable: true })
  @ValidateNested()
  filter?: AccessLogFilter;
}

const AccessLogConnection = ConnectionType(AccessLogEntry, "AccessLogEntry");

@Resolver()
export class AccessLogResolver {
  @Authorized(CoreScopes.AUDIT_READ)
  @Query(() => AccessLogConnection, {
    description: "Åtkomstlogg: who read or changed what, newest first. Needs audit:read.",
  })
  accessLog(@Args(() => AccessLogArgs) args: AccessLogArgs, @Ctx() ctx: RequestContext) {
    return searchAccessLog(ctx, args, args.filter ?? {});
  }
}
