// Path → handler for the legacy bizapi gateway: POST form bodies, `token` on business calls, answers in the
// {success, resultCode, resultMessage, result} envelope (jd-contract.json → gateways.legacy_vop_bizapi).
import { PROVINCES, childrenOf, isKnownChain } from "./vop-area-tree";
import type { VopCatalog } from "./vop-catalog";
import { envelope, paramFormat, paramValue, requireField, requireInt, VopError, yuan, type VopEnvelope } from "./vop-envelope";
import type { VopMessageQueue } from "./vop-messages";
import type { createVopAuth } from "./vop-auth";
import type { createVopOrderBook } from "./vop-orders";

export interface VopRouteContext {
  auth: ReturnType<typeof createVopAuth>;
  catalog: VopCatalog;
  orders: ReturnType<typeof createVopOrderBook>;
  messages: VopMessageQueue;
  skuIdsPerPage: number;
}

type Handler = (ctx: VopRouteContext, p: URLSearchParams) => VopEnvelope;
const ok = (result: unknown) => envelope(result);

const business: Record<string, Handler> = {
  // getPageNum → [{name, page_num}]
  "/api/product/getPageNum": (ctx) => ok(ctx.catalog.pools.map((p) => ({ name: p.name, page_num: p.page_num }))),
  // getSkuByPage: pageNum is the POOL id, pageNo the page; "每页最多 10000 条数据", pageCount returned
  "/api/product/getSkuByPage": (ctx, p) => {
    const pool = requireField(p, "pageNum");
    if (!ctx.catalog.pools.some((x) => x.page_num === pool)) throw new VopError("2004", "商品池权限不足");
    const pageNo = p.get("pageNo") ? requireInt(p, "pageNo") : 1;
    if (pageNo < 1) throw paramValue("pageNo");
    const all = ctx.catalog.skusOfPool(pool);
    const per = ctx.skuIdsPerPage;
    return ok({ pageCount: Math.max(1, Math.ceil(all.length / per)), skuIds: all.slice((pageNo - 1) * per, pageNo * per) });
  },
  "/api/product/getDetail": (ctx, p) => {
    const id = requireInt(p, "sku");
    const s = ctx.catalog.sku(id);
    if (!s) throw new VopError("3005", "商品没查询到");
    const t = s.template;
    return ok({
      sku: s.sku, name: t.name, brandName: t.brand, weight: t.weightKg, imagePath: `jfs/t1/${s.sku}/silkroute-emulated.jpg`,
      state: s.state, productArea: "中国大陆", category: t.category, saleUnit: "个", param: t.param, introduction: t.intro, upc: String(s.sku),
    });
  },
  // getSellPrice: sku comma list (max 100) → [{skuId, price, jdPrice}], -1 = not found
  "/api/price/getSellPrice": (ctx, p) => {
    const ids = requireField(p, "sku").split(",").map((s) => s.trim());
    if (ids.length > 100) throw paramValue("sku", "最多100个");
    if (ids.some((s) => !/^\d+$/.test(s))) throw paramFormat("sku", "应为逗号分隔的商品编号");
    const exts = new Set((p.get("queryExts") ?? "").split(","));
    return ok(ids.map((raw) => {
      const s = ctx.catalog.sku(Number(raw));
      const price = s && s.priceFen >= 0 ? yuan(s.priceFen) : -1;
      const jdPrice = s && s.priceFen >= 0 ? yuan(s.jdPriceFen) : -1;
      return { skuId: Number(raw), price, jdPrice, ...(exts.has("marketPrice") ? { marketPrice: jdPrice } : {}) };
    }));
  },
  "/api/stock/getNewStockById": (ctx, p) => stock(ctx, p),
  "/api/area/getProvince": () => ok(PROVINCES),
  "/api/area/getCity": (_c, p) => ok(childrenOf("city", requireInt(p, "id")) ?? {}),
  "/api/area/getCounty": (_c, p) => ok(childrenOf("county", requireInt(p, "id")) ?? {}),
  // A county without a 4th level: success=false / 3405 with the verbatim message (4.4 获取四级地址)
  "/api/area/getTown": (_c, p) => {
    const towns = childrenOf("town", requireInt(p, "id"));
    if (!towns) throw new VopError("3405", "根据3级地址id列表。未能获取到4级地址id列表");
    return ok(towns);
  },
  // checkArea: outer resultCode null on success, inner {success, resultCode:1, addressId:0, message:null}; 3554 otherwise
  "/api/area/checkArea": (_c, p) => {
    const ids = ["provinceId", "cityId", "countyId", "townId"].map((f) => (p.get(f) ? requireInt(p, f) : 0));
    if (!isKnownChain(ids, { lowerLevelsMayBeZero: false })) throw new VopError("3554", "地址非法-非京东地址!");
    return envelope({ success: true, resultCode: 1, addressId: 0, message: null }, null);
  },
  "/api/order/submitOrder": (ctx, p) => envelope(ctx.orders.submit(p), "0001", "下单成功！"),
  "/api/order/confirmOrder": (ctx, p) => envelope(ctx.orders.confirm(p), "0003", "确认订单成功"),
  "/api/order/cancel": (ctx, p) => envelope(ctx.orders.cancel(p), "0002", "取消订单成功"),
  "/api/order/selectJdOrder": (ctx, p) => ok(ctx.orders.select(p)),
  "/api/order/selectJdOrderIdByThirdOrder": (ctx, p) => ok(ctx.orders.lookup(p)),
  "/api/order/orderTrack": (ctx, p) => ok(ctx.orders.track(p)),
  "/api/message/get": (ctx, p) => ok(ctx.messages.get(p)),
  "/api/message/del": (ctx, p) => ok(ctx.messages.del(p)),
};

