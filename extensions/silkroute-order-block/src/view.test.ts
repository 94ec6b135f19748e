import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { SUPPLIER_ORDER_STATES } from "../../../app/server/fulfillment/state-machine";
import type { BlockApi } from "./api";
import { dataUrl, loadOrderBlock, orderBlockView, type SupplierOrderRow } from "./view";

const here = import.meta.dirname;
const locale = (file: string) => JSON.parse(fs.readFileSync(path.join(here, "../locales", file), "utf8")) as Record<string, unknown>;

interface Node { type: string; props: Record<string, unknown>; children: Array<Node | string> }
const h = (type: string, props: Record<string, unknown> | null, ...children: Array<Node | string | null>): Node =>
  ({ type, props: props ?? {}, children: children.filter((c): c is Node | string => c !== null) });
const text = (n: Node | string): string => (typeof n === "string" ? n : n.children.map(text).join(" "));
const find = (n: Node | string, type: string): Node[] => (typeof n === "string" ? [] : [...(n.type === type ? [n] : []), ...n.children.flatMap((c) => find(c, type))]);

/** The block API at its documented shape; translate resolves dotted keys and {{name}} like Shopify's i18n. */
function stubApi(file = "en.default.json", selected = [{ id: "gid://shopify/Order/5001" }]): BlockApi {
  const messages = locale(file);
  return {
    data: { selected },
    i18n: { translate: (key, options = {}) => {
      const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);
      if (typeof value !== "string") throw new Error(`missing translation ${key}`);
      return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
    } },
    navigation: { navigate: vi.fn() },
  };
}

const shipped: SupplierOrderRow = {
  id: "so_1", state: "shipped", supplier: "cj", warehouse: "CN-SZ", supplierOrderId: "CJ-77", carrier: "YunExpress",
  trackingNumbers: ["YT2412345678901"], trackingUrl: "https://www.yuntrack.com/track?id=YT2412345678901",
  latestEvent: { message: "Departed Shenzhen sorting centre", at: "2026-12-03T10:00:00.000Z" }, attention: null,
  actions: { approve: false, retry: false }, appPath: "/app/orders/so_1",
};

describe("order details block", () => {
  it("shows a shipped supplier order with its carrier, tracking, latest event and a link into Silkroute", () => {
    const tree = orderBlockView(h, stubApi(), { kind: "loaded", supplierOrders: [shipped] });
    expect(tree.type).toBe("s-admin-block");
    expect(find(tree, "s-section").map((s) => s.props.heading)).toEqual(["cj · CN-SZ"]);
    expect(text(tree)).toContain("Shipped");
    expect(text(tree)).toContain("YunExpress: YT2412345678901");
    expect(text(tree)).toContain("Latest: Departed Shenzhen sorting centre (2026-12-03)");
    expect(find(tree, "s-link").map((l) => l.props.href)).toEqual([shipped.trackingUrl, "app:/app/orders/so_1"]);
  });

  it("warns about an order needing attention and points to approve or retry", () => {
    const row = { ...shipped, state: "needs_attention", trackingNumbers: [], trackingUrl: null, latestEvent: null, attention: "The margin is below 25 %.", actions: { approve: true, retry: true } };
    const tree = orderBlockView(h, stubApi(), { kind: "loaded", supplierOrders: [row] });
    expect(find(tree, "s-badge")[0]!.props.tone).toBe("warning");
    expect(text(find(tree, "s-banner")[0]!)).toBe("The margin is below 25 %.");
    expect(text(tree)).toContain("No tracking number yet");
    expect(text(tree)).toContain("Approve or retry in Silkroute");
  });

  it("speaks Simplified Chinese in a zh-CN admin", () => {
    const tree = orderBlockView(h, stubApi("zh-CN.json"), { kind: "loaded", supplierOrders: [shipped] });
    expect(text(tree)).toContain("已发货");
    expect(text(tree)).toContain("查询物流");
  });

  it("says so when the order has no supplier orders, while loading, and when loading failed", () => {
    expect(text(orderBlockView(h, stubApi(), { kind: "loaded", supplierOrders: [] }))).toBe("No supplier orders for this order.");
    expect(find(orderBlockView(h, stubApi(), { kind: "loading" }), "s-spinner")).toHaveLength(1);
    expect(find(orderBlockView(h, stubApi(), { kind: "error" }), "s-banner")[0]!.props.tone).toBe("critical");
  });

  it("asks the app for the selected order's data", () => {
    expect(dataUrl(stubApi())).toBe("/api/extensions/order-block?id=gid%3A%2F%2Fshopify%2FOrder%2F5001");
    expect(dataUrl(stubApi("en.default.json", []))).toBeNull();
  });

  it("names every supplier order state in both languages, with the same keys", () => {
    const keys = (o: unknown, prefix = ""): string[] => Object.entries(o as object).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
    expect(keys(locale("zh-CN.json")).sort()).toEqual(keys(locale("en.default.json")).sort());
    for (const state of SUPPLIER_ORDER_STATES) expect(() => stubApi().i18n.translate(`state.${state}`)).not.toThrow();
  });

  it("is declared on API 2026-10 for the order details block target", () => {
    const toml = fs.readFileSync(path.join(here, "../shopify.extension.toml"), "utf8");
    expect(toml).toMatch(/api_version = "2026-10"/);
    expect(toml).toMatch(/target = "admin\.order-details\.block\.render"/);
  });
});

describe("loading the order details block", () => {
  it("fetches the selected order's data and shows an error when the app refuses", async () => {
    const asked: string[] = [];
    const answer = (status: number, body: unknown) => async (url: string) => { asked.push(url); return new Response(JSON.stringify(body), { status }); };
    expect(await loadOrderBlock(stubApi(), answer(200, { supplierOrders: [shipped] }))).toEqual({ kind: "loaded", supplierOrders: [shipped] });
    expect(asked).toEqual(["/api/extensions/order-block?id=gid%3A%2F%2Fshopify%2FOrder%2F5001"]);
    expect(await loadOrderBlock(stubApi(), answer(401, {}))).toEqual({ kind: "error" });
    expect(await loadOrderBlock(stubApi("en.default.json", []), answer(500, {}))).toEqual({ kind: "loaded", supplierOrders: [] });
  });
});
