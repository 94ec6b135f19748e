/**
 * The delivery rules page: what the merchant set (read back from the customization's `delivery-rules` metafield),
 * the services they can set it for, whether the customization is on, and whether the store is on Plus (the
 * checkout notice). Forms are parsed here so the route stays thin.
 */
import { parseRules } from "../../../../extensions/silkroute-fallback-rates/src/rules";
import { ITEM_FLAGS, type ItemFlag } from "../../shipping/engine/card-types";
import { FALLBACK_FUNCTION_HANDLE } from "../../shipping/fallback-rates/fallback-rates.server";
import { effectiveRateCards } from "../../shipping/rate-cards.server";
import type { AdminClient } from "../../shopify/admin-client";
import type { DeliveryRulesForm } from "./delivery-rules.server";

export const DELIVERY_RULES_LOOKUP = `#graphql
query silkrouteDeliveryRulesLookup {
  shop { plan { shopifyPlus } }
  shopifyFunctions(first: 25, apiType: "delivery_customization") { nodes { id handle } }
  deliveryCustomizations(first: 50) {
    nodes { id functionId enabled metafield(namespace: "$app:silkroute", key: "delivery-rules") { jsonValue } }
  }
}`;

export interface DeliveryRulesPage {
  services: Array<{ code: string; name: string }>;
  flags: readonly ItemFlag[];
  rules: DeliveryRulesForm;
  customization: "on" | "off" | "missing";
  isPlus: boolean;
}

export async function deliveryRulesPage(shop: string, admin: AdminClient): Promise<DeliveryRulesPage> {
  const [cards, data] = await Promise.all([effectiveRateCards(shop), admin.request(DELIVERY_RULES_LOOKUP)]);
  const fn = data.shopifyFunctions.nodes.find((f) => f.handle === FALLBACK_FUNCTION_HANDLE);
  const customization = fn ? data.deliveryCustomizations.nodes.find((c) => c.functionId === fn.id) : undefined;
  const saved = parseRules(customization?.metafield?.jsonValue ?? null);
  const services = [...new Map(cards.map((c) => [c.code, { code: c.code, name: c.name }])).values()];
  return {
    services, flags: ITEM_FLAGS,
    rules: {
      hideForPoBox: saved?.hideForPoBox ?? [], hideForFlags: saved?.hideForFlags ?? [], rename: saved?.rename ?? [],
      leadWithFastest: (saved?.fastestFirst.length ?? 0) > 0,
    },
    customization: !customization ? "missing" : customization.enabled ? "on" : "off",
    isPlus: data.shop.plan.shopifyPlus,
  };
}

/**
 * Form fields → rules: `poBox` (one per service code), `flag:<flag>` (service codes hidden when the cart holds an
 * item with that flag), `rename:<code>` (new title, empty keeps the card's), `leadWithFastest` ("on").
 */
export function rulesFromForm(form: FormData): DeliveryRulesForm {
  const codes = (name: string) => [...new Set(form.getAll(name).map(String).filter(Boolean))];
  const byCode = new Map<string, ItemFlag[]>();
  for (const flag of ITEM_FLAGS) for (const code of codes(`flag:${flag}`)) byCode.set(code, [...(byCode.get(code) ?? []), flag]);
  // One rule per service with the flags that hide it: the Function hides a code when any listed flag is in the cart.
  const hideForFlags = [...byCode].map(([code, flags]) => ({ flags, codes: [code] }));
  const rename: DeliveryRulesForm["rename"] = [];
  for (const [name, value] of form.entries()) {
    if (name.startsWith("rename:") && String(value).trim()) rename.push({ code: name.slice("rename:".length), title: String(value) });
  }
  return { hideForPoBox: codes("poBox"), hideForFlags, rename, leadWithFastest: form.get("leadWithFastest") === "on" };
}
