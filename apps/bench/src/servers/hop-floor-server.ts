/**
 * Child process: the floor of one extra hop. node:http in front of the monolith
 * (BENCH_HOP_TARGET): each request is forwarded over a kept-alive connection with its method,
 * path, headers and body, and the answer comes back byte for byte. No GraphQL, no parsing, no
 * auth, no signing, no log line: what any process between a client and the process that answers
 * costs at least, so the federated topology's figures can be read against it.
 */
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

const target = new URL(process.env.BENCH_HOP_TARGET!);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const headers = { ...req.headers, host: target.host, "content-length": String(body.length) };
    const forwarded = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent },
      (answer) => {
        const parts: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => parts.push(chunk));
        answer.on("end", () => {
          res.writeHead(answer.statusCode ?? 502, {
            "content-type": answer.headers["content-type"] ?? "application/json",
          });
          res.end(Buffer.concat(parts));
        });
      },
    );
    forwarded.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    forwarded.end(body);
  });
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: true, url: `http://127.0.0.1:${port}` });
});
process.on("message", (m) => {
  if (m === "stop") server.close(() => process.exit(0));
});
process.on("disconnect", () => process.exit(0));
