import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { localServer } from "../../emulator-http/local-server";
import { systemClock, type Clock } from "../../resilience/clock";
import { DEFAULT_SANDBOX_SEED } from "../../sandbox/catalog/catalog-generator";
import { createCjAccounts, type CjAccountSeed } from "./cj-accounts";
import { createCjCatalog } from "./cj-catalog";
import { CjApiError, failure, success } from "./cj-envelope";
import { createCjOrderBook } from "./cj-orders";
import { routeCjRequest, type CjRouteContext } from "./cj-routes";
import { createCjWebhookOutbox } from "./cj-webhooks";

export const CJ_API_PREFIX = "/api2.0/v1";
const MAX_BODY_BYTES = 1_000_000;

/** Ready-made accounts (the demo's "Connect CJ (emulated)" and the tests use them). */
export const CJ_EMULATOR_ACCOUNTS = {
  /** qpsLimit 100 is the value in CJ's own setting/get example. */
  demo: { apiKey: "CJ1000001@api@5a1b7c0e9d2f4e6a8b3c5d7e9f1a2b3c", openId: 1000001, email: "demo@silkroute.test", qpsLimit: 100, balanceCents: 1_000_000 },
  /** A free, unverified account: 1 call per second, 1,000 calls per interface per day. */
  free: { apiKey: "CJ1000002@api@0f1e2d3c4b5a69788796a5b4c3d2e1f0", openId: 1000002, email: "free@silkroute.test", qpsLimit: 1, balanceCents: 0, verified: false },
} satisfies Record<string, CjAccountSeed>;

export interface CjEmulatorOptions {
  seed?: number;
  productCount?: number;
  /** Drives tokens' lifetimes, order lifecycle and the daily budget (the demo speeds it up; tests move it by hand). */
  clock?: Clock;
  /** Per-second QPS windows are always wall time, so a manual lifecycle clock never freezes the limiter. */
  wallClock?: Clock;
  accounts?: readonly CjAccountSeed[];
  allowHttpCallbacks?: boolean;
}

/**
 * An offline CJ Dropshipping API 2.0 built from its published contract (cj-contract.json): same paths, envelope,
 * token rules, limits, error codes and webhook signatures, so the adapter is tested against what CJ answers.
 */
export function createCjEmulator(options: CjEmulatorOptions = {}) {
  const clock = options.clock ?? systemClock;
  const wall = options.wallClock ?? systemClock;
  const now = () => clock.now();
  const catalog = createCjCatalog(options.seed ?? DEFAULT_SANDBOX_SEED, options.productCount ?? 300);
  const accounts = createCjAccounts(options.accounts ?? Object.values(CJ_EMULATOR_ACCOUNTS), now, () => wall.now());
  const orders = createCjOrderBook(catalog, now);
  const outbox = createCjWebhookOutbox(catalog, orders.orders, now);
  const ctx: CjRouteContext = { accounts, catalog, orders, allowHttpCallbacks: options.allowHttpCallbacks ?? true };
  let baseUrl = "";

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://cj.local");
    try {
      if (!url.pathname.startsWith(CJ_API_PREFIX + "/")) throw new CjApiError(1600101, undefined, 404);
      const body = req.method === "POST" || req.method === "PATCH" ? await readJson(req) : {};
      const token = req.headers["cj-access-token"];
      const data = routeCjRequest(ctx, req.method ?? "GET", url.pathname.slice(CJ_API_PREFIX.length), url.searchParams, body,
        typeof token === "string" && token ? token : undefined);
      send(res, 200, success(data));
    } catch (error) {
      if (error instanceof CjApiError) return send(res, error.httpStatus, failure(error));
      send(res, 500, failure(new CjApiError(1600000)));
    }
  }

  const server = createServer((req, res) => void handler(req, res));
  const local = localServer(server);
  const subscribers = (topic: "stock" | "product") => [...accounts.accounts.values()].filter((a) => a.callbacks[topic].length).map((a) => a.openId);

  return {
    handler, catalog, accounts, orders, outbox,
    get orderCount() { return orders.orders.size; },
    /** The base URL an adapter is given (…/api2.0/v1), like https://developers.cjdropshipping.com/api2.0/v1. */
    get apiBaseUrl() { return baseUrl + CJ_API_PREFIX; },
    /** Sends every due webhook message (ORDER/LOGISTIC from the clock, STOCK/PRODUCT from changes). */
    deliverWebhooks: (doFetch?: typeof fetch) => outbox.deliver(accounts.accounts.values(), doFetch),
    setStock(vid: string, countryCode: string, units: number) {
      const v = catalog.variant(vid)?.variant;
      if (!v) throw new Error(`unknown vid ${vid}`);
      v.stock[countryCode] = units;
      outbox.stockChanged(vid, subscribers("stock"));
    },
    changeProduct(pid: string, fields: Record<string, unknown>) { outbox.productChanged(pid, fields, subscribers("product")); },
    setBalance(apiKey: string, cents: number) { accounts.accounts.get(apiKey)!.balanceCents = cents; },
    async listen(port = 0, host = "127.0.0.1"): Promise<{ port: number; url: string; apiBaseUrl: string }> {
      const bound = await local.listen(port, host);
      baseUrl = bound.url;
      return { ...bound, apiBaseUrl: baseUrl + CJ_API_PREFIX };
    },
    close(): Promise<void> {
      return local.close();
    },
  };
}

export type CjEmulator = ReturnType<typeof createCjEmulator>;

function send(res: ServerResponse, status: number, payload: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(payload));
}

// 16900204-class errors for bodies CJ cannot read; the body is bounded before parsing.
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new CjApiError(1600300, "request body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new CjApiError(16900204);
  }
}
