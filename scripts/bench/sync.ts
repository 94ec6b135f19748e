// Price and stock sync against the emulator on a Standard-plan shop ("shopify": 100 points/s, 2,000-point bucket).
//   npx tsx scripts/bench/sync.ts [--skus 100000] [--changed 0.01] [--interval 15] [--event-window 30]
// 1) A scheduled sync after --changed of the mapped SKUs changed at the sandbox supplier (every changed SKU gets a
//    new stock count, half of them a new cost too, with auto-price on): Admin API calls and cost points spent
//    (counted at the HTTP layer, retries and reads included) beside the minimum for those changes
//    (ceil(stock changes / 250) inventorySetQuantities + one productVariantsBulkUpdate per product with a price
//    change; 10 points per mutation), the app-side time, and the lag from a change to its value in the store.
//    Scheduled lag = wait for the next run (changes land uniformly within the interval, so the wait is uniform in
//    (0, interval]) + the measured time from the run's start to the write that carried the SKU.
// 2) The same number of changes as supplier events spread over --event-window seconds, applied by an event worker
//    polling every second (the DB job backend's poll): lag from the event to its value in the store, measured.
// DATABASE_URL=postgresql://… runs it on PostgreSQL; by default a throwaway SQLite file.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: {
  skus: { type: "string", default: "100000" }, changed: { type: "string", default: "0.01" },
  interval: { type: "string", default: "15" }, "event-window": { type: "string", default: "30" },
} });
const SKUS = Number(args.skus);
const CHANGED = Math.max(1, Math.round(SKUS * Number(args.changed)));
const INTERVAL_S = Number(args.interval) * 60;
const ROOT = path.resolve(import.meta.dirname, "../..");

// The bench runs offline against the emulator: test mode, so the production configuration checks (https app URL,
// encryption keys) do not apply (app/server/config.ts).
process.env.SILKROUTE_MODE ||= "test";
process.env.SHOPIFY_API_KEY ??= "bench-api-key";
process.env.SHOPIFY_API_SECRET ??= "bench-api-secret";
process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:3999";
process.env.SHOPIFY_LOG_LEVEL ??= "error";
process.env.DATABASE_URL ||= `file:./.data/bench-sync-${process.pid}.db`;
const DB_URL = process.env.DATABASE_URL;
resetDatabase(DB_URL);

const { createEmulator } = await import("../../app/emulator");
const { default: db } = await import("../../app/db.server");
const { AdminClient } = await import("../../app/server/shopify/admin-client");
const { CostPacer } = await import("../../app/server/shopify/cost-pacer");
const { createSandboxSupplierService } = await import("../../app/server/suppliers/sandbox/service/sandbox-service");
const { resetSupplierAdapters } = await import("../../app/server/sourcing/supplier-connections.server");
const { saveSourcingSettings } = await import("../../app/server/sourcing/settings.server");
const { ensureWarehouseServices } = await import("../../app/server/fulfillment/warehouses.server");
const { runSync } = await import("../../app/server/sourcing/sync/sync-engine.server");
const { applySupplierChange, processSupplierEvents } = await import("../../app/server/sourcing/sync/supplier-events.server");
const { quoteVariant } = await import("../../app/server/sourcing/import-list/item-quotes");
const { loadPricingContext } = await import("../../app/server/sourcing/pricing/pricing-context.server");
const { money, toDecimalString } = await import("../../app/server/money");

const emulator = createEmulator({
  apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: process.env.SHOPIFY_APP_URL!, appTomlPath: null,
  webhookRetryDelaysMs: [], fetch: (async () => new Response("ok")) as typeof fetch,
});
await emulator.listen();

