import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { BlockApi } from "./api";
import { dataUrl, loadProductBlock, marginBps, productBlockView, type MappedVariant, type ProductBlockState } from "./view";

const here = import.meta.dirname;
const locale = (file: string) => JSON.parse(fs.readFileSync(path.join(here, "../locales", file), "utf8")) as Record<string, string>;

interface Node { type: string; props: Record<string, unknown>; children: Array<Node | string> }
const h = (type: string, props: Record<string, unknown> | null, ...children: Array<Node | string | null>): Node =>
  ({ type, props: props ?? {}, children: children.filter((c): c is Node | string => c !== null) });
const text = (n: Node | string): string => (typeof n === "string" ? n : n.children.map(text).join(" | "));
const find = (n: Node | string, type: string): Node[] => (typeof n === "string" ? [] : [...(n.type === type ? [n] : []), ...n.children.flatMap((c) => find(c, type))]);

/** The block API at its documented shape; translate interpolates {{name}} like Shopify's i18n. */
function stubApi(file = "en.default.json"): BlockApi {
  const messages = locale(file);
  return {
    data: { selected: [{ id: "gid://shopify/Product/6001" }] },
    i18n: { translate: (key, options = {}) => {
      if (!(key in messages)) throw new Error(`missing translation ${key}`);
      return messages[key]!.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
    } },
    query: vi.fn(),
  };
}

const mapped: MappedVariant = {
  variantGid: "gid://shopify/ProductVariant/1", supplier: "jd", supplierSku: "JD-SKU-1", cost: { amountMinor: 7100, currency: "CNY" },
  costConverted: { amountMinor: 994, currency: "USD" }, stockByWarehouse: { "CN-SZ": 40, "US-LA": 5 }, totalStock: 45,
  lastSyncedAt: "2026-12-05T06:00:00.000Z", syncError: null,
};
const loaded = (variants: MappedVariant[], price = "24.90"): ProductBlockState => ({
  kind: "loaded", currency: "USD", prices: [{ id: "gid://shopify/ProductVariant/1", title: "Red", price }], variants, remapPath: "/app/mappings?q=id%3A6001",
});

describe("product details block", () => {
  it("shows the supplier SKU, cost, margin at the current price, stock per warehouse and last sync", () => {
    const tree = productBlockView(h, stubApi(), loaded([mapped]));
    const body = text(tree);
    expect(find(tree, "s-section").map((s) => s.props.heading)).toEqual(["Red"]);
    expect(body).toContain("jd SKU JD-SKU-1");
    expect(body).toMatch(/Supplier cost CN¥71\.00 \(≈ \$9\.94\)/);
    expect(body).toContain("Price $24.90 · margin 60.1 %");
    expect(body).toContain("Stock CN-SZ 40 · US-LA 5 (total 45)");
    expect(body).toContain("Last sync 2026-12-05 06:00 UTC");
    expect(find(tree, "s-link").map((l) => l.props.href)).toEqual(["app:/app/mappings?q=id%3A6001"]);
  });

  it("flags a variant selling below cost", () => {
    const tree = productBlockView(h, stubApi(), loaded([mapped], "8.00"));
    expect(text(tree)).toContain("margin -24.3 %");
    expect(find(tree, "s-badge").map((b) => [b.props.tone, text(b)])).toEqual([["critical", "Sells below cost"]]);
  });

  it("shows no margin when the cost is unknown or has no exchange rate, and the sync error", () => {
    const tree = productBlockView(h, stubApi(), loaded([{ ...mapped, costConverted: null, syncError: "JD: SKU delisted", lastSyncedAt: null }]));
    expect(text(tree)).toContain("Price $24.90");
    expect(text(tree)).not.toContain("margin");
    expect(text(tree)).toContain("no exchange rate");
    expect(text(find(tree, "s-banner")[0]!)).toBe("JD: SKU delisted");
    expect(text(tree)).toContain("Not synced yet");
  });

  it("offers mapping when no variant is mapped, in Chinese for a zh-CN admin", () => {
    const tree = productBlockView(h, stubApi("zh-CN.json"), loaded([]));
    expect(text(tree)).toBe("此商品没有变体关联供应商 SKU。 | 在 Silkroute 中关联或重新关联");
  });

  it("computes margin only in one currency", () => {
    expect(marginBps({ amount: 2490, currency: "USD" }, { amountMinor: 994, currency: "USD" })).toBe(6008);
    expect(marginBps({ amount: 2490, currency: "USD" }, { amountMinor: 7100, currency: "CNY" })).toBeNull();
    expect(marginBps({ amount: 0, currency: "USD" }, { amountMinor: 1, currency: "USD" })).toBeNull();
  });

  it("asks the app for the selected product in the shop's currency", () => {
    expect(dataUrl(stubApi(), "USD")).toBe("/api/extensions/product-block?id=gid%3A%2F%2Fshopify%2FProduct%2F6001&currency=USD");
  });

  it("has the same keys in English and Chinese and is declared on 2026-10 for the product details block", () => {
    expect(Object.keys(locale("zh-CN.json")).sort()).toEqual(Object.keys(locale("en.default.json")).sort());
    const toml = fs.readFileSync(path.join(here, "../shopify.extension.toml"), "utf8");
    expect(toml).toMatch(/api_version = "2026-10"/);
    expect(toml).toMatch(/target = "admin\.product-details\.block\.render"/);
  });
});

describe("loading the product details block", () => {
  it("reads prices through Direct API access, then the app's data in the shop's currency", async () => {
    const api = stubApi();
    vi.mocked(api.query).mockResolvedValue({ data: { shop: { currencyCode: "EUR" }, product: { variants: { nodes: [{ id: "gid://shopify/ProductVariant/1", title: "Red", price: "24.90" }] } } } });
    const asked: string[] = [];
    const state = await loadProductBlock(api, async (url) => { asked.push(url); return Response.json({ variants: [mapped], remapPath: "/app/mappings" }); });
    expect(asked).toEqual(["/api/extensions/product-block?id=gid%3A%2F%2Fshopify%2FProduct%2F6001&currency=EUR"]);
    expect(state).toEqual({ kind: "loaded", currency: "EUR", prices: [{ id: "gid://shopify/ProductVariant/1", title: "Red", price: "24.90" }], variants: [mapped], remapPath: "/app/mappings" });
  });

  it("shows an error when Shopify or the app does not answer", async () => {
    const api = stubApi();
    vi.mocked(api.query).mockRejectedValue(new Error("offline"));
    expect(await loadProductBlock(api, async () => Response.json({}))).toEqual({ kind: "error" });
    vi.mocked(api.query).mockResolvedValue({ data: { shop: { currencyCode: "USD" }, product: null } });
    expect(await loadProductBlock(api, async () => new Response("", { status: 401 }))).toEqual({ kind: "error" });
  });
});
