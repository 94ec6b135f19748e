// Reliability run for exactly-once supplier orders (ADR 0600).
//   npx tsx scripts/bench/fulfillment-reliability.ts [--orders 10000] [--workers 4] [--failure-rate 0.2] [--duplicates 0.1]
// N orders/create webhooks (a share delivered twice), a sandbox supplier failing a share of calls with 5xx or
// stalls, worker processes SIGKILLed at random. Prints lost / duplicate counts; exits 1 if either is not 0.
// DATABASE_URL=postgresql://… runs it on PostgreSQL; by default a throwaway SQLite file.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: {
  orders: { type: "string", default: "500" }, workers: { type: "string", default: "4" }, "failure-rate": { type: "string", default: "0.2" },
  duplicates: { type: "string", default: "0.1" }, "kill-every-ms": { type: "string", default: "4000" }, "timeout-s": { type: "string", default: "1800" }, worker: { type: "boolean", default: false },
} });
const ROOT = path.resolve(import.meta.dirname, "../..");
process.env.SHOPIFY_API_KEY ??= "bench-api-key";
process.env.SHOPIFY_API_SECRET ??= "bench-api-secret";
process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:3999";
process.env.FULFILLMENT_RETRY_BASE_MS ??= "200";
const RESILIENCE = { timeoutMs: 150, retry: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 50 }, breaker: { failureThreshold: 8, openMs: 500 } };

if (args.worker) await runWorker();
else await runParent();

async function runWorker(): Promise<void> {
  const { createShopifyFetch } = await import("../../app/emulator");
  globalThis.fetch = createShopifyFetch(process.env.BENCH_EMULATOR_URL!, globalThis.fetch);
  const { default: db } = await import("../../app/db.server");
  const { createSandboxAdapter } = await import("../../app/server/suppliers/sandbox");
  const { useSupplierAdapters } = await import("../../app/server/fulfillment/supplier-gateway.server");
  const { createJobQueue } = await import("../../app/server/jobs/create-job-queue"); // not the index: no other domain's handlers
  const { fulfillmentJobHandlers } = await import("../../app/server/fulfillment/jobs.server");
  useSupplierAdapters(async () => createSandboxAdapter({ baseUrl: process.env.BENCH_SUPPLIER_URL, resilience: RESILIENCE }));
  const queue = createJobQueue({ backend: "db", db, leaseMs: 4_000, pollMs: 200, perShopConcurrency: 4, retry: { baseMs: 300, factor: 2, capMs: 5_000 }, maxAttempts: 25, logger: { info() {}, error() {} } });
  for (const [name, reg] of Object.entries(fulfillmentJobHandlers({ db, jobs: queue }))) queue.register(name, reg.handler, { ...reg.options, concurrency: 8 });
  globalThis.__silkrouteJobs = queue; // enqueues from handlers go through this worker's queue
  await queue.start();
}