// stockStateId 33 有货 / 34 无货 (enums.stockStateId); remainNum: "real count shown only when stock < 5" (Java SDK), else -1.
function stock(ctx: VopRouteContext, p: URLSearchParams): VopEnvelope {
  const area = requireField(p, "area");
  // area is 'p_c_c' or 'p_c_c_t' joined with UNDERSCORES (review F2); a comma-joined one is a format error.
  if (!/^\d+(_\d+){2,3}$/.test(area)) throw paramFormat("area", "格式：13_1000_4277_0");
  const ids = area.split("_").map(Number);
  if (!isKnownChain(ids, { lowerLevelsMayBeZero: true })) throw new VopError("3405", "没查询到对应地址");
  let entries: unknown;
  try { entries = JSON.parse(requireField(p, "skuNums")); } catch { throw paramFormat("skuNums", "应为JSON数组"); }
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > 100) throw paramFormat("skuNums", "应为1到100条的JSON数组");
  const rows = entries.map((e: { skuId?: unknown; num?: unknown }) => {
    if (typeof e.skuId !== "number" || typeof e.num !== "number") throw paramFormat("skuNums", "skuId与num应为数字");
    const s = ctx.catalog.sku(e.skuId);
    const left = s ? ctx.catalog.stockIn(s, ids[0]!) : 0;
    const inStock = left > 0 && left >= e.num;
    return { skuId: e.skuId, areaId: area, stockStateId: inStock ? 33 : 34, stockStateDesc: inStock ? "有货" : "无货", remainNum: left < 5 ? left : -1 };
  });
  // result is a JSON-encoded STRING for this call (envelope.fields.result)
  return ok(JSON.stringify(rows));
}

export function routeVop(ctx: VopRouteContext, path: string, params: URLSearchParams): VopEnvelope {
  if (path === "/oauth2/accessToken") return ok(ctx.auth.accessToken(params));
  if (path === "/oauth2/refreshToken") return ok(ctx.auth.refreshToken(params));
  const handler = business[path];
  if (!handler) throw new VopError("404", `No such VOP API: ${path}`);
  ctx.auth.check(params);
  ctx.orders.settle();
  return handler(ctx, params);
}
