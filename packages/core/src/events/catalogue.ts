import type { DomainModule } from "../module/domain-module";
import type { EventType } from "./event-type";

/** Every event type the modules declare, by CloudEvents type. Two modules declaring one type is a bug. */
export function eventCatalogue(modules: readonly DomainModule[]): Map<string, EventType> {
  const catalogue = new Map<string, EventType>();
  for (const module of modules) {
    for (const event of module.events ?? []) {
      if (event.domain !== module.name)
        throw new Error(`event ${event.type} is declared by module ${module.name}, not ${event.domain}`);
      if (catalogue.has(event.type)) throw new Error(`event type ${event.type} is declared twice`);
      catalogue.set(event.type, event as EventType);
    }
  }
  return catalogue;
}
