import type { ApolloServerPlugin } from "@apollo/server";
import type { EventRuntime } from "./event-runtime";

/**
 * After a mutation the relay is woken, so its events are sequenced (and reach subscribers and
 * webhooks) now rather than at the relay's next poll. Waking is cheap and idempotent, so a
 * mutation that failed wakes it too.
 */
export function wakeRelayAfterMutations(runtime: EventRuntime): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === "mutation") runtime.wake();
        },
      };
    },
  };
}
