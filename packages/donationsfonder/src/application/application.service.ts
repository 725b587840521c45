import type { EntityManager } from "typeorm";
import {
  AccessAction,
  ConflictError,
  NotFoundError,
  ValidationError,
  idempotentCreate,
  subjectKey,
  type Connection,
  type RequestContext,
} from "@arbetsliv/core";
import { todayLocalDate, knownPersonnummer } from "@arbetsliv/core/values";
import {
  applySummaryChange,
  inTransaction,
  isUniqueViolation,
  updateVersioned,
  findForUpdate,
  lockRow,
  toId,
  pageOfQuery,
  findEntityById,
  selectColumns,
} from "@arbetsliv/core/data";
import { type Projection } from "@arbetsliv/core/read";
import { Round } from "../round/round.entity";
import { ApplicationStatus, RoundStatus } from "../shared/enums";
import { DOMAIN } from "../scopes";
import { applicationStatusSv, roundStatusSv } from "../shared/messages";
import { assertNotNegative, assertWholeKronor, withPersonnummer } from "../shared/util";
import { Application } from "./application.entity";
import type { ApplicationListArgs, RegisterApplicationInput, UpdateApplicationInput } from "./application.inputs";
import { receiptOutcome } from "./receipt.rules";
import { applicationSummary } from "../statistics/summary";

/** Applications: registration (with refusal of late, early and duplicate ones), corrections, person-level reads. */
export class ApplicationService {
  constructor(private readonly ctx: RequestContext) {}

  /** Logs a read of these applications (one INSERT), before they are returned. */
  async logRead(operation: string, apps: Application[]): Promise<void> {
    await this.ctx.accessLog.append(this.ctx.ds.manager, {
      action: AccessAction.READ,
      operation,
      domain: DOMAIN,
      recordType: "Application",
      recordIds: apps.map((a) => a.id),
      personnummer: knownPersonnummer(apps.map((a) => a.personnummer)),
    });
  }

  async register(input: RegisterApplicationInput, registeredBy: string): Promise<Application> {
    const roundId = toId("input.roundId", input.roundId);
    if (input.receivedDate > todayLocalDate())
      throw new ValidationError("input.receivedDate", "not-in-future", {
        en: "must not be in the future",
        sv: "får inte vara en framtida dag",
      });
    assertNotNegative("input.yearlyIncome", input.yearlyIncome);
    assertWholeKronor("input.amountRequested", input.amountRequested, { min: 1 });
    const attempt = () =>
      idempotentCreate(this.ctx, {
        operation: "Mutation.registerDonationApplication",
        key: input.idempotencyKey,
        input,
        create: (manager) => this.registerIn(manager, roundId, input, registeredBy),
        idOf: (app) => app.id,
        reread: async (id) => {
          const app = await this.ctx.ds.manager.findOneOrFail(Application, { where: { id: Number(id) } });
          await this.logRead("Mutation.registerDonationApplication", [app]);
          return app;
        },
      });
    try {
      return await attempt();
    } catch (e) {
      // Two registrations for the same person at once: the UNIQUE index lets one in; the
      // other runs again, finds it, and is kept as a refused DUPLICATE.
      if (isUniqueViolation(e)) return attempt();
      throw e;
    }
  }

  /** The registration itself, inside the caller's transaction (idempotentCreate's). */
  private async registerIn(
    manager: EntityManager,
    roundId: number,
    input: RegisterApplicationInput,
    registeredBy: string,
  ): Promise<Application> {
    // A shared lock: registrations run side by side but never while the round is being allocated.
    const round = await lockRow(manager, Round, { id: roundId }, "pessimistic_read");
    if (!round) throw new ValidationError("input.roundId", "exists", { en: "is not a round", sv: "är ingen omgång" });
    if (round.status !== RoundStatus.OPEN) {
      throw new ConflictError({
        en: `${round.name} is ${round.status}: applications can no longer be registered`,
        sv: `${round.name} är ${roundStatusSv(round.status)}: ansökningar kan inte längre registreras`,
      });
    }
    const existing = await manager.findOne(Application, { where: { roundId, activePersonnummer: input.personnummer } });
    const outcome = receiptOutcome(round, input.receivedDate, existing?.id ?? null);
    const app = manager.create(Application, {
      roundId,
      personnummer: input.personnummer,
      personKey: subjectKey(input.personnummer),
      activePersonnummer: outcome.status === ApplicationStatus.RECEIVED ? input.personnummer : null,
      receivedDate: input.receivedDate,
      registeredBy,
      resident: input.resident,
      householdSize: input.householdSize,
      yearlyIncome: input.yearlyIncome,
      purposes: input.purposes,
      amountRequested: input.amountRequested,
      status: outcome.status,
      rejectionReason: outcome.reason,
      rejectionText: outcome.text,
      assessment: null,
      fundId: null,
      duplicateOfId: outcome.duplicateOfId,
    });
    await manager.save(app);
    await applySummaryChange(manager, applicationSummary, null, app);
    await this.ctx.accessLog.append(manager, {
      action: AccessAction.CREATE,
      operation: "Mutation.registerDonationApplication",
      domain: DOMAIN,
      recordType: "Application",
      recordIds: [app.id],
      personnummer: knownPersonnummer([app.personnummer]),
    });
    return app;
  }

