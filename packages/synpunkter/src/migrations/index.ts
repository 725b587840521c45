import { SynpunkterInit1795448785674 } from "./1795448785674-SynpunkterInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const synpunkterMigrations: Function[] = [SynpunkterInit1795448785674];
