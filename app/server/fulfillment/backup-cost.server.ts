// The backup supplier's cost, known before its order is written: read from its catalog, so the merchant's cost
// limits can let a backup order go out unattended (issue 20).
import type { Money } from "../money";
import { SUPPLIER_DESCRIPTORS } from "../suppliers/registry";
import { supplierAdapter } from "./supplier-gateway.server";
import type { PlannedLine } from "./fulfillment-plan.server";

const isSupplierCode = (code: string): code is keyof typeof SUPPLIER_DESCRIPTORS => Object.hasOwn(SUPPLIER_DESCRIPTORS, code);

export const supplierName = (code: string) => (isSupplierCode(code) ? SUPPLIER_DESCRIPTORS[code].label : code);

/**
 * Unit costs of the backup's variants from its catalog (one product read per backup product). A variant it cannot
 * price (no product id on the mapping, the supplier unreachable, the variant gone) is left out: its cost stays
 * unknown and the guardrails hold the order for approval, as for any order of unknown cost.
 */
export async function catalogCosts(shop: string, supplier: string, picks: { productId: string | null; variantId: string }[]): Promise<Map<string, Money>> {
  const costs = new Map<string, Money>();
  if (!isSupplierCode(supplier)) return costs;
  const adapter = await supplierAdapter(shop, supplier).catch(() => null);
  if (!adapter) return costs;
  for (const productId of new Set(picks.map((p) => p.productId).filter((id): id is string => !!id))) {
    const product = await adapter.getProduct(productId);
    if (!product.ok) continue;
    for (const v of product.value.variants) if (picks.some((p) => p.variantId === v.supplierVariantId)) costs.set(v.supplierVariantId, v.cost);
  }
  return costs;
}

/** An order's supplier cost: the sum of its lines when every line has a cost in one currency, else unknown. */
export function orderCost(lines: readonly PlannedLine[]): { costMinor: number | null; costCurrency: string | null } {
  const currencies = new Set(lines.map((l) => l.costCurrency));
  const known = lines.every((l) => l.costMinor !== null) && currencies.size === 1;
  return known ? { costMinor: lines.reduce((s, l) => s + l.costMinor! * l.quantity, 0), costCurrency: lines[0]!.costCurrency } : { costMinor: null, costCurrency: null };
}

