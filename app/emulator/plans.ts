/**
 * Shopify plans as the emulator models them.
 * Restore rates are the 2025+ numbers from shopify.dev rate-limits (100/200/1000/2000 pts/s).
 * The current docs no longer publish bucket sizes; the emulator keeps Shopify's long-standing ratio of
 * bucket = 20 s of restore (the old 1000/50 and 10000/500 pairs), i.e. 2000 for Basic/Shopify.
 * Carrier-calculated shipping: Advanced and higher, Plus, development stores; Basic/Shopify only with the add-on.
 */
export type PlanKey = "basic" | "shopify" | "advanced" | "plus" | "enterprise" | "development";

export interface PlanInfo {
  displayName: string;
  publicDisplayName: string;
  partnerDevelopment: boolean;
  shopifyPlus: boolean;
  restoreRate: number;
  maximumAvailable: number;
  carrierCalculatedShipping: boolean;
}

const BUCKET_SECONDS = 20;

function plan(displayName: string, restoreRate: number, extra: Partial<PlanInfo> = {}): PlanInfo {
  return {
    displayName,
    publicDisplayName: displayName,
    partnerDevelopment: false,
    shopifyPlus: false,
    restoreRate,
    maximumAvailable: restoreRate * BUCKET_SECONDS,
    carrierCalculatedShipping: false,
    ...extra,
  };
}

export const PLANS: Record<PlanKey, PlanInfo> = {
  basic: plan("Basic", 100),
  shopify: plan("Shopify", 100),
  advanced: plan("Advanced", 200, { carrierCalculatedShipping: true }),
  plus: plan("Shopify Plus", 1000, { shopifyPlus: true, carrierCalculatedShipping: true }),
  enterprise: plan("Commerce Components", 2000, { shopifyPlus: true, carrierCalculatedShipping: true }),
  development: plan("Development", 100, { partnerDevelopment: true, carrierCalculatedShipping: true, publicDisplayName: "Development" }),
};

export const SINGLE_QUERY_MAX_COST = 1000;
