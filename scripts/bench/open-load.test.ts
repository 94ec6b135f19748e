import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openLoad } from "./open-load";

const REQUEST = Buffer.from("POST / HTTP/1.1\r\nHost: bench\r\nContent-Length: 2\r\n\r\n{}");
let server: Server | undefined;

/** A server that answers `status`, and stalls its whole process once for `stallMs` on its `stallAt`-th request. */
async function listen(options: { stallAt?: number; stallMs?: number; status?: number }): Promise<number> {
  let served = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (++served === options.stallAt) for (const until = Date.now() + options.stallMs!; Date.now() < until; );
      res.writeHead(options.status ?? 200, { "Content-Length": 2 }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(() => server?.close());

describe("the open-model load generator", () => {
  it("charges a stall to every request that fell due during it, not only to the one in flight", async () => {
    const port = await listen({ stallAt: 200, stallMs: 150 });
    const result = await openLoad({ host: "127.0.0.1", port, requests: () => REQUEST, rate: 1000, seconds: 1, connections: 16 });
    // ~150 of the 1,000 requests fall due inside the stall, so well over 1 % waited most of it.
    expect(result.sent).toBe(1000);
    expect(result.p99).toBeGreaterThan(75);
    expect(result.max).toBeGreaterThanOrEqual(140);
    expect(result.failed).toBe(0);
  });

  it("counts answers other than 200 as failed", async () => {
    const port = await listen({ status: 503 });
    const result = await openLoad({ host: "127.0.0.1", port, requests: () => REQUEST, rate: 500, seconds: 0.2, connections: 4 });
    expect(result).toMatchObject({ sent: 100, failed: 100 });
  });
});
