import { afterEach, describe, expect, it } from "vitest";
import { money } from "../../money";
import { buildCjOrderRequest, startCj } from "./cj.fixture";
import { CJ_EMULATOR_ACCOUNTS } from "./emulator/cj-emulator";
import { parseLogisticMessage } from "./mappers";
import type { TrackingEvent } from "../supplier-order-models";

const DAY = 86_400_000;
let world: Awaited<ReturnType<typeof startCj>> | undefined;
afterEach(async () => { await world?.close(); world = undefined; });
const start = async (...args: Parameters<typeof startCj>) => (world = await startCj(...args));

describe("CJ adapter: token and account", () => {
  it("authenticates with the API key, sends CJ-Access-Token and paces at the account's qpsLimit from setting/get", async () => {
    const cj = await start();
    const r = await cj.adapter.searchCatalog({ keyword: "phone", pageSize: 2 });
    expect(r.ok).toBe(true);
    expect(cj.paths().slice(0, 3)).toEqual(["POST /authentication/getAccessToken", "GET /setting/get", "GET /product/listV2"]);
    expect(cj.calls[0]!.body).toEqual({ apiKey: CJ_EMULATOR_ACCOUNTS.demo.apiKey });
  });

  it("refreshes the token when CJ says it expired, and the call still succeeds", async () => {
    const cj = await start();
    const { variant } = cj.variantIn("CN");
    await cj.adapter.getAvailability({ supplierVariantIds: [variant.vid], location: { kind: "warehouse", code: "CN" } });
    cj.emulator.accounts.expireAccessTokens();
    const again = await cj.adapter.getAvailability({ supplierVariantIds: [variant.vid], location: { kind: "warehouse", code: "CN" } });
    expect(again.ok).toBe(true);
    expect(cj.paths()).toContain("POST /authentication/refreshAccessToken");
    expect(cj.paths().filter((p) => p.endsWith("getAccessToken"))).toHaveLength(1);
  });

  it("explains an unknown API key and does not retry it", async () => {
    const cj = await start();
    const r = await cj.build({ apiKey: "CJ9999999@api@nobody" }).getProduct("x");
    expect(!r.ok && r.error).toMatchObject({ kind: "auth", retryable: false, supplierCode: "1601000", message: expect.stringContaining("API key") });
  });

  it("waits and retries when CJ answers 1600200 Too much request", async () => {
    const cj = await start();
    const adapter = cj.build({ apiKey: CJ_EMULATOR_ACCOUNTS.free.apiKey, requestsPerSecond: 1_000, resilience: { timeoutMs: 5_000, retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 }, breaker: { failureThreshold: 100, openMs: 1 } } });
    const { product } = cj.variantIn("CN");
    const results = await Promise.all([adapter.getProduct(product.pid), adapter.getProduct(product.pid)]);
    expect(results.every((r) => r.ok)).toBe(true);
  }, 15_000);

  it("waits for 00:00 UTC when the points budget is used up (1600201) instead of calling again", async () => {
    const cj = await start({ accounts: [{ ...CJ_EMULATOR_ACCOUNTS.demo, dailyPoints: 60 }] });
    // Noon UTC tomorrow: a run that straddled midnight saw the budget reset between the two calls (CI, 00:00 UTC).
    cj.clock.advance(Math.ceil(cj.clock.now() / DAY) * DAY + DAY / 2 - cj.clock.now());
    await cj.adapter.searchCatalog({ pageSize: 1 }); // listV2 costs 50 points
    const r = await cj.adapter.searchCatalog({ pageSize: 1 });
    expect(!r.ok && r.error).toMatchObject({ kind: "rate_limited", retryable: true, supplierCode: "1600201" });
    const untilMidnight = Math.ceil((cj.clock.now() + 1) / 86_400_000) * 86_400_000 - cj.clock.now();
    expect(!r.ok && r.error.retryAfterMs).toBeGreaterThan(untilMidnight - 60_000);
    expect(cj.paths().filter((p) => p.endsWith("/product/listV2"))).toHaveLength(2); // no call burnt on a retry
  });
});

