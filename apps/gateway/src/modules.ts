import { coreModule, type DomainModule } from "@arbetsliv/core";
import { donationsfonderModule } from "@arbetsliv/donationsfonder";
import { ekonomisktBistandModule } from "@arbetsliv/ekonomiskt-bistand";
import { iopModule } from "@arbetsliv/iop";
import { relationsvaldModule } from "@arbetsliv/relationsvald";
import { synpunkterModule } from "@arbetsliv/synpunkter";
import { crossDomainModule } from "./cross-domain";

/** Every module the gateway composes, in migration order (core first). */
export const modules: DomainModule[] = [
  coreModule,
  synpunkterModule,
  ekonomisktBistandModule,
  relationsvaldModule, iopModule, donationsfonderModule, crossDomainModule];
