import { spawn, execFile, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { dropDatabase } from "@arbetsliv/core/testing";

/**
 * A PRIVATE mariadbd on its own port, data directory and socket, for fault tests that kill,
 * stop or freeze the database: the shared server on 3306 (other tests use it) is never touched.
 */
export const MARIADBD = "/usr/sbin/mariadbd";
const INSTALL_DB = ["/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db"].find((p) => existsSync(p));

/** Why a private server cannot run here, or null. */
export const privateMariaDbUnavailable: string | null =
  !existsSync(MARIADBD) || !INSTALL_DB ? `${MARIADBD} or mariadb-install-db is not installed` : null;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PrivateMariaDb {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), "arbetsliv-faults-"));
  /**
   * `extraArgs`: more mariadbd options (e.g. a binary log and server id for replication; `{dir}`
   * is this server's directory). `grantTables`: check users (root with an empty password) instead
   * of `--skip-grant-tables` — a replication source needs it, since statements it logs with an
   * empty DEFINER (what skip-grant-tables gives) stop its replica.
   */
  constructor(
    readonly port: number,
    private readonly options: { extraArgs?: readonly string[]; grantTables?: boolean } = {},
  ) {}

  static async create(options: { extraArgs?: readonly string[]; grantTables?: boolean } = {}): Promise<PrivateMariaDb> {
    const db = new PrivateMariaDb(await freePort(), options);
    try {
      await db.install();
      await db.start();
    } catch (e) {
      // A server half started would keep the test process alive after a failed setup.
      await db.destroy();
      throw e;
    }
    return db;
  }

  url(database = "arbetsliv_faults"): string {
    return `mariadb://root@127.0.0.1:${this.port}/${database}`;
  }

  /**
   * Its own temporary directory: a mariadbd deletes the `#sql*` files it finds in its tmpdir when
   * it starts, so with the shared /tmp one private server starting would delete the temporary
   * tables of another one's bootstrap (mariadb-install-db: "Error on delete of '/tmp/#sql-temptable-…'").
   */
  private get tmp(): string {
    const dir = join(this.dir, "tmp");
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  async install(): Promise<void> {
    await promisify(execFile)(
      INSTALL_DB!,
      [
        "--no-defaults",
        "--user=root",
        `--datadir=${join(this.dir, "data")}`,
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
        `--tmpdir=${this.tmp}`,
      ],
      { timeout: 120_000 },
    );
  }

  async start(): Promise<void> {
    this.child = spawn(
      MARIADBD,
      [
        "--no-defaults",
        "--user=root",
        `--datadir=${join(this.dir, "data")}`,
        `--port=${this.port}`,
        "--bind-address=127.0.0.1",
        `--socket=${join(this.dir, "sock")}`,
        `--pid-file=${join(this.dir, "pid")}`,
        `--log-error=${join(this.dir, "error.log")}`,
        `--tmpdir=${this.tmp}`,
        ...(this.options.grantTables ? [] : ["--skip-grant-tables"]),
        "--innodb-buffer-pool-size=64M",
        ...(this.options.extraArgs ?? []).map((arg) => arg.replace("{dir}", this.dir)),
      ],
      { stdio: "ignore" },
    );
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        // A harmless statement through a real connection: the server accepts SQL.
        await dropDatabase(this.url("arbetsliv_ping"));
        return;
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`private mariadbd did not start; see ${join(this.dir, "error.log")}`);
  }

  /** SIGSTOP freezes the server (connections stay open, nothing answers); SIGCONT thaws it. */
  freeze(frozen: boolean): void {
    this.child?.kill(frozen ? "SIGSTOP" : "SIGCONT");
  }

  /** SIGKILL = a crash; SIGTERM = a clean shutdown. Resolves when the process has exited. */
  async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGCONT"); // a frozen server cannot exit
    child.kill(signal);
    await exited;
    this.child = null;
  }

  async destroy(): Promise<void> {
    await this.stop("SIGKILL");
    rmSync(this.dir, { recursive: true, force: true });
  }
}
