import { fork, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";

type Message = Record<string, unknown>;

/** The event runtime child (runtime-server.ts): commands out, replies and "sequenced" notes in. */
export interface RuntimeChild {
  pid: number;
  logFile: string;
  /** Sends a command and waits for the reply that has `key` (or an error). */
  command(cmd: string, key: string, extra?: Message): Promise<Message>;
  onMessage(listener: (m: Message) => void): void;
  stop(): Promise<void>;
}

export function startRuntimeChild(env: NodeJS.ProcessEnv, logDir: string): Promise<RuntimeChild> {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, "event-runtime.log");
  const fd = openSync(logFile, "w");
  const child: ChildProcess = fork(join(__dirname, "runtime-server.js"), [], {
    env,
    stdio: ["ignore", fd, "inherit", "ipc"],
  });
  closeSync(fd);
  const listeners = new Set<(m: Message) => void>();
  child.on("message", (m: Message) => listeners.forEach((l) => l(m)));
  const handle: RuntimeChild = {
    pid: child.pid!,
    logFile,
    command: (cmd, key, extra = {}) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`event runtime: no answer to "${cmd}" within 30 s (see ${logFile})`)),
          30_000,
        );
        const listener = (m: Message) => {
          if (!(key in m) && !("error" in m)) return;
          listeners.delete(listener);
          clearTimeout(timer);
          if ("error" in m) reject(new Error(`event runtime: ${String(m.error)}`));
          else resolve(m);
        };
        listeners.add(listener);
        child.send({ cmd, ...extra });
      }),
    onMessage: (l) => listeners.add(l),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
        child.once("exit", () => {
          clearTimeout(kill);
          done();
        });
        child.send({ cmd: "stop" });
      }),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`event runtime did not start within 60 s (see ${logFile})`)),
      60_000,
    );
    child.once("exit", (code) =>
      reject(new Error(`event runtime exited with code ${code} before it was ready (see ${logFile})`)),
    );
    const ready = (m: Message) => {
      if (!m.ready) return;
      listeners.delete(ready);
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve(handle);
    };
    listeners.add(ready);
  });
}
