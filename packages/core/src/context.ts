import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { AccessLog } from "./audit/access-log";
import type { Principal } from "./auth/principal";

/** What every resolver gets: who calls, the database, per-request loaders and the access log. */
export interface RequestContext {
  requestId: string;
  principal: Principal | null;
  ds: DataSource;
  accessLog: AccessLog;
  /** One DataLoader per key and request: batches lookups so a list never runs a query per row. */
  loader<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V>;
}

export function createRequestContext(ds: DataSource, principal: Principal | null, requestId: string): RequestContext {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    requestId,
    principal,
    ds,
    accessLog: new AccessLog(principal, requestId),
    loader<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) {
      let loader = loaders.get(key) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader<K, V>(batch);
        loaders.set(key, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
  };
}

/** Groups rows by a key in the order of `keys` (for one-to-many DataLoaders). */
export function groupByKeys<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Picks one row per key in the order of `keys` (for many-to-one DataLoaders). */
export function indexByKeys<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map<K, R>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}
