import { coreModule, type DomainModule } from "@arbetsliv/core";
import { donationsfonderModule } from "@arbetsliv/donationsfonder";
import { iopModule } from "@arbetsliv/iop";
import { synpunkterModule } from "@arbetsliv/synpunkter";

/** Every module the gateway composes, in migration order (core first). */
export const modules: DomainModule[] = [coreModule, synpunkterModule, iopModule, donationsfonderModule];
