import { BatchLoader, type RequestContext } from "../context";

/**
 * A per-request batch loader, declared once at module level and known by the object itself — no
 * string keys, so two features can never collide on a name, and its key and value types travel
 * with it (compare Twenty's typed dataloaders, one factory per loader).
 */
export interface LoaderDefinition<K, V> {
  /** What it loads, for errors and traces (e.g. "FeedbackItem.replies"). */
  readonly name: string;
  readonly batch: (ctx: RequestContext, keys: readonly K[]) => Promise<(V | Error)[]>;
}

export function defineLoader<K, V>(
  name: string,
  batch: (ctx: RequestContext, keys: readonly K[]) => Promise<(V | Error)[]>,
): LoaderDefinition<K, V> {
  return Object.freeze({ name, batch });
}

/** The request's instance of `definition`: created on first use, shared by every field and prefetch of the request. */
export function loaderOf<K, V>(ctx: RequestContext, definition: LoaderDefinition<K, V>): BatchLoader<K, V> {
  let loader = ctx.loaders.get(definition) as BatchLoader<K, V> | undefined;
  if (!loader) {
    loader = BatchLoader.create<K, V>((keys) => definition.batch(ctx, keys));
    ctx.loaders.set(definition, loader as BatchLoader<unknown, unknown>);
  }
  return loader;
}

const variants = new WeakMap<object, Map<number, LoaderDefinition<unknown, unknown>>>();

/**
 * One definition per value of a parameter that changes what a batch returns (e.g. `first: 10`
 * loads at most ten rows per key): the same parameter gives the same definition, so a field and
 * the page's prefetch share one loader.
 */
export function loaderVariant<K, V>(
  base: object,
  parameter: number,
  create: () => LoaderDefinition<K, V>,
): LoaderDefinition<K, V> {
  let byParameter = variants.get(base);
  if (!byParameter) variants.set(base, (byParameter = new Map()));
  let definition = byParameter.get(parameter) as LoaderDefinition<K, V> | undefined;
  if (!definition) {
    definition = create();
    byParameter.set(parameter, definition as unknown as LoaderDefinition<unknown, unknown>);
  }
  return definition;
}
