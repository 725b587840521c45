import { ValidateNested } from "class-validator";
import { Args, ArgsType, Authorized, Ctx, Field, InputType, Query, Resolver } from "type-graphql";
import { CoreScopes } from "../auth/principal";
import type { RequestContext } from "../context";
import { ValidationError } from "../errors/errors";
import { ConnectionType, PageArgs, toConnection, toPage } from "../pagination/pagination";
import { PersonnummerScalar } from "../scalars/identity-scalars";
import { LocalDateScalar, addDays } from "../scalars/local-date";
import { AccessAction, AccessLogEntry } from "./access-log-entry.entity";
import { subjectKey } from "./access-log";

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
  @Query(() => AccessLogConnection, { description: "Åtkomstlogg: who read or changed what, newest first. Needs audit:read." })
  async accessLog(@Args(() => AccessLogArgs) args: AccessLogArgs, @Ctx() ctx: RequestContext) {
    const page = toPage(args);
    const f = args.filter ?? {};
    if (f.from && f.to && f.from > f.to) throw new ValidationError("filter.to", "order", "must not be before filter.from");
    const qb = ctx.ds.getRepository(AccessLogEntry).createQueryBuilder("e");
    if (f.actor) qb.andWhere("e.actor = :actor", { actor: f.actor });
    if (f.person) qb.andWhere("e.subjectKeys LIKE :key", { key: `%,${subjectKey(f.person)},%` });
    if (f.operation) qb.andWhere("e.operation = :operation", { operation: f.operation });
    if (f.action) qb.andWhere("e.action = :action", { action: f.action });
    if (f.domain) qb.andWhere("e.domain = :domain", { domain: f.domain });
    if (f.recordType) qb.andWhere("e.recordType = :recordType", { recordType: f.recordType });
    if (f.recordId) {
      qb.andWhere("(e.recordIds = :rid OR e.recordIds LIKE :ridStart OR e.recordIds LIKE :ridEnd OR e.recordIds LIKE :ridMid)", {
        rid: f.recordId,
        ridStart: `${f.recordId},%`,
        ridEnd: `%,${f.recordId}`,
        ridMid: `%,${f.recordId},%`,
      });
    }
    if (f.from) qb.andWhere("e.occurredAt >= :from", { from: new Date(`${f.from}T00:00:00Z`) });
    if (f.to) qb.andWhere("e.occurredAt < :to", { to: new Date(`${addDays(f.to, 1)}T00:00:00Z`) });
    const [rows, total] = await qb.orderBy("e.id", "DESC").skip(page.offset).take(page.limit).getManyAndCount();
    return toConnection(rows, total, page);
  }
}
