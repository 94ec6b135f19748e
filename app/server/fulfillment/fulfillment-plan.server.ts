// Turns one fulfillment request into supplier orders (split by supplier), or the reason to reject it.
import type { VariantMapping } from "@prisma/client";
import db from "../../db.server";
import { parseDecimal } from "../money";
import type { ShippingAddress } from "../suppliers/supplier-order-models";
import type { AssignedFulfillmentOrder, RejectionReason } from "./shopify/fulfillment-api.server";
import { isEuDestination } from "../sourcing/compliance/compliance-data";
import { checkAddress } from "./preflight/address-check";
import { catalogCosts, orderCost } from "./backup-cost.server";
import { storedTexts, textMessage } from "./order-text";
import type { NoteMessage } from "./notes.server";

export interface PlannedLine {
  foLineItemGid: string;
  variantGid: string;
  sku: string | null;
  supplierVariantId: string;
  quantity: number;
  unitPriceMinor: number;
  costMinor: number | null;
  costCurrency: string | null;
}

export interface PlannedOrder {
  supplier: string;
  /** Why these lines go to this supplier when it is not their primary (the backup, for stock the primary lacks). */
  note?: string; // a stored catalog message (order-text.ts)
  lines: PlannedLine[];
  revenueMinor: number;
  costMinor: number | null;
  costCurrency: string | null;
}

export type Plan =
  | { ok: true; currency: string; shipTo: ShippingAddress; orders: PlannedOrder[]; buyerService: BuyerService }
  | { ok: false; reason: RejectionReason; message: NoteMessage }; // Shopify shows it to the staff: their language

/** The checkout option the buyer picked: for Silkroute's own rates, a rate card's service code and name. */
export interface BuyerService { code: string | null; name: string | null }

const reject = (reason: RejectionReason, key: NoteMessage["key"], values: NoteMessage["values"]): Plan => ({ ok: false, reason, message: { key, values } });

export async function planFulfillmentOrder(shop: string, fo: AssignedFulfillmentOrder, warehouse: string): Promise<Plan> {
  const items = fo.lineItems.nodes.filter((li) => li.remainingQuantity > 0);
  const variantGids = items.map((li) => li.variant?.id).filter((id): id is string => !!id);
  const mappings = new Map<string, VariantMapping>(
    (await db.variantMapping.findMany({ where: { shop, variantGid: { in: variantGids } } })).map((m) => [m.variantGid, m]),
  );
  const unmapped = items.filter((li) => !li.variant || !mappings.has(li.variant.id));
  if (unmapped.length) {
    const skus = unmapped.map((li) => li.sku).filter(Boolean).join(", ");
    return skus
      ? reject("INVALID_SKU", "notes:reject.unlinked", { count: unmapped.length, skus })
      : reject("INVALID_SKU", "notes:reject.unlinkedNoSku", { count: unmapped.length });
  }
  const country = fo.destination?.countryCode ?? "";
  const address = checkAddress(fo.destination ?? {}, { latinOnly: true });
  if (!address.ok) return { ok: false, reason: address.problem.reason, message: address.problem.message };

  // Lines whose primary lacks the stock go straight to the mapping's backup supplier, if it has one (issue 20).
  type ShortItem = { supplier: string; left: number; item: string; warehouseCode: string; needed: number };
  const toBackup = new Map<string, ShortItem>(); // fo line item → why
  for (const li of items) {
    const m = mappings.get(li.variant!.id)!;
    // EU parcels are not refused for missing customs data: they are accepted and held until it is added
    // (preflight/customs-hold.server.ts), so fixing the product releases them.
    if (country !== "CN" && !m.hsCode && !isEuDestination(country)) {
      return reject("MISSING_CUSTOMS_INFO", "notes:reject.noHsCode", { item: li.sku || m.supplierSku });
    }
    const stock = (m.stock ?? null) as Record<string, number> | null;
    const left = stock?.[warehouse];
    if (typeof left === "number" && left < li.remainingQuantity) {
      if (m.backupSupplier && m.backupSku && m.backupSupplier !== m.supplier) {
        toBackup.set(li.id, { supplier: m.supplier, left, item: li.sku || m.supplierSku, warehouseCode: warehouse, needed: li.remainingQuantity });
        continue;
      }
      return reject("INVENTORY_OUT_OF_STOCK", "notes:reject.outOfStock", { warehouseCode: warehouse, left, item: li.sku || m.supplierSku, needed: li.remainingQuantity });
    }
  }

  const currency = items[0]?.lineItem.originalUnitPriceSet.shopMoney.currencyCode ?? "USD";
  const bySupplier = new Map<string, PlannedLine[]>();
  const notes = new Map<string, ShortItem[]>();
  for (const li of items) {
    const m = mappings.get(li.variant!.id)!;
    const backup = toBackup.get(li.id);
    const supplier = backup ? m.backupSupplier! : m.supplier;
    // The backup's cost comes from its catalog below; the mapping's cost is the primary's.
    const line: PlannedLine = {
      foLineItemGid: li.id, variantGid: m.variantGid, sku: li.sku ?? null, supplierVariantId: backup ? m.backupSku! : m.supplierSku, quantity: li.remainingQuantity,
      unitPriceMinor: parseDecimal(li.lineItem.originalUnitPriceSet.shopMoney.amount, currency).amount,
      costMinor: backup ? null : m.costMinor, costCurrency: backup ? null : m.costCurrency,
    };
    bySupplier.set(supplier, [...(bySupplier.get(supplier) ?? []), line]);
    if (backup) notes.set(supplier, [...(notes.get(supplier) ?? []), backup]);
  }
  for (const [supplier, lines] of bySupplier) {
    const switched = lines.filter((l) => toBackup.has(l.foLineItemGid));
    if (switched.length === 0) continue;
    const picks = switched.map((l) => ({ productId: mappings.get(l.variantGid)!.backupProductId, variantId: l.supplierVariantId }));
    const costs = await catalogCosts(shop, supplier, picks);
    for (const l of switched) {
      const cost = costs.get(l.supplierVariantId);
      if (cost) Object.assign(l, { costMinor: cost.amount, costCurrency: cost.currency });
    }
  }
  const orders = [...bySupplier].map(([supplier, lines]): PlannedOrder => ({
    supplier, lines,
    revenueMinor: lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0),
    ...orderCost(lines),
    // A stored catalog message per short item (order-text.ts), for the new order's first timeline event.
    ...(notes.has(supplier) ? { note: storedTexts(...notes.get(supplier)!.map((n) => textMessage("order:event.orderedFromBackup", { ...n, backup: supplier }))) } : {}),
  }));
  const buyerService = { code: fo.deliveryMethod?.serviceCode ?? null, name: fo.deliveryMethod?.presentedName ?? null };
  return { ok: true, currency, shipTo: address.address, orders, buyerService };
}
