import { readFileSync } from "node:fs";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { SupplierOrderRequest } from "../supplier-order-models";
import { systemClock, type Clock } from "../resilience/clock";
import { createCjAdapter, type CjAdapterOptions } from "./index";

export const CJ_BASE = "https://cj.test.local/api2.0/v1";
export const server = setupServer();

export const cjFixture = (name: string): object =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", `${name}.json`), "utf8")) as object;

export function buildCjAdapter(overrides: Partial<CjAdapterOptions> = {}) {
  const clock = createShiftableClock(Date.UTC(2026, 10, 1));
  const adapter = createCjAdapter({
    apiKey: "CJ1234567@api@0123456789abcdef", baseUrl: CJ_BASE, clock, requestsPerSecond: 1_000,
    resilience: { timeoutMs: 60_000, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10, random: () => 1 }, breaker: { failureThreshold: 3, openMs: 60_000 } },
    ...overrides,
  });
  return { adapter, clock };
}

/** Real timers (so deadlines race real fetches) but a movable "now" and a record of every requested wait. */
export function createShiftableClock(startMs: number): Clock & { slept: number[]; advance(ms: number): void } {
  let offset = startMs - Date.now();
  const slept: number[] = [];
  return {
    slept,
    now: () => Date.now() + offset,
    sleep: (ms, signal) => { slept.push(ms); return systemClock.sleep(ms, signal); },
    advance: (ms) => { offset += ms; },
  };
}

export interface CjCall { method: string; path: string; query: Record<string, string>; body: unknown; token: string | null }

/** Routes "METHOD /path" to a fixture (or a list played in order) and records every call. */
export function serveCj(routes: Record<string, string | string[] | { status: number }>) {
  const calls: CjCall[] = [];
  const counters = new Map<string, number>();
  const all: Record<string, string | string[] | { status: number }> = { "POST /authentication/getAccessToken": "get-access-token", ...routes };
  server.use(...Object.entries(all).map(([route, spec]) => {
    const [method, p] = route.split(" ") as [string, string];
    const verb = method === "GET" ? http.get : method === "DELETE" ? http.delete : http.post;
    return verb(CJ_BASE + p, async ({ request }) => {
      const url = new URL(request.url);
      const text = method === "POST" ? await request.text() : "";
      calls.push({ method, path: p, query: Object.fromEntries(url.searchParams), body: text ? JSON.parse(text) : undefined, token: request.headers.get("CJ-Access-Token") });
      const n = counters.get(route) ?? 0;
      counters.set(route, n + 1);
      if (typeof spec === "object" && !Array.isArray(spec)) return new HttpResponse(null, { status: spec.status });
      return HttpResponse.json(cjFixture(Array.isArray(spec) ? spec[Math.min(n, spec.length - 1)]! : spec));
    });
  }));
  return { calls, paths: () => calls.map((c) => `${c.method} ${c.path}`), last: (p: string) => calls.filter((c) => c.path === p).at(-1)! };
}

export function useMswServer(hooks: { beforeAll: (fn: () => void) => void; afterEach: (fn: () => void) => void; afterAll: (fn: () => void) => void }) {
  hooks.beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  hooks.afterEach(() => server.resetHandlers());
  hooks.afterAll(() => server.close());
}

export function buildCjOrderRequest(overrides: Partial<SupplierOrderRequest> = {}): SupplierOrderRequest {
  return {
    idempotencyKey: "so_cj_0001",
    lines: [{ supplierVariantId: "V-PB-BLK-10K", quantity: 2 }],
    shipTo: { name: "Test Buyer", phone: "+15550000000", address1: "1 Test St", city: "Austin", province: "TX", zip: "73301", countryCode: "US" },
    shippingMethod: "CJPacket Ordinary",
    ...overrides,
  };
}
