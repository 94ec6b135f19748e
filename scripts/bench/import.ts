// Import throughput against the emulator on a Standard-plan shop ("shopify": 100 points/s, 2,000-point bucket).
//   npx tsx scripts/bench/import.ts [--sync-products 1000] [--bulk-products 5000] [--variants 5] [--concurrency 6]
// 1) sync path: one productSet per product through the paced Admin client; prints wall time as a ratio of the
//    cost-bucket lower bound ((total requested cost - initial bucket) / restore rate); goal <= 1.2.
// 2) bulk path: one staged JSONL + bulkOperationRunMutation, bulk_operations/finish, results mapped back; wall time.
// DATABASE_URL=postgresql://… runs it on PostgreSQL; by default a throwaway SQLite file.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: {
  "sync-products": { type: "string", default: "1000" }, "bulk-products": { type: "string", default: "5000" },
  variants: { type: "string", default: "5" }, concurrency: { type: "string", default: "6" },
} });
const ROOT = path.resolve(import.meta.dirname, "../..");

// Synthetic import items: N variants each, stock in two China warehouses.
const COLOURS = ["Red", "Blue", "Green", "Black", "White", "Grey", "Pink", "Navy", "Beige", "Olive"];

export function buildBenchImportItem(shop: string, n: number, variantCount: number) {
  const colours = COLOURS.slice(0, Math.min(variantCount, COLOURS.length));
  const id = `BENCH${String(n).padStart(6, "0")}`;
  return {
    shop, supplier: "sandbox", supplierProductId: id, handle: `bench-tee-${n}-sandbox-${id.toLowerCase()}`, title: `Bench tee ${n}`,
    descriptionHtml: "<p>Cotton tee</p>", tags: "bench", productType: "T-shirts",
    images: [{ url: "/sandbox/images/apparel-red.svg", keep: true }],
    variants: colours.map((colour, i) => ({
      supplierVariantId: `${id}-${i}`, sku: `${id}-${colour.toUpperCase()}`, options: { Color: colour }, cost: { amount: 2_000 + (n % 500), currency: "CNY" },
      weightGrams: 180, dims: null, stock: { "CN-SZ": 40 + i, "CN-GZ": 10 }, keep: true, priceOverride: null,
    })),
    snapshot: {
      titleZh: null, categoryId: "apparel", options: [{ name: "Color", values: colours }], hsCode: "610910", originCountry: "CN",
      hazards: { battery: false, liquid: false, magnet: false, powder: false, source: "supplier" }, warehouses: ["CN-SZ", "CN-GZ"],
    },
  };
}

// A benchmark harness: offline defaults and the emulator are test-mode behaviour (config.ts).
process.env.SILKROUTE_MODE ??= "test";
process.env.SHOPIFY_API_KEY ??= "bench-api-key";
process.env.SHOPIFY_API_SECRET ??= "bench-api-secret";
process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:3999";
process.env.DATABASE_URL ||= `file:./.data/bench-import-${process.pid}.db`;
const DB_URL = process.env.DATABASE_URL;

resetDatabase(DB_URL);
const { createEmulator } = await import("../../app/emulator");
const { default: db } = await import("../../app/db.server");
const { AdminClient } = await import("../../app/server/shopify/admin-client");
const { CostPacer } = await import("../../app/server/shopify/cost-pacer");
const { startImport, importJobStatus } = await import("../../app/server/sourcing/imports/import-jobs.server");
const { runImportJob } = await import("../../app/server/sourcing/imports/run-import.server");
const { finishBulkImport } = await import("../../app/server/sourcing/imports/bulk-finish.server");

