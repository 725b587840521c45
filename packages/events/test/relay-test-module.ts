import { defineEventType, defineModule, recordEvent, type DomainModule } from "@arbetsliv/core";
import {
  Column,
  Entity,
  PrimaryGeneratedColumn,
  type EntityManager,
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
