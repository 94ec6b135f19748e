// Test-only: a Shopify emulator and a sandbox supplier on loopback, one installed shop with a Shenzhen
// fulfillment service and a mapped product, and an in-process drain of the fulfillment jobs.
import db from "../../db.server";
import { createEmulator, createShopifyFetch, manualClock, type Emulator } from "../../emulator";
import { PRODUCT_SET } from "../../emulator/test-builders";
import { seedInstalledShop } from "../../test/admin-session";
import { uniqueShop } from "../../test/webhooks";
import { AdminClient } from "../shopify/admin-client";
import { CostPacer } from "../shopify/cost-pacer";
import { createSandboxAdapter } from "../suppliers/sandbox";
import { createManualClock } from "../suppliers/resilience/clock";
import { createSandboxSupplierService } from "../suppliers/sandbox/service/sandbox-service";
import { useSupplierAdapters } from "./supplier-gateway.server";
import { ensureWarehouseServices } from "./warehouses.server";
import { fulfillmentJobHandlers } from "./jobs.server";
import type { JobDeps } from "../jobs/handlers";
import { subscribeThroughShopify } from "../billing/test-support";

export interface WorldOptions { failureRate?: number; stallMs?: number }

export async function startWorld(options: WorldOptions = {}) {
  const outbound: { url: string; body: string; headers: Headers }[] = [];
  const emulator: Emulator = createEmulator({
    apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: process.env.SHOPIFY_APP_URL!,
    appTomlPath: null, clock: manualClock(), webhookRetryDelaysMs: [],
    // Webhooks and notifications are recorded, not delivered: tests hand them to the routes themselves.
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const r = new Request(input, init);
      outbound.push({ url: r.url, body: await r.text(), headers: r.headers });
      return new Response("ok");
    }) as typeof fetch,
  });
  await emulator.listen();
  const originalFetch = globalThis.fetch;
  globalThis.fetch = createShopifyFetch(emulator.url, originalFetch);
  const supplierClock = createManualClock(Date.now());
  const sandbox = createSandboxSupplierService({ seed: 42, productCount: 300, clock: supplierClock, failureRate: options.failureRate, stallMs: options.stallMs ?? 50 });
  const { url: supplierUrl } = await sandbox.listen(0);
  useSupplierAdapters(async () => createSandboxAdapter({
    baseUrl: supplierUrl, resilience: { timeoutMs: 1_000, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, breaker: { failureThreshold: 1_000, openMs: 1_000 } },
  }));

  const shop = uniqueShop("ful");
  emulator.controls.createShop({ domain: shop, currencyCode: "USD", address: { address1: "1 Main St", city: "Springfield", provinceCode: "IL", zip: "62701", countryCode: "US" } });
  const { accessToken } = emulator.controls.installApp(shop);
  await seedInstalledShop(shop, accessToken);
  const admin = new AdminClient({ shop, accessToken, pacer: new CostPacer() });
  // Autopilot is a paid feature (ADR 1000); the world's shop is on Scale unless a test moves it.
  await subscribeThroughShopify(emulator, admin, "scale");
  const [warehouse] = await ensureWarehouseServices(admin, ["CN-SZ"]);

  const found = sandbox.catalog.products.flatMap((p) => p.variants.map((v) => ({ p, v }))).find(({ v }) => (v.stock["CN-SZ"] ?? 0) > 50)!;
  const product = await emulator.graphql(shop, PRODUCT_SET, {
    synchronous: true,
    input: { title: "Silk Scarf", productOptions: [{ name: "Title", values: [{ name: "Default Title" }] }],
      variants: [{ optionValues: [{ optionName: "Title", name: "Default Title" }], price: "49.00", sku: "SR-SCARF", inventoryQuantities: [{ locationId: warehouse!.locationGid, name: "available", quantity: 1000 }] }] },
  }) as { data: { productSet: { product: { id: string; variants: { nodes: { id: string }[] } } } } };
  const variantGid = product.data.productSet.product.variants.nodes[0]!.id;
  await db.variantMapping.create({
    data: { shop, productGid: product.data.productSet.product.id, variantGid, shopifySku: "SR-SCARF", supplier: "sandbox", supplierProductId: found.p.pid,
      supplierSku: found.v.vid, costMinor: found.v.cost_fen, costCurrency: "CNY", hsCode: "621410", originCountry: "CN", weightGrams: 120,
      gpsrResponsiblePerson: "EU Rep GmbH, Hauptstraße 1, 10115 Berlin, DE", stock: { "CN-SZ": 500 } },
  });
  await db.fulfillmentSettings.create({ data: { shop, mode: "auto", notifyCustomer: true } });

  const handlers = fulfillmentJobHandlers({ db } as unknown as JobDeps);
  return {
    emulator, sandbox, supplierClock, shop, admin, variantGid, warehouse: warehouse!, outbound,
    /** `shippingLine`: the checkout option the buyer picked (a CarrierService rate comes back as its code and title). */
    placeOrder(address: Record<string, string> = {}, quantity = 1, shippingLine?: { title: string; code: string; price: string; source?: string }) {
      return emulator.controls.placeOrder(shop, { lines: [{ variantId: variantGid, quantity }], ...(shippingLine ? { shippingLine } : {}),
        shippingAddress: { firstName: "Mia", lastName: "Schneider", address1: "Hauptstraße 5", city: "Berlin", zip: "10115", countryCode: "DE", phone: "+4915112345678", ...address } });
    },
    notifications: (kind = "FULFILLMENT_REQUEST") => outbound.filter((o) => o.url.endsWith("/fulfillment_order_notification") && JSON.parse(o.body).kind === kind),
    /** Runs this shop's queued fulfillment jobs like a worker; `dueOnly` leaves delayed retries waiting. */
    async drain({ dueOnly = false, max = 200 } = {}) {
      const ran: string[] = [];
      for (let i = 0; i < max; i++) {
        const job = await db.job.findFirst({ where: { shop, state: "queued", queue: { startsWith: "fulfillment." }, ...(dueOnly ? { runAt: { lte: new Date() } } : {}) }, orderBy: { runAt: "asc" } });
        if (!job) break;
        ran.push(job.queue);
        try {
          const ctx = { id: job.id, queue: job.queue, payload: job.payload, shop, attempt: job.attempts + 1, maxAttempts: job.maxAttempts, signal: new AbortController().signal, updateProgress: async () => {} };
          await handlers[job.queue]!.handler(ctx);
          await db.job.update({ where: { id: job.id }, data: { state: "completed", attempts: { increment: 1 } } });
        } catch (error) {
          const attempts = job.attempts + 1;
          await db.job.update({ where: { id: job.id }, data: { attempts, lastError: String(error), state: attempts >= job.maxAttempts ? "dead" : "queued", runAt: new Date(Date.now() + 60_000) } });
        }
      }
      return ran;
    },
    supplierOrders: () => db.supplierOrder.findMany({ where: { shop }, orderBy: { createdAt: "asc" } }),
    async close() {
      globalThis.fetch = originalFetch;
      useSupplierAdapters(null);
      await sandbox.close();
      await emulator.close();
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;
