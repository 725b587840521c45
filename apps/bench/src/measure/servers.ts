import { fork, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";

export interface Child {
  name: string;
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/** Forks a server script; resolves when it reports its URL. stdout goes to a log file. */
export function startChild(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  execArgv: string[] = [],
): Promise<Child> {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const fd = openSync(logFile, "w");
  const child: ChildProcess = fork(script, [], { env, execArgv, stdio: ["ignore", fd, "inherit", "ipc"] });
  closeSync(fd);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    child.once("exit", (code) =>
      reject(new Error(`${name} exited with code ${code} before it was ready (see ${logFile})`)),
    );
    child.on("message", (m: { ready?: boolean; url?: string }) => {
      if (!m.ready) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        name,
        url: m.url!,
        pid: child.pid!,
        logFile,
        stop: () =>
          new Promise<void>((done) => {
            const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
            child.once("exit", () => {
              clearTimeout(kill);
              done();
            });
            child.send("stop");
          }),
      });
    });
  });
}
