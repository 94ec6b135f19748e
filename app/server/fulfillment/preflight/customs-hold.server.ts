// The EU customs pre-flight hold (issue #15): a supplier order for an EU address waits, before anything is sent to
// the supplier, while one of its products lacks what EU customs and GPSR need (HS code, origin, EU responsible
// person; see sourcing/compliance/compliance-data.ts for the sources). The hold is the row's persisted state
// (needs_attention + reasonCode CUSTOMS_DATA_MISSING), so it survives restarts; saving the missing data releases
// every held order it completes, and a release is a compare-and-set transition plus a placement keyed by the row's
// version, so saving twice or two saves racing place the order once.
import db from "../../../db.server";
import { euCustomsGaps, isEuDestination } from "../../sourcing/compliance/compliance-data";
import type { ShippingAddress } from "../../suppliers/supplier-order-models";
import type { PlannedLine } from "../fulfillment-plan.server";
import { transition, update, type SupplierOrderRow } from "../supplier-orders.server";
import { enqueuePlacement } from "../queues.server";
import { storedText, storedTexts, textMessage } from "../order-text";

export const CUSTOMS_HOLD = "CUSTOMS_DATA_MISSING";

export const CUSTOMS_FIX_HINT = storedText("order:fix.customsDataMissing");

/** Stored catalog messages (order-text.ts): the page shows them in the merchant's language. */
export interface CustomsProblem { message: string; fix: string }

type Row = Pick<SupplierOrderRow, "shop" | "shipTo" | "lines">;

/** Null when the parcel is not for the EU or every product has what EU customs needs. */
export async function customsProblem(row: Row): Promise<CustomsProblem | null> {
  const country = (row.shipTo as unknown as ShippingAddress | null)?.countryCode;
  if (!isEuDestination(country)) return null;
  const lines = row.lines as unknown as PlannedLine[];
  const mappings = new Map((await db.variantMapping.findMany({
    where: { shop: row.shop, variantGid: { in: lines.map((l) => l.variantGid) } },
    select: { variantGid: true, supplierSku: true, shopifySku: true, hsCode: true, originCountry: true, gpsrResponsiblePerson: true },
  })).map((m) => [m.variantGid, m]));
  // A mapping without its own responsible person uses the shop's default (FulfillmentSettings).
  const shopPerson = (await db.fulfillmentSettings.findUnique({ where: { shop: row.shop }, select: { gpsrResponsiblePerson: true } }))?.gpsrResponsiblePerson ?? null;
  const missing = lines.flatMap((line) => {
    const m = mappings.get(line.variantGid);
    const gaps = euCustomsGaps(country, {
      hsCode: m?.hsCode ?? null, originCountry: m?.originCountry ?? null,
      gpsrResponsiblePerson: m?.gpsrResponsiblePerson?.trim() ? m.gpsrResponsiblePerson : shopPerson,
    });
    const item = line.sku || m?.shopifySku || line.supplierVariantId;
    return gaps.map((gap) => textMessage(`order:reason.customsGap.${gap}`, { item }));
  });
  if (!missing.length) return null;
  return {
    // The hold, then one sentence per product and missing field (each a catalog message the page translates).
    message: storedTexts(textMessage("order:reason.customsDataMissing"), ...missing),
    fix: CUSTOMS_FIX_HINT,
  };
}

/**
 * Re-checks the shop's orders held for customs data (only those with one of `variantGids` when given) and
 * releases the complete ones; a still-incomplete order gets its message refreshed. Returns how many were released.
 */
export async function releaseCustomsHolds(shop: string, variantGids?: readonly string[]): Promise<number> {
  const held = await db.supplierOrder.findMany({ where: { shop, state: "needs_attention", reasonCode: CUSTOMS_HOLD }, take: 500 });
  const wanted = variantGids ? new Set(variantGids) : null;
  let released = 0;
  for (const row of held) {
    if (wanted && !(row.lines as unknown as PlannedLine[]).some((l) => wanted.has(l.variantGid))) continue;
    const problem = await customsProblem(row);
    if (problem) {
      if (problem.message !== row.reasonMessage) await update(row, { reasonMessage: problem.message });
      continue;
    }
    const moved = await transition(row, "pending", storedText("order:event.customsComplete"), { reasonCode: null, reasonMessage: null, fixHint: null });
    if (!moved) continue; // another save or the merchant moved it first
    await enqueuePlacement(shop, row.id, `customs-released-${moved.version}`);
    released++;
  }
  return released;
}

/**
 * Where the held order's products get their customs data, for links on the order page: the import list page of an
 * imported product, the Supplier mappings page (searched by SKU) for a product the merchant linked, which has none.
 */
export type CustomsFixLink =
  | { kind: "imported"; title: string | null; url: string } // the product title is data, shown as it is
  | { kind: "linked"; sku: string; url: string };

export async function customsFixLinks(row: Pick<SupplierOrderRow, "shop" | "lines" | "reasonCode">): Promise<CustomsFixLink[]> {
  if (row.reasonCode !== CUSTOMS_HOLD) return [];
  const variantGids = (row.lines as unknown as PlannedLine[]).map((l) => l.variantGid);
  const mappings = await db.variantMapping.findMany({ where: { shop: row.shop, variantGid: { in: variantGids } }, select: { productGid: true, shopifySku: true, supplierSku: true } });
  const productGids = [...new Set(mappings.map((m) => m.productGid))];
  const items = await db.importItem.findMany({ where: { shop: row.shop, productGid: { in: productGids } }, select: { id: true, title: true, productGid: true } });
  const imported = new Set(items.map((i) => i.productGid));
  const linked = productGids.filter((gid) => !imported.has(gid)).map((gid) => {
    const sku = mappings.find((m) => m.productGid === gid && m.shopifySku)?.shopifySku;
    return { kind: "linked" as const, sku: sku ?? mappings.find((m) => m.productGid === gid)!.supplierSku, url: sku ? `/app/mappings?${new URLSearchParams({ q: `sku:${sku}` })}` : "/app/mappings" };
  });
  return [...items.map((i) => ({ kind: "imported" as const, title: i.title || null, url: `/app/import-list/${i.id}` })), ...linked];
}
