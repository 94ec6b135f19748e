// CJ API 2.0 paths (base https://developers.cjdropshipping.com/api2.0/v1), methods and parameter names exactly as
// cj-contract.json "endpoints" lists them; CJ's own MCP client (github.com/CJ-dropshipping/api-mcp endpoints.ts) agrees.
import type { CjAccount, CjAccounts } from "./cj-accounts";
import { usd, type CjCatalog } from "./cj-catalog";
import { CjApiError, invalid, missing } from "./cj-envelope";
import { freightOptions, freightWire } from "./cj-freight";
import type { CjOrderBook } from "./cj-orders";
import { categoryTree, listV2, productQuery, stockByVid, variantByVid, variantQuery } from "./cj-products";

export interface CjRouteContext {
  accounts: CjAccounts;
  catalog: CjCatalog;
  orders: CjOrderBook;
  /** The contract asks for public HTTPS callbacks; local tests and the demo receive on http://127.0.0.1. */
  allowHttpCallbacks: boolean;
}

interface Call { ctx: CjRouteContext; account: CjAccount; params: URLSearchParams; body: Record<string, unknown> }
type Handler = (call: Call) => unknown;

const TOPICS = { product: "product", stock: "stock", order: "order", logistics: "logistics" } as const;

const authenticated: Record<string, Handler> = {
  "GET /setting/get": ({ account }) => ({
    openId: account.openId, openName: account.email.split("@")[0], openEmail: account.email,
    setting: { quotaLimits: account.verified ? [] : [{ quotaUrl: "/api2.0/v1/product/listV2", quotaLimit: 1000, quotaType: 0 }], qpsLimit: account.qpsLimit },
    callback: Object.fromEntries(Object.entries(account.callbacks).map(([k, urls]) => [k, { type: urls.length ? "ENABLE" : "CANCEL", urls }])),
    root: "GENERAL", isSandbox: false,
  }),
  // 1.1 Get Category: path in CJ's own client (github.com/CJ-dropshipping/api-mcp src/api-client/endpoints.ts); the
  // three-level shape {categoryFirstId, categoryFirstName, categoryFirstList[{categorySecondId, categorySecondName,
  // categorySecondList[{categoryId, categoryName}]}]} is what public clients read (not in cj-contract.json; ADR 0300).
  "GET /product/getCategory": ({ ctx }) => categoryTree(ctx.catalog.categories),
  "GET /product/listV2": ({ ctx, params }) => listV2(ctx.catalog, params),
  "GET /product/query": ({ ctx, params }) => productQuery(ctx.catalog, params),
  "GET /product/variant/query": ({ ctx, params }) => variantQuery(ctx.catalog, params),
  "GET /product/variant/queryByVid": ({ ctx, params }) => variantByVid(ctx.catalog, params),
  "GET /product/stock/queryByVid": ({ ctx, params }) => stockByVid(ctx.catalog, params),
  "POST /logistic/freightCalculate": ({ ctx, body }) => {
    for (const f of ["startCountryCode", "endCountryCode"]) if (typeof body[f] !== "string" || !body[f]) throw missing(f);
    if (!Array.isArray(body.products) || body.products.length === 0) throw missing("products");
    const lines = (body.products as { vid?: unknown; quantity?: unknown }[]).map((p, i) => {
      if (typeof p.vid !== "string" || !p.vid) throw missing(`products[${i}].vid`);
      if (!Number.isInteger(p.quantity) || (p.quantity as number) < 1) throw missing(`products[${i}].quantity`);
      const found = ctx.catalog.variant(p.vid);
      if (!found) throw new CjApiError(1602000);
      return { variant: found.variant, sensitive: found.product.productProEnSet.some((x) => x !== "COMMON"), quantity: p.quantity as number };
    });
    return freightOptions(body.startCountryCode as string, body.endCountryCode as string, lines).map(freightWire);
  },
  // 2.2 Get Tracking Information: `trackNumber`, repeated for a batch.
  "GET /logistic/trackInfo": ({ ctx, account, params }) => ctx.orders.trackInfo(account, params.getAll("trackNumber").filter(Boolean)),
  "POST /shopping/order/createOrderV2": ({ ctx, account, body }) => ctx.orders.create(account, body),
  "GET /shopping/order/getOrderDetail": ({ ctx, account, params }) => ctx.orders.detail(account, params.get("orderId")),
  "DELETE /shopping/order/deleteOrder": ({ ctx, account, params }) => ctx.orders.remove(account, params.get("orderId")),
  "GET /shopping/pay/getBalance": ({ account }) => ({ amount: usd(account.balanceCents), noWithdrawalAmount: null, freezeAmount: null }),
  "POST /shopping/pay/payBalance": ({ ctx, account, body }) => ctx.orders.payBalance(account, body.orderId),
  // 1.1 Message Setting: one URL per topic, HTTPS only, no localhost.
  "POST /webhook/set": ({ ctx, account, body }) => {
    for (const [key, topic] of Object.entries(TOPICS)) {
      const entry = body[key] as { type?: unknown; callbackUrls?: unknown } | undefined;
      if (!entry) continue;
      if (entry.type !== "ENABLE" && entry.type !== "CANCEL") throw invalid(`${key}.type`, "must be ENABLE or CANCEL");
      const urls = Array.isArray(entry.callbackUrls) ? entry.callbackUrls.filter((u): u is string => typeof u === "string") : [];
      if (entry.type === "ENABLE") {
        if (urls.length !== 1) throw invalid(`${key}.callbackUrls`, "must hold exactly one URL");
        const url = new URL(urls[0]!);
        const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
        if (!ctx.allowHttpCallbacks && (url.protocol !== "https:" || local)) throw invalid(`${key}.callbackUrls`, "must be a public HTTPS URL");
      }
      account.callbacks[topic] = entry.type === "ENABLE" ? urls : [];
    }
    return true;
  },
  "POST /authentication/logout": ({ ctx, params }) => ctx.accounts.logout(params.get("#token") ?? ""),
};

export function routeCjRequest(ctx: CjRouteContext, method: string, path: string, params: URLSearchParams, body: Record<string, unknown>, token: string | undefined): unknown {
  if (method === "POST" && path === "/authentication/getAccessToken") return ctx.accounts.getAccessToken(body.apiKey);
  if (method === "POST" && path === "/authentication/refreshAccessToken") return ctx.accounts.refreshAccessToken(body.refreshToken);
  const handler = authenticated[`${method} ${path}`];
  if (!handler) {
    const known = Object.keys(authenticated).some((k) => k.endsWith(` ${path}`));
    throw known ? new CjApiError(16900202) : new CjApiError(1600101, undefined, 404);
  }
  const account = ctx.accounts.authorize(token, path);
  if (path === "/authentication/logout") params.set("#token", token!);
  return handler({ ctx, account, params, body });
}
