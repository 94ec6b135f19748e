import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { processFulfillmentRequests } from "../../fulfillment/fulfillment-requests.server";
import { useSupplierAdapters } from "../../fulfillment/supplier-gateway.server";
import { startWorld, type World } from "../../fulfillment/test-world";
import { jobQueue } from "../../jobs/queue.server";
import { startCj } from "./cj.fixture";
import { CJ_EMULATOR_ACCOUNTS } from "./emulator/cj-emulator";
import { cjScanSource } from "./tracking-scans.server";
import { handleCjWebhook } from "./webhook-jobs.server";
import { CJ_WEBHOOK_QUEUE, receiveCjWebhook, type CjWebhookJob } from "./webhook-receiver.server";

// The merchant flow on CJ below the browser: a Shopify order for a CJ-mapped variant is placed at CJ exactly once,
// CJ's LOGISTIC webhooks come in signed, and the parcel reaches Shopify as a fulfillment with tracking and events.
const DAY = 86_400_000;
let world: World;
let cj: Awaited<ReturnType<typeof startCj>>;
let connectionId: string;

beforeEach(async () => {
  world = await startWorld();
  cj = await startCj({ adapter: { logisticEvents: cjScanSource(world.shop) } });
  useSupplierAdapters(async () => cj.adapter);
  const { product, variant } = cj.variantIn("CN");
  await db.variantMapping.updateMany({ where: { shop: world.shop }, data: { supplier: "cj", supplierProductId: product.pid, supplierSku: variant.vid,
    costMinor: variant.variantSellPriceCents, costCurrency: "USD", stock: { CN: 500 } } });
  connectionId = (await db.supplierConnection.create({ data: { shop: world.shop, supplier: "cj", status: "connected" } })).id;
  const url = `http://127.0.0.1/webhooks/cj/${connectionId}`;
  cj.emulator.accounts.accounts.get(CJ_EMULATOR_ACCOUNTS.demo.apiKey)!.callbacks = { product: [url], stock: [url], order: [url], logistics: [url] };
});
afterEach(async () => {
  await cj.close();
  await world.close();
  await db.supplierConnection.deleteMany({ where: { shop: world.shop } });
});

async function placeThroughShopify(address: Record<string, string>) {
  world.placeOrder(address);
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  return (await world.supplierOrders()).at(-1)!;
}

/** CJ posts its due messages to our receiver; the worker runs the CJ webhook jobs, then the fulfillment jobs. */
async function cjPushesUpdates() {
  const intoReceiver: typeof fetch = async (input, init) => receiveCjWebhook(new Request(String(input), init as RequestInit), connectionId);
  await cj.emulator.deliverWebhooks(intoReceiver);
  for (const job of await db.job.findMany({ where: { shop: world.shop, queue: CJ_WEBHOOK_QUEUE, state: "queued" } })) {
    await handleCjWebhook(job.payload as unknown as CjWebhookJob, { jobs: jobQueue() });
    await db.job.update({ where: { id: job.id }, data: { state: "completed" } });
  }
  await world.drain();
}

describe("CJ orders end to end (server side)", () => {
  it("holds an order whose address lacks the province CJ requires, with the fix, and sends nothing to CJ", async () => {
    const row = await placeThroughShopify({});
    expect(row.state).not.toBe("placed");
    expect(`${row.reasonMessage} ${row.fixHint}`).toMatch(/province \/ state/);
    expect(cj.emulator.orderCount).toBe(0);
  });

  it("places the CJ order once, then CJ's LOGISTIC webhooks become a Shopify fulfillment with tracking and events", async () => {
    const row = await placeThroughShopify({ province: "Berlin", provinceCode: "BE" });
    expect(row).toMatchObject({ state: "placed", supplier: "cj" });
    expect(cj.emulator.orderCount).toBe(1);
    const [cjOrder] = cj.emulator.orders.orders.values();
    expect(cjOrder).toMatchObject({ orderNumber: row.idempotencyKey, shippingCountryCode: "DE", shippingProvince: "Berlin", fromCountryCode: "CN", logisticName: "CJPacket Ordinary" });

    cj.clock.advance(5 * DAY + 1);
    await cjPushesUpdates();
    const shipped = (await world.supplierOrders()).at(-1)!;
    expect(shipped.state).toBe("shipped");
    const [fulfillment] = world.emulator.controls.fulfillments(world.shop);
    expect(fulfillment!.trackingInfo[0]!.number).toBe(cjOrder!.trackNumber);
    expect(fulfillment!.events.map((e: { status: string }) => e.status)).toEqual(["LABEL_PURCHASED", "LABEL_PURCHASED", "IN_TRANSIT", "IN_TRANSIT", "IN_TRANSIT"]);

    cj.clock.advance(4 * DAY);
    await cjPushesUpdates();
    expect((await world.supplierOrders()).at(-1)!.state).toBe("delivered");
    expect(world.emulator.controls.fulfillments(world.shop)[0]!.events.at(-1)!.status).toBe("DELIVERED");
    expect(cj.emulator.orderCount).toBe(1);
  });

  it("reschedules placement for after 00:00 UTC when CJ's daily budget is used up, instead of failing the order", async () => {
    // Noon UTC tomorrow: a run that began in the minute before 00:00 UTC slept inline until the budget reset (a
    // retry-after under a minute is slept through) and passed the 30 s test timeout.
    cj.clock.advance(Math.ceil(cj.clock.now() / DAY) * DAY + DAY / 2 - cj.clock.now());
    cj.emulator.accounts.accounts.get(CJ_EMULATOR_ACCOUNTS.demo.apiKey)!.dailyPoints = 5; // freightCalculate costs 10
    const row = await placeThroughShopify({ province: "Berlin" });
    expect(row.state).toBe("placing");
    expect(row.reasonMessage).toMatch(/daily call budget/);
    const midnight = Math.ceil((cj.clock.now() + 1) / DAY) * DAY - cj.clock.now();
    expect(row.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(midnight - 120_000);
    expect(cj.emulator.orderCount).toBe(0);
  });
});
