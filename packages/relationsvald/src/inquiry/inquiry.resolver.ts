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
      "Lawful inquiry (relationsvald:inquiry only; courts, police, some agencies): is this person — a client or an accompanying child, protected or not — placed in a residential placement (skyddat boende, jourboende, familjehem or socialt kontrakt) for the night of the date? Yes/no only — never where or since when. Every inquiry is access-logged, a no included.",
  })
  isPersonPlaced(
    @Arg("personnummer", () => PersonnummerScalar, {
      description: "The person's personnummer (Swedish personal identity number).",
    })
    personnummer: string,
    @Arg("on", () => LocalDateScalar, {
      nullable: true,
      description: "The date whose night is asked about; null: today.",
    })
    on: LocalDate | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return inquiryService(ctx).isPersonPlaced(personnummer, on ?? undefined);
  }
}
