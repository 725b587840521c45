import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, PersonnummerScalar, type LocalDate } from "@arbetsliv/core/values";
import { RelationsvaldScopes as S } from "../scopes";
import { inquiryService } from "./inquiry.service";

@Resolver()
export class InquiryResolver {
  @Authorized(S.INQUIRY)
  @Query(() => Boolean, {
    description:
      "Lawful inquiry: is this person placed (in skyddat boende, jourboende, familjehem or socialt kontrakt) on the date? Yes/no only — never where or since when. Every inquiry is access-logged, a no included.",
  })
  isPersonPlaced(
    @Arg("personnummer", () => PersonnummerScalar) personnummer: string,
    @Arg("on", () => LocalDateScalar, { nullable: true, description: "Defaults to today." }) on: LocalDate | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return inquiryService(ctx).isPersonPlaced(personnummer, on ?? undefined);
  }
}
