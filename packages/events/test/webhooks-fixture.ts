import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { defineEventType, defineModule, recordEvent, type DomainModule } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import { TestApp } from "@arbetsliv/core/testing";
import { Webhook } from "standardwebhooks";
import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { activateCatalogue } from "../src/catalogue-registry";
import type { EventLog } from "../src/event-log";
import { relayEntities, relayMigrations, startRelay, type RelayHandle } from "../src/relay";
import { EventScopes } from "../src/scopes";
import { webhookEntities, webhookGraphs, webhookMigrations, webhookResolvers } from "../src/webhooks";

/** A test-only aggregate whose creation is an event. */
@Entity({ name: "webhook_test_thing" })
export class WebhookTestThing {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  size!: number;
}

class WebhookTestThingTable1796575100000 implements MigrationInterface {
  name = "WebhookTestThingTable1796575100000";
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `webhook_test_thing` (`id` int NOT NULL AUTO_INCREMENT, `size` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `webhook_test_thing`");
  }
}

export const READ = "whtest:read";
export const PROTECTED = "whtest:protected";
export const OTHER = "whtest:other";

export const thingMade = defineEventType<{ thingId: string; size: number }>({
  domain: "whtest",
  name: "thing.made",
  version: 1,
  description: "A test thing was made.",
  scope: READ,
  protectedScope: PROTECTED,
  subjectType: "WhTestThing",
  data: {
    thingId: { type: "id", description: "The thing." },
    size: { type: "integer", description: "Its size." },
  },
});

/** A type the tests' admin-only tokens do not hold the scope of. */
export const thingAudited = defineEventType<{ thingId: string }>({
  domain: "whtest",
  name: "thing.audited",
  version: 1,
  description: "A test thing was audited.",
  scope: OTHER,
  subjectType: "WhTestThing",
  data: { thingId: { type: "id", description: "The thing." } },
});

export const webhookTestModule: DomainModule = defineModule({
  name: "whtest",
  description: "Test-only: things whose creation is an event.",
  entities: [WebhookTestThing],
  resolvers: [],
  migrations: [WebhookTestThingTable1796575100000],
  scopes: [
    { name: READ, description: "Receive thing events." },
    { name: PROTECTED, description: "Receive thing events about protected things." },
    { name: OTHER, description: "Receive audit events." },
  ],
  events: [thingMade, thingAudited],
});

/** The webhooks and the relay's state, without the rest of the events module. */
export const webhooksOnlyModule: DomainModule = defineModule({
  name: "events",
  description: "Test-only: webhooks and the relay's state.",
  entities: [...relayEntities, ...webhookEntities],
  resolvers: webhookResolvers,
  graphs: webhookGraphs,
  migrations: [...relayMigrations, ...webhookMigrations],
  scopes: [{ name: EventScopes.WEBHOOKS_ADMIN, description: "Manage webhooks." }],
});

export async function startWebhookApp(): Promise<TestApp> {
  activateCatalogue([webhookTestModule]);
  return TestApp.start([webhookTestModule, webhooksOnlyModule]);
}

/** Makes a thing and records its event in one transaction; returns the thing's id. */
export function makeThing(app: TestApp, size: number, protectedSubject = false): Promise<number> {
  return inTransaction(app.ds, async (manager) => {
    const result = await manager.insert(WebhookTestThing, { size });
    const id = Number((result.identifiers[0] as { id: number }).id);
    await recordEvent(manager, thingMade, { subjectId: id, data: { thingId: String(id), size }, protectedSubject });
    return id;
  });
}

/** The relay gives the outbox rows their feed positions (no NATS needed). */
export function startTestRelay(app: TestApp): RelayHandle {
  return startRelay({ ds: app.ds, log: { log: () => undefined }, pollMs: 10 });
}

/** A log that keeps every line (to check that no secret or payload is written). */
export function recordingLog(): EventLog & { lines: { level: string; message: string; fields?: unknown }[] } {
  const lines: { level: string; message: string; fields?: unknown }[] = [];
  return { lines, log: (level, message, fields) => lines.push({ level, message, fields }) };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** How the receiver answers one request: a status, or "hang" (never answers; the sender times out or it is released). */
export type Answer = number | "hang";

export interface ReceivedRequest {
  path: string;
  webhookId: string;
  body: string;
  contentType: string | undefined;
  /** Standard Webhooks verification with the path's secret, as an integrator does it. */
  verified: boolean;
  /** The CloudEvent, if the signature was valid. */
  event: Record<string, unknown> | null;
  answer: Answer;
}

/**
 * A real HTTP receiver on 127.0.0.1: each path is an endpoint with its secret and a rule for
 * answering (by how many times it has seen this webhook-id). It dedupes like an integrator:
 * `accepted` counts, per webhook-id, the verified requests it answered 2xx to.
 */
export class TestReceiver {
  readonly requests: ReceivedRequest[] = [];
  readonly accepted = new Map<string, Map<string, number>>();
  private readonly secrets = new Map<string, string>();
  private readonly rules = new Map<string, (seen: number) => Answer>();
  private readonly hanging = new Map<ServerResponse, ReceivedRequest>();
  private server!: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string, host = "127.0.0.1"): string {
    return `http://${host}:${this.port}${path}`;
  }

  endpoint(path: string, secret: string, rule: (seen: number) => Answer): void {
    this.secrets.set(path, secret);
    this.rules.set(path, rule);
  }

  rule(path: string, rule: (seen: number) => Answer): void {
    this.rules.set(path, rule);
  }

  /** Requests to a path for one webhook-id. */
  seen(path: string, webhookId: string): number {
    return this.requests.filter((r) => r.path === path && r.webhookId === webhookId).length;
  }

  to(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  hangingCount(): number {
    return this.hanging.size;
  }

  /** Answers every hanging request with 200 (and counts them as accepted). */
  release(): void {
    for (const [res, request] of [...this.hanging]) {
      this.hanging.delete(res);
      if (request.verified) this.accept(request);
      res.writeHead(200).end();
    }
  }

  async stop(): Promise<void> {
    for (const res of this.hanging.keys()) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** 2xx answers per webhook-id (an integrator processes an id once; more than one is a duplicate). */
  acceptedCount(path: string, webhookId: string): number {
    return this.accepted.get(path)?.get(webhookId) ?? 0;
  }

  private accept(request: ReceivedRequest): void {
    const perPath = this.accepted.get(request.path) ?? new Map<string, number>();
    perPath.set(request.webhookId, (perPath.get(request.webhookId) ?? 0) + 1);
    this.accepted.set(request.path, perPath);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const body = Buffer.concat(chunks).toString("utf8");
      const webhookId = String(req.headers["webhook-id"] ?? "");
      let event: Record<string, unknown> | null = null;
      try {
        event = new Webhook(this.secrets.get(path) ?? "whsec_AAAA").verify(body, {
          "webhook-id": webhookId,
          "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
          "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
        }) as Record<string, unknown>;
      } catch {
        event = null;
      }
      const answer = (this.rules.get(path) ?? (() => 404))(this.seen(path, webhookId));
      const request: ReceivedRequest = {
        path,
        webhookId,
        body,
        contentType: req.headers["content-type"],
        verified: event !== null,
        event,
        answer,
      };
      this.requests.push(request);
      if (answer === "hang") {
        this.hanging.set(res, request);
        res.on("close", () => this.hanging.delete(res));
        return;
      }
      if (answer >= 200 && answer < 300 && event) this.accept(request);
      res.writeHead(answer).end(answer >= 400 ? "nope" : "");
    });
  }
}
