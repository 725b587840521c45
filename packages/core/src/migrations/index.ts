import { CoreAccessLog1795444966130 } from "./1795444966130-CoreAccessLog";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const coreMigrations: Function[] = [CoreAccessLog1795444966130];
