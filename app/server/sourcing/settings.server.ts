import { invalidateShopRateContext } from "../shipping/rate-context-cache";
import db, { PrismaRuntime } from "../../db.server";
import { defaultPricingRules, parsePricingRules, type PricingRules } from "./pricing/pricing-rules";

export interface SourcingSettingsView {
  pricingRules: PricingRules;
  autoPriceSync: boolean;
  stockSync: boolean;
  locationGid: string | null;
  /** Publications imported products are published to; null: the Online Store. */
  publicationGids: string[] | null;
}

/** The shop's currency as recorded at install/shop-update time; USD until we know better. */
export async function shopCurrency(shop: string): Promise<string> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { currencyCode: true } });
  return row?.currencyCode ?? "USD";
}

export async function getSourcingSettings(shop: string): Promise<SourcingSettingsView> {
  const row = await db.sourcingSettings.findUnique({ where: { shop } });
  if (row) return { pricingRules: parsePricingRules(row.pricingRules), autoPriceSync: row.autoPriceSync, stockSync: row.stockSync, locationGid: row.locationGid, publicationGids: gidList(row.publicationGids) };
  return { pricingRules: defaultPricingRules(await shopCurrency(shop)), autoPriceSync: false, stockSync: true, locationGid: null, publicationGids: null };
}

export async function saveSourcingSettings(shop: string, patch: Partial<SourcingSettingsView>): Promise<SourcingSettingsView> {
  const current = await getSourcingSettings(shop);
  const next = { ...current, ...patch, pricingRules: parsePricingRules(patch.pricingRules ?? current.pricingRules) };
  const data = {
    pricingRules: next.pricingRules, autoPriceSync: next.autoPriceSync, stockSync: next.stockSync, locationGid: next.locationGid,
    publicationGids: next.publicationGids ?? PrismaRuntime.DbNull,
  };
  await db.sourcingSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  // Landed-cost pricing changes what DDP checkout rates charge (duties move into product prices).
  if (next.pricingRules.includeDuties !== current.pricingRules.includeDuties) invalidateShopRateContext(shop);
  return next;
}

const gidList = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;

const countries = new Map<string, string | null>();

/** The shop's billing country (where shipping estimates go), asked once per process. */
export async function shopCountry(admin: import("../shopify/admin-client").AdminClient): Promise<string | null> {
  if (!countries.has(admin.shop)) {
    const { fetchShopInfo } = await import("../shopify/shop-info.server");
    const info = await fetchShopInfo(admin);
    await db.shop.updateMany({ where: { domain: admin.shop, currencyCode: null }, data: { currencyCode: info.currencyCode } });
    countries.set(admin.shop, info.country);
  }
  return countries.get(admin.shop) ?? null;
}