  update(id: number, input: UpdateApplicationInput, expectedVersion: number): Promise<Application> {
    if (input.yearlyIncome != null) assertNotNegative("input.yearlyIncome", input.yearlyIncome);
    if (input.amountRequested != null) assertWholeKronor("input.amountRequested", input.amountRequested, { min: 1 });
    return inTransaction(this.ctx.ds, async (manager) => {
      const app = await manager.findOne(Application, { where: { id } });
      if (!app) throw new NotFoundError("DonationApplication", id);
      const round = await findForUpdate(manager, Round, "DonationRound", app.roundId, "pessimistic_read");
      if (round.status !== RoundStatus.OPEN)
        throw new ConflictError({
          en: `${round.name} is ${round.status}: applications can no longer be changed`,
          sv: `${round.name} är ${roundStatusSv(round.status)}: ansökningar kan inte längre ändras`,
        });
      if (app.status !== ApplicationStatus.RECEIVED) {
        throw new ConflictError({
          en: `Application ${id} is ${app.status} (${app.rejectionReason}); register a new application instead`,
          sv: `Ansökan ${id} är ${applicationStatusSv(app.status)} (${app.rejectionReason}); registrera en ny ansökan i stället`,
        });
      }
      const changes: Partial<Application> = {};
      if (input.resident != null) changes.resident = input.resident;
      if (input.householdSize != null) changes.householdSize = input.householdSize;
      if (input.yearlyIncome != null) changes.yearlyIncome = input.yearlyIncome;
      if (input.purposes != null) changes.purposes = input.purposes;
      if (input.amountRequested != null) changes.amountRequested = input.amountRequested;
      await updateVersioned(manager, Application, "DonationApplication", id, expectedVersion, changes);
      await this.ctx.accessLog.append(manager, {
        action: AccessAction.UPDATE,
        operation: "Mutation.updateDonationApplication",
        domain: DOMAIN,
        recordType: "Application",
        recordIds: [id],
        personnummer: knownPersonnummer([app.personnummer]),
      });
      return manager.findOneOrFail(Application, { where: { id } });
    });
  }

  /**
   * A round's applications in application order; `columns` narrows what is read (the read layer's
   * projection), always with the personnummer the access-log row names.
   */
  async list(args: ApplicationListArgs, columns?: Projection<Application>): Promise<Connection<Application>> {
    const roundId = toId("roundId", args.roundId);
    const qb = selectColumns(
      this.ctx.ds.getRepository(Application).createQueryBuilder("a"),
      withPersonnummer(columns),
    ).where("a.roundId = :roundId", { roundId });
    if (args.status) qb.andWhere("a.status = :status", { status: args.status });
    if (args.fundId) qb.andWhere("a.fundId = :fundId", { fundId: toId("fundId", args.fundId) });
    if (args.personnummer) qb.andWhere("a.personnummer = :pnr", { pnr: args.personnummer });
    const page = await pageOfQuery(qb.orderBy("a.receivedDate", "ASC").addOrderBy("a.id", "ASC"), args);
    const rows = page.nodes;
    await this.logRead("Query.donationApplications", rows);
    return page;
  }

  async get(idValue: string): Promise<Application> {
    const id = toId("id", idValue);
    const app = await findEntityById(this.ctx.ds.manager, Application, id);
    if (!app) throw new NotFoundError("DonationApplication", id);
    await this.logRead("Query.donationApplication", [app]);
    return app;
  }
}

export function applicationService(ctx: RequestContext): ApplicationService {
  return new ApplicationService(ctx);
}
