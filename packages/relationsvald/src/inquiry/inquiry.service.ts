import { AccessAction, type RequestContext } from "@arbetsliv/core";
import { todayLocalDate, type LocalDate } from "@arbetsliv/core/values";
import { RESIDENTIAL_TYPES } from "../enums";
import { DOMAIN } from "../scopes";

/**
 * The lawful inquiry "is this person placed?" (courts, police, some agencies): true when the
 * person — a client or an accompanying child, protected identity or not — has a residential
 * placement (skyddat boende, jourboende, familjehem, socialt kontrakt) covering the night of
 * `on`. Answers only yes/no and logs every inquiry, a "no" included, with the person's key.
 */
export class InquiryService {
  constructor(private readonly ctx: RequestContext) {}

  async isPersonPlaced(personnummer: string, on: LocalDate = todayLocalDate()): Promise<boolean> {
    const types = [...RESIDENTIAL_TYPES];
    const marks = types.map(() => "?").join(", ");
    const rows: { id: number }[] = await this.ctx.ds.query(
      `SELECT p.id AS id FROM rv_placement p
        WHERE p.type IN (${marks}) AND p.startDate <= ? AND (p.endDate IS NULL OR p.endDate > ?)
          AND (p.clientId IN (SELECT c.id FROM rv_client c WHERE c.personnummer = ?)
            OR p.id IN (SELECT pc.placementId FROM rv_placement_child pc JOIN rv_child k ON k.id = pc.childId WHERE k.personnummer = ?))`,
      [...types, on, on, personnummer, personnummer],
    );
    await this.ctx.accessLog.append(this.ctx.ds.manager, {
      action: AccessAction.INQUIRY,
      operation: "Query.isPersonPlaced",
      domain: DOMAIN,
      recordType: "PersonInquiry",
      recordIds: rows.length ? rows.map((r) => Number(r.id)) : [`no-placement:${on}`],
      personnummer: [personnummer],
    });
    return rows.length > 0;
  }
}

export const inquiryService = (ctx: RequestContext) => new InquiryService(ctx);

/** The inquiry as a function of the request (the package's public API). */
export function isPersonPlaced(ctx: RequestContext, personnummer: string, on?: LocalDate): Promise<boolean> {
  return inquiryService(ctx).isPersonPlaced(personnummer, on);
}