// Counts every Admin API request and the cost Shopify charged, and stamps when each SKU's write completed.
const meter = { on: false, requests: 0, cost: 0, throttled: 0 };
const writtenAt = new Map<string, number>(); // inventory item or variant gid → time its write completed
const inProcess = emulator.shopifyFetch(globalThis.fetch.bind(globalThis));
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await inProcess(input, init);
  if (!meter.on || !String(input instanceof Request ? input.url : input).includes(".myshopify.com/admin/")) return response;
  const body = (await response.clone().json().catch(() => null)) as { errors?: Array<{ extensions?: { code?: string } }>; extensions?: { cost?: { actualQueryCost?: number | null; requestedQueryCost?: number } } } | null;
  meter.requests++;
  if (body?.errors?.some((e) => e.extensions?.code === "THROTTLED")) meter.throttled++;
  meter.cost += body?.extensions?.cost?.actualQueryCost ?? body?.extensions?.cost?.requestedQueryCost ?? 0;
  const sent = typeof init?.body === "string" ? init.body : "";
  const now = performance.now();
  for (const m of sent.matchAll(/gid:\/\/shopify\/(?:InventoryItem|ProductVariant)\/\d+/g)) writtenAt.set(m[0], now);
  return response;
}) as typeof fetch;

// --- Set-up (not measured): a catalog of SKUS variants at the supplier, the same products in the store, mappings.
const t0 = performance.now();
const perProduct = 5;
const sandbox = createSandboxSupplierService({ seed: 7, productCount: Math.ceil(SKUS / 3) });
const { url: sandboxUrl } = await sandbox.listen(0);
process.env.SANDBOX_SUPPLIER_URL = sandboxUrl;
resetSupplierAdapters();
const supplierSkus = sandbox.catalog.products.flatMap((p) => p.variants).slice(0, SKUS);
if (supplierSkus.length < SKUS) throw new Error(`the sandbox catalog has only ${supplierSkus.length} variants`);

const shop = `bench-sync-${crypto.randomBytes(3).toString("hex")}.myshopify.com`;
emulator.controls.createShop({ domain: shop, plan: "enterprise", currencyCode: "USD", address: { address1: "1 Main St", city: "Springfield", provinceCode: "IL", zip: "62701", countryCode: "US" } });
const { accessToken } = emulator.controls.installApp(shop);
await db.shop.create({ data: { domain: shop, currencyCode: "USD" } });
const admin = new AdminClient({ shop, accessToken, pacer: new CostPacer() });
const warehouses = await ensureWarehouseServices(admin);
const locationOf = new Map(warehouses.map((w) => [w.code, w.locationGid]));
await saveSourcingSettings(shop, { autoPriceSync: true });
const pricing = await loadPricingContext(shop, null);

const mappings: Array<Record<string, unknown>> = [];
for (let start = 0; start < SKUS; start += perProduct) {
  const slice = supplierSkus.slice(start, start + perProduct);
  const quotes = slice.map((v) => quoteVariant(pricing, { supplierVariantId: v.vid, cost: money(v.cost_fen, "CNY"), weightGrams: v.weight_g, priceOverride: null }));
  const body = (await emulator.graphql(shop, `mutation S($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id variants(first: 10) { nodes { id sku inventoryItem { id } } } } userErrors { message } } }`, {
    input: {
      title: `Bench ${start}`, status: "ACTIVE", productOptions: [{ name: "Kind", values: slice.map((v) => ({ name: v.vid })) }],
      variants: slice.map((v, i) => ({
        optionValues: [{ optionName: "Kind", name: v.vid }], sku: v.vid, price: toDecimalString(quotes[i]!.price), inventoryItem: { tracked: true },
        inventoryQuantities: Object.entries(v.stock).flatMap(([code, qty]) => (locationOf.has(code) ? [{ locationId: locationOf.get(code)!, name: "available", quantity: qty }] : [])),
      })),
    },
  })) as { data: { productSet: { product: { id: string; variants: { nodes: Array<{ id: string; sku: string; inventoryItem: { id: string } }> } } } } };
  const product = body.data.productSet.product;
  product.variants.nodes.forEach((n, i) => {
    const v = slice[i]!;
    const stocked = Object.entries(v.stock).filter(([code]) => locationOf.has(code));
    mappings.push({
      shop, productGid: product.id, variantGid: n.id, shopifySku: n.sku, supplier: "sandbox", supplierProductId: v.vid.slice(0, 9), supplierSku: v.vid,
      inventoryItemGid: n.inventoryItem.id, costMinor: v.cost_fen, costCurrency: "CNY", weightGrams: v.weight_g, stock: v.stock, autoPrice: true,
      pushedStock: Object.fromEntries(stocked.map(([code, qty]) => [locationOf.get(code)!, qty])), pushedPriceMinor: quotes[i]!.price.amount,
      pushedCompareAtMinor: quotes[i]!.compareAt?.amount ?? null, pushedCurrency: "USD", pushedInventoryPolicy: "DENY", supplierReadAt: new Date(),
    });
  });
}
for (let i = 0; i < mappings.length; i += 1000) await db.variantMapping.createMany({ data: mappings.slice(i, i + 1000) as never });
emulator.controls.setPlan(shop, "shopify"); // measured runs on a Standard plan
await new Promise((r) => setTimeout(r, 21_000)); // let the bucket refill as on an idle shop
console.log(`set-up: ${SKUS} mapped SKUs in ${SKUS / perProduct} products, ${warehouses.length} warehouse locations (${((performance.now() - t0) / 1000).toFixed(0)} s)`);

