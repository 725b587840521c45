import { Agent, request } from "node:http";

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  ms: number;
}

/**
 * One POST over a kept-alive loopback connection; ms from send to the last byte. A server closes
 * an idle kept-alive connection after 5 s, and a request sent at that moment meets a reset: the
 * bench's requests are reads, so that one is sent again on a fresh connection.
 */
export async function post(url: string, body: string, headers: Record<string, string>): Promise<Reply> {
  try {
    return await postOnce(url, body, headers);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ECONNRESET") throw e;
    return postOnce(url, body, headers);
  }
}

function postOnce(url: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            headers: res.headers,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
