import { Args, ArgsType, Authorized, Ctx, Field, Query, Resolver } from "type-graphql";
import { CoreScopes } from "../auth/principal";
import type { RequestContext } from "../context";
import { ConnectionType, PageArgs, toConnection, toPage } from "../pagination/pagination";
import { DeletionLogEntry } from "./deletion-log-entry.entity";

@ArgsType()
class DeletionLogArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  domain?: string;
}

const DeletionLogConnection = ConnectionType(DeletionLogEntry, "DeletionLogEntry");

@Resolver()
export class DeletionLogResolver {
  @Authorized(CoreScopes.AUDIT_READ)
  @Query(() => DeletionLogConnection, { description: "Gallringslogg: what retention runs deleted, newest first. Needs audit:read." })
  async deletionLog(@Args(() => DeletionLogArgs) args: DeletionLogArgs, @Ctx() ctx: RequestContext) {
    const page = toPage(args);
    const [rows, total] = await ctx.ds.getRepository(DeletionLogEntry).findAndCount({
      where: args.domain ? { domain: args.domain } : {},
      order: { id: "DESC" },
      skip: page.offset,
      take: page.limit,
    });
    return toConnection(rows, total, page);
  }
}
