import db from "../../../db.server";
import { inChunks } from "../chunked";
import type { JobQueue } from "../../jobs/types";
import { toDecimalString } from "../../money";
import type { AdminClient } from "../../shopify/admin-client";
import { quotePrice } from "../pricing/price-calculator";
import { appliedRate, loadPricingContext } from "../pricing/pricing-context.server";
import { applyStockUpdates } from "../push/stock-updates.server";
import { currentLevels, desiredUpdates, type StockUpdate } from "../push/record-push.server";
import { warehouseLocations } from "../warehouse-locations.server";
import { getSourcingSettings, shopCountry } from "../settings.server";
import { adapterFor, isSupplierCode } from "../supplier-connections.server";
import { notifyMappingsChanged, type VariantMappingRow } from "../variant-mappings.server";
import { refreshFromSupplier, type FreshSupplierState } from "./supplier-refresh.server";
import { SYNC_VARIANT_STATE, VARIANTS_BULK_UPDATE } from "./sync-operations";

export const STOCK_SYNC_QUEUE = "sourcing.stock-sync";
export const STOCK_SYNC_ALL_QUEUE = "sourcing.stock-sync-all";
export interface StockSyncPayload { shop: string }

export async function enqueueStockSyncForAllShops(jobs: JobQueue, now = new Date()): Promise<number> {
  const shops = await db.variantMapping.findMany({ distinct: ["shop"], select: { shop: true } });
  const installed = await inChunks(shops.map((s) => s.shop), (slice) => db.shop.findMany({ where: { domain: { in: slice }, uninstalledAt: null }, select: { domain: true } }));
  const slot = Math.floor(now.getTime() / (15 * 60_000));
  for (const { domain } of installed) await jobs.enqueue<StockSyncPayload>(STOCK_SYNC_QUEUE, { shop: domain }, { shop: domain, dedupeKey: `${domain}:${slot}` });
  return installed.length;
}

export interface SyncSummary { checked: number; stockUpdates: number; priceUpdates: number; failed: number }

/**
 * Refreshes supplier cost and stock for every mapped variant, then writes to Shopify only what differs:
 * stock at our location by compare-and-swap, and price where the merchant enabled auto-price. Re-running
 * with unchanged supplier data writes nothing, so the job is safe to repeat.
 */
export async function syncShopStock(shop: string, deps: { adminFor(shop: string): Promise<AdminClient>; onProgress?(p: { done: number; total: number }): Promise<void> }): Promise<SyncSummary> {
  const settings = await getSourcingSettings(shop);
  const mappings = await db.variantMapping.findMany({ where: { shop, inventoryItemGid: { not: null } }, orderBy: { id: "asc" } });
  const summary: SyncSummary = { checked: mappings.length, stockUpdates: 0, priceUpdates: 0, failed: 0 };
  if (mappings.length === 0 || !settings.stockSync) return summary;
  const admin = await deps.adminFor(shop);
  const locations = await warehouseLocations(admin);
  const pricing = await loadPricingContext(shop, await shopCountry(admin).catch(() => null));
  const fresh = await freshState(shop, mappings);
  const stock: StockUpdate[] = [];
  const prices = new Map<string, Array<{ id: string; price: string; compareAtPrice: string | null }>>();

  // 25 items × 10 levels keeps each query under the 1,000-point cap.
  for (let i = 0; i < mappings.length; i += 25) {
    const batch = mappings.slice(i, i + 25);
    const { nodes } = await admin.request(SYNC_VARIANT_STATE, { ids: batch.map((m) => m.inventoryItemGid!) });
    for (const m of batch) {
      const state = fresh.get(m.id)!;
      const node = nodes.find((n) => n && "id" in n && n.id === m.inventoryItemGid);
      if (state.error || !node || !("variant" in node)) { summary.failed++; continue; }
      // Only stock we own is written: warehouses whose Silkroute location already stocks the variant.
      const current = currentLevels(node.inventoryLevels);
      const owned = Object.fromEntries(Object.entries(state.stock).filter(([code]) => current.has(locations.get(code) ?? "")));
      stock.push(...desiredUpdates(m.inventoryItemGid!, owned, current, locations));
      if (settings.autoPriceSync && m.autoPrice && state.cost && node.variant) {
        const quote = quotePrice({ cost: state.cost, rate: appliedRate(pricing, state.cost.currency).rate, rules: pricing.rules });
        const price = toDecimalString(quote.price);
        const compareAtPrice = quote.compareAt ? toDecimalString(quote.compareAt) : null;
        if (!samePrice(node.variant.price, price) || (compareAtPrice !== null && !samePrice(node.variant.compareAtPrice ?? "", compareAtPrice))) {
          const list = prices.get(node.variant.product.id) ?? [];
          list.push({ id: node.variant.id, price, compareAtPrice });
          prices.set(node.variant.product.id, list);
        }
      }
    }
    await deps.onProgress?.({ done: Math.min(i + 25, mappings.length), total: mappings.length });
  }
  summary.stockUpdates = await applyStockUpdates(admin, stock, "correction");
  for (const [productId, variants] of prices) {
    await admin.request(VARIANTS_BULK_UPDATE, { productId, variants });
    summary.priceUpdates += variants.length;
  }
  notifyMappingsChanged(shop);
  return summary;
}

const samePrice = (a: string, b: string) => a !== "" && Number(a) === Number(b);

async function freshState(shop: string, mappings: VariantMappingRow[]): Promise<Map<string, FreshSupplierState>> {
  const out = new Map<string, FreshSupplierState>();
  for (const supplier of new Set(mappings.map((m) => m.supplier))) {
    const group = mappings.filter((m) => m.supplier === supplier);
    if (!isSupplierCode(supplier)) { for (const m of group) out.set(m.id, { stock: {}, cost: null, error: "Unknown supplier" }); continue; }
    const states = await refreshFromSupplier(await adapterFor(shop, supplier), group, (m) => m.supplierSku);
    for (const m of group) {
      const s = states.get(m.id)!;
      out.set(m.id, s);
      await db.variantMapping.update({
        where: { id: m.id },
        data: s.error ? { syncError: s.error } : { stock: s.stock, costMinor: s.cost?.amount ?? m.costMinor, costCurrency: s.cost?.currency ?? m.costCurrency, lastSyncedAt: new Date(), syncError: null },
      });
    }
  }
  return out;
}
