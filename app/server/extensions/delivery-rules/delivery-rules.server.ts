/**
 * Saves the merchant's delivery rules (hide for PO boxes or restricted items, rename) to the Silkroute delivery
 * customization's `delivery-rules` metafield, with `fastestFirst` recomputed from the shop's rate cards. The
 * customization is the one the fallback-rates card turns on (found by its function id, never remembered), so a
 * repeat save overwrites the same metafield.
 */
import type { AdminClient } from "../../shopify/admin-client";
import { AdminUserErrors } from "../../shopify/admin-errors";
import { FALLBACK_RATES_LOOKUP, FALLBACK_RATES_UPDATE } from "../../shipping/fallback-rates/documents";
import { FALLBACK_FUNCTION_HANDLE } from "../../shipping/fallback-rates/fallback-rates.server";
import { effectiveRateCards } from "../../shipping/rate-cards.server";
import { speedRanking } from "./speed-ranking";
import { message, type Message } from "../../../i18n/message";

export const RULES_METAFIELD = { namespace: "$app:silkroute", key: "delivery-rules", type: "json" } as const;

export interface DeliveryRulesForm {
  hideForPoBox: string[];
  hideForFlags: Array<{ flags: string[]; codes: string[] }>;
  rename: Array<{ code: string; title: string }>;
  leadWithFastest: boolean;
}

export type SaveRulesResult = { ok: true; rules: Record<string, unknown> } | { ok: false; error: Message };

export async function saveDeliveryRules(shop: string, admin: AdminClient, form: DeliveryRulesForm): Promise<SaveRulesResult> {
  const cards = await effectiveRateCards(shop);
  const known = new Set(cards.map((c) => c.code));
  const unknown = [...form.hideForPoBox, ...form.hideForFlags.flatMap((r) => r.codes), ...form.rename.map((r) => r.code)].filter((c) => !known.has(c));
  if (unknown.length) return { ok: false, error: message("messages:deliveryRules.unknownCodes", { codes: [...new Set(unknown)].join(", ") }) };
  const long = form.rename.find((r) => !r.title.trim() || r.title.length > 255);
  if (long) return { ok: false, error: message("messages:deliveryRules.titleLength", { code: long.code }) };
  const rules = {
    hideForPoBox: form.hideForPoBox,
    hideForFlags: form.hideForFlags,
    rename: form.rename.map((r) => ({ code: r.code, title: r.title.trim() })),
    fastestFirst: form.leadWithFastest ? speedRanking(cards) : [],
  };
  const data = await admin.request(FALLBACK_RATES_LOOKUP);
  const fn = data.shopifyFunctions.nodes.find((f) => f.handle === FALLBACK_FUNCTION_HANDLE);
  const customization = fn ? data.deliveryCustomizations.nodes.find((c) => c.functionId === fn.id) : undefined;
  if (!customization) return { ok: false, error: message("messages:deliveryRules.customizationOff") };
  try {
    await admin.request(FALLBACK_RATES_UPDATE, { id: customization.id, input: { metafields: [{ ...RULES_METAFIELD, value: JSON.stringify(rules) }] } });
  } catch (error) {
    if (!(error instanceof AdminUserErrors)) throw error;
    // Shopify's own words are partner text: shown as Shopify wrote them.
    return { ok: false, error: message("messages:deliveryRules.shopifyRefused", { detail: error.userErrors.map((e) => e.message).join(" ") }) };
  }
  return { ok: true, rules };
}
