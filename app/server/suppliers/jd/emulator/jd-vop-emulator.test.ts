import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { md5Hex } from "../signing";
import { postVop, POOL_SKU, SHUNDE_JUNAN, startJdWorld, stockedSkus, type JdWorld } from "./jd-emulator.fixture";

let world: JdWorld;
beforeEach(async () => { world = await startJdWorld(); });
afterEach(() => world.close());

async function token(): Promise<string> {
  const login = await postVop(world.url, "/oauth2/accessToken", signedTokenParams());
  return (login.result as { access_token: string }).access_token;
}

function signedTokenParams(overrides: Record<string, string> = {}) {
  const a = world.emulator.account;
  const timestamp = "2026-11-01 08:00:00";
  const password = md5Hex(a.password);
  const sign = md5Hex(a.clientSecret + timestamp + a.clientId + a.username + password + "access_token" + "" + a.clientSecret).toUpperCase();
  return { grant_type: "access_token", client_id: a.clientId, client_secret: a.clientSecret, username: a.username, password, timestamp, scope: "", sign, ...overrides };
}

describe("JD VOP emulator: token", () => {
  it("issues a 24 h token for a request signed as published", async () => {
    const r = await postVop(world.url, "/oauth2/accessToken", signedTokenParams());
    expect(r).toMatchObject({ success: true, resultCode: "0000", result: { expires_in: 86_400, access_token: expect.any(String), refresh_token: expect.any(String) } });
  });

  it("refuses a wrong signature with a parameter error and no token", async () => {
    const r = await postVop(world.url, "/oauth2/accessToken", signedTokenParams({ sign: "0".repeat(32) }));
    expect(r).toMatchObject({ success: false, resultCode: "1003", result: null });
    expect(r.resultMessage).toContain("sign");
  });

  it("answers 2007 token已过期 to a business call with an expired token", async () => {
    const t = await token();
    world.clock.advance(24 * 3_600_000 + 1);
    expect(await postVop(world.url, "/api/product/getPageNum", { token: t })).toMatchObject({ success: false, resultCode: "2007", resultMessage: "token已过期" });
  });
});

describe("JD VOP emulator: catalog and stock", () => {
  it("answers -1 as the price of a SKU it has no price for", async () => {
    const t = await token();
    const r = await postVop(world.url, "/api/price/getSellPrice", { token: t, sku: `${POOL_SKU(16)},${POOL_SKU(1)}` });
    const prices = r.result as { skuId: number; price: number; jdPrice: number }[];
    expect(prices[0]).toMatchObject({ skuId: Number(POOL_SKU(16)), price: -1, jdPrice: -1 });
    expect(prices[1]!.price).toBeGreaterThan(0);
  });

  it("accepts an underscore-joined area and answers stock as a JSON string", async () => {
    const t = await token();
    const r = await postVop(world.url, "/api/stock/getNewStockById", { token: t, skuNums: `[{"skuId":${POOL_SKU(1)},"num":1}]`, area: SHUNDE_JUNAN });
    expect(r.success).toBe(true);
    expect(JSON.parse(r.result as string)[0]).toMatchObject({ skuId: Number(POOL_SKU(1)), areaId: SHUNDE_JUNAN, stockStateId: expect.any(Number) });
  });

  it("refuses a comma-joined area with JD's parameter-format error", async () => {
    const t = await token();
    const r = await postVop(world.url, "/api/stock/getNewStockById", { token: t, skuNums: `[{"skuId":${POOL_SKU(1)},"num":1}]`, area: "19,1666,1669,52082" });
    expect(r).toMatchObject({ success: false, resultCode: "1002" });
  });

  it("answers 3405 with the verbatim message for a county that has no 4th level", async () => {
    const t = await token();
    expect(await postVop(world.url, "/api/area/getTown", { token: t, id: "3639" }))
      .toMatchObject({ success: false, resultCode: "3405", resultMessage: "根据3级地址id列表。未能获取到4级地址id列表", result: null });
  });
});

describe("JD VOP emulator: orders", () => {
  function submitParams(t: string, overrides: Record<string, string> = {}) {
    const [sku] = stockedSkus(world, [0]);
    return {
      token: t, thirdOrder: "so_emulator_1", sku: `[{"skuId":${sku},"num":1,"bNeedAnnex":true,"bNeedGift":false}]`,
      name: "王经理", province: "19", city: "1666", county: "1669", town: "52082", address: "集运路 8 号", mobile: "13800000000", email: "xx",
      invoiceState: "2", invoiceType: "3", selectedInvoiceTitle: "4", invoiceContent: "1", invoicePhone: "13800000000",
      paymentType: "4", isUseBalance: "1", submitState: "0", ...overrides,
    };
  }

  it("answers 0008 重复提交 to a second submit with the same thirdOrder and keeps one order", async () => {
    const t = await token();
    expect(await postVop(world.url, "/api/order/submitOrder", submitParams(t))).toMatchObject({ success: true, resultCode: "0001" });
    expect(await postVop(world.url, "/api/order/submitOrder", submitParams(t))).toMatchObject({ success: false, resultCode: "0008" });
    expect(world.emulator.orders.size).toBe(1);
  });

  it("refuses invoiceType 4, a company title without companyName, and a county whose town was left out", async () => {
    const t = await token();
    expect(await postVop(world.url, "/api/order/submitOrder", submitParams(t, { invoiceType: "4" }))).toMatchObject({ resultCode: "1003" });
    expect(await postVop(world.url, "/api/order/submitOrder", submitParams(t, { selectedInvoiceTitle: "5" }))).toMatchObject({ resultCode: "1001" });
    expect(await postVop(world.url, "/api/order/submitOrder", submitParams(t, { town: "0" }))).toMatchObject({ resultCode: "3405" });
    expect(world.emulator.orders.size).toBe(0);
  });

  it("returns jdOrderState only when queryExts asks for it", async () => {
    const t = await token();
    const placed = await postVop(world.url, "/api/order/submitOrder", submitParams(t, { submitState: "1" }));
    const jdOrderId = String((placed.result as { jdOrderId: number }).jdOrderId);
    const plain = await postVop(world.url, "/api/order/selectJdOrder", { token: t, jdOrderId });
    expect(plain.result).not.toHaveProperty("jdOrderState");
    const withState = await postVop(world.url, "/api/order/selectJdOrder", { token: t, jdOrderId, queryExts: "jdOrderState" });
    expect(withState.result).toMatchObject({ jdOrderState: 1, submitState: 1, type: 2, pOrder: 0 });
  });

  it("cancels an unconfirmed order and refuses a confirmed one with 3204", async () => {
    const t = await token();
    const reserved = await postVop(world.url, "/api/order/submitOrder", submitParams(t));
    const id = String((reserved.result as { jdOrderId: number }).jdOrderId);
    expect(await postVop(world.url, "/api/order/cancel", { token: t, jdOrderId: id })).toMatchObject({ success: true, resultCode: "0002", result: true });
    const direct = await postVop(world.url, "/api/order/submitOrder", submitParams(t, { thirdOrder: "so_emulator_2", submitState: "1" }));
    const produced = String((direct.result as { jdOrderId: number }).jdOrderId);
    expect(await postVop(world.url, "/api/order/cancel", { token: t, jdOrderId: produced }))
      .toMatchObject({ success: false, resultCode: "3204", resultMessage: "该订单已经生产，不能取消订单！" });
  });
});