let onFinish: (() => void) | null = null;
const emulator = createEmulator({
  apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: process.env.SHOPIFY_APP_URL!, appTomlPath: null, webhookRetryDelaysMs: [],
  fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (new Request(input, init).headers.get("x-shopify-topic") === "bulk_operations/finish") onFinish?.();
    return new Response("ok");
  }) as typeof fetch,
});
emulator.controls.subscribeAppWebhooks(["bulk_operations/finish"], "/webhooks/bulk_operations/finish");
await emulator.listen(); // staged uploads and bulk result files are fetched over HTTP
const cost = { requested: 0, throttled: 0, requests: 0 };
const inProcess = emulator.shopifyFetch(globalThis.fetch.bind(globalThis));
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await inProcess(input, init);
  if (!String(input instanceof Request ? input.url : input).includes(".myshopify.com/admin/")) return response;
  const body = (await response.clone().json().catch(() => null)) as { errors?: Array<{ extensions?: { code?: string } }>; extensions?: { cost?: { requestedQueryCost?: number } } } | null;
  cost.requests++;
  if (body?.errors?.some((e) => e.extensions?.code === "THROTTLED")) cost.throttled++;
  else cost.requested += body?.extensions?.cost?.requestedQueryCost ?? 0;
  return response;
}) as typeof fetch;

async function newShop(label: string) {
  const shop = `bench-${label}-${crypto.randomBytes(3).toString("hex")}.myshopify.com`;
  emulator.controls.createShop({ domain: shop, plan: "shopify", currencyCode: "USD" });
  const { accessToken } = emulator.controls.installApp(shop);
  await db.shop.create({ data: { domain: shop } });
  const admin = new AdminClient({ shop, accessToken, pacer: new CostPacer() });
  return { shop, admin, deps: { adminFor: async () => admin, appUrl: process.env.SHOPIFY_APP_URL!, concurrency: Number(args.concurrency) } };
}

async function stage(shop: string, count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, n) => buildBenchImportItem(shop, n, Number(args.variants)));
  for (let i = 0; i < rows.length; i += 500) await db.importItem.createMany({ data: rows.slice(i, i + 500) });
  return (await db.importItem.findMany({ where: { shop }, select: { id: true } })).map((r) => r.id);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

{ // Sync path, paced by the cost bucket.
  const { shop, admin, deps } = await newShop("sync");
  const ids = await stage(shop, Number(args["sync-products"]));
  const started = performance.now();
  const jobId = await startImport(shop, ids, { mode: "sync" });
  await runImportJob(jobId, deps);
  const wall = performance.now() - started;
  const status = await importJobStatus(shop, jobId);
  const bucket = 2000, restore = 100; // Standard plan
  const lowerBound = (Math.max(0, cost.requested - bucket) / restore) * 1000;
  console.log(`sync path: ${ids.length} products × ${args.variants} variants, ${status?.done} pushed, ${status?.failed} failed, ${emulator.controls.products(shop).length} products in the shop`);
  console.log(`  requests ${cost.requests} (throttled ${cost.throttled}), requested cost ${cost.requested} points`);
  console.log(`  wall ${seconds(wall)}, cost-bucket lower bound ${seconds(lowerBound)}, ratio ${(wall / lowerBound).toFixed(3)} (goal <= 1.2)`);
  void admin;
}

{ // Bulk path: one operation, completion by webhook, results mapped back.
  const { shop, deps } = await newShop("bulk");
  const ids = await stage(shop, Number(args["bulk-products"]));
  const finished = new Promise<void>((resolve) => { onFinish = resolve; });
  const started = performance.now();
  const jobId = await startImport(shop, ids, { mode: "bulk" });
  await runImportJob(jobId, deps);
  const uploaded = performance.now();
  await finished;
  const webhook = performance.now();
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  await finishBulkImport(shop, job.bulkOperationGid!, deps);
  const wall = performance.now() - started;
  const status = await importJobStatus(shop, jobId);
  console.log(`bulk path: ${ids.length} products × ${args.variants} variants, ${status?.done} pushed, ${status?.failed} failed, ${emulator.controls.products(shop).length} products in the shop`);
  console.log(`  wall ${seconds(wall)} (JSONL build + upload + start ${seconds(uploaded - started)}, Shopify run ${seconds(webhook - uploaded)}, mapping back ${seconds(performance.now() - webhook)})`);
}

await emulator.close();
await db.$disconnect();
if (DB_URL.startsWith("file:")) for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.resolve(ROOT, DB_URL.slice(5)) + s, { force: true });
process.exit(0);

function resetDatabase(url: string): void {
  if (!url.startsWith("file:")) throw new Error("Point DATABASE_URL at a throwaway SQLite file (default) for this benchmark");
  fs.mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.resolve(ROOT, url.slice(5)) + s, { force: true });
  const r = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: process.env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrate deploy failed: ${r.stderr}`);
}
