import type { TargetPolicy } from "./url-guard";

const TRUE = ["1", "true", "yes"];
const FALSE = ["0", "false", "no"];

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new Error(`${name} must be true or false (got "${env[name]}")`);
}

/**
 * Reads the webhook target policy from an environment. Defaults follow NODE_ENV (unset counts as
 * development, as in the gateway): in production https only and no private targets; in
 * development and test http and private targets (loopback receivers) are allowed.
 * WEBHOOK_ALLOW_HTTP and WEBHOOK_ALLOW_PRIVATE_TARGETS (true/false) override either default.
 * Throws an Error naming the variable on a value that is not a boolean.
 */
export function targetPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): TargetPolicy {
  const production = (env.NODE_ENV ?? "development") === "production";
  return Object.freeze({
    allowHttp: flag(env, "WEBHOOK_ALLOW_HTTP", !production),
    allowPrivateTargets: flag(env, "WEBHOOK_ALLOW_PRIVATE_TARGETS", !production),
  });
}

let current: TargetPolicy | null = null;

/**
 * THE target policy of this process: registration (checking a URL) and delivery (refusing a
 * target) both ask here, so they cannot disagree. Read from process.env once, at first use.
 */
export function webhookTargetPolicy(): TargetPolicy {
  current ??= targetPolicyFromEnv(process.env);
  return current;
}

/** Sets the process's policy (tests; a host that read it already); null: read the environment again at next use. */
export function useWebhookTargetPolicy(policy: TargetPolicy | null): void {
  current = policy ? Object.freeze({ ...policy }) : null;
}
