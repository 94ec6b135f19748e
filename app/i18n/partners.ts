import type { TFunction } from "i18next";

/** Catalog key of a carrier as suppliers name it: "SF Express" → "sf-express", "China EMS (ePacket)" → "china-ems-epacket". */
export const carrierKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/**
 * Partner names in the merchant's language where they have one (京东, 顺丰, 中国邮政); anything the catalog does not
 * know (a supplier's own carrier spelling, a merchant's warehouse) is shown as the partner writes it.
 */
export function supplierName(t: TFunction, code: string): string {
  return t(`common:partners.supplier.${code}`, { defaultValue: code });
}
export function carrierName(t: TFunction, name: string): string {
  return t(`common:partners.carrier.${carrierKey(name)}`, { defaultValue: name });
}
export function warehouseName(t: TFunction, code: string, fallback: string): string {
  return t(`common:partners.warehouse.${code}`, { defaultValue: fallback });
}

/** Key prefixes looked up with computed keys; the completeness check counts keys under them as used. */
export const DYNAMIC_KEY_PREFIXES = ["common:partners.supplier.", "common:partners.carrier.", "common:partners.warehouse."];