async function runParent(): Promise<void> {
  const N = Number(args.orders);
  const url = process.env.DATABASE_URL || `file:./.data/bench-fulfillment-${process.pid}.db`;
  process.env.DATABASE_URL = url;
  await resetDatabase(url);
  const { createEmulator, createShopifyFetch } = await import("../../app/emulator");
  const { createManualClock } = await import("../../app/server/suppliers/resilience/clock");
  const { createSandboxSupplierService } = await import("../../app/server/suppliers/sandbox/service/sandbox-service");
  const { default: db } = await import("../../app/db.server");
  const { AdminClient } = await import("../../app/server/shopify/admin-client");
  const { ensureWarehouseServices } = await import("../../app/server/fulfillment/warehouses.server");
  const { webhookAction } = await import("../../app/server/webhooks/receive.server");
  const { onOrderCreated } = await import("../../app/server/webhooks/topics.server");
  const { pollTracking, sweepInFlight } = await import("../../app/server/fulfillment/maintenance.server");
  const { PRODUCT_SET } = await import("../../app/emulator/test-builders");

  const emulator = createEmulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: process.env.SHOPIFY_APP_URL!, appTomlPath: null, webhookRetryDelaysMs: [], fetch: (async () => new Response("ok")) as typeof fetch });
  const emulatorUrl = await emulator.listen();
  globalThis.fetch = createShopifyFetch(emulatorUrl, globalThis.fetch);
  const supplierClock = createManualClock(Date.now());
  const sandbox = createSandboxSupplierService({ seed: 7, productCount: 200, clock: supplierClock, failureRate: Number(args["failure-rate"]), stallMs: 300 });
  const { url: supplierUrl } = await sandbox.listen(0);
  const variant = sandbox.catalog.products.flatMap((p) => p.variants.map((v) => ({ p, v }))).find(({ v }) => (v.stock["CN-SZ"] ?? 0) >= 1000)!;
  if (!variant) throw new Error("no sandbox variant with stock in CN-SZ");

  const shops: { shop: string; variantGid: string }[] = [];
  for (let i = 0; i < Math.ceil(N / 50); i++) { // jobs run at most 4 at once per shop, as in production
    const shop = `bench-${i}-${crypto.randomBytes(3).toString("hex")}.myshopify.com`;
    emulator.controls.createShop({ domain: shop, plan: "plus", currencyCode: "USD" });
    const { accessToken } = emulator.controls.installApp(shop);
    await db.shop.create({ data: { domain: shop } });
    await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken, scope: "write_fulfillments", expires: new Date(Date.now() + 864e5) } });
    const [wh] = await ensureWarehouseServices(new AdminClient({ shop, accessToken }), ["CN-SZ"]);
    const set = (await emulator.graphql(shop, PRODUCT_SET, { synchronous: true, input: { title: "Bench item", productOptions: [{ name: "Title", values: [{ name: "Default Title" }] }],
      variants: [{ optionValues: [{ optionName: "Title", name: "Default Title" }], price: "30.00", sku: "BENCH-1", inventoryQuantities: [{ locationId: wh!.locationGid, name: "available", quantity: 1_000_000 }] }] } })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const product = set.data.productSet.product;
    await db.variantMapping.create({ data: { shop, productGid: product.id, variantGid: product.variants.nodes[0].id, supplier: "sandbox", supplierProductId: variant.p.pid, supplierSku: variant.v.vid, costMinor: variant.v.cost_fen, costCurrency: "CNY", hsCode: "621410" } });
    await db.fulfillmentSettings.create({ data: { shop, mode: "auto", notifyCustomer: false } });
    shops.push({ shop, variantGid: product.variants.nodes[0].id });
  }

  const env = { ...process.env, BENCH_EMULATOR_URL: emulatorUrl, BENCH_SUPPLIER_URL: supplierUrl };
  const workers = new Set<ChildProcess>();
  let kills = 0;
  const spawnWorker = () => {
    const child = spawn(process.execPath, ["--import", "tsx", fileFromRoot("scripts/bench/fulfillment-reliability.ts"), "--worker"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    workers.add(child);
    child.on("exit", () => workers.delete(child));
  };
  for (let i = 0; i < Number(args.workers); i++) spawnWorker();
  const chaos = setInterval(() => {
    const victim = [...workers][Math.floor(Math.random() * workers.size)];
    if (victim) { victim.kill("SIGKILL"); kills++; }
    spawnWorker();
  }, Number(args["kill-every-ms"]));

  const started = Date.now();
  const deliver = webhookAction("orders/create", onOrderCreated);
  let deliveries = 0;
  for (let i = 0; i < N; i++) {
    const { shop, variantGid } = shops[i % shops.length]!;
    emulator.controls.placeOrder(shop, { lines: [{ variantId: variantGid, quantity: 1 }], shippingAddress: { firstName: "Bench", lastName: "Buyer", address1: "Hauptstrasse 5", city: "Berlin", zip: "10115", countryCode: "DE" } });
    const payload = emulator.controls.events(shop, "orders/create").at(-1)!.payload;
    const id = crypto.randomUUID();
    const twice = Math.random() < Number(args.duplicates);
    for (const webhookId of twice ? [id, Math.random() < 0.5 ? id : crypto.randomUUID()] : [id]) {
      await deliver({ request: signed(shop, payload, webhookId), params: {}, context: {} });
      deliveries++;
    }
  }
  const delivered = Date.now();

  const deadline = started + Number(args["timeout-s"]) * 1000;
  let done = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    supplierClock.advance(8 * 3_600_000); // the supplier's day passes in three seconds
    await pollTracking(new Date(), 5000);
    await sweepInFlight(new Date(), 15_000);
    done = await db.supplierOrder.count({ where: { OR: [{ state: { in: ["shipped", "delivered", "exception", "failed", "needs_attention"] } }] } });
    const open = await db.job.count({ where: { state: { in: ["queued", "active"] }, queue: { in: ["fulfillment.sync-order", "fulfillment.place-supplier-order"] } } });
    process.stderr.write(`\r${Math.round((Date.now() - started) / 1000)} s: ${done}/${N} supplier orders settled, ${open} jobs open, ${kills} workers killed   `);
    if (done >= N && open === 0) break;
  }
  clearInterval(chaos);
  for (const w of workers) w.kill("SIGKILL");

  const rows = await db.supplierOrder.findMany({ select: { fulfillmentOrderGid: true, state: true, reasonCode: true, flagCode: true, supplierOrderId: true } });
  const fos = shops.flatMap(({ shop }) => emulator.controls.orders(shop).flatMap((o) => o.fulfillmentOrders));
  const rowFos = new Set(rows.map((r) => r.fulfillmentOrderGid));
  const fulfillments = shops.flatMap(({ shop }) => emulator.controls.fulfillments(shop));
  const perFo = new Map<string, number>();
  for (const f of fulfillments) perFo.set(f.orderId, (perFo.get(f.orderId) ?? 0) + 1); // one FO per bench order
  const duplicateEvents = fulfillments.reduce((n, f) => n + f.events.length - new Set(f.events.map((e: { status: string; happenedAt: string }) => `${e.status}|${e.happenedAt}`)).size, 0);
  const fulfilled = rows.filter((r) => ["shipped", "delivered", "exception"].includes(r.state)).length;
  const flagged = rows.filter((r) => !["shipped", "delivered", "exception"].includes(r.state) && (r.reasonCode || r.flagCode)).length;
  const report = {
    orders: N, webhookDeliveries: deliveries, workersKilled: kills, supplierFailureRate: Number(args["failure-rate"]),
    supplierOrdersAtSupplier: sandbox.orderCount, supplierOrderRows: rows.length, fulfilledInShopify: fulfilled, flaggedWithReason: flagged,
    lost: fos.filter((fo) => !rowFos.has(fo.id)).length + rows.filter((r) => !["shipped", "delivered", "exception"].includes(r.state) && !r.reasonCode && !r.flagCode).length,
    // The supplier keeps one order per key and each row owns one key: more supplier orders than rows, or more
    // rows than fulfillment orders, would be a duplicate.
    duplicateSupplierOrders: Math.max(0, sandbox.orderCount - rows.length) + (rows.length - rowFos.size),
    inFlightAtEnd: rows.filter((r) => ["pending", "placing", "reserved", "placed"].includes(r.state)).length,
    duplicateFulfillments: [...perFo.values()].filter((n) => n > 1).length, fulfillmentEventsPosted: fulfillments.reduce((n, f) => n + f.events.length, 0), duplicateEvents,
    webhooksSeconds: Math.round((delivered - started) / 1000), totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(`\n${JSON.stringify(report, null, 2)}`);
  await sandbox.close();
  await emulator.close();
  process.exit(report.lost === 0 && report.duplicateSupplierOrders === 0 && report.duplicateFulfillments === 0 && duplicateEvents === 0 ? 0 : 1);

  function signed(shop: string, payload: unknown, webhookId: string): Request {
    const body = JSON.stringify(payload);
    const hmac = crypto.createHmac("sha256", process.env.SHOPIFY_API_SECRET!).update(body).digest("base64");
    return new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/orders/create`, { method: "POST", body, headers: {
      "content-type": "application/json", "x-shopify-topic": "orders/create", "x-shopify-shop-domain": shop, "x-shopify-webhook-id": webhookId,
      "x-shopify-hmac-sha256": hmac, "x-shopify-api-version": "2026-10", "x-shopify-event-id": crypto.randomUUID(), "x-shopify-triggered-at": new Date().toISOString() } });
  }
}

function fileFromRoot(rel: string): string {
  return path.join(ROOT, rel);
}

async function resetDatabase(url: string): Promise<void> {
  if (url.startsWith("file:")) {
    fs.mkdirSync(path.join(ROOT, ".data"), { recursive: true });
    for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.resolve(ROOT, url.slice(5)) + s, { force: true });
  } else {
    const { default: pg } = await import("pg");
    const admin = new URL(url); admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    const name = new URL(url).pathname.slice(1);
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
  }
  const r = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: process.env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrate deploy failed: ${r.stderr}`);
}
