import { randomBytes } from "node:crypto";

/** What `pnpm start:cluster` runs, from the environment (defaults for a laptop with MariaDB and Redis). */
export interface ClusterConfig {
  databaseUrl: string;
  redisUrl: string;
  /** NATS_URL: the relay publishes there, the platform subgraph's subscriptions read it (JetStream). */
  natsUrl: string;
  /** GATEWAY_SUBGRAPH_SECRET: the given one, else a new random one per start (the processes start together). */
  subgraphSecret: string;
  secretGenerated: boolean;
  /** Where HAProxy listens (CLUSTER_HOST, CLUSTER_PORT). */
  host: string;
  port: number;
  /** Subgraph ports 4101–4106 and gateway replicas 4001–4002, or any free ones (CLUSTER_EPHEMERAL_PORTS=true, tests). */
  ephemeralPorts: boolean;
  /** The federated gateway replicas behind HAProxy (2). */
  replicas: number;
}

export const DEFAULT_CLUSTER_DATABASE_URL = "mariadb://arbetsliv:arbetsliv@127.0.0.1:3306/arbetsliv_cluster";
export const DEFAULT_CLUSTER_REDIS_URL = "redis://127.0.0.1:6379";
export const DEFAULT_CLUSTER_NATS_URL = "nats://127.0.0.1:4222";
export const FIRST_SUBGRAPH_PORT = 4101;
export const FIRST_GATEWAY_PORT = 4001;

export function clusterConfig(env: NodeJS.ProcessEnv): ClusterConfig {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL || DEFAULT_CLUSTER_DATABASE_URL;
  if (!/^(mariadb|mysql):\/\//.test(databaseUrl))
    problems.push(
      `DATABASE_URL must be a mariadb:// or mysql:// URL: the processes share one database (got "${databaseUrl.replace(/\/\/[^@/]*@/, "//…@")}")`,
    );
  const port = Number(env.CLUSTER_PORT ?? 4000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.push(`CLUSTER_PORT must be a port number (got "${env.CLUSTER_PORT}")`);
  if (problems.length) throw new Error(problems.join("\n"));
  const given = env.GATEWAY_SUBGRAPH_SECRET;
  return {
    databaseUrl,
    redisUrl: env.REDIS_URL || DEFAULT_CLUSTER_REDIS_URL,
    natsUrl: env.NATS_URL || DEFAULT_CLUSTER_NATS_URL,
    subgraphSecret: given || randomBytes(32).toString("hex"),
    secretGenerated: !given,
    host: env.CLUSTER_HOST || "127.0.0.1",
    port,
    ephemeralPorts: env.CLUSTER_EPHEMERAL_PORTS === "true",
    replicas: 2,
  };
}
