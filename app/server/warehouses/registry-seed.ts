/**
 * The warehouses Silkroute knows out of the box, as data (ADR 2000). At start-up every row here that the
 * registry table lacks is inserted; rows already there are left as an operator edited them. Adding a supplier
 * warehouse = one entry in WAREHOUSES (or one row in the table) plus its supplier codes in CODES.
 */
import { EU_COUNTRIES } from "../shipping/engine/duties/default-duty-rules";

export interface WarehouseSeed {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly timeZone: string;
  readonly kind: "china" | "overseas";
  /** Destination countries an overseas warehouse delivers to locally (rate routing prefers it there). */
  readonly serves: readonly string[];
  /** Rate-card service codes that ship from it; empty = every card whose origins include its country. */
  readonly rateCards: readonly string[];
  readonly operator: "supplier" | "consolidation";
  /** The Silkroute fulfillment service (and Shopify location) standing for it; null = none of its own. */
  readonly locationName: string | null;
  readonly address: { address1: string; city: string; provinceCode?: string; zip: string } | null;
}

export const WAREHOUSES: readonly WarehouseSeed[] = [
  { id: "CN-SZ", name: "Shenzhen", country: "CN", timeZone: "Asia/Shanghai", kind: "china", serves: [], rateCards: [], operator: "supplier",
    locationName: "Silkroute Shenzhen", address: { address1: "Building 3, 18 Bantian Wuhe Avenue", city: "Shenzhen", provinceCode: "GD", zip: "518129" } },
  { id: "CN-GZ", name: "Guangzhou", country: "CN", timeZone: "Asia/Shanghai", kind: "china", serves: [], rateCards: [], operator: "supplier",
    locationName: "Silkroute Guangzhou", address: { address1: "66 Huangpu Avenue West, Tianhe District", city: "Guangzhou", provinceCode: "GD", zip: "510620" } },
  { id: "CN-YW", name: "Yiwu", country: "CN", timeZone: "Asia/Shanghai", kind: "china", serves: [], rateCards: [], operator: "supplier",
    locationName: "Silkroute Yiwu", address: { address1: "1 Futian Road, International Trade City", city: "Yiwu", provinceCode: "ZJ", zip: "322000" } },
  // JD ships only inside China, to the shop's default consolidation warehouse (app/server/consolidation/); that
  // warehouse's own location (jd-location.server.ts) follows the merchant's address, so no fixed address here.
  { id: "CN-JD", name: "China consolidation (JD)", country: "CN", timeZone: "Asia/Shanghai", kind: "china", serves: [], rateCards: [], operator: "consolidation",
    locationName: null, address: null },
  { id: "US-LA", name: "Los Angeles", country: "US", timeZone: "America/Los_Angeles", kind: "overseas", serves: ["US"], rateCards: [], operator: "supplier",
    locationName: "Silkroute Los Angeles", address: { address1: "2400 E 52nd St", city: "Vernon", provinceCode: "CA", zip: "90058" } },
  { id: "DE-FRA", name: "Frankfurt", country: "DE", timeZone: "Europe/Berlin", kind: "overseas", serves: EU_COUNTRIES, rateCards: [], operator: "supplier",
    locationName: "Silkroute Frankfurt", address: { address1: "Cargo City Süd, Gebäude 560", city: "Frankfurt am Main", zip: "60549" } },
  { id: "UK-BHX", name: "Birmingham", country: "GB", timeZone: "Europe/London", kind: "overseas", serves: ["GB"], rateCards: [], operator: "supplier",
    locationName: "Silkroute Birmingham", address: { address1: "Unit 4, Elmdon Trading Estate", city: "Birmingham", zip: "B37 7HE" } },
];

/** Each supplier's own warehouse codes → registry id. The same rows are inserted by the warehouse-registry migration (issue 20). */
export const CODES: readonly { supplier: string; code: string; warehouseId: string }[] = [
  // Sandbox: /v1/stock `warehouse` (app/server/suppliers/sandbox/catalog/catalog-templates.ts).
  { supplier: "sandbox", code: "CN-GZ", warehouseId: "CN-GZ" },
  { supplier: "sandbox", code: "CN-SZ", warehouseId: "CN-SZ" },
  { supplier: "sandbox", code: "CN-YW", warehouseId: "CN-YW" },
  { supplier: "sandbox", code: "US", warehouseId: "US-LA" },
  { supplier: "sandbox", code: "DE", warehouseId: "DE-FRA" },
  { supplier: "sandbox", code: "UK", warehouseId: "UK-BHX" },
  // CJ: stock/queryByVid and product/query inventories name warehouses by `countryCode` (cj-contract.json);
  // its China stock ships from its Shenzhen/Yiwu hubs, which Silkroute Shenzhen stands for.
  { supplier: "cj", code: "CN", warehouseId: "CN-SZ" },
  { supplier: "cj", code: "US", warehouseId: "US-LA" },
  { supplier: "cj", code: "DE", warehouseId: "DE-FRA" },
  { supplier: "cj", code: "GB", warehouseId: "UK-BHX" },
  // JD: stock is asked for the consolidation warehouse's area and answered under this code (jd-via-consolidation).
  { supplier: "jd", code: "CN-JD", warehouseId: "CN-JD" },
];
