import { EkonomisktBistandInit1795450016549 } from "./1795450016549-EkonomisktBistandInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ekonomisktBistandMigrations: Function[] = [EkonomisktBistandInit1795450016549];
