import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { jobQueue } from "../../jobs/queue.server";
import { uniqueShop } from "../../../test/webhooks";
import { useSupplierAdapters } from "../shop-adapters.server";
import { startCj, buildCjOrderRequest } from "./cj.fixture";
import { signCjWebhook } from "./emulator/cj-webhooks";
import { CJ_EMULATOR_ACCOUNTS } from "./emulator/cj-emulator";
import { cjScanSource } from "./tracking-scans.server";
import { handleCjWebhook } from "./webhook-jobs.server";
import { CJ_WEBHOOK_MAX_BYTES, CJ_WEBHOOK_QUEUE, receiveCjWebhook, type CjWebhookJob } from "./webhook-receiver.server";

const DAY = 86_400_000;
let cj: Awaited<ReturnType<typeof startCj>>;
let shop: string;
let connectionId: string;

beforeEach(async () => {
  cj = await startCj();
  shop = uniqueShop("cjwh");
  connectionId = (await db.supplierConnection.create({ data: { shop, supplier: "cj", status: "connected" } })).id;
  useSupplierAdapters(async () => cj.adapter);
});
afterEach(async () => {
  useSupplierAdapters(null);
  await cj.close();
  await db.job.deleteMany({ where: { shop } });
  await db.supplierTrackingScan.deleteMany({ where: { shop } });
  await db.supplierOrder.deleteMany({ where: { shop } });
  await db.supplierConnection.deleteMany({ where: { shop } });
  await db.variantMapping.deleteMany({ where: { shop } });
  await db.supplierChangeEvent.deleteMany({ where: { shop } });
});

const url = () => `http://127.0.0.1/webhooks/cj/${connectionId}`;
const signed = (body: string, sign = signCjWebhook(body, CJ_EMULATOR_ACCOUNTS.demo.openId)) =>
  new Request(url(), { method: "POST", headers: { "content-type": "application/json", sign }, body });
const queued = () => db.job.findMany({ where: { shop, queue: CJ_WEBHOOK_QUEUE } });
/** The emulator posts its real messages straight into the receiver (no app server needed). */
const intoReceiver: typeof fetch = async (input, init) => receiveCjWebhook(new Request(String(input), init as RequestInit), connectionId);

