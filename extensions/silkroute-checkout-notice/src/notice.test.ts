import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { AppMetafieldEntry, CheckoutNoticeApi, ShippingOption } from "./api";
import { checkoutNotice, noticeView, servicesFrom, type CheckoutService } from "./notice";

const here = import.meta.dirname;
const locale = (file: string) => JSON.parse(fs.readFileSync(path.join(here, "../locales", file), "utf8")) as Record<string, string>;

interface Node { type: string; props: Record<string, unknown>; children: Array<Node | string> }
const h = (type: string, props: Record<string, unknown> | null, ...children: Array<Node | string | null>): Node =>
  ({ type, props: props ?? {}, children: children.filter((c): c is Node | string => c !== null) });
const text = (n: Node | string | null): string => (n === null ? "" : typeof n === "string" ? n : n.children.map(text).join(" | "));

const DAY = 86_400; // timeInTransit is in seconds
const SERVICES: CheckoutService[] = [
  { title: "Silkroute Express (duties paid)", origins: ["CN"], incoterm: "DDP" },
  { title: "Silkroute Economy", origins: ["CN"], incoterm: "DDU" },
  { title: "US Ground from LA", origins: ["US"], incoterm: "DDU" },
];
const option = (title: string, extra: Partial<ShippingOption> = {}): ShippingOption => ({
  handle: `h-${title}`, title, type: "shipping", carrier: { name: "Silkroute" }, deliveryEstimate: { timeInTransit: { lower: 7 * DAY, upper: 12 * DAY } }, ...extra,
});
const metafields = (services: unknown = { services: SERVICES }): AppMetafieldEntry[] => [
  { target: { type: "shop", id: "gid://shopify/Shop/1" }, metafield: { namespace: "$app:silkroute", key: "checkout-services", value: JSON.stringify(services), type: "json" } },
];

/** The checkout API at its documented shape; translate interpolates {{name}} like Shopify's i18n. */
function stubApi(target: ShippingOption, extra: { selected?: boolean; country?: string; language?: string; file?: string } = {}): CheckoutNoticeApi {
  const messages = locale(extra.file ?? "en.default.json");
  return {
    target: { value: target }, isTargetSelected: { value: extra.selected ?? true },
    shippingAddress: { value: extra.country === undefined ? { countryCode: "DE" } : { countryCode: extra.country } },
    localization: { language: { value: { isoCode: extra.language ?? "en" } }, country: { value: { isoCode: "DE" } } },
    appMetafields: { value: metafields() },
    i18n: { translate: (key, options = {}) => messages[key]!.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name])) },
  };
}

describe("checkout duties notice", () => {
  it.each([
    ["a DDP service to Germany", "Silkroute Express (duties paid)", "DE", "Ships from China. Delivery in 7–12 business days after dispatch. | Duties and import taxes are included in this price: nothing more to pay on delivery."],
    ["a DDU service to Germany", "Silkroute Economy", "DE", "Ships from China. Delivery in 7–12 business days after dispatch. | Duties and import taxes are not included (DDU): the carrier may collect them from you on delivery."],
    ["a US warehouse service to Canada", "US Ground from LA", "CA", "Ships from United States. Delivery in 7–12 business days after dispatch. | Duties and import taxes are not included (DDU): the carrier may collect them from you on delivery."],
  ])("explains origin, transit and duties for %s", (_, title, country, expected) => {
    expect(text(noticeView(h, stubApi(option(title), { country })))).toBe(expected);
  });

  it("says nothing for a domestic shipment, another carrier's rate, local delivery, or without services", () => {
    expect(checkoutNotice(option("US Ground from LA"), SERVICES, "US")).toBeNull();
    expect(checkoutNotice(option("Standard"), SERVICES, "DE")).toBeNull();
    expect(checkoutNotice(option("Silkroute Economy", { type: "local" }), SERVICES, "DE")).toBeNull();
    expect(checkoutNotice(option("Silkroute Economy"), [], "DE")).toBeNull();
    expect(checkoutNotice(option("Silkroute Economy"), SERVICES, undefined)).toBeNull();
  });

  it("leaves out the transit sentence when Shopify has no estimate, and says one number for an exact one", () => {
    expect(text(noticeView(h, stubApi(option("Silkroute Economy", { deliveryEstimate: {} }))))).toMatch(/^Ships from China\. \| Duties/);
    expect(text(noticeView(h, stubApi(option("Silkroute Economy", { deliveryEstimate: { timeInTransit: { lower: 5 * DAY, upper: 5 * DAY } } }))))).toContain("Delivery in 5 business days");
  });

  it("keeps an unselected DDP option to one line, but always warns about duties due on delivery", () => {
    expect(text(noticeView(h, stubApi(option("Silkroute Express (duties paid)"), { selected: false })))).not.toContain("Duties");
    expect(text(noticeView(h, stubApi(option("Silkroute Economy"), { selected: false })))).toContain("not included (DDU)");
  });

  it("speaks Simplified Chinese in a zh-CN checkout", () => {
    const tree = noticeView(h, stubApi(option("Silkroute Economy"), { language: "zh-CN", file: "zh-CN.json" }));
    expect(text(tree)).toBe("从中国发货。 发货后 7–12 个工作日送达。 | 此价格不含关税和进口税（DDU）：承运商可能在送货时向您收取。");
  });

  it("uses the market country when the address is not readable", () => {
    const api = { ...stubApi(option("Silkroute Economy")), shippingAddress: undefined };
    expect(text(noticeView(h, api))).toContain("Ships from China");
  });

  it("ignores an unreadable or foreign metafield", () => {
    expect(servicesFrom([{ ...metafields()[0]!, metafield: { ...metafields()[0]!.metafield, value: "{not json" } }])).toEqual([]);
    expect(servicesFrom(metafields({ services: [{ title: "X", origins: ["CN"], incoterm: "EXW" }] }))).toEqual([]);
    expect(servicesFrom([{ ...metafields()[0]!, target: { type: "product", id: "gid://shopify/Product/1" } }])).toEqual([]);
  });

  it("has the same keys in both languages and is declared on API 2026-10 for the shipping option item target", () => {
    expect(Object.keys(locale("zh-CN.json")).sort()).toEqual(Object.keys(locale("en.default.json")).sort());
    const toml = fs.readFileSync(path.join(here, "../shopify.extension.toml"), "utf8");
    expect(toml).toMatch(/api_version = "2026-10"/);
    expect(toml).toMatch(/target = "purchase\.checkout\.shipping-option-item\.render-after"/);
    expect(toml).toMatch(/namespace = "\$app:silkroute"\s+key = "checkout-services"/);
  });
});