const deps = { adminFor: async () => admin };
const quiet = await measure(() => runSync(shop, "schedule", {}, deps));
console.log(`no-change scheduled sync: ${quiet.requests} Admin calls, ${quiet.cost} points, app-side ${(quiet.ms / 1000).toFixed(1)} s`);

// --- 1) Scheduled sync after CHANGED supplier changes.
const rng = mulberry32(1);
const picked = pick(mappings, CHANGED, rng);
const expected = applySupplierChanges(picked, rng);
const scheduled = await measure(() => runSync(shop, "schedule", {}, deps));
const minCalls = Math.ceil(expected.stockChanges / 250) + expected.priceProducts.size;
const minCost = minCalls * 10;
const offsets = picked.map((m) => (writtenAt.get(m.inventoryItemGid as string) ?? writtenAt.get(m.variantGid as string) ?? NaN) - scheduled.start);
const scheduledLags = offsets.map((o) => rng() * INTERVAL_S + o / 1000);
const wrong = await verifyStore(picked);
console.log(`scheduled sync, ${CHANGED} SKUs changed (${expected.stockChanges} stock counts, ${expected.priceProducts.size} products with a price change): ${scheduled.requests} calls (${meter.throttled} throttled), ${scheduled.cost} points, app-side ${(scheduled.ms / 1000).toFixed(1)} s; store wrong for ${wrong} SKUs`);

// --- 2) The same number of changes as supplier events, applied by a worker polling every second.
const before = { requests: meter.requests, cost: meter.cost };
writtenAt.clear();
meter.on = true;
const eventPicked = pick(mappings.filter((m) => !picked.includes(m)), CHANGED, rng);
const emittedAt = new Map<string, number>();
let queued = false;
const jobs = { enqueue: async () => { queued = true; return "job"; } } as never;
let stop = false;
const worker = (async () => {
  while (!stop || queued) {
    await new Promise((r) => setTimeout(r, 1_000));
    if (!queued) continue;
    queued = false;
    while (await processSupplierEvents(shop, deps));
  }
})();
const windowMs = Number(args["event-window"]) * 1000;
const eventStart = performance.now();
let seq = 0;
for (const [i, m] of eventPicked.entries()) {
  const due = eventStart + (i / eventPicked.length) * windowMs;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const v = sandbox.catalog.variant(m.supplierSku as string)!.variant;
  const code = Object.keys(v.stock).find((c) => locationOf.has(c))!;
  const event = sandbox.change(v.vid, { stock: { [code]: (v.stock[code] ?? 0) + 7 } });
  emittedAt.set(m.inventoryItemGid as string, performance.now());
  await applySupplierChange(shop, "sandbox", [{ eventKey: `sandbox-${event.seq}`, supplierSku: v.vid, occurredAt: new Date(event.at), kind: "changed", stock: event.stock }], jobs);
  seq++;
}
stop = true;
await worker;
meter.on = false;
const eventLags = eventPicked.map((m) => ((writtenAt.get(m.inventoryItemGid as string) ?? NaN) - emittedAt.get(m.inventoryItemGid as string)!) / 1000);
console.log(`events: ${seq} supplier events over ${args["event-window"]} s: ${meter.requests - before.requests} calls, ${meter.cost - before.cost} points; store wrong for ${await verifyStore(eventPicked)} SKUs`);

