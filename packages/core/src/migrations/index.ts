import { CoreAccessLog1795445026122 } from "./1795445026122-CoreAccessLog";

import { CoreDeletionLog1795445679703 } from "./1795445679703-CoreDeletionLog";

import { CoreDeletionLogAppendOnly1795449548193 } from "./1795449548193-CoreDeletionLogAppendOnly";

import { CoreEventOutbox1796574615167 } from "./1796574615167-CoreEventOutbox";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const coreMigrations: Function[] = [
  CoreAccessLog1795445026122,
  CoreDeletionLog1795445679703,
  CoreDeletionLogAppendOnly1795449548193,
  CoreEventOutbox1796574615167,
];
