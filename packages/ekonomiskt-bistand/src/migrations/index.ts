import { EkonomisktBistandInit1795447907633 } from "./1795447907633-EkonomisktBistandInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ekonomisktBistandMigrations: Function[] = [EkonomisktBistandInit1795447907633];
