import { IopInit1795445826416 } from "./1795445826416-IopInit";

// Migrations of the iop module, oldest first (generated against MariaDB; see README).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const iopMigrations: Function[] = [IopInit1795445826416];
