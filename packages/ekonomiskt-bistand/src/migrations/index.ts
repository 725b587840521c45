import { EkonomisktBistandInit1795450016549 } from "./1795450016549-EkonomisktBistandInit";
import { EkonomisktBistandSummaries1795977670581 } from "./1795977670581-EkonomisktBistandSummaries";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ekonomisktBistandMigrations: Function[] = [
  EkonomisktBistandInit1795450016549,
  EkonomisktBistandSummaries1795977670581,
];
