import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy on loopback in front of one gateway replica. Requests pass straight through; after
 * `holdAnswers()` the replica's answers are kept back (dropped), as when a reply is lost on the
 * way while the replica has already committed. With the replica killed right after, a client is
 * sure to meet the case an idempotency key exists for: a write that committed, whose answer never
 * came. When the replica's side of a connection closes, the client's side is closed too.
 */
export class AnswerHoldingProxy {
  private holding = false;
  private readonly sockets = new Set<Socket>();
  private readonly heldConnections = new Set<Socket>();
  private heldWaiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Listens on 127.0.0.1 (a free port) and forwards to `target` (an http://127.0.0.1:port url). */
  static async start(target: string): Promise<AnswerHoldingProxy> {
    const { hostname, port } = new URL(target);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const proxy = new AnswerHoldingProxy(server, `http://127.0.0.1:${(server.address() as { port: number }).port}`);
    server.on("connection", (client: Socket) => proxy.pipe(client, hostname, Number(port)));
    return proxy;
  }

  /** Connections on which the replica answered while answers were held (each: one request it finished). */
  get heldAnswers(): number {
    return this.heldConnections.size;
  }

  /** From now on, the replica's answers do not reach the client. */
  holdAnswers(): void {
    this.holding = true;
  }

  /** Resolves once `count` answers have been held back (requests the replica finished that the client never hears of). */
  answersHeld(count: number): Promise<void> {
    if (this.heldConnections.size >= count) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push({ count, resolve }));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pipe(client: Socket, host: string, port: number): void {
    const upstream = connect(port, host);
    this.sockets.add(client).add(upstream);
    client.on("data", (chunk) => upstream.write(chunk));
    upstream.on("data", (chunk) => {
      if (!this.holding) {
        client.write(chunk);
        return;
      }
      this.heldConnections.add(client);
      const held = this.heldConnections.size;
      for (const waiter of this.heldWaiters.filter((w) => w.count <= held)) waiter.resolve();
      this.heldWaiters = this.heldWaiters.filter((w) => w.count > held);
    });
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on("error", closeBoth);
      socket.on("close", closeBoth);
    }
  }
}
