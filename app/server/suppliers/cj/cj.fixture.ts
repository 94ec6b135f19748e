import { readFileSync } from "node:fs";
import path from "node:path";
import { systemClock, type Clock } from "../resilience/clock";
import type { SupplierOrderRequest } from "../supplier-order-models";
import { CJ_EMULATOR_ACCOUNTS, createCjEmulator, type CjEmulatorOptions } from "./emulator/cj-emulator";
import { createCjAdapter, type CjAdapterOptions } from "./index";

/** A published example from cj-contract.json, kept verbatim under __fixtures__. */
export const cjPublishedExample = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", `${name}.json`), "utf8"));

/** Real timers (pacing and backoff really wait) with a "now" tests can move forward by days. */
export function createShiftableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => Date.now() + offset, sleep: systemClock.sleep, advance: (ms) => { offset += ms; } };
}

/** A running CJ emulator on a random port and an adapter pointed at it over real HTTP, both on one movable clock. */
export async function startCj(options: CjEmulatorOptions & { adapter?: Partial<CjAdapterOptions> } = {}) {
  const clock = createShiftableClock();
  const emulator = createCjEmulator({ seed: 42, productCount: 120, clock, ...options });
  const { apiBaseUrl } = await emulator.listen(0);
  const calls: { method: string; path: string; query: URLSearchParams; body: unknown }[] = [];
  // Records what the adapter sent, then lets the real request through.
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    calls.push({ method: init?.method ?? "GET", path: url.pathname.replace(/^\/api2\.0\/v1/, ""), query: url.searchParams,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined });
    return fetch(input, init);
  };
  const build = (overrides: Partial<CjAdapterOptions> = {}) => createCjAdapter({
    apiKey: CJ_EMULATOR_ACCOUNTS.demo.apiKey, baseUrl: apiBaseUrl, fetch: recordingFetch, clock,
    resilience: { timeoutMs: 5_000, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, breaker: { failureThreshold: 1_000, openMs: 1_000 } },
    ...options.adapter, ...overrides,
  });
  const adapter = build();
  return {
    clock, emulator, adapter, build, calls, apiBaseUrl,
    paths: () => calls.map((c) => `${c.method} ${c.path}`),
    /** Any in-stock variant shipping from `country`, with its product. */
    variantIn(country = "CN", sensitive = false) {
      for (const p of emulator.catalog.products) {
        if (sensitive !== p.productProEnSet.some((x) => x !== "COMMON")) continue;
        const v = p.variants.find((x) => (x.stock[country] ?? 0) > 5);
        if (v) return { product: p, variant: v };
      }
      throw new Error(`no variant in ${country}`);
    },
    close: () => emulator.close(),
  };
}

export function buildCjOrderRequest(vid: string, overrides: Partial<SupplierOrderRequest> = {}): SupplierOrderRequest {
  return {
    idempotencyKey: "so_cj_0001",
    lines: [{ supplierVariantId: vid, quantity: 2 }],
    shipTo: { name: "Test Buyer", phone: "+15550000000", address1: "1 Test St", city: "Austin", province: "Texas", zip: "73301", countryCode: "US" },
    ...overrides,
  };
}
