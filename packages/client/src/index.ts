export * from "./gql/graphql";
export { request, type RequestOptions, type VariablesOf } from "./request";
export { GraphQLRequestError, type GatewayErrorCode, type GraphQLErrorEntry } from "./errors";
export { SCALARS } from "./scalars";
