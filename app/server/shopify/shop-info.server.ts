import type { AdminClient } from "./admin-client";

export const SHOP_INFO_QUERY = `#graphql
  query silkrouteShopInfo {
    shop {
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
      plan {
        displayName
        partnerDevelopment
        shopifyPlus
      }
      billingAddress {
        countryCodeV2
        provinceCode
        city
        zip
      }
    }
  }
`;

export interface ShopInfo {
  name: string;
  currencyCode: string;
  ianaTimezone: string;
  planName: string;
  isDevelopmentStore: boolean;
  isPlus: boolean;
  country: string | null;
}

export async function fetchShopInfo(admin: AdminClient): Promise<ShopInfo> {
  const { shop } = await admin.request(SHOP_INFO_QUERY);
  return {
    name: shop.name,
    currencyCode: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    planName: shop.plan.displayName,
    isDevelopmentStore: shop.plan.partnerDevelopment,
    isPlus: shop.plan.shopifyPlus,
    country: shop.billingAddress.countryCodeV2 ?? null,
  };
}
