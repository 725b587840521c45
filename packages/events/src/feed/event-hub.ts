import type { OutboxEvent } from "@arbetsliv/core";
import { DomainError } from "@arbetsliv/core";
import { mayReceive } from "../receivers";
import type { EventSource } from "./event-source";

export interface SubscriberFilter {
  /** The subscriber's scopes: each event is checked with `mayReceive`. */
  scopes: readonly string[];
  /** Only these types; null for every type the scopes allow. */
  types: readonly string[] | null;
}

/** Events queued for one subscriber that is not reading; past this it is ended (slow consumer). */
export const DEFAULT_MAX_QUEUED_EVENTS = 1_000;

interface Subscriber {
  filter: SubscriberFilter;
  queue: OutboxEvent[];
  waiting: ((r: IteratorResult<OutboxEvent>) => void) | null;
  failure: Error | null;
  done: boolean;
}

/**
 * One listener on the event source, fanned out to every subscription of this process. Each
 * subscription is an async iterator (what graphql-ws consumes) with its own bounded queue.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly unlisten: () => void;

  constructor(
    source: EventSource,
    private readonly maxQueued = DEFAULT_MAX_QUEUED_EVENTS,
  ) {
    this.unlisten = source.onEvent((event) => this.deliver(event));
  }

  get size(): number {
    return this.subscribers.size;
  }

  subscribe(filter: SubscriberFilter): AsyncIterableIterator<OutboxEvent> {
    const sub: Subscriber = { filter, queue: [], waiting: null, failure: null, done: false };
    this.subscribers.add(sub);
    const end = (): IteratorResult<OutboxEvent> => {
      sub.done = true;
      sub.queue = [];
      this.subscribers.delete(sub);
      if (sub.waiting) sub.waiting({ done: true, value: undefined });
      sub.waiting = null;
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<OutboxEvent> = {
      next: () => {
        if (sub.queue.length) return Promise.resolve({ done: false, value: sub.queue.shift()! });
        if (sub.failure) {
          const failure = sub.failure;
          end();
          return Promise.reject(failure);
        }
        if (sub.done) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (sub.waiting = resolve));
      },
      return: () => Promise.resolve(end()),
      throw: (error) => {
        end();
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Ends every subscription (the gateway's shutdown); the clients get `complete`. */
  close(): void {
    this.unlisten();
    for (const sub of [...this.subscribers]) {
      sub.done = true;
      this.subscribers.delete(sub);
      if (sub.waiting && sub.queue.length === 0) sub.waiting({ done: true, value: undefined });
    }
  }

  private deliver(event: OutboxEvent): void {
    for (const sub of this.subscribers) {
      if (sub.done || !mayReceive(sub.filter.scopes, event)) continue;
      if (sub.filter.types && !sub.filter.types.includes(event.type)) continue;
      if (sub.waiting) {
        const resolve = sub.waiting;
        sub.waiting = null;
        resolve({ done: false, value: event });
      } else if (sub.queue.length >= this.maxQueued) {
        // A subscriber that stopped reading must not hold memory without bound: it is ended with
        // an error and catches up through the change feed (the events query) from its last sequence.
        sub.failure = new DomainError("RESULT_TOO_LARGE", {
          en: `More than ${this.maxQueued} events waited for this subscription; it was ended. Catch up with the events query after your last sequence.`,
          sv: `Fler än ${this.maxQueued} händelser väntade på den här prenumerationen, så den avslutades. Hämta det som saknas med frågan events efter ditt senaste sequence-värde.`,
        });
        sub.done = true;
        this.subscribers.delete(sub);
      } else {
        sub.queue.push(event);
      }
    }
  }
}
