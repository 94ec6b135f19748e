import db from "../../../db.server";
import type { AdminClient } from "../../shopify/admin-client";
import { AdminUserErrors } from "../../shopify/admin-errors";
import { isSupplierCode } from "../supplier-connections.server";
import { autoMatch, linkVariant, MappingError, setBackupSupplier, unlinkVariant } from "./mapping.server";
import { PRODUCTS_FOR_MAPPING } from "./mapping-operations";
import { jobQueue } from "../../jobs/queue.server";
import { linkedCustomsView } from "../../linking/linked-customs.server";
import { syncPageAction, syncStateForVariants } from "../sync/sync-page.server";

const SYNC_INTENTS = new Set(["sync-now", "lock", "unlock"]);

/** The customs data form of a product with mappings (null without): its first mapping's values. */
const customsOf = (m: { hsCode: string | null; originCountry: string | null; gpsrResponsiblePerson: string | null } | undefined) => (m ? linkedCustomsView(m) : null);

/** One page of the shop's products with each variant's current supplier link. */
export async function mappingsPageData(shop: string, admin: AdminClient, query: string, after: string | null) {
  const { products } = await admin.request(PRODUCTS_FOR_MAPPING, { query: query || null, after });
  const variantGids = products.nodes.flatMap((p) => p.variants.nodes.map((v) => v.id));
  const mappings = await db.variantMapping.findMany({ where: { shop, variantGid: { in: variantGids } } });
  const sync = await syncStateForVariants(shop, variantGids);
  return {
    pageInfo: products.pageInfo,
    products: products.nodes.map((p) => ({
      id: p.id, title: p.title, sync: sync.products.get(p.id) ?? null,
      customs: customsOf(mappings.find((x) => x.productGid === p.id)),
      variants: p.variants.nodes.map((v) => {
        const m = mappings.find((x) => x.variantGid === v.id);
        return {
          id: v.id, title: v.title, sku: v.sku ?? "", barcode: v.barcode ?? "", price: v.price,
          mapping: m ? { supplier: m.supplier, productId: m.supplierProductId, sku: m.supplierSku, source: m.source, backup: m.backupSku ? `${m.backupSupplier} ${m.backupProductId} ${m.backupSku}` : null, syncError: m.syncError, fulfilVia: m.fulfilVia } : null,
          sync: sync.variants.get(v.id) ?? null,
        };
      }),
    })),
  };
}

export async function mappingsPageAction(shop: string, admin: AdminClient, form: Record<string, string>): Promise<{ ok: boolean; message: string }> {
  const supplier = form.supplier ?? "sandbox";
  if (SYNC_INTENTS.has(form.intent ?? "")) return syncPageAction(shop, form, jobQueue());
  try {
    if (form.intent === "unlink") { await unlinkVariant(shop, form.variantGid!); return { ok: true, message: "Mapping removed." }; }
    if (!isSupplierCode(supplier)) return { ok: false, message: "Unknown supplier." };
    if (form.intent === "link") {
      await linkVariant(shop, admin, { variantGid: form.variantGid!, supplier, supplierProductId: form.supplierProductId!.trim(), supplierVariantId: form.supplierVariantId!.trim() });
      return { ok: true, message: "Variant linked." };
    }
    if (form.intent === "backup") {
      const clear = !form.supplierVariantId?.trim();
      await setBackupSupplier(shop, form.variantGid!, clear ? null : { supplier, supplierProductId: form.supplierProductId!.trim(), supplierVariantId: form.supplierVariantId!.trim() });
      return { ok: true, message: clear ? "Backup supplier removed." : "Backup supplier saved." };
    }
    if (form.intent === "auto-match") {
      const ids = (form.supplierProductIds ?? "").split(/[\s,]+/).filter(Boolean);
      if (!ids.length) return { ok: false, message: "Enter at least one supplier product id." };
      const r = await autoMatch(shop, admin, supplier, ids);
      return { ok: true, message: `Matched ${r.matched.length} variant(s); ${r.alreadyMapped} already mapped; ${r.unmatched.length} supplier SKU(s) had no match${r.unmatched.length ? `: ${r.unmatched.slice(0, 10).join(", ")}` : ""}.` };
    }
    return { ok: false, message: `Unknown action "${form.intent}"` };
  } catch (error) {
    if (error instanceof MappingError || error instanceof AdminUserErrors) return { ok: false, message: error.message };
    throw error;
  }
}
