// Serves the sandbox supplier through a counting front: every call, the injected 503s, and the stalls the
// client gave up on (or that answered 504). The sandbox decides the faults; this only watches them.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SupplierCounts { calls: number; http503: number; timeouts: number; byRoute: Record<string, number> }

export async function countingFront(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  const counts: SupplierCounts = { calls: 0, http503: 0, timeouts: 0, byRoute: {} };
  const server = createServer((req, res) => {
    counts.calls++;
    const route = `${req.method} ${(req.url ?? "").split("?")[0]!.replace(/^\/v1\/orders\/[^/]+/, "/v1/orders/:key")}`;
    counts.byRoute[route] = (counts.byRoute[route] ?? 0) + 1;
    res.on("close", () => {
      if (res.statusCode === 503) counts.http503++;
      else if (res.statusCode === 504 || !res.writableFinished) counts.timeouts++;
    });
    void handler(req, res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, counts, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
