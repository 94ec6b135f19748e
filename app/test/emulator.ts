import { afterAll, beforeAll } from "vitest";
import { createEmulator, type Emulator, type EmulatorOptions } from "../emulator";
import { emulatorHandlers } from "../emulator/msw-handlers";
import type { CreateShopInput } from "../emulator/state";
import { AdminClient } from "../server/shopify/admin-client";
import { seedInstalledShop } from "./admin-session";
import { uniqueShop } from "./webhooks";

/** A Shopify-bound request the app made, as the emulator received it. */
export interface ShopifyRequest { method: string; url: string; body: string }

export interface TestEmulator {
  readonly emulator: Emulator;
  /** Every request the app sent to https://<shop>/admin/... since the emulator started (or was cleared). */
  readonly requests: ShopifyRequest[];
  /** msw handlers answering from this emulator, for files that already run an msw server. */
  readonly handlers: ReturnType<typeof emulatorHandlers>;
  /** An emulated store (development plan, USD, US address unless overridden); returns its domain. */
  createShop(overrides?: Partial<CreateShopInput>): string;
  /** Shopify-managed install plus the offline session the app would hold, so admin routes and jobs work at once. */
  installApp(shop: string): Promise<string>;
  /** An Admin API client for an installed shop (installs it first when needed). */
  adminClient(shop: string): Promise<AdminClient>;
  stop(): void;
}

/**
 * Starts an in-process emulator with the app's test key and secret and routes the app's Shopify traffic to it
 * (globalThis.fetch, which shopify-api and our Admin client both look up per call). Webhooks are off unless
 * `appTomlPath` is given, since no app server listens in unit tests.
 */
export function startTestEmulator(options: Partial<EmulatorOptions> = {}): TestEmulator {
  const emulator = createEmulator({
    apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: process.env.SHOPIFY_APP_URL!,
    appTomlPath: null, webhookRetryDelaysMs: [10, 10], webhookTimeoutMs: 2_000, ...options,
  });
  const requests: ShopifyRequest[] = [];
  const original = globalThis.fetch;
  const routed = emulator.shopifyFetch(original);
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.hostname.endsWith(".myshopify.com") && url.pathname.startsWith("/admin/")) {
      requests.push({ method: request.method, url: request.url, body: await request.clone().text() });
    }
    return routed(request);
  }) as typeof fetch;
  const installed = new Map<string, string>();

  const handle: TestEmulator = {
    emulator,
    requests,
    handlers: emulatorHandlers(emulator),
    createShop(overrides = {}) {
      const domain = overrides.domain ?? uniqueShop("emulated");
      emulator.controls.createShop({
        domain, name: "Emulated Shop", plan: "development", currencyCode: "USD", ianaTimezone: "America/New_York",
        address: { address1: "1 Main St", city: "Springfield", provinceCode: "IL", zip: "62701", countryCode: "US" },
        ...overrides,
      });
      return domain;
    },
    async installApp(shop) {
      const { accessToken } = emulator.controls.installApp(shop, { expiring: true });
      await seedInstalledShop(shop, accessToken);
      installed.set(shop, accessToken);
      return accessToken;
    },
    async adminClient(shop) {
      const accessToken = installed.get(shop) ?? (await handle.installApp(shop));
      return new AdminClient({ shop, accessToken });
    },
    stop() {
      if (globalThis.fetch !== original) globalThis.fetch = original;
    },
  };
  return handle;
}

/** startTestEmulator for one test file: started in beforeAll, fetch restored in afterAll. */
export function useShopifyEmulator(options: Partial<EmulatorOptions> = {}): TestEmulator {
  let current: TestEmulator | undefined;
  const live = () => {
    if (!current) throw new Error("useShopifyEmulator(): the emulator starts in beforeAll; use it inside tests");
    return current;
  };
  beforeAll(() => { current = startTestEmulator(options); });
  afterAll(() => current?.stop());
  return {
    get emulator() { return live().emulator; },
    get requests() { return live().requests; },
    get handlers() { return live().handlers; },
    createShop: (overrides) => live().createShop(overrides),
    installApp: (shop) => live().installApp(shop),
    adminClient: (shop) => live().adminClient(shop),
    stop: () => live().stop(),
  };
}
