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
  /** The request's loaders by their definition, so a list never runs a query per row (read/loader.ts: use `loaderOf`, never this map directly). */
  readonly loaders: Map<object, BatchLoader<unknown, unknown>>;
}

/**
 * A DataLoader that also remembers the values its batches returned, so a field resolver can
 * hand back a value that is already loaded (e.g. prefetched for a whole page, see
 * the read layer's prefetch, read/runtime.ts) without a promise: graphql then completes the field at once instead of
 * awaiting one promise per row.
 */
export class BatchLoader<K, V> extends DataLoader<K, V> {
  private constructor(
    private readonly loadAndRemember: (keys: readonly K[]) => Promise<(V | Error)[]>,
    private readonly loaded: Map<K, V>,
  ) {
    super(loadAndRemember);
  }

  static create<K, V>(batch: (keys: readonly K[]) => Promise<(V | Error)[]>): BatchLoader<K, V> {
    const loaded = new Map<K, V>();
    return new BatchLoader<K, V>(async (keys) => {
      const values = await batch(keys);
      for (let i = 0; i < keys.length; i++) {
        const value = values[i];
        if (!(value instanceof Error)) loaded.set(keys[i], value);
      }
      return values;
    }, loaded);
  }

  /** The value if a batch has already loaded it, otherwise `load(key)`. */
  get(key: K): V | Promise<V> {
    return this.loaded.has(key) ? (this.loaded.get(key) as V) : this.load(key);
  }

  /** The value if a batch has already loaded it, else undefined (never loads). */
  peek(key: K): V | undefined {
    return this.loaded.get(key);
  }

  /**
   * Loads the keys not loaded yet in one batch, without DataLoader's promise per key (a page's
   * prefetch). If the batch fails, nothing is remembered: each field then calls `load`, which
   * tries again and reports the error on that field, as without the prefetch.
   */
  async prefetch(keys: Iterable<K>): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.loaded.has(key));
    if (missing.length === 0) return;
    try {
      await this.loadAndRemember(missing);
    } catch {
      // reported by the fields' own loads
    }
  }

  override clear(key: K): this {
    this.loaded.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.loaded.clear();
    return super.clearAll();
  }
}

export function createRequestContext(ds: DataSource, principal: Principal | null, requestId: string): RequestContext {
  return { requestId, principal, ds, accessLog: new AccessLog(principal, requestId), loaders: new Map() };
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
