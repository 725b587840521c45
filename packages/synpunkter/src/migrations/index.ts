import { SynpunkterInit1795445696280 } from "./1795445696280-SynpunkterInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const synpunkterMigrations: Function[] = [SynpunkterInit1795445696280];