const p95 = (xs: number[]) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]! : NaN; };
console.log(`minimum for the scheduled changes: ${minCalls} calls, ${minCost} points; schedule ${args.interval} min; SKUs never written: scheduled ${offsets.filter((o) => !Number.isFinite(o)).length}, events ${eventLags.filter((l) => !Number.isFinite(l)).length}`);
const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 1 : Infinity) : a / b).toFixed(2);
console.log(`sync: calls ${scheduled.requests} (minimum ${minCalls}, ratio ${ratio(scheduled.requests, minCalls)}), cost ${scheduled.cost} (minimum ${minCost}, ratio ${ratio(scheduled.cost, minCost)}), scheduled lag p95 ${p95(scheduledLags).toFixed(0)} s, event lag p95 ${p95(eventLags).toFixed(1)} s`);

await sandbox.close();
await emulator.close();
await db.$disconnect();
if (DB_URL.startsWith("file:")) for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.resolve(ROOT, DB_URL.slice(5)) + s, { force: true });
process.exit(0);

async function measure(run: () => Promise<unknown>) {
  const before = { requests: meter.requests, cost: meter.cost };
  meter.on = true;
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  meter.on = false;
  return { requests: meter.requests - before.requests, cost: meter.cost - before.cost, ms, start };
}

/** Changes picked SKUs at the supplier: a new stock count for each, a cost rise for every other one. */
function applySupplierChanges(picked: Array<Record<string, unknown>>, random: () => number) {
  let stockChanges = 0;
  const priceProducts = new Set<string>();
  for (const [i, m] of picked.entries()) {
    const v = sandbox.catalog.variant(m.supplierSku as string)!.variant;
    const stocked = Object.keys(v.stock).filter((c) => locationOf.has(c));
    const code = stocked[0]!;
    sandbox.change(v.vid, { stock: { [code]: (v.stock[code] ?? 0) + 1 + Math.floor(random() * 20) } });
    stockChanges++;
    if (i % 2 === 0) {
      const before = quoteVariant(pricing, { supplierVariantId: v.vid, cost: money(v.cost_fen, "CNY"), weightGrams: v.weight_g, priceOverride: null }).price.amount;
      sandbox.change(v.vid, { cost_fen: Math.round(v.cost_fen * 1.3) + 100 });
      const after = quoteVariant(pricing, { supplierVariantId: v.vid, cost: money(v.cost_fen, "CNY"), weightGrams: v.weight_g, priceOverride: null }).price.amount;
      if (after !== before) priceProducts.add(m.productGid as string);
    }
  }
  return { stockChanges, priceProducts };
}

/** SKUs whose store stock differs from the supplier's, read from the emulator's state (not through the throttled API). */
async function verifyStore(picked: Array<Record<string, unknown>>): Promise<number> {
  const levels = new Map<string, Record<string, number>>();
  for (const p of emulator.controls.products(shop) as Array<{ variants: Array<{ inventoryItemId: string; available: Record<string, number> }> }>) {
    for (const v of p.variants) levels.set(v.inventoryItemId, v.available);
  }
  let wrong = 0;
  for (const m of picked) {
    const v = sandbox.catalog.variant(m.supplierSku as string)!.variant;
    for (const [locationGid, available] of Object.entries(levels.get(m.inventoryItemGid as string) ?? {})) {
      const code = [...locationOf].find(([, gid]) => gid === locationGid)?.[0];
      if (code && available !== (v.stock[code] ?? 0)) wrong++;
    }
  }
  return wrong;
}

function pick<T>(items: T[], n: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [copy[i], copy[j]] = [copy[j]!, copy[i]!]; }
  return copy.slice(0, n);
}

function mulberry32(seed: number) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

function resetDatabase(url: string): void {
  if (!url.startsWith("file:")) return;
  fs.mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.resolve(ROOT, url.slice(5)) + s, { force: true });
  const r = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: process.env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrate deploy failed: ${r.stderr}`);
}
