import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { APP_DIST } from "./paths";

/**
 * Serves the built app (dist/) and proxies /graphql to the gateway, so the browser talks to one
 * origin (no CORS). Any other path without a file gets index.html: the app routes by path.
 */
export interface StaticServerOptions {
  /** The built app's folder (default: this package's dist/). */
  root?: string;
  /** The gateway's base URL, e.g. http://127.0.0.1:4000 (its /graphql is proxied). */
  gatewayUrl: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

export const DEFAULT_ROOT = APP_DIST;

export async function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(options.root ?? DEFAULT_ROOT);
  if (!existsSync(join(root, "index.html")))
    throw new Error(`No built app in ${root}: run \`pnpm --filter @arbetsliv/reports build\` first.`);
  const gateway = new URL(options.gatewayUrl);

  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]);
    if (path === "/graphql") {
      const upstream = httpRequest(
        {
          hostname: gateway.hostname,
          port: gateway.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: gateway.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            errors: [{ message: "Rapporttjänsten når inte API:t.", extensions: { code: "BAD_GATEWAY" } }],
          }),
        );
      });
      req.pipe(upstream);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const file = normalize(join(root, path));
    const inside = file === root || file.startsWith(root + sep);
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(root, "index.html");
    const type = TYPES[extname(target)] ?? "application/octet-stream";
    res.writeHead(200, {
      "content-type": type,
      // Hashed assets never change; index.html is checked every time.
      "cache-control": target.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
      ...SECURITY_HEADERS,
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(target).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", ok);
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${address.address}:${address.port}` };
}

/** Closes the server and its open keep-alive connections. */
export function stopStaticServer(server: Server): Promise<void> {
  return new Promise((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });
}
