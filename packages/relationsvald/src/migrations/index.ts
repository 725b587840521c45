import { RelationsvaldInit1795446763347 } from "./1795446763347-RelationsvaldInit";
import { RelationsvaldInvoiceBasisReady1796575009433 } from "./1796575009433-RelationsvaldInvoiceBasisReady";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const relationsvaldMigrations: Function[] = [
  RelationsvaldInit1795446763347,
  RelationsvaldInvoiceBasisReady1796575009433,
];
