// The feed part of the events package: its entities, resolvers and migrations go into the arrays
// below (events-module.ts composes them) and its runtime API is exported from here.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const feedEntities: Function[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const feedResolvers: Function[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const feedMigrations: Function[] = [];