describe("CJ adapter: catalog", () => {
  it("filters by CJ category and warehouse country and reports USD costs", async () => {
    const cj = await start();
    const { product } = cj.variantIn("US");
    const r = await cj.adapter.searchCatalog({ categoryId: product.category.id, shipsFrom: "US", pageSize: 50 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.items.map((i) => i.supplierProductId)).toContain(product.pid);
    expect(r.value.items.every((i) => i.categoryId === product.category.id && i.warehouses.includes("US") && i.costFrom.currency === "USD")).toBe(true);
    expect(cj.calls.find((c) => c.path === "/product/listV2")!.query.get("countryCode")).toBe("US");
  });

  it("returns detail with grams, millimetres, the Chinese title and the CJ warehouses that hold stock", async () => {
    const cj = await start();
    const { product, variant } = cj.variantIn("CN");
    const r = await cj.adapter.getProduct(product.pid);
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value.variants.find((x) => x.supplierVariantId === variant.vid)!;
    expect(v).toMatchObject({ weightGrams: variant.variantWeight, cost: money(variant.variantSellPriceCents, "USD"), dimensions: { lengthMm: variant.variantLength } });
    expect(r.value.title.zh).toBe(product.productNameZh);
    expect(r.value.warehouses).toContain("CN");
  });

  it("reports stock for the CJ warehouse country asked for", async () => {
    const cj = await start();
    const { variant } = cj.variantIn("US");
    const r = await cj.adapter.getAvailability({ supplierVariantIds: [variant.vid], location: { kind: "warehouse", code: "US" } });
    expect(r.ok && r.value[0]).toMatchObject({ quantity: variant.stock.US, state: "in_stock", location: { code: "US" } });
  });
});

describe("CJ adapter: orders", () => {
  it("sends every required createOrderV2 field, with the buyer's service when CJ offers it on the route", async () => {
    const cj = await start();
    const { variant } = cj.variantIn("CN", true);
    const r = await cj.adapter.createOrder(buildCjOrderRequest(variant.vid, { shippingMethod: "DHL Official" }));
    if (!r.ok) throw new Error(r.error.message);
    expect(cj.calls.find((c) => c.path === "/shopping/order/createOrderV2")!.body).toMatchObject({
      orderNumber: "so_cj_0001", shippingCountryCode: "US", shippingCountry: "United States", shippingProvince: "Texas",
      logisticName: "DHL Official", fromCountryCode: "CN", payType: 2, products: [{ vid: variant.vid, quantity: 2 }],
    });
    expect(r.value).toMatchObject({ status: "processing", supplierStatus: "UNSHIPPED", total: { currency: "USD" } });
  });

  it("falls back to CJ's cheapest quoted service when the buyer's service is not offered on the route", async () => {
    const cj = await start();
    const { variant } = cj.variantIn("CN", true);
    await cj.adapter.createOrder(buildCjOrderRequest(variant.vid, { shippingMethod: "Standard shipping" }));
    expect(cj.calls.find((c) => c.path === "/shopping/order/createOrderV2")!.body).toMatchObject({ logisticName: "CJPacket Sensitive" });
  });

  it("places one CJ order for one key, even when the first answer was lost and CJ says 1603003", async () => {
    const cj = await start();
    const { variant } = cj.variantIn("CN");
    let dropped = false;
    const lossy = cj.build({ fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (!dropped && String(input).endsWith("/createOrderV2")) { dropped = true; throw new TypeError("socket hang up"); }
      return res;
    } });
    // The first create reaches CJ but its answer is lost; the retry hits 1603003 or the look-up, never a second order.
    const first = await lossy.createOrder(buildCjOrderRequest(variant.vid));
    const second = await cj.adapter.createOrder(buildCjOrderRequest(variant.vid));
    expect(first.ok && second.ok && first.value.supplierOrderId === second.value.supplierOrderId).toBe(true);
    expect(cj.emulator.orderCount).toBe(1);
  });

  it("holds an order without a province with a fix hint instead of sending it", async () => {
    const cj = await start();
    const { variant } = cj.variantIn("CN");
    const r = await cj.adapter.createOrder(buildCjOrderRequest(variant.vid, { shipTo: { ...buildCjOrderRequest("x").shipTo, province: undefined } }));
    expect(!r.ok && r.error).toMatchObject({ kind: "invalid_request", message: expect.stringContaining("province / state") });
    expect(cj.emulator.orderCount).toBe(0);
  });

  it("asks the merchant to top up an empty CJ balance, then pays the same order on the retry", async () => {
    const cj = await start();
    const { variant } = cj.variantIn("CN");
    cj.emulator.setBalance(CJ_EMULATOR_ACCOUNTS.demo.apiKey, 0);
    const r = await cj.adapter.createOrder(buildCjOrderRequest(variant.vid));
    expect(!r.ok && r.error).toMatchObject({ kind: "insufficient_balance", retryable: false, supplierCode: "1604000", message: expect.stringContaining("Top up") });
    cj.emulator.setBalance(CJ_EMULATOR_ACCOUNTS.demo.apiKey, 1_000_000);
    const retry = await cj.adapter.createOrder(buildCjOrderRequest(variant.vid));
    expect(retry.ok && retry.value.supplierStatus).toBe("UNSHIPPED");
    expect(cj.paths()).toContain("POST /shopping/pay/payBalance");
    expect(cj.emulator.orderCount).toBe(1);
  });

  it("cancels before shipment and refuses after, with a clear outcome", async () => {
    const cj = await start();
    const { variant } = cj.variantIn("CN");
    await cj.adapter.createOrder(buildCjOrderRequest(variant.vid, { idempotencyKey: "so_a" }));
    await cj.adapter.createOrder(buildCjOrderRequest(variant.vid, { idempotencyKey: "so_b" }));
    expect(await cj.adapter.cancelOrder("so_a")).toEqual({ ok: true, value: { outcome: "cancelled" } });
    expect(await cj.adapter.cancelOrder("so_a")).toEqual({ ok: true, value: { outcome: "already_cancelled" } });
    cj.clock.advance(2 * DAY);
    const shipped = await cj.adapter.cancelOrder("so_b");
    expect(shipped.ok && shipped.value.outcome).toBe("refused_already_shipped");
  });

  it("tracks with trackNumber and fills the scans from stored LOGISTIC webhook messages", async () => {
    const stored = new Map<string, TrackingEvent[]>();
    const cj = await start({ adapter: { logisticEvents: async () => stored } });
    const received: unknown[] = [];
    const { variant } = cj.variantIn("CN");
    await cj.adapter.createOrder(buildCjOrderRequest(variant.vid));
    expect(await cj.adapter.getTracking("so_cj_0001")).toEqual({ ok: true, value: { idempotencyKey: "so_cj_0001", parcels: [] } });
    cj.clock.advance(5 * DAY + 1);
    for (const m of cj.emulator.outbox.due().filter((x) => x.topic === "logistics")) received.push(JSON.parse(m.body));
    const last = parseLogisticMessage(received.at(-1));
    stored.set(last.trackingNumber, last.events);
    const r = await cj.adapter.getTracking("so_cj_0001");
    if (!r.ok) throw new Error(r.error.message);
    expect(cj.calls.find((c) => c.path === "/logistic/trackInfo")!.query.getAll("trackNumber")).toEqual([last.trackingNumber]);
    expect(r.value.parcels[0]!.events.map((e) => e.status)).toEqual(["info_received", "info_received", "in_transit", "in_transit", "customs_clearance"]);
    expect(r.value.parcels[0]!.status).toBe("customs_clearance");
  });
});
