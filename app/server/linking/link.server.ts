// Linking a merchant's existing variant to a supplier variant, and where its stock lives afterwards (ADR 2010):
// "silkroute_location" moves the stock to the supplier warehouse's Silkroute location, so Shopify sends fulfillment
// requests as for imported products; "merchant_location" keeps it at the merchant's location and only stocks the
// Silkroute location (at 0) so merchant-managed fulfillment orders can be moved there.
import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import db from "../../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { warehouseLocations } from "../sourcing/warehouse-locations.server";
import { notifyMappingsChanged } from "../sourcing/variant-mappings.server";
import type { SupplierCode } from "../suppliers/supplier-models";
import { INVENTORY_ACTIVATE, INVENTORY_DEACTIVATE, INVENTORY_ITEM_TRACKING, LINK_VARIANT } from "./linking-operations";
import { LinkingError, stockByWarehouse, supplierProduct } from "./supplier-offer.server";

export type FulfilVia = "silkroute_location" | "merchant_location";
export const FULFIL_VIA: readonly FulfilVia[] = ["silkroute_location", "merchant_location"];
export const isFulfilVia = (v: unknown): v is FulfilVia => typeof v === "string" && (FULFIL_VIA as readonly string[]).includes(v);

export interface LinkInput {
  variantGid: string;
  supplier: SupplierCode;
  supplierProductId: string;
  supplierVariantId: string;
  fulfilVia: FulfilVia;
  source?: "manual" | "auto-match" | "csv";
}

type LinkVariant = NonNullable<Awaited<ReturnType<typeof readVariant>>>;

async function readVariant(admin: AdminClient, variantGid: string) {
  return (await admin.request(LINK_VARIANT, { id: variantGid })).productVariant;
}

