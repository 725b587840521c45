import { defineEventType, defineModule, recordEvent, type DomainModule } from "@arbetsliv/core";
import {
  Column,
  Entity,
  PrimaryGeneratedColumn,
  type DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type MigrationInterface,
  type QueryRunner,
} from "typeorm";
import { activateCatalogue } from "../src/catalogue-registry";
import { relayEntities, relayMigrations } from "../src/relay";

/** A test-only aggregate: the change an event describes. */
@Entity({ name: "relay_test_widget" })
export class RelayTestWidget {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  writer!: number;
}

class RelayTestWidgetTable1796575000000 implements MigrationInterface {
  name = "RelayTestWidgetTable1796575000000";
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `relay_test_widget` (`id` int NOT NULL AUTO_INCREMENT, `writer` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `relay_test_widget`");
  }
}

export const widgetCreated = defineEventType<{ widgetId: string; writer: number }>({
  domain: "relaytest",
  name: "widget.created",
  version: 1,
  description: "A test widget was created.",
  scope: "relaytest:read",
  protectedScope: "relaytest:protected",
  subjectType: "Widget",
  data: {
    widgetId: { type: "id", description: "The widget." },
    writer: { type: "integer", description: "Which test writer made it." },
  },
});

export const relayTestModule: DomainModule = defineModule({
  name: "relaytest",
  description: "Test-only: a widget whose creation is an event.",
  entities: [RelayTestWidget],
  resolvers: [],
  migrations: [RelayTestWidgetTable1796575000000],
  scopes: [],
  events: [widgetCreated],
});

/** The relay's own tables without the rest of the events module (webhooks, feed are tested elsewhere). */
export const relayOnlyModule: DomainModule = defineModule({
  name: "events",
  description: "Test-only: the relay's state.",
  entities: relayEntities,
  resolvers: [],
  migrations: relayMigrations,
  scopes: [],
});

export function activateTestCatalogue(): void {
  activateCatalogue([relayTestModule]);
}

/** A widget and its event, in the caller's transaction. */
export async function createWidget(manager: EntityManager, writer: number, protectedSubject = false): Promise<number> {
  const result = await manager.insert(RelayTestWidget, { writer });
  const id = Number((result.identifiers[0] as { id: number }).id);
  await recordEvent(manager, widgetCreated, {
    subjectId: id,
    data: { widgetId: String(id), writer },
    protectedSubject,
  });
  return id;
}

/**
 * Counts, on a test's DataSource, the transactions opened (a TypeORM subscriber) and the relay's
 * idle checks (`SELECT EXISTS(…)`, through `peek`: the sql.js connection or `ds.query`), so a test
 * can wait for many idle ticks and then see that none of them opened a transaction.
 */
export function watchTransactions(ds: DataSource): { transactions(): number; idleChecks(): number; stop(): void } {
  let transactions = 0;
  let idleChecks = 0;
  const count = (sql: unknown) => {
    if (typeof sql === "string" && sql.startsWith("SELECT EXISTS(")) idleChecks++;
  };
  const subscriber: EntitySubscriberInterface = { afterTransactionStart: () => void transactions++ };
  ds.subscribers.push(subscriber);
  const connection = (ds.driver as unknown as { databaseConnection?: { prepare?: (sql: string) => unknown } })
    .databaseConnection;
  const restore: (() => void)[] = [];
  if (ds.options.type === "sqljs" && connection?.prepare) {
    const prepare = connection.prepare;
    connection.prepare = function (sql: string) {
      count(sql);
      return prepare.call(this, sql);
    };
    restore.push(() => (connection.prepare = prepare));
  } else {
    const query = ds.query;
    ds.query = function (this: DataSource, sql: string, ...rest: unknown[]) {
      count(sql);
      return (query as (...a: unknown[]) => Promise<unknown>).call(this, sql, ...rest);
    } as DataSource["query"];
    restore.push(() => (ds.query = query));
  }
  return {
    transactions: () => transactions,
    idleChecks: () => idleChecks,
    stop() {
      ds.subscribers.splice(ds.subscribers.indexOf(subscriber), 1);
      for (const r of restore) r();
    },
  };
}
