import { SynpunkterInit1795445329855 } from "./1795445329855-SynpunkterInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const synpunkterMigrations: Function[] = [SynpunkterInit1795445329855];
