import { coreModule, type DomainModule } from "@arbetsliv/core";
import { donationsfonderModule } from "@arbetsliv/donationsfonder";
import { ekonomisktBistandModule } from "@arbetsliv/ekonomiskt-bistand";
import { eventsModule } from "@arbetsliv/events";
import { iopModule } from "@arbetsliv/iop";
import { relationsvaldModule } from "@arbetsliv/relationsvald";
import { synpunkterModule } from "@arbetsliv/synpunkter";
import { crossDomainModule } from "./cross-domain";

/** The modules that record events, in migration order (core first). */
const domainModules: DomainModule[] = [
  coreModule,
  synpunkterModule,
  ekonomisktBistandModule,
  relationsvaldModule,
  iopModule,
  donationsfonderModule,
  crossDomainModule,
];

/** Every module the gateway composes: the domains, then the events module that knows their event types. */
export const modules: DomainModule[] = [...domainModules, eventsModule(domainModules)];
