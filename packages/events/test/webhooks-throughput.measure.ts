/**
 * Measurements, not a test (not matched by jest's default *.spec.ts): the dispatcher's throughput
 * to one fast local endpoint, and the event-loop delay of an idle dispatcher on a file-backed
 * sql.js database. Run:
 *   npx jest --testRegex 'webhooks-throughput\.measure\.ts$' [--testNamePattern throughput|idle]
 * (with TEST_DATABASE_URL=… for MariaDB). Prints the figures.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { coreModule, recordEvent } from "@arbetsliv/core";
import { createDataSource, inTransaction } from "@arbetsliv/core/data";
import { testDatabaseKind, type TestApp } from "@arbetsliv/core/testing";
import { startRelay } from "../src/relay";
import { startWebhookDispatcher as current } from "../src/webhooks";

import { WebhookEndpoint } from "../src/webhooks/webhook.entity";
import { DeliveryStatus, WebhookDelivery } from "../src/webhooks/webhook-delivery.entity";
import {
  startTestRelay,
  startWebhookApp,
  thingMade,
  waitFor,
  webhookTestModule,
  webhooksOnlyModule,
} from "./webhooks-fixture";

type Start = typeof current;
/**
 * MEASURE_BASELINE=<dir under src>: the dispatcher of an earlier version, copied there (with its
 * entity imports pointed at ../webhooks/) for a before/after figure; delete the copy afterwards.
 */
function baseline(dir: string): Start {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const old = require(`../src/${dir}/dispatcher`) as { startWebhookDispatcher: Start };
  return (options) =>
    old.startWebhookDispatcher({ ...options, allowHttp: true, allowPrivateTargets: true } as Parameters<Start>[0]);
}
const startWebhookDispatcher: Start = process.env.MEASURE_BASELINE ? baseline(process.env.MEASURE_BASELINE) : current;

const EVENTS = Number(process.env.MEASURE_EVENTS ?? 3000);
const quiet = { log: () => undefined };

