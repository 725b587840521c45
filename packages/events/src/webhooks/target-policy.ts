import type { TargetPolicy } from "./url-guard";

/**
 * The target policy from the environment: http only in development and test (or
 * WEBHOOK_ALLOW_HTTP=true/false to say so), private targets only with
 * WEBHOOK_ALLOW_PRIVATE_TARGETS=true. Read at each use so an operator's setting needs no rebuild.
 */
export function targetPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): TargetPolicy {
  const explicitHttp = env.WEBHOOK_ALLOW_HTTP;
  return {
    allowHttp:
      explicitHttp === "true" ||
      (explicitHttp !== "false" && (env.NODE_ENV === "development" || env.NODE_ENV === "test")),
    allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS === "true",
  };
}
