import { SynpunkterInit1795976624966 } from "./1795976624966-SynpunkterInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const synpunkterMigrations: Function[] = [SynpunkterInit1795976624966];
