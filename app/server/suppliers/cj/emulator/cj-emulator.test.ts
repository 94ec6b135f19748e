import { afterEach, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { createManualClock } from "../../resilience/clock";
import { CJ_EMULATOR_ACCOUNTS, createCjEmulator } from "./cj-emulator";

// The emulator answers contract-breaking requests the way CJ's published contract says CJ does, so our mistakes fail loudly.
const DAY = 86_400_000;
let close: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of close) await c(); close = []; });

async function world(options: Parameters<typeof createCjEmulator>[0] = {}) {
  const clock = createManualClock();
  const emulator = createCjEmulator({ productCount: 60, clock, ...options });
  const { apiBaseUrl } = await emulator.listen(0);
  close.push(() => emulator.close());
  const call = async (method: string, path: string, init: { token?: string; body?: unknown } = {}) => {
    const res = await fetch(apiBaseUrl + path, { method, headers: { "content-type": "application/json", ...(init.token ? { "CJ-Access-Token": init.token } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    return { status: res.status, json: (await res.json()) as { code: number; result: boolean; message: string; data: any; requestId: string } };
  };
  const token = async (apiKey: string = CJ_EMULATOR_ACCOUNTS.demo.apiKey) => (await call("POST", "/authentication/getAccessToken", { body: { apiKey } })).json.data.accessToken as string;
  const variant = emulator.catalog.products.flatMap((p) => p.variants).find((v) => (v.stock.CN ?? 0) > 5)!;
  const order = (overrides: Record<string, unknown> = {}) => ({ orderNumber: "ours-1", shippingCountryCode: "US", shippingCountry: "United States",
    shippingProvince: "Texas", shippingCity: "Austin", shippingCustomerName: "Buyer", shippingAddress: "1 Main St", logisticName: "DHL Official",
    fromCountryCode: "CN", payType: 2, products: [{ vid: variant.vid, quantity: 1 }], ...overrides });
  return { emulator, clock, call, token, variant, order };
}

describe("CJ emulator", () => {
  it("wraps every answer in CJ's envelope with a requestId", async () => {
    const { call, token } = await world();
    const r = await call("GET", "/product/listV2?size=1", { token: await token() });
    expect(r.json).toMatchObject({ code: 200, result: true, message: "Success", data: { pageSize: 1, pageNumber: 1 } });
    expect(r.json.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a missing token with 1600002 and a wrong or expired one with 1600001", async () => {
    const { call, token, clock } = await world();
    expect((await call("GET", "/product/listV2")).json).toMatchObject({ code: 1600002, result: false, message: "access token cannot be empty", data: null });
    expect((await call("GET", "/product/listV2", { token: "nope" })).json.code).toBe(1600001);
    const t = await token();
    clock.advance(15 * DAY);
    expect((await call("GET", "/product/listV2", { token: t })).json.code).toBe(1600001);
  });

  it("answers an unknown API key with 1601000 and an old refresh token with 1600003", async () => {
    const { call } = await world();
    expect((await call("POST", "/authentication/getAccessToken", { body: { apiKey: "CJ1@api@x" } })).json).toMatchObject({ code: 1601000, message: "User not find" });
    expect((await call("POST", "/authentication/refreshAccessToken", { body: { refreshToken: "old" } })).json.code).toBe(1600003);
  });

  it("tracks only with trackNumber: the wrong parameter name gets 1600300", async () => {
    const { call, token } = await world();
    const r = await call("GET", "/logistic/trackInfo?trackingNumber=CJPKL1", { token: await token() });
    expect(r.json).toMatchObject({ code: 1600300, message: "trackNumber must be not empty" });
  });

  it("refuses createOrderV2 without shippingCountry, and a logistic name the route does not offer", async () => {
    const { call, token, order } = await world();
    const t = await token();
    expect((await call("POST", "/shopping/order/createOrderV2", { token: t, body: order({ shippingCountry: undefined }) })).json).toMatchObject({ code: 1600300, message: "shippingCountry must be not empty" });
    expect((await call("POST", "/shopping/order/createOrderV2", { token: t, body: order({ logisticName: "Teleport" }) })).json.code).toBe(1605001);
  });

  it("refuses a second order with the same orderNumber with 1603003 and keeps one", async () => {
    const { call, token, order, emulator } = await world();
    const t = await token();
    expect((await call("POST", "/shopping/order/createOrderV2", { token: t, body: order() })).json.data.orderStatus).toBe("UNSHIPPED");
    expect((await call("POST", "/shopping/order/createOrderV2", { token: t, body: order() })).json).toMatchObject({ code: 1603003, message: "Order exist, please do not duplicate create" });
    expect(emulator.orderCount).toBe(1);
  });

  it("finds an order by our orderNumber and by CJ's id; a missing one is 1600300 order not found", async () => {
    const { call, token, order } = await world();
    const t = await token();
    const id = (await call("POST", "/shopping/order/createOrderV2", { token: t, body: order() })).json.data.orderId as string;
    expect((await call("GET", "/shopping/order/getOrderDetail?orderId=ours-1", { token: t })).json.data.orderId).toBe(id);
    expect((await call("GET", `/shopping/order/getOrderDetail?orderId=${id}`, { token: t })).json.data.orderNum).toBe("ours-1");
    expect((await call("GET", "/shopping/order/getOrderDetail?orderId=other", { token: t })).json).toMatchObject({ code: 1600300, message: "order not found" });
  });

  it("limits a 1-QPS account with 1600200 and a spent daily budget with 1600201", async () => {
    const { call, token } = await world({ accounts: [{ ...CJ_EMULATOR_ACCOUNTS.free, dailyPoints: 60 }] });
    const t = await token(CJ_EMULATOR_ACCOUNTS.free.apiKey);
    const [a, b] = await Promise.all([call("GET", "/product/listV2?size=1", { token: t }), call("GET", "/product/listV2?size=1", { token: t })]);
    expect([a.json.code, b.json.code].sort((x, y) => x - y)).toEqual([200, 1600200]);
    await new Promise((r) => setTimeout(r, 1_050));
    expect((await call("GET", "/product/listV2?size=1", { token: t })).json).toMatchObject({ code: 1600201, message: "Quota has been used up" });
  });

  it("posts LOGISTIC messages signed as CJ signs them, and re-sends until answered 200", async () => {
    const { call, token, order, emulator, clock } = await world();
    const received: { sign: string; body: string }[] = [];
    let fail = true;
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => { received.push({ sign: String(req.headers.sign), body }); res.writeHead(fail ? 500 : 200).end(); });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    close.push(() => new Promise((r) => receiver.close(() => r())));
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhooks/cj`;
    const t = await token();
    await call("POST", "/webhook/set", { token: t, body: { order: { type: "ENABLE", callbackUrls: [url] }, logistics: { type: "ENABLE", callbackUrls: [url] } } });
    await call("POST", "/shopping/order/createOrderV2", { token: t, body: order() });
    clock.advance(DAY + 1);
    expect((await emulator.deliverWebhooks()).failed).toBeGreaterThan(0);
    fail = false;
    const { sent } = await emulator.deliverWebhooks();
    expect(sent).toBeGreaterThan(0);
    expect((await emulator.deliverWebhooks()).sent).toBe(0);
    const logistic = received.filter((r) => r.body.includes('"type":"LOGISTIC"')).at(-1)!;
    expect(logistic.sign).toBe(createHmac("sha256", String(CJ_EMULATOR_ACCOUNTS.demo.openId)).update(logistic.body).digest("base64"));
    expect(logistic.body).toMatch(/"orderId":\d{18},/); // an 18-digit bare number, as CJ prints it
    expect(JSON.parse(JSON.parse(logistic.body).params.logisticsTrackEvents)[0]).toMatchObject({ status: 1, statusDesc: "Warehouse outbound" });
  });
});
