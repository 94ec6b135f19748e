/**
 * Writes the shop metafield the checkout notice reads (`$app:silkroute` / `checkout-services`): for each service of
 * the shop's effective rate cards, the title buyers see (the merchant's service name, else the card's), the warehouse
 * countries it ships from and its incoterm. Checkout UI extensions read app metafields declared in their toml and
 * cannot call our servers without network access approval, so the app writes what they show. metafieldsSet
 * overwrites: a repeat run ends in the same value. Runs with the restriction writer (rate-card changes, daily).
 */
import type { CheckoutService } from "../../../../extensions/silkroute-checkout-notice/src/notice";
import type { AdminClient } from "../../shopify/admin-client";
import { effectiveRateCards } from "../../shipping/rate-cards.server";
import { uncachedShopRateContext } from "../../shipping/shop-rate-context.server";
import { RESTRICTIONS_SET } from "../restricted-items/documents";

export const CHECKOUT_SERVICES_METAFIELD = { namespace: "$app:silkroute", key: "checkout-services", type: "json" } as const;

const SHOP_ID = `#graphql
query silkrouteShopId { shop { id } }`;

export async function checkoutServices(shop: string): Promise<CheckoutService[]> {
  const [cards, context] = await Promise.all([effectiveRateCards(shop), uncachedShopRateContext(shop)]);
  const byCode = new Map<string, CheckoutService>();
  for (const card of cards) {
    // Dated versions of one service share its code; the title and terms of the last listed stand for it.
    byCode.set(card.code, { title: context.merchantRules.services[card.code]?.name ?? card.name, origins: [...card.origins], incoterm: card.incoterm });
  }
  return [...byCode.values()];
}

export async function writeCheckoutServicesMetafield(shop: string, admin: AdminClient): Promise<{ services: number }> {
  const services = await checkoutServices(shop);
  const { shop: owner } = (await admin.request(SHOP_ID)) as { shop: { id: string } };
  await admin.request(RESTRICTIONS_SET, { metafields: [{ ...CHECKOUT_SERVICES_METAFIELD, ownerId: owner.id, value: JSON.stringify({ services }) }] });
  return { services: services.length };
}
