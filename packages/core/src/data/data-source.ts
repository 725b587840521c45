import "reflect-metadata";
import { mkdirSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import * as mysql2 from "mysql2";
import { DataSource, type DataSourceOptions, type EntitySubscriberInterface } from "typeorm";
import { installEmbeddedAppendOnlyTriggers } from "../audit/append-only";
import type { DomainModule } from "../module/domain-module";
import { StatementCountingLogger } from "./statement-counter";
import {
  REPLICA_NODE_ERROR_COUNT,
  REPLICA_RESTORE_MS,
  routeReplicaReads,
  type ReplicaReadState,
} from "./read-replicas";

/**
 * A DataSource that, on the embedded database, installs the access log's append-only triggers
 * once the schema exists (MariaDB gets them from core's first migration).
 */
class ArbetslivDataSource extends DataSource {
  private saveNextCommit: (() => void) | null = null;

  constructor(
    options: DataSourceOptions,
    private readonly onReplicaReadState?: CreateDataSourceOptions["onReplicaReadState"],
    private readonly querySubscribers: readonly EntitySubscriberInterface[] = [],
  ) {
    super(options);
  }

  override async initialize(): Promise<this> {
    await super.initialize();
    // Instances, added after TypeORM built its own subscribers from classes (it replaces the list).
    this.subscribers.push(...this.querySubscribers);
    if ("replication" in this.options && this.options.replication) routeReplicaReads(this, this.onReplicaReadState);
    if (this.options.type === "sqljs" && this.options.autoSave)
      this.saveNextCommit = saveOnlyWhatChanged(this.driver as unknown as SqljsDriverInternals);
    await installEmbeddedAppendOnlyTriggers(this);
    this.saveNextCommit?.();
    return this;
  }

  override async synchronize(dropBeforeSync?: boolean): Promise<void> {
    await super.synchronize(dropBeforeSync);
    if (this.isInitialized) await installEmbeddedAppendOnlyTriggers(this);
    // Schema changes are not counted as changed rows: make sure the next save writes them.
    this.saveNextCommit?.();
  }
}

/** What saveOnlyWhatChanged uses of TypeORM's sql.js driver. */
interface SqljsDriverInternals {
  autoSave(): Promise<void>;
  export(): Uint8Array;
  options: { location?: string };
  queryRunner?: { isTransactionActive: boolean };
  databaseConnection: { exec(sql: string): { values: unknown[][] }[] };
}

/**
 * Embedded file database: TypeORM's sql.js driver writes the WHOLE file after every transaction
 * that ran anything but a SELECT — BEGIN included — so a read-only transaction, a failed insert
 * (an idempotency key's loser) or an idle poll of the event relay rewrote all of it (22 MB with
 * the demo data, ~100 ms of blocked event loop each). Writes are skipped when SQLite counts no
 * changed row since the last write; every commit that changed a row is still on disk before its
 * answer (COMMIT itself marks the connection changed, so a read released meanwhile by another
 * caller cannot make TypeORM skip that save — test/embedded-file.integration-spec.ts). Returns a function that forces the next save (after schema changes, which are not counted).
 */
function saveOnlyWhatChanged(driver: SqljsDriverInternals): () => void {
  const location = driver.options.location as string;
  const changedRows = () => Number(driver.databaseConnection.exec("SELECT total_changes()")[0]?.values[0]?.[0] ?? 0);
  let countAtLastSave = -1;
  let saving: Promise<void> = Promise.resolve();

  // Written beside the file, then renamed over it: a reader (or a crash) sees the old file or the
  // new one, never half of one — TypeORM's own save truncates and writes in place. One at a time.
  const save = async () => {
    // A transaction began while this save waited its turn: its commit saves (the count differs).
    if (driver.queryRunner?.isTransactionActive) return;
    const data = driver.export();
    // Export closes and reopens the database, which restarts SQLite's count: read it at once.
    countAtLastSave = changedRows();
    const next = `${location}.${process.pid}.saving`;
    try {
      await writeFile(next, data);
      await rename(next, location);
    } catch (error) {
      countAtLastSave = -1;
      throw error;
    }
  };

  driver.autoSave = () => {
    // Export ends an open transaction: inside one, TypeORM's own autoSave does nothing either.
    if (driver.queryRunner?.isTransactionActive) return Promise.resolve();
    if (changedRows() === countAtLastSave) return saving;
    saving = saving.catch(() => undefined).then(save);
    return saving;
  };
  return () => {
    countAtLastSave = -1;
  };
}

export type DatabaseConfig =
  /**
   * MySQL, or MariaDB with `mariadb: true` (TypeORM reads MariaDB's catalog differently);
   * `replicaUrls`: read replicas of `url` (read-replicas.ts).
   */
  | { kind: "mysql"; url: string; mariadb?: boolean; replicaUrls?: string[] }
  /** Embedded default: sql.js in a local file (or in memory without `file`). */
  | { kind: "sqljs"; file?: string };

/** Parses DATABASE_URL (mysql://user:pass@host:port/db) or falls back to the embedded file. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^(mysql|mariadb):\/\//.test(url)) {
      throw new Error(`DATABASE_URL must start with mysql:// or mariadb:// (got "${url.split(":")[0]}:")`);
    }
    const replicaUrls = (env.DATABASE_REPLICA_URLS ?? "")
      .split(",")
      .map((replica) => replica.trim())
      .filter(Boolean);
    for (const replica of replicaUrls) {
      if (!/^(mysql|mariadb):\/\//.test(replica))
        throw new Error(
          `DATABASE_REPLICA_URLS must list mysql:// or mariadb:// URLs (got "${replica.split(":")[0]}:")`,
        );
    }
    const config = mysqlConfig(url);
    return replicaUrls.length && config.kind === "mysql"
      ? { ...config, replicaUrls: replicaUrls.map((replica) => replica.replace(/^mariadb:/, "mysql:")) }
      : config;
  }
  if (env.DATABASE_REPLICA_URLS?.trim())
    throw new Error("DATABASE_REPLICA_URLS needs DATABASE_URL (a MariaDB/MySQL primary)");
  return { kind: "sqljs", file: resolve(env.DB_FILE ?? ".data/arbetsliv.sqlite") };
}

/** mariadb://… selects TypeORM's MariaDB dialect, mysql://… the MySQL one. */
export function mysqlConfig(url: string): DatabaseConfig {
  return { kind: "mysql", url: url.replace(/^mariadb:/, "mysql:"), mariadb: url.startsWith("mariadb:") };
}

export function describeDatabase(config: DatabaseConfig): string {
  const hidePassword = (url: string) => url.replace(/\/\/([^:@/]+):[^@]*@/, "//$1:***@");
  if (config.kind === "mysql")
    return config.replicaUrls?.length
      ? `${hidePassword(config.url)} with read replicas ${config.replicaUrls.map(hidePassword).join(", ")}`
      : hidePassword(config.url);
  return config.file ? `embedded sql.js at ${config.file}` : "embedded sql.js in memory";
}

export interface CreateDataSourceOptions {
  modules: readonly DomainModule[];
  /** Embedded only: create tables from entities. MySQL always uses migrations. */
  synchronize?: boolean;
  poolSize?: number;
  /**
   * MySQL/MariaDB: the longest a statement may run, set on every pooled connection as it connects
   * (MariaDB `max_statement_time`, MySQL `MAX_EXECUTION_TIME`, which covers SELECTs only), plus a
   * client-side guard of this + 1 s for a server that does not answer at all. Unset or 0: no
   * limit — migrations, retention and seeding create their DataSource without it.
   */
  statementTimeoutMs?: number;
  /** MySQL/MariaDB: how long opening a connection may take (default 10 s). */
  connectTimeoutMs?: number;
  /** With read replicas: told when replica reads move to the primary (no replica answers) and back. */
  onReplicaReadState?: (state: ReplicaReadState, error?: unknown) => void;
  /**
   * Told before and after every statement (e.g. observability's SqlSpanSubscriber, only when
   * tracing is on: any subscriber makes TypeORM walk the list on every entity it loads).
   */
  querySubscribers?: readonly EntitySubscriberInterface[];
}

/** Extra time the client waits beyond the server's own statement limit before giving up on the server. */
export const CLIENT_STATEMENT_GUARD_MS = 1_000;

/** The statement that limits a session's statements to `ms` (MariaDB counts seconds, MySQL milliseconds). */
export function statementTimeoutSql(ms: number, mariadb: boolean): string {
  const whole = Math.max(0, Math.round(ms));
  return mariadb ? `SET SESSION max_statement_time = ${whole / 1000}` : `SET SESSION MAX_EXECUTION_TIME = ${whole}`;
}

/**
 * mysql2 with one change: every new pooled connection first runs `sql`. mysql2 runs a
 * connection's commands in order, so no statement of ours can run on it before; if `sql` fails
 * (e.g. a MySQL server given a mariadb:// URL) the connection is closed, never used unlimited.
 */
function mysql2WithSessionSetup(sql: string): typeof mysql2 {
  const setUp = (pool: mysql2.Pool) =>
    pool.on("connection", (connection) => {
      connection.query(sql, (error) => {
        if (error) connection.destroy();
      });
    });
  const createPool = (options: mysql2.PoolOptions) => {
    const pool = mysql2.createPool(options);
    setUp(pool);
    return pool;
  };
  // With read replicas TypeORM builds a pool cluster, whose nodes' pools mysql2 creates itself
  // (internal `_nodes`): each node's pool gets the same setup as it is added.
  const createPoolCluster = (options?: mysql2.PoolClusterOptions) => {
    const cluster = mysql2.createPoolCluster(options) as mysql2.PoolCluster & {
      _nodes: Record<string, { pool: mysql2.Pool }>;
    };
    const add = cluster.add.bind(cluster) as (id: string, config: mysql2.PoolOptions) => void;
    (cluster as { add: unknown }).add = (id: string, config: mysql2.PoolOptions) => {
      add(id, config);
      setUp(cluster._nodes[id].pool);
    };
    return cluster;
  };
  return Object.create(mysql2, {
    createPool: { value: createPool },
    createPoolCluster: { value: createPoolCluster },
  }) as typeof mysql2;
}

/** One DataSource for all given modules (their entities and migrations concatenated). */
export function createDataSource(config: DatabaseConfig, options: CreateDataSourceOptions): DataSource {
  const entities = options.modules.flatMap((m) => m.entities);
  const migrations = options.modules.flatMap((m) => m.migrations);
  const common = { entities, migrations, logging: ["query"] as const, logger: new StatementCountingLogger() };
  let typeormOptions: DataSourceOptions;
  if (config.kind === "mysql") {
    typeormOptions = {
      ...common,
      logging: ["query"],
      type: config.mariadb ? "mariadb" : "mysql",
      ...(config.replicaUrls?.length
        ? {
            // Reads outside transactions on a replica, the rest on the primary (read-replicas.ts).
            replication: {
              master: { url: config.url },
              slaves: config.replicaUrls.map((url) => ({ url })),
              defaultMode: "slave" as const,
              canRetry: true,
              removeNodeErrorCount: REPLICA_NODE_ERROR_COUNT,
              restoreNodeTimeout: REPLICA_RESTORE_MS,
            },
          }
        : { url: config.url }),
      timezone: "Z",
      charset: "utf8mb4_swedish_ci",
      dateStrings: ["DATE"],
      supportBigNumbers: true,
      bigNumberStrings: true,
      poolSize: options.poolSize ?? 10,
      connectTimeout: options.connectTimeoutMs ?? 10_000,
      // mysql2's promise API otherwise captures a stack on every query (to point a failed query's
      // error at its caller); TypeORM's QueryFailedError carries the caller's stack anyway.
      trace: false,
      ...(options.statementTimeoutMs
        ? {
            driver: mysql2WithSessionSetup(statementTimeoutSql(options.statementTimeoutMs, config.mariadb ?? false)),
            enableQueryTimeout: true,
            maxQueryExecutionTime: options.statementTimeoutMs + CLIENT_STATEMENT_GUARD_MS,
          }
        : {}),
      migrationsTransactionMode: "each",
      synchronize: false,
    };
  } else {
    if (config.file) mkdirSync(dirname(config.file), { recursive: true });
    typeormOptions = {
      ...common,
      logging: ["query"],
      type: "sqljs",
      location: config.file,
      autoSave: Boolean(config.file),
      synchronize: options.synchronize ?? true,
    };
  }
  return new ArbetslivDataSource(typeormOptions, options.onReplicaReadState, options.querySubscribers);
}
