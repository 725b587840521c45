import { IopInit1795446850505 } from "./1795446850505-IopInit";
import { IopNoticeDeadlineMark1796575040172 } from "./1796575040172-IopNoticeDeadlineMark";

// Migrations of the iop module, oldest first (generated against MariaDB; see README).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const iopMigrations: Function[] = [IopInit1795446850505, IopNoticeDeadlineMark1796575040172];
