import { readFileSync } from "node:fs";
import path from "node:path";
import { http, HttpResponse, delay } from "msw";
import { setupServer } from "msw/node";
import type { SupplierOrderRequest } from "../supplier-order-models";
import { createManualClock } from "../resilience/clock";
import { createJdAdapter, type JdAdapterOptions } from "./index";

export const JD_BASE = "https://bizapi.test.jd.local";
export const server = setupServer();

export function jdFixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", `${name}.json`), "utf8"));
}

export const buildJdCredentials = (overrides: Partial<JdAdapterOptions["credentials"]> = {}) => ({
  clientId: "client-abc", clientSecret: "secret-xyz", username: "silkroute", password: "p@ss", ...overrides,
});

export function buildJdAdapter(overrides: Partial<JdAdapterOptions> = {}) {
  const clock = createManualClock(); // 2026-11-01T00:00:00Z = 08:00 in Beijing
  const adapter = createJdAdapter({
    credentials: buildJdCredentials(),
    baseUrl: JD_BASE,
    clock,
    resilience: { timeoutMs: 200, retry: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 }, breaker: { failureThreshold: 3, openMs: 60_000 } },
    ...overrides,
  });
  return { adapter, clock };
}

export interface RecordedCall { path: string; params: Record<string, string> }

/**
 * Serves VOP endpoints from fixtures (path → fixture name or a list played in order) and records every
 * form body, so tests can assert exactly what was sent. Unlisted paths fail via onUnhandledRequest.
 */
type RouteSpec = string | string[] | { status: number } | { delayMs: number; fixture: string };

export function serveJd(routes: Record<string, RouteSpec>) {
  const all: Record<string, RouteSpec> = { "/oauth2/accessToken": "token-success", ...routes };
  const calls: RecordedCall[] = [];
  const counters = new Map<string, number>();
  server.use(...Object.entries(all).map(([p, spec]) =>
    http.post(JD_BASE + p, async ({ request }) => {
      calls.push({ path: p, params: Object.fromEntries(new URLSearchParams(await request.text())) });
      const n = counters.get(p) ?? 0;
      counters.set(p, n + 1);
      if (typeof spec === "object" && "status" in spec) return new HttpResponse(null, { status: spec.status });
      if (typeof spec === "object" && "delayMs" in spec) { await delay(spec.delayMs); return HttpResponse.json(jdFixture(spec.fixture) as object); }
      const name = Array.isArray(spec) ? spec[Math.min(n, spec.length - 1)]! : spec;
      return HttpResponse.json(jdFixture(name) as object);
    })));
  return { calls, paths: () => calls.map((c) => c.path), last: (p: string) => calls.filter((c) => c.path === p).at(-1)! };
}

export function buildJdOrderRequest(overrides: Partial<SupplierOrderRequest> = {}): SupplierOrderRequest {
  return {
    idempotencyKey: "so_jd_0001",
    lines: [{ supplierVariantId: "100012043978", quantity: 2 }],
    shipTo: { name: "测试 收货人", phone: "13800000000", address1: "黄埔区 测试路 1 号", city: "广州", countryCode: "CN", supplierAreaId: "19_1601_3633_0" },
    ...overrides,
  };
}

export function useMswServer(hooks: { beforeAll: (fn: () => void) => void; afterEach: (fn: () => void) => void; afterAll: (fn: () => void) => void }) {
  hooks.beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  hooks.afterEach(() => server.resetHandlers());
  hooks.afterAll(() => server.close());
}
