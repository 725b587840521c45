import { Gauge, type Registry } from "prom-client";
import type { DataSource } from "typeorm";

/** What these gauges read of a mysql2 pool (its own counters; mysql2 exposes no public ones). */
interface Mysql2PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

interface DriverInternals {
  /** TypeORM's MySQL driver without replicas. */
  pool?: Mysql2PoolInternals;
  /** With read replicas: mysql2's pool cluster, a pool per node ("MASTER", "SLAVE0", …). */
  poolCluster?: { _nodes?: Record<string, { pool: Mysql2PoolInternals }> };
  /** sql.js: the one connection's query runner, once made. */
  queryRunner?: { isTransactionActive?: boolean };
}

export interface PoolReading {
  /** "primary", "replica0" …, or "embedded" for sql.js. */
  pool: string;
  inUse: number;
  idle: number;
  max: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

/** TypeORM names the cluster's nodes; the labels say what they are. */
function poolName(node: string): string {
  if (node === "MASTER") return "primary";
  return node.startsWith("SLAVE") ? `replica${node.slice("SLAVE".length)}` : "other";
}

function readMysql2Pool(pool: string, internals: Mysql2PoolInternals): PoolReading {
  const all = internals._allConnections?.length ?? 0;
  const idle = internals._freeConnections?.length ?? 0;
  return {
    pool,
    inUse: all - idle,
    idle,
    max: internals.config?.connectionLimit ?? 0,
    waiting: internals._connectionQueue?.length ?? 0,
  };
}

/**
 * The database's connections as of now. MariaDB/MySQL: mysql2's pool (or each node of the pool
 * cluster with read replicas): connections open and lent out, open and idle, the pool's limit,
 * and callers queued for one. sql.js: one in-process connection, counted in use while a
 * transaction holds it (TypeORM runs the embedded database's transactions one at a time); nobody
 * waits for it in a queue the driver keeps, so `waiting` is 0.
 */
export function readDatabasePools(ds: DataSource): PoolReading[] {
  if (!ds.isInitialized) return [];
  const driver = ds.driver as unknown as DriverInternals;
  if (ds.options.type === "sqljs") {
    const inUse = driver.queryRunner?.isTransactionActive ? 1 : 0;
    return [{ pool: "embedded", inUse, idle: 1 - inUse, max: 1, waiting: 0 }];
  }
  if (driver.poolCluster?._nodes)
    return Object.entries(driver.poolCluster._nodes).map(([node, { pool }]) => readMysql2Pool(poolName(node), pool));
  return driver.pool ? [readMysql2Pool("primary", driver.pool)] : [];
}

/** Gauges of the database pool, read when scraped (nothing is done per request). */
export function registerDatabasePoolMetrics(registry: Registry, ds: DataSource, prefix = "arbetsliv_"): void {
  // Each gauge reads the pools itself: a few property reads, no statement.
  new Gauge({
    name: `${prefix}db_pool_connections`,
    help: "Database connections by pool and state (in_use: lent out, idle: open and free). sql.js: one embedded connection, in use while a transaction holds it.",
    labelNames: ["pool", "state"],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of readDatabasePools(ds)) {
        this.labels(r.pool, "in_use").set(r.inUse);
        this.labels(r.pool, "idle").set(r.idle);
      }
    },
  });
  new Gauge({
    name: `${prefix}db_pool_max_connections`,
    help: "The most connections each pool opens.",
    labelNames: ["pool"],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of readDatabasePools(ds)) this.labels(r.pool).set(r.max);
    },
  });
  new Gauge({
    name: `${prefix}db_pool_waiting_requests`,
    help: "Callers waiting for a connection of each pool (always 0 on sql.js).",
    labelNames: ["pool"],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of readDatabasePools(ds)) this.labels(r.pool).set(r.waiting);
    },
  });
}
