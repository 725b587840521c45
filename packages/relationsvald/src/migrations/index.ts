import { RelationsvaldInit1795446096459 } from "./1795446096459-RelationsvaldInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const relationsvaldMigrations: Function[] = [RelationsvaldInit1795446096459];
