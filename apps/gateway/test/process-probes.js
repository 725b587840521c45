// Test-only instrumentation, preloaded into the built gateway with `node --require` by
// GatewayProcess when started with `probes: true` (never loaded by `pnpm start`). It reads one
// command per line on stdin and answers with a log line {"message":"test probe","id":…}:
//   statements <id>  → how many SQL statements the gateway's DataSource has run so far for
//                      requests (the event runtime's background polls, runAsBackgroundWork, excluded)
//   reject <id>      → an unhandled promise rejection (a message with a personnummer, 100 kB long)
//   throw <id>       → an uncaught exception thrown from a timer
"use strict";
const { resolve } = require("node:path");
const readline = require("node:readline");

// The same module instance the gateway loads (resolved from the gateway's folder).
const core = require(require.resolve("@arbetsliv/core/data", { paths: [resolve(__dirname, "..")] }));
let statements = 0;
const logQuery = core.StatementCountingLogger.prototype.logQuery;
core.StatementCountingLogger.prototype.logQuery = function (...args) {
  if (!core.currentBackgroundWork()) statements++;
  return logQuery.apply(this, args);
};

const answer = (id, fields) =>
  process.stdout.write(JSON.stringify({ level: "info", message: "test probe", id, ...fields }) + "\n");
const fault = (kind) => new Error(`injected ${kind} for 19121212-1212 ${"x".repeat(100_000)}`);

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const [command, id] = line.trim().split(/\s+/);
  if (command === "statements") answer(id, { statements });
  else if (command === "reject") {
    answer(id, { injected: "unhandled rejection" });
    void Promise.reject(fault("rejection"));
  } else if (command === "throw") {
    answer(id, { injected: "uncaught exception" });
    setTimeout(() => {
      throw fault("exception");
    }, 10);
  }
});
// The probe channel alone must not keep the process alive.
process.stdin.unref?.();