async function orderShippedFor(key: string) {
  await cj.adapter.createOrder(buildCjOrderRequest(cj.variantIn("CN").variant.vid, { idempotencyKey: key }));
  const found = await cj.adapter.findOrder(key);
  await db.supplierOrder.create({ data: { shop, orderGid: "gid://shopify/Order/1", orderName: "#1001", fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${key}`,
    supplier: "cj", warehouse: "CN", idempotencyKey: key, state: "placed", lines: [], currency: "USD", revenueMinor: 0, supplierOrderId: found.ok ? found.value!.supplierOrderId : null } });
  cj.emulator.accounts.accounts.get(CJ_EMULATOR_ACCOUNTS.demo.apiKey)!.callbacks = { product: [url()], stock: [url()], order: [url()], logistics: [url()] };
}

describe("CJ webhook receiver", () => {
  it("refuses a message whose sign header does not match the raw body, and queues nothing", async () => {
    const body = JSON.stringify({ messageId: "m1", type: "STOCK", messageType: "UPDATE", params: {} });
    expect((await receiveCjWebhook(signed(body, signCjWebhook(body, "not-the-openid")), connectionId)).status).toBe(401);
    expect((await receiveCjWebhook(new Request(url(), { method: "POST", body }), connectionId)).status).toBe(401);
    expect(await queued()).toHaveLength(0);
  });

  it("refuses an oversized body before reading it all", async () => {
    const body = "x".repeat(CJ_WEBHOOK_MAX_BYTES + 1);
    expect((await receiveCjWebhook(signed(body), connectionId)).status).toBe(413);
  });

  it("queues a verified message once, however often CJ re-sends it", async () => {
    const body = JSON.stringify({ messageId: "m-dup", type: "STOCK", messageType: "UPDATE", params: {} });
    expect((await receiveCjWebhook(signed(body), connectionId)).status).toBe(200);
    expect((await receiveCjWebhook(signed(body), connectionId)).status).toBe(200);
    expect(await queued()).toHaveLength(1);
  });

  it("turns CJ's LOGISTIC messages into stored scans and a tracking sync for our supplier order", async () => {
    await orderShippedFor("so_wh_1");
    cj.clock.advance(5 * DAY + 1);
    const { sent, failed } = await cj.emulator.deliverWebhooks(intoReceiver);
    expect(failed).toBe(0);
    expect(sent).toBeGreaterThan(3);
    const jobs = await queued();
    for (const job of jobs) await handleCjWebhook(job.payload as unknown as CjWebhookJob, { jobs: jobQueue() });
    const order = await cj.adapter.findOrder("so_wh_1");
    const trackNumber = order.ok ? order.value!.trackingNumbers[0]! : "";
    const scans = (await cjScanSource(shop)([trackNumber])).get(trackNumber) ?? [];
    expect(scans.map((s) => s.status)).toEqual(["info_received", "info_received", "in_transit", "in_transit", "customs_clearance"]);
    expect(await db.job.count({ where: { shop, queue: "fulfillment.sync-tracking" } })).toBeGreaterThan(0);
    // Re-handling the same messages adds no scan.
    for (const job of jobs) await handleCjWebhook(job.payload as unknown as CjWebhookJob, { jobs: jobQueue() });
    expect(await db.supplierTrackingScan.count({ where: { shop } })).toBe(5);
  });

  it("turns CJ's stock message into a supplier event for the mapped variant it names, once however often CJ re-sends it", async () => {
    await orderShippedFor("so_wh_2");
    const vid = cj.variantIn("US").variant.vid;
    await db.variantMapping.create({ data: { shop, productGid: "gid://shopify/Product/1", variantGid: "gid://shopify/ProductVariant/1", supplier: "cj", supplierProductId: "p1", supplierSku: vid } });
    cj.emulator.setStock(vid, "US", 3);
    await cj.emulator.deliverWebhooks(intoReceiver);
    const stock = (await queued()).find((j) => (j.payload as { type: string }).type === "STOCK")!;
    expect(await handleCjWebhook(stock.payload as unknown as CjWebhookJob, { jobs: jobQueue() })).toBe("stock: 1 mapped variant to re-read");
    expect(await handleCjWebhook(stock.payload as unknown as CjWebhookJob, { jobs: jobQueue() })).toBe("stock: 0 mapped variants to re-read");
    expect(await db.supplierChangeEvent.findMany({ where: { shop }, select: { supplier: true, supplierSku: true } })).toEqual([{ supplier: "cj", supplierSku: vid }]);
    expect(await db.job.count({ where: { shop, queue: "sourcing.supplier-events" } })).toBe(1);
    expect(await db.job.count({ where: { shop, queue: "sourcing.sync" } })).toBe(0); // not the whole shop
  });

  it("syncs the whole shop when a stock message cannot be read, and ignores a variant message for a variant we do not sell", async () => {
    expect(await handleCjWebhook({ shop, type: "STOCK", messageId: "bad", payload: { type: "STOCK", params: "?" }, cjOrderId: null }, { jobs: jobQueue() })).toBe("stock: unreadable, stock sync queued");
    expect(await db.job.count({ where: { shop, queue: "sourcing.sync" } })).toBe(1);
    expect(await handleCjWebhook({ shop, type: "VARIANT", messageId: "v1", payload: { type: "VARIANT", params: { vid: "not-ours" } }, cjOrderId: null }, { jobs: jobQueue() })).toBe("variant: 0 mapped variants to re-read");
    expect(await db.supplierChangeEvent.count({ where: { shop } })).toBe(0);
  });
});
