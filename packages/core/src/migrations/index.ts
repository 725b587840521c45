import { CoreAccessLog1795445026122 } from "./1795445026122-CoreAccessLog";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const coreMigrations: Function[] = [CoreAccessLog1795445026122];
