// Auto-match: proposes a supplier variant for each unlinked variant across every connected supplier, with a
// confidence the merchant reviews before anything is linked (nothing is linked here).
import db from "../../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { listConnections } from "../sourcing/supplier-connections.server";
import type { SupplierProduct } from "../suppliers/supplier-adapter";
import type { SupplierCode } from "../suppliers/supplier-models";
import { VARIANTS_FOR_MATCHING } from "./linking-operations";
import { searchSupplier, supplierProduct } from "./supplier-offer.server";

export interface MatchProposal {
  variantGid: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  supplier: SupplierCode;
  supplierProductId: string;
  supplierVariantId: string;
  supplierSku: string;
  supplierTitle: string;
  /** 0–100: an exact SKU is near-certain, a barcode slightly less, a title only as sure as the words it shares. */
  confidence: number;
  by: "sku" | "barcode" | "title";
}

export interface MatchRun {
  proposals: MatchProposal[];
  /** Variants no connected supplier offered anything for. */
  unmatched: Array<{ variantGid: string; title: string; sku: string | null }>;
  /** Suppliers that could not be searched, and why; the others still propose. */
  failures: Array<{ supplier: SupplierCode; message: string }>;
  nextCursor: string | null;
}

/** Below this a title match is noise and is not proposed. */
export const MIN_TITLE_CONFIDENCE = 40;
const CANDIDATE_PRODUCTS = 3;

const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));

/** Jaccard overlap of the two titles' words, 0–1. */
export function titleSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

interface ShopVariant { id: string; sku?: string | null; barcode?: string | null; title: string; product: { title: string } }

/** The best supplier variant of one product for one shop variant, with its confidence; null when none qualifies. */
export function scoreProduct(variant: ShopVariant, product: SupplierProduct): { supplierVariantId: string; supplierSku: string; confidence: number; by: MatchProposal["by"] } | null {
  const same = (a?: string | null, b?: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
  for (const sv of product.variants) {
    if (same(variant.sku, sv.sku) || same(variant.sku, sv.supplierVariantId)) return { supplierVariantId: sv.supplierVariantId, supplierSku: sv.sku, confidence: 98, by: "sku" };
  }
  for (const sv of product.variants) {
    if (same(variant.barcode, sv.sku) || same(variant.barcode, sv.supplierVariantId)) return { supplierVariantId: sv.supplierVariantId, supplierSku: sv.sku, confidence: 95, by: "barcode" };
  }
  const productScore = titleSimilarity(variant.product.title, `${product.title.en} ${product.title.zh ?? ""}`);
  let best: { sv: SupplierProduct["variants"][number]; score: number } | null = null;
  for (const sv of product.variants) {
    // Options decide between the product's variants: "Red / L" against the supplier's option values.
    const optionScore = variant.title === "Default Title" ? 0 : titleSimilarity(variant.title, Object.values(sv.options).join(" "));
    const score = productScore * 0.85 + optionScore * 0.15;
    if (!best || score > best.score) best = { sv, score };
  }
  if (!best) return null;
  const confidence = Math.min(85, Math.round(best.score * 100)); // a title alone is never preselected (≥ 90)
  return confidence >= MIN_TITLE_CONFIDENCE ? { supplierVariantId: best.sv.supplierVariantId, supplierSku: best.sv.sku, confidence, by: "title" } : null;
}

export async function connectedSuppliers(shop: string): Promise<SupplierCode[]> {
  return (await listConnections(shop)).filter((c) => c.connected && c.status !== "failing").map((c) => c.supplier);
}

/**
 * One page (up to `pageSize`) of the shop's unlinked variants, each searched at every connected supplier by its SKU
 * and by its product's title; the best-scoring supplier variant per (variant, supplier) is proposed.
 */
export async function proposeMatches(shop: string, admin: AdminClient, options: { query?: string; after?: string | null; pageSize?: number; suppliers?: SupplierCode[] } = {}): Promise<MatchRun> {
  const suppliers = options.suppliers ?? (await connectedSuppliers(shop));
  const { productVariants } = await admin.request(VARIANTS_FOR_MATCHING, { query: options.query || null, after: options.after ?? null });
  const linked = new Set((await db.variantMapping.findMany({ where: { shop, variantGid: { in: productVariants.nodes.map((v) => v.id) } }, select: { variantGid: true } })).map((m) => m.variantGid));
  const variants = productVariants.nodes.filter((v) => !linked.has(v.id)).slice(0, options.pageSize ?? 20);
  const run: MatchRun = { proposals: [], unmatched: [], failures: [], nextCursor: productVariants.pageInfo.hasNextPage ? productVariants.pageInfo.endCursor ?? null : null };
  const products = new Map<string, SupplierProduct | null>(); // per run only: bounded by pageSize × suppliers × searches
  const failed = new Set<SupplierCode>();

  const load = async (supplier: SupplierCode, id: string) => {
    const key = `${supplier}|${id}`;
    if (!products.has(key)) products.set(key, await supplierProduct(shop, supplier, id).catch(() => null));
    return products.get(key) ?? null;
  };

  for (const variant of variants) {
    let any = false;
    for (const supplier of suppliers) {
      if (failed.has(supplier)) continue;
      const ids = new Set<string>();
      try {
        for (const keyword of [variant.sku, variant.product.title.split(/\s+/).slice(0, 4).join(" ")]) {
          if (!keyword) continue;
          const page = await searchSupplier(shop, supplier, keyword);
          for (const item of page.items.slice(0, CANDIDATE_PRODUCTS)) ids.add(item.supplierProductId);
        }
        if (variant.sku) ids.add(variant.sku); // JD's SKU is its product id
      } catch (error) {
        failed.add(supplier);
        run.failures.push({ supplier, message: error instanceof Error ? error.message : String(error) });
        continue;
      }
      let best: MatchProposal | null = null;
      for (const id of ids) {
        const product = await load(supplier, id);
        const score = product ? scoreProduct(variant, product) : null;
        if (product && score && (!best || score.confidence > best.confidence)) {
          best = { variantGid: variant.id, productTitle: variant.product.title, variantTitle: variant.title, sku: variant.sku ?? null, supplier,
            supplierProductId: product.supplierProductId, supplierTitle: product.title.en, ...score };
        }
      }
      if (best) { run.proposals.push(best); any = true; }
    }
    if (!any) run.unmatched.push({ variantGid: variant.id, title: `${variant.product.title} – ${variant.title}`, sku: variant.sku ?? null });
  }
  run.proposals.sort((a, b) => b.confidence - a.confidence);
  return run;
}
