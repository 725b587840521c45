import { spawn, type ChildProcess } from "node:child_process";

/**
 * One program the cluster runs (a subgraph, a gateway replica, HAProxy): its output passed on line
 * by line under its name, the log line it is waited for, and a stop that waits for the exit.
 * Each child is the leader of its own process group, so Ctrl-C reaches only the cluster, which
 * then stops them in order (HAProxy, the gateways, the subgraphs).
 */
export class SupervisedProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Set when the cluster asked it to stop: an exit after that is expected. */
  stopping = false;
  private readonly watchers: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  private readonly child: ChildProcess;

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv,
    write: (line: string) => void,
  ) {
    this.child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      let pending = "";
      stream.setEncoding("utf8").on("data", (chunk: string) => {
        pending += chunk;
        let newline: number;
        while ((newline = pending.indexOf("\n")) >= 0) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          write(`[${this.name}] ${line}`);
          for (let i = this.watchers.length - 1; i >= 0; i--)
            if (this.watchers[i].test(line)) this.watchers.splice(i, 1)[0].resolve(line);
        }
      });
    }
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The first output line matching `test`; rejects when the process exits first or after `timeoutMs`. */
  async lineMatching(test: (line: string) => boolean, what: string, timeoutMs: number): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const line = new Promise<string>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name}: no ${what} within ${timeoutMs / 1000} s`)), timeoutMs);
      this.watchers.push({ test, resolve });
    });
    const exit = this.exited.then(({ code, signal }) => {
      throw new Error(`${this.name} exited (${signal ?? code}) before ${what}`);
    });
    try {
      return await Promise.race([line, exit]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The `url` of the JSON log line whose message is `message` (our programs log where they listen). */
  async loggedUrl(message: string, timeoutMs: number): Promise<string> {
    const line = await this.lineMatching((l) => l.includes(`"message":"${message}"`), `"${message}"`, timeoutMs);
    return (JSON.parse(line) as { url: string }).url;
  }

  /** Asks it to stop (SIGTERM: our programs drain, HAProxy stops) and waits for the exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.running) this.child.kill("SIGTERM");
    await this.exited;
  }

  /** Last resort when the cluster itself exits: no child outlives it. */
  kill(): void {
    if (this.running) this.child.kill("SIGKILL");
  }
}
