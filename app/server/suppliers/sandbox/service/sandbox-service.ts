import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { localServer } from "../../emulator-http/local-server";
import { systemClock, type Clock } from "../../resilience/clock";
import { DEFAULT_SANDBOX_SEED } from "../catalog/catalog-generator";
import { createRandom } from "../catalog/prng";
import { createCatalogStore } from "./catalog-store";
import { createChangeLog } from "./change-log";
import { createOrderBook, SandboxApiError } from "./order-book";
import { routeRequest, type RouteContext } from "./sandbox-routes";

export interface SandboxServiceOptions {
  seed?: number;
  productCount?: number;
  clock?: Clock;
  /** 0..1: share of requests that fail with a 503, a stall, or a 503 sent after the work was done. */
  failureRate?: number;
  /** How long a stalled request hangs before answering 504 (real time). */
  stallMs?: number;
}

/**
 * The offline supplier: a JSON API over a seeded catalog, idempotent orders and a clock-driven
 * shipping lifecycle. Used by the embedded default connection, tests, demos and benchmarks.
 */
export function createSandboxSupplierService(options: SandboxServiceOptions = {}) {
  const seed = options.seed ?? DEFAULT_SANDBOX_SEED;
  const clock = options.clock ?? systemClock;
  const catalog = createCatalogStore(seed, options.productCount ?? 2_000);
  const now = () => clock.now();
  const changes = createChangeLog(catalog, now);
  const ctx: RouteContext = { catalog, orders: createOrderBook(catalog, now), changes, seed, now };
  const failures = createRandom(seed ^ 0x5eed);
  const failureRate = options.failureRate ?? 0;
  const stallMs = options.stallMs ?? 15_000;
  const stalls = new Set<NodeJS.Timeout>();

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const fault = failureRate > 0 && failures.chance(failureRate) ? failures.pick(["503", "stall", "503-after"] as const) : null;
    try {
      if (fault === "503") return send(res, 503, { code: "SYSTEM_BUSY", message: "Injected failure" });
      if (fault === "stall") {
        const timer = setTimeout(() => { stalls.delete(timer); send(res, 504, { code: "TIMEOUT", message: "Injected stall" }); }, stallMs);
        stalls.add(timer);
        return;
      }
      const body = req.method === "POST" ? await readJson(req) : undefined;
      const { status, payload } = routeRequest(ctx, req.method ?? "GET", url, body);
      if (fault === "503-after") return send(res, 503, { code: "SYSTEM_BUSY", message: "Injected failure after processing" });
      send(res, status, payload);
    } catch (error) {
      if (error instanceof SandboxApiError) return send(res, error.status, { code: error.code, message: error.message });
      send(res, 500, { code: "INTERNAL", message: "Sandbox internal error" });
    }
  }

  const server = createServer((req, res) => void handler(req, res));
  const local = localServer(server);

  return {
    handler,
    catalog,
    /** Changes a variant's cost, stock or availability and records the change event the feed serves. */
    change: changes.change,
    get orderCount() { return ctx.orders.size; },
    listen: local.listen,
    close(): Promise<void> {
      for (const timer of stalls) clearTimeout(timer);
      return local.close();
    },
  };
}

export type SandboxSupplierService = ReturnType<typeof createSandboxSupplierService>;

function send(res: ServerResponse, status: number, payload: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(payload));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SandboxApiError(400, "INVALID_JSON", "Body is not valid JSON");
  }
}
