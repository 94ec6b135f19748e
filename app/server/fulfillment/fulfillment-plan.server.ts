// Turns one fulfillment request into supplier orders (split by supplier), or the reason to reject it.
import type { VariantMapping } from "@prisma/client";
import db from "../../db.server";
import { parseDecimal } from "../money";
import type { ShippingAddress } from "../suppliers/supplier-order-models";
import type { AssignedFulfillmentOrder, RejectionReason } from "./shopify/fulfillment-api.server";
import { isEuDestination } from "../sourcing/compliance/compliance-data";
import { checkAddress } from "./preflight/address-check";

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
  lines: PlannedLine[];
  revenueMinor: number;
  costMinor: number | null;
  costCurrency: string | null;
}

export type Plan =
  | { ok: true; currency: string; shipTo: ShippingAddress; orders: PlannedOrder[]; buyerService: BuyerService }
  | { ok: false; reason: RejectionReason; message: string };

/** The checkout option the buyer picked: for Silkroute's own rates, a rate card's service code and name. */
export interface BuyerService { code: string | null; name: string | null }

const reject = (reason: RejectionReason, message: string): Plan => ({ ok: false, reason, message });

export async function planFulfillmentOrder(shop: string, fo: AssignedFulfillmentOrder, warehouse: string): Promise<Plan> {
  const items = fo.lineItems.nodes.filter((li) => li.remainingQuantity > 0);
  const variantGids = items.map((li) => li.variant?.id).filter((id): id is string => !!id);
  const mappings = new Map<string, VariantMapping>(
    (await db.variantMapping.findMany({ where: { shop, variantGid: { in: variantGids } } })).map((m) => [m.variantGid, m]),
  );
  const unmapped = items.filter((li) => !li.variant || !mappings.has(li.variant.id));
  if (unmapped.length) {
    const skus = unmapped.map((li) => li.sku || "(no SKU)").join(", ");
    return reject("INVALID_SKU", `${skus} is not linked to a supplier product. Link it under Products → Supplier mapping, then request fulfillment again.`);
  }
  const country = fo.destination?.countryCode ?? "";
  const address = checkAddress(fo.destination ?? {}, { latinOnly: true });
  if (!address.ok) return reject(address.problem.reason, address.problem.message);

  for (const li of items) {
    const m = mappings.get(li.variant!.id)!;
    // EU parcels are not refused for missing customs data: they are accepted and held until it is added
    // (preflight/customs-hold.server.ts), so fixing the product releases them.
    if (country !== "CN" && !m.hsCode && !isEuDestination(country)) {
      return reject("MISSING_CUSTOMS_INFO", `${li.sku || m.supplierSku} has no HS code, which customs needs for parcels leaving China. Add it on the product's supplier mapping, then request fulfillment again.`);
    }
    const stock = (m.stock ?? null) as Record<string, number> | null;
    const left = stock?.[warehouse];
    if (typeof left === "number" && left < li.remainingQuantity) {
      return reject("INVENTORY_OUT_OF_STOCK", `The ${warehouse} warehouse has ${left} of ${li.sku || m.supplierSku} left and this order needs ${li.remainingQuantity}. Restock, move the order to another location, or cancel it.`);
    }
  }

  const currency = items[0]?.lineItem.originalUnitPriceSet.shopMoney.currencyCode ?? "USD";
  const bySupplier = new Map<string, PlannedLine[]>();
  for (const li of items) {
    const m = mappings.get(li.variant!.id)!;
    const line: PlannedLine = {
      foLineItemGid: li.id, variantGid: m.variantGid, sku: li.sku ?? null, supplierVariantId: m.supplierSku, quantity: li.remainingQuantity,
      unitPriceMinor: parseDecimal(li.lineItem.originalUnitPriceSet.shopMoney.amount, currency).amount,
      costMinor: m.costMinor, costCurrency: m.costCurrency,
    };
    bySupplier.set(m.supplier, [...(bySupplier.get(m.supplier) ?? []), line]);
  }
  const orders = [...bySupplier].map(([supplier, lines]) => {
    const currencies = new Set(lines.map((l) => l.costCurrency));
    const known = lines.every((l) => l.costMinor !== null) && currencies.size === 1;
    return {
      supplier, lines,
      revenueMinor: lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0),
      costMinor: known ? lines.reduce((s, l) => s + l.costMinor! * l.quantity, 0) : null,
      costCurrency: known ? lines[0]!.costCurrency : null,
    };
  });
  const buyerService = { code: fo.deliveryMethod?.serviceCode ?? null, name: fo.deliveryMethod?.presentedName ?? null };
  return { ok: true, currency, shipTo: address.address, orders, buyerService };
}
