import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DeliveryEstimate } from "./estimate.server";

const EXTENSION = path.resolve(import.meta.dirname, "../../../../extensions/silkroute-delivery-estimate");
const read = (file: string) => fs.readFileSync(path.join(EXTENSION, file), "utf8");
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;

type Templates = Record<"shipsFrom" | "arrives" | "dutiesIncluded" | "dutiesDue" | "dutiesMayBeDue" | "dutiesNone", string>;
interface BlockScript {
  estimateText(estimate: DeliveryEstimate, templates: Templates, locale: string, options?: { showDuties: boolean }): string | null;
  estimateUrl(data: Record<string, string>): string;
  pickVariant(data: Record<string, string>, id: string): Record<string, string>;
}
// The asset is plain browser JS outside the TypeScript project; loaded as the storefront loads it, an ES module.
const script = () => import(/* @vite-ignore */ path.join(EXTENSION, "assets/delivery-estimate.js")) as Promise<BlockScript>;

function templates(file: string): Templates {
  const t = (json(`locales/${file}`).delivery_estimate ?? {}) as Record<string, string>;
  return { shipsFrom: t.ships_from!, arrives: t.arrives!, dutiesIncluded: t.duties_included!, dutiesDue: t.duties_due!, dutiesMayBeDue: t.duties_may_be_due!, dutiesNone: t.duties_none! };
}

const ddp: DeliveryEstimate = { available: true, serviceName: "Silkroute Express (DDP)", warehouseCountry: "CN", minDate: "2026-12-10", maxDate: "2026-12-18", duties: "included", dutiesDue: null };
const ddu: DeliveryEstimate = { ...ddp, serviceName: "Silkroute Economy", duties: "due", dutiesDue: { amountMinor: 420, currency: "EUR" } };

describe("storefront delivery estimate block", () => {
  it("reads ships from, arrival window and duties included for a DDP service in English", async () => {
    const { estimateText } = await script();
    expect(estimateText(ddp, templates("en.default.json"), "en")).toBe("Ships from China · arrives Dec 10 – Dec 18 · duties included");
  });

  it("names the duties due on delivery with their amount for a DDU service, and says they may be due without one", async () => {
    const { estimateText } = await script();
    expect(estimateText(ddu, templates("en.default.json"), "en")).toBe("Ships from China · arrives Dec 10 – Dec 18 · duties and import tax due on delivery (about €4.20)");
    expect(estimateText({ ...ddu, dutiesDue: null }, templates("en.default.json"), "en")).toMatch(/· duties may be due on delivery$/);
    expect(estimateText(ddu, templates("en.default.json"), "en", { showDuties: false })).toBe("Ships from China · arrives Dec 10 – Dec 18");
    // The tax collected at checkout (EU IOSS): nothing left for the carrier to collect.
    expect(estimateText({ ...ddu, duties: "none", dutiesDue: null }, templates("en.default.json"), "en")).toMatch(/· nothing more to pay on delivery$/);
    expect(estimateText({ ...ddu, duties: "none", dutiesDue: null }, templates("zh-CN.json"), "zh-CN")).toMatch(/· 收货时无需再付款$/);
  });

  it("speaks Simplified Chinese on a zh-CN storefront, and a US warehouse reads as the United States", async () => {
    const { estimateText } = await script();
    expect(estimateText(ddp, templates("zh-CN.json"), "zh-CN")).toBe("从中国发货 · 预计 12月10日 至 12月18日 送达 · 已含关税");
    expect(estimateText(ddu, templates("zh-CN.json"), "zh-CN")).toContain("收货时需缴纳关税和进口税（约 €4.20）");
    expect(estimateText({ ...ddp, warehouseCountry: "US" }, templates("en.default.json"), "en")).toMatch(/^Ships from United States · /);
  });

  it("shows nothing when the app has no estimate", async () => {
    const { estimateText } = await script();
    expect(estimateText({ available: false }, templates("en.default.json"), "en")).toBeNull();
  });

  it("asks the app proxy for the variant, the buyer's country and currency, price and weight", async () => {
    const { estimateUrl } = await script();
    expect(estimateUrl({ endpoint: "/apps/silkroute/delivery-estimate", variant: "42", country: "DE", currency: "EUR", price: "2490", grams: "350" }))
      .toBe("/apps/silkroute/delivery-estimate?variant=42&country=DE&currency=EUR&price=2490&grams=350");
  });

  it("takes price and weight of the variant the buyer picks from the block's variant map", async () => {
    const { pickVariant } = await script();
    const data = { variants: '{"41":[2490,350],"42":[2990,500]}' };
    expect(pickVariant(data, "42")).toEqual({ variant: "42", price: "2990", grams: "500" });
    expect(pickVariant(data, "99")).toEqual({});
    expect(pickVariant({ variants: "{broken" }, "42")).toEqual({});
  });

  it("is a theme app extension on API 2026-10 whose block, for product pages, uses only keys both languages define", () => {
    const toml = read("shopify.extension.toml");
    expect(toml).toMatch(/api_version = "2026-10"/);
    expect(toml).toMatch(/type = "theme"/);
    const liquid = read("blocks/delivery-estimate.liquid");
    const schema = JSON.parse(/\{% schema %\}([\s\S]*)\{% endschema %\}/.exec(liquid)![1]!) as { enabled_on: { templates: string[] }; stylesheet: string };
    expect(schema.enabled_on.templates).toEqual(["product"]);
    expect(fs.existsSync(path.join(EXTENSION, "assets", schema.stylesheet))).toBe(true);
    const lookup = (messages: Record<string, unknown>, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    const storefrontKeys = [...liquid.matchAll(/'([\w.]+)' \| t\b/g)].map((m) => m[1]!);
    const schemaKeys = [...liquid.matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]!);
    expect(storefrontKeys.length).toBeGreaterThan(0);
    for (const file of ["en.default.json", "zh-CN.json"]) for (const key of storefrontKeys) expect(typeof lookup(json(`locales/${file}`), key), `${file} ${key}`).toBe("string");
    for (const file of ["en.default.schema.json", "zh-CN.schema.json"]) for (const key of schemaKeys) expect(typeof lookup(json(`locales/${file}`), key), `${file} ${key}`).toBe("string");
  });
});