/** A name-based key per (variant, location, quantity, purpose): a retried link replays instead of activating twice. */
const activationKey = (...parts: (string | number)[]) => {
  const h = createHash("sha256").update(parts.join("|")).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The Silkroute warehouse serving this supplier variant: the located warehouse with the most stock. */
export function chooseWarehouse(stock: Record<string, number>, locations: ReadonlyMap<string, string>): { code: string; locationGid: string } {
  const located = Object.entries(stock).filter(([code]) => locations.has(code)).sort((a, b) => b[1] - a[1]);
  const code = located[0]?.[0] ?? "CN-SZ";
  const locationGid = locations.get(code);
  if (!locationGid) throw new LinkingError("No Silkroute warehouse location is set up for this shop yet.");
  return { code, locationGid };
}

export async function linkVariantToSupplier(shop: string, admin: AdminClient, input: LinkInput): Promise<{ warehouse: string }> {
  const variant = await readVariant(admin, input.variantGid);
  if (!variant) throw new LinkingError("That Shopify variant no longer exists.");
  const product = await supplierProduct(shop, input.supplier, input.supplierProductId);
  const sv = product.variants.find((v) => v.supplierVariantId === input.supplierVariantId);
  if (!sv) throw new LinkingError(`${input.supplierProductId} has no variant ${input.supplierVariantId}.`);
  const stock = (await stockByWarehouse(shop, input.supplier, product)).get(sv.supplierVariantId) ?? {};
  const locations = await warehouseLocations(admin);
  const chosen = chooseWarehouse(stock, locations);
  // Supplier stock codes may be aliases ("CN" → Shenzhen): the mapping keeps the Silkroute warehouse's own code.
  const row = await db.fulfillmentWarehouse.findFirst({ where: { shop, locationGid: chosen.locationGid }, select: { code: true } });
  const warehouse = { code: row?.code ?? chosen.code, locationGid: chosen.locationGid, stockCode: chosen.code };
  const ours = new Set(locations.values());
  const previous = await db.variantMapping.findUnique({ where: { shop_variantGid: { shop, variantGid: variant.id } } });

  const data = {
    productGid: variant.product.id, shopifySku: variant.sku ?? null, barcode: variant.barcode ?? null, inventoryItemGid: variant.inventoryItem.id,
    supplier: input.supplier, supplierProductId: product.supplierProductId, supplierSku: sv.supplierVariantId,
    costMinor: sv.cost.amount, costCurrency: sv.cost.currency, weightGrams: sv.weightGrams,
    lengthMm: sv.dimensions?.lengthMm ?? null, widthMm: sv.dimensions?.widthMm ?? null, heightMm: sv.dimensions?.heightMm ?? null,
    hsCode: product.hsCode, originCountry: product.originCountry, source: input.source ?? "manual",
    flags: (["battery", "liquid", "powder", "magnet"] as const).filter((f) => product.hazards[f]).join(","),
    stock: stock as Prisma.InputJsonValue, supplierState: "ok", supplierReadAt: new Date(), syncError: null,
    fulfilVia: input.fulfilVia, linkedWarehouse: warehouse.code,
  };
  // An imported product already lives at Silkroute's locations: relinking it changes the supplier, never its stock.
  if (previous && previous.fulfilVia === null && previous.source === "import") {
    const { fulfilVia: _f, linkedWarehouse: _w, ...supplierOnly } = data;
    await db.variantMapping.update({ where: { id: previous.id }, data: supplierOnly });
    notifyMappingsChanged(shop);
    return { warehouse: warehouse.code };
  }
  const placed = await placeStock(admin, variant, input.fulfilVia, warehouse, stock[warehouse.stockCode] ?? 0, ours, previous);
  await db.variantMapping.upsert({
    where: { shop_variantGid: { shop, variantGid: variant.id } },
    create: { shop, variantGid: variant.id, ...data, ...placed },
    update: { ...data, ...placed },
  });
  notifyMappingsChanged(shop);
  return { warehouse: warehouse.code };
}

type Placed = { pushedStock: Prisma.InputJsonValue; merchantLocationGid: string | null; merchantAvailable: number | null };

/** Puts the variant's stock where the merchant's choice says; returns what unlinking needs to undo it. */
async function placeStock(admin: AdminClient, variant: LinkVariant, via: FulfilVia, warehouse: { code: string; locationGid: string }, supplierQty: number,
  ours: ReadonlySet<string>, previous: { merchantLocationGid: string | null; merchantAvailable: number | null } | null): Promise<Placed> {
  const item = variant.inventoryItem;
  const levels = item.inventoryLevels.nodes;
  const merchantLevels = levels.filter((l) => !ours.has(l.location.id) && !l.location.isFulfillmentService);
  const remembered = {
    merchantLocationGid: previous?.merchantLocationGid ?? merchantLevels[0]?.location.id ?? null,
    merchantAvailable: previous?.merchantLocationGid ? previous.merchantAvailable
      : item.tracked ? (merchantLevels[0]?.quantities.find((q) => q.name === "available")?.quantity ?? 0) : null,
  };
  const available = via === "silkroute_location" ? supplierQty : 0;
  if (!levels.some((l) => l.location.id === warehouse.locationGid)) {
    await admin.request(INVENTORY_ACTIVATE, {
      inventoryItemId: item.id, locationId: warehouse.locationGid, available,
      idempotencyKey: activationKey(item.id, warehouse.locationGid, available, via),
    });
  }
  // Other Silkroute locations from an earlier link no longer serve it.
  for (const level of levels.filter((l) => ours.has(l.location.id) && l.location.id !== warehouse.locationGid)) {
    await admin.request(INVENTORY_DEACTIVATE, { inventoryLevelId: level.id });
  }
  if (via === "merchant_location") return { pushedStock: {}, ...remembered };
  // Untracked stock cannot be routed by quantity: Silkroute turns tracking on, and unlinking turns it off again.
  if (!item.tracked) await admin.request(INVENTORY_ITEM_TRACKING, { id: item.id, tracked: true });
  for (const level of merchantLevels) await admin.request(INVENTORY_DEACTIVATE, { inventoryLevelId: level.id });
  return { pushedStock: { [warehouse.locationGid]: available }, ...remembered };
}

/**
 * Returns a linked variant to the merchant: stock moved to Silkroute goes back to the merchant's location with what
 * was available there when it moved (tracking off again if it was off), the Silkroute location stops stocking it,
 * and the mapping goes. An imported product has no merchant location to return to: only its mapping goes.
 */
export async function unlinkVariant(shop: string, admin: AdminClient, variantGid: string): Promise<void> {
  const mapping = await db.variantMapping.findUnique({ where: { shop_variantGid: { shop, variantGid } } });
  if (!mapping) return;
  if (mapping.fulfilVia) {
    const variant = await readVariant(admin, variantGid);
    if (variant) {
      const ours = new Set((await db.fulfillmentWarehouse.findMany({ where: { shop }, select: { locationGid: true } })).map((w) => w.locationGid));
      const item = variant.inventoryItem;
      const back = mapping.merchantLocationGid;
      if (back && !item.inventoryLevels.nodes.some((l) => l.location.id === back)) {
        const available = mapping.merchantAvailable ?? 0;
        await admin.request(INVENTORY_ACTIVATE, { inventoryItemId: item.id, locationId: back, available, idempotencyKey: activationKey(item.id, back, available, "unlink", mapping.id) });
      }
      // Shopify keeps an item stocked somewhere: with no merchant location to return to, the last level stays.
      const silkroute = item.inventoryLevels.nodes.filter((l) => ours.has(l.location.id));
      const others = item.inventoryLevels.nodes.length - silkroute.length + (back && !item.inventoryLevels.nodes.some((l) => l.location.id === back) ? 1 : 0);
      for (const level of others > 0 ? silkroute : silkroute.slice(1)) {
        await admin.request(INVENTORY_DEACTIVATE, { inventoryLevelId: level.id });
      }
      if (mapping.fulfilVia === "silkroute_location" && mapping.merchantAvailable === null && item.tracked) {
        await admin.request(INVENTORY_ITEM_TRACKING, { id: item.id, tracked: false });
      }
    }
  }
  await db.variantMapping.deleteMany({ where: { shop, variantGid } });
  notifyMappingsChanged(shop);
}