async function fastReceiver(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      n++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    count: () => n,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function recordMany(app: TestApp, count: number): Promise<void> {
  for (let done = 0; done < count; done += 100) {
    await inTransaction(app.ds, async (manager) => {
      for (let i = done; i < Math.min(count, done + 100); i++)
        await recordEvent(manager, thingMade, { subjectId: i + 1, data: { thingId: String(i + 1), size: i } });
    });
  }
}

describe(`webhook dispatcher measurements (${testDatabaseKind()})`, () => {
  jest.setTimeout(300_000);

  it("throughput to one fast local endpoint", async () => {
    const app = await startWebhookApp();
    const receiver = await fastReceiver();
    const relay = startTestRelay(app);
    try {
      await app.ds.manager.insert(WebhookEndpoint, {
        url: receiver.url,
        description: "measure",
        eventTypesJson: "[]",
        scopesJson: JSON.stringify(["whtest:read"]),
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        active: true,
        version: 1,
        createdAt: new Date().toISOString(),
        createdBy: "measure",
        scheduledThrough: 0,
      });
      await recordMany(app, EVENTS);
      await waitFor(
        "all sequenced",
        async () =>
          (await app.ds
            .createQueryBuilder()
            .select("COUNT(*)", "n")
            .from("event_outbox", "e")
            .where("e.position IS NULL")
            .getRawOne<{ n: unknown }>()
            .then((r) => Number(r?.n))) === 0,
        120_000,
      );
      await relay.stop();
      const started = Date.now();
      const dispatcher = startWebhookDispatcher({
        ds: app.ds,
        log: quiet,
        targetPolicy: { allowHttp: true, allowPrivateTargets: true },
        ...(process.env.MEASURE_CONCURRENCY ? { concurrencyPerEndpoint: Number(process.env.MEASURE_CONCURRENCY) } : {}),
      });
      await waitFor(
        "all delivered",
        async () =>
          (await app.ds.manager.count(WebhookDelivery, { where: { status: DeliveryStatus.DELIVERED } })) >= EVENTS,
        280_000,
      );
      const seconds = (Date.now() - started) / 1000;
      await dispatcher.stop();
      console.warn(
        `THROUGHPUT ${testDatabaseKind()}: ${EVENTS} events delivered in ${seconds.toFixed(2)} s = ${Math.round(
          EVENTS / seconds,
        )} deliveries/s (receiver saw ${receiver.count()} requests)`,
      );
    } finally {
      await relay.stop();
      await receiver.close();
      await app.close();
    }
  });

  it("lag under a steady load", async () => {
    const rate = Number(process.env.MEASURE_RATE ?? 200);
    const app = await startWebhookApp();
    const arrivals: { at: number; time: string }[] = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        arrivals.push({
          at: Date.now(),
          time: (JSON.parse(Buffer.concat(chunks).toString()) as { time: string }).time,
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const relay = startRelay({ ds: app.ds, log: quiet, pollMs: 100 });
    try {
      await app.ds.manager.insert(WebhookEndpoint, {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
        description: "lag",
        eventTypesJson: "[]",
        scopesJson: JSON.stringify(["whtest:read"]),
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        active: true,
        version: 1,
        createdAt: new Date().toISOString(),
        createdBy: "measure",
        scheduledThrough: 0,
      });
      const dispatcher = startWebhookDispatcher({
        ds: app.ds,
        log: quiet,
        targetPolicy: { allowHttp: true, allowPrivateTargets: true },
      });
      relay.onSequenced(() => dispatcher.wake());
      const total = rate * 10;
      const started = Date.now();
      const writes: Promise<void>[] = [];
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / rate;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        writes.push(
          inTransaction(app.ds, (manager) =>
            recordEvent(manager, thingMade, { subjectId: i + 1, data: { thingId: String(i + 1), size: i } }),
          ).then(() => undefined),
        );
      }
      await Promise.all(writes);
      await waitFor("all arrived", () => arrivals.length >= total, 60_000);
      await dispatcher.stop();
      const lags = arrivals.map((a) => a.at - Date.parse(a.time)).sort((a, b) => a - b);
      const p = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))];
      const bySecond = [0, 2, 4, 6, 8].map((s) => {
        const inSecond = arrivals.filter(
          (a) => Date.parse(a.time) - started >= s * 1000 && Date.parse(a.time) - started < (s + 1) * 1000,
        );
        return Math.round(inSecond.reduce((n, a) => n + a.at - Date.parse(a.time), 0) / Math.max(1, inSecond.length));
      });
      console.warn(
        `LAG ${testDatabaseKind()} at ${rate} writes/s (relay polling 100 ms, woken dispatcher): occurredAt → receiver p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${lags[lags.length - 1]} ms; mean by second 0/2/4/6/8: ${bySecond.join("/")} ms`,
      );
    } finally {
      await relay.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    }
  });

  it("idle event-loop delay on a file-backed sql.js database", async () => {
    if (testDatabaseKind() !== "sqljs") return;
    const dir = mkdtempSync(join(tmpdir(), "wh-idle-"));
    const file = join(dir, "db.sqlite");
    const ds = createDataSource(
      { kind: "sqljs", file },
      { modules: [coreModule, webhookTestModule, webhooksOnlyModule] },
    );
    await ds.initialize();
    const receiver = await fastReceiver();
    try {
      // Some history, as a database in use has: a webhook and a few thousand outbox rows.
      await ds.manager.insert(WebhookEndpoint, {
        url: receiver.url,
        description: "idle",
        eventTypesJson: "[]",
        scopesJson: JSON.stringify(["whtest:read"]),
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        active: true,
        version: 1,
        createdAt: new Date().toISOString(),
        createdBy: "measure",
        scheduledThrough: 0,
      });
      for (let done = 0; done < 3000; done += 500)
        await inTransaction(ds, async (manager) => {
          for (let i = done; i < done + 500; i++)
            await recordEvent(manager, thingMade, { subjectId: i + 1, data: { thingId: String(i + 1), size: i } });
        });
      await ds.query("UPDATE event_outbox SET position = id");
      // The relay idles too in a real gateway; MEASURE_WITH_RELAY=1 adds it to the figure.
      const relay =
        process.env.MEASURE_WITH_RELAY === "1"
          ? startRelay({ ds, log: quiet, pollMs: 100 })
          : { stop: async () => undefined };
      const dispatcher = startWebhookDispatcher({
        ds,
        log: quiet,
        targetPolicy: { allowHttp: true, allowPrivateTargets: true },
      });
      await waitFor(
        "caught up",
        async () => (await ds.manager.count(WebhookDelivery, { where: { status: DeliveryStatus.DELIVERED } })) >= 3000,
        120_000,
      );
      await new Promise((r) => setTimeout(r, 1_000));
      const size = statSync(file).size;
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      let writes = 0;
      let lastMtime = statSync(file).mtimeMs;
      const watch = setInterval(() => {
        const m = statSync(file).mtimeMs;
        if (m !== lastMtime) writes++;
        lastMtime = m;
      }, 20);
      // Every rewrite of the file: the sql.js driver's save (called after each committed write).
      const driver = ds.driver as unknown as { save: () => Promise<void> };
      const save = driver.save.bind(driver);
      let saves = 0;
      driver.save = () => {
        saves++;
        return save();
      };
      histogram.enable();
      await new Promise((r) => setTimeout(r, 5_000));
      histogram.disable();
      clearInterval(watch);
      const ms = (ns: number) => (ns / 1e6).toFixed(1);
      console.warn(
        `IDLE sql.js file (${Math.round(size / 1024)} KiB), 5 s, dispatcher${process.env.MEASURE_WITH_RELAY === "1" ? " + relay" : ""} idle: event-loop delay p50 ${ms(
          histogram.percentile(50),
        )} ms, p99 ${ms(histogram.percentile(99))} ms, max ${ms(histogram.max)} ms; file saved ${saves} times (mtime changed ${writes})`,
      );
      // Under a light load: 50 events/s for 5 s, each in its own transaction (50 saves/s are the writer's).
      const sequencer = process.env.MEASURE_WITH_RELAY === "1" ? null : startRelay({ ds, log: quiet, pollMs: 100 });
      saves = 0;
      histogram.reset();
      histogram.enable();
      const rate = 50;
      const begun = Date.now();
      for (let i = 0; i < rate * 5; i++) {
        const due = begun + (i * 1000) / rate;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        await inTransaction(ds, (manager) =>
          recordEvent(manager, thingMade, { subjectId: i + 1, data: { thingId: String(i + 1), size: i } }),
        );
      }
      histogram.disable();
      const loadSaves = saves;
      await sequencer?.stop();
      await dispatcher.stop();
      await relay.stop();
      console.warn(
        `LOAD sql.js file, ${rate} events/s for 5 s (relay + dispatcher): event-loop delay p50 ${ms(
          histogram.percentile(50),
        )} ms, p99 ${ms(histogram.percentile(99))} ms, max ${ms(histogram.max)} ms; file saved ${loadSaves} times (${rate * 5} by the writer)`,
      );
    } finally {
      await receiver.close();
      await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
