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
  @Field(() => String, { nullable: true, description: "Entries by this token subject (AccessLogEntry.actor)." })
  actor?: string;

  @Field(() => PersonnummerScalar, { nullable: true, description: "Entries that concern this person." })
  person?: string;

  @Field(() => String, { nullable: true, description: "e.g. Query.feedbackItems" })
  operation?: string;

  @Field(() => AccessAction, { nullable: true, description: "Entries of this action only." })
  action?: AccessAction;

  @Field(() => String, { nullable: true, description: "Entries of this domain (its slug, e.g. relationsvald)." })
  domain?: string;

  @Field(() => String, {
    nullable: true,
    description: "Entries about records of this GraphQL type, e.g. PlacementClient.",
  })
  recordType?: string;

  @Field(() => String, {
    nullable: true,
    description: "Entries that name this record id (combine with recordType: ids repeat across types).",
  })
  recordId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "From this date (inclusive)." })
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "To this date (inclusive)." })
  to?: string;
}

@ArgsType()
class AccessLogArgs extends PageArgs {
  @Field(() => AccessLogFilter, { nullable: true, description: "Which entries; omit for all." })
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
