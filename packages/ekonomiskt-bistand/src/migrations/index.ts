import { EkonomisktBistandInit1795445947255 } from "./1795445947255-EkonomisktBistandInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ekonomisktBistandMigrations: Function[] = [EkonomisktBistandInit1795445947255];
