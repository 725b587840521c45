import { Args, ArgsType, Authorized, Ctx, Field, Query, Resolver } from "type-graphql";
import { CoreScopes } from "../auth/principal";
import type { RequestContext } from "../context";
import { ConnectionType, PageArgs } from "../pagination/pagination";
import { DeletionLogEntry } from "./deletion-log-entry.entity";
import { searchDeletionLog } from "./deletion-log-search";

@ArgsType()
class DeletionLogArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: "Entries of this domain only (its slug, e.g. synpunkter); omit for every domain.",
  })
  domain?: string;
}

const DeletionLogConnection = ConnectionType(DeletionLogEntry, "DeletionLogEntry");

@Resolver()
export class DeletionLogResolver {
  @Authorized(CoreScopes.AUDIT_READ)
  @Query(() => DeletionLogConnection, {
    description: "Gallringslogg: what retention runs deleted, newest first. Needs audit:read.",
  })
  deletionLog(@Args(() => DeletionLogArgs) args: DeletionLogArgs, @Ctx() ctx: RequestContext) {
    return searchDeletionLog(ctx, args, args.domain);
  }
}
