import { RelationsvaldInit1795446763347 } from "./1795446763347-RelationsvaldInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const relationsvaldMigrations: Function[] = [RelationsvaldInit1795446763347];
