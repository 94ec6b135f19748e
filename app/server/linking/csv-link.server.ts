// Bulk linking from a CSV: one row per Shopify variant (its id or its SKU) → supplier + supplier SKU. Every good
// row is linked even when others fail; each bad row comes back with its line number, its original text and why,
// so the merchant fixes and re-uploads just those.
import type { AdminClient } from "../shopify/admin-client";
import { AdminUserErrors } from "../shopify/admin-errors";
import { toGid } from "../shopify/gid";
import { isSupplierCode } from "../sourcing/supplier-connections.server";
import { SupplierConfigError } from "../suppliers/registry";
import type { SupplierCode } from "../suppliers/supplier-models";
import { isFulfilVia, linkVariantToSupplier, type FulfilVia } from "./link.server";
import { VARIANTS_FOR_MATCHING } from "./linking-operations";
import { LinkingError, searchSupplier, supplierProduct } from "./supplier-offer.server";

export const MAX_CSV_ROWS = 2_000;

export interface CsvLineError { line: number; text: string; message: string }
export interface CsvLinkResult { linked: number; errors: CsvLineError[]; errorReport: string | null }

interface Row { line: number; text: string; cells: string[] }

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; `line` is the row's first physical line. */
export function parseCsv(text: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let rowStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else if (c === undefined) break;
      else { if (c === "\n") line++; cell += c; }
      continue;
    }
    if (c === '"' && cell === "") quoted = true;
    else if (c === ",") { cells.push(cell); cell = ""; }
    else if (c === "\n" || c === undefined) {
      cells.push(cell.replace(/\r$/, ""));
      const raw = text.slice(rowStart, i).replace(/\r$/, "");
      if (cells.some((x) => x.trim() !== "")) rows.push({ line: start, text: raw, cells: cells.map((x) => x.trim()) });
      cells = []; cell = "";
      line++; start = line; rowStart = i + 1;
    } else cell += c;
  }
  return rows;
}

const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

export function errorReport(header: string, errors: CsvLineError[]): string | null {
  if (errors.length === 0) return null;
  return [`line,error,${header}`, ...errors.map((e) => `${e.line},${csvCell(e.message)},${e.text}`)].join("\n");
}

const HEADERS = { variant: ["variant_id", "shopify_variant_id"], sku: ["sku", "shopify_sku"], supplier: ["supplier"], supplierSku: ["supplier_sku"], supplierProductId: ["supplier_product_id"], fulfilVia: ["fulfil_via", "stock"] };

async function variantBySku(admin: AdminClient, sku: string): Promise<string> {
  const { productVariants } = await admin.request(VARIANTS_FOR_MATCHING, { query: `sku:"${sku.replace(/["\\]/g, "")}"`, after: null });
  const hits = productVariants.nodes.filter((v) => (v.sku ?? "").toLowerCase() === sku.toLowerCase());
  if (hits.length === 0) throw new LinkingError(`No variant in your store has SKU ${sku}.`);
  if (hits.length > 1) throw new LinkingError(`SKU ${sku} belongs to ${hits.length} variants; use the Shopify variant id instead.`);
  return hits[0]!.id;
}

/** The supplier product holding this SKU: the given product, the SKU as a product id (JD), its prefixes, or a catalog search. */
async function supplierVariant(shop: string, supplier: SupplierCode, supplierSku: string, productId: string | null): Promise<{ supplierProductId: string; supplierVariantId: string }> {
  const matches = (p: Awaited<ReturnType<typeof supplierProduct>>) => p.variants.find((v) => v.supplierVariantId === supplierSku || v.sku.toLowerCase() === supplierSku.toLowerCase());
  const candidates = productId ? [productId] : [supplierSku];
  if (!productId) {
    // Variant ids and SKUs often extend their product's id ("SBX000004-01", "SBX000004-NAVY-S"): try those prefixes.
    const parts = supplierSku.split("-");
    for (let n = parts.length - 1; n >= 1 && n >= parts.length - 3; n--) candidates.push(parts.slice(0, n).join("-"));
    const page = await searchSupplier(shop, supplier, supplierSku).catch(() => null);
    for (const item of page?.items.slice(0, 5) ?? []) candidates.push(item.supplierProductId);
  }
  for (const id of candidates) {
    const product = await supplierProduct(shop, supplier, id).catch(() => null);
    const v = product && matches(product);
    if (product && v) return { supplierProductId: product.supplierProductId, supplierVariantId: v.supplierVariantId };
  }
  throw new LinkingError(productId ? `${supplier} product ${productId} has no SKU ${supplierSku}.` : `${supplier} has no SKU ${supplierSku} (add a supplier_product_id column if its search cannot find it).`);
}

export async function linkFromCsv(shop: string, admin: AdminClient, text: string, defaultVia: FulfilVia): Promise<CsvLinkResult> {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  const [head, ...data] = rows;
  if (!head) return { linked: 0, errors: [{ line: 1, text: "", message: "The file is empty." }], errorReport: null };
  const names = head.cells.map((c) => c.toLowerCase());
  const col = (keys: string[]) => names.findIndex((n) => keys.includes(n));
  const at = { variant: col(HEADERS.variant), sku: col(HEADERS.sku), supplier: col(HEADERS.supplier), supplierSku: col(HEADERS.supplierSku), supplierProductId: col(HEADERS.supplierProductId), fulfilVia: col(HEADERS.fulfilVia) };
  const missing = [at.variant < 0 && at.sku < 0 ? "variant_id or sku" : null, at.supplier < 0 ? "supplier" : null, at.supplierSku < 0 ? "supplier_sku" : null].filter(Boolean);
  if (missing.length) return { linked: 0, errors: [{ line: head.line, text: head.text, message: `The header needs ${missing.join(", ")}.` }], errorReport: null };
  if (data.length > MAX_CSV_ROWS) return { linked: 0, errors: [{ line: head.line, text: head.text, message: `At most ${MAX_CSV_ROWS} rows per file; split it.` }], errorReport: null };

  const errors: CsvLineError[] = [];
  const seen = new Map<string, number>();
  let linked = 0;
  for (const row of data) {
    const cell = (i: number) => (i >= 0 ? row.cells[i] ?? "" : "");
    try {
      const supplier = cell(at.supplier).toLowerCase();
      if (!isSupplierCode(supplier)) throw new LinkingError(`Unknown supplier "${cell(at.supplier)}" (use sandbox, cj or jd).`);
      const supplierSku = cell(at.supplierSku);
      if (!supplierSku) throw new LinkingError("supplier_sku is empty.");
      const via = cell(at.fulfilVia) || defaultVia;
      if (!isFulfilVia(via)) throw new LinkingError(`fulfil_via must be silkroute_location or merchant_location, not "${via}".`);
      const rawVariant = cell(at.variant);
      let variantGid: string;
      if (rawVariant) {
        try { variantGid = toGid("ProductVariant", rawVariant); } catch { throw new LinkingError(`"${rawVariant}" is not a Shopify variant id.`); }
      } else if (cell(at.sku)) variantGid = await variantBySku(admin, cell(at.sku));
      else throw new LinkingError("Give a variant_id or a sku.");
      const earlier = seen.get(variantGid);
      if (earlier) throw new LinkingError(`This variant is already linked by line ${earlier}.`);
      const target = await supplierVariant(shop, supplier, supplierSku, cell(at.supplierProductId) || null);
      await linkVariantToSupplier(shop, admin, { variantGid, supplier, ...target, fulfilVia: via, source: "csv" });
      seen.set(variantGid, row.line);
      linked++;
    } catch (error) {
      if (!(error instanceof LinkingError || error instanceof AdminUserErrors || error instanceof SupplierConfigError)) throw error;
      errors.push({ line: row.line, text: row.text, message: error.message });
    }
  }
  return { linked, errors, errorReport: errorReport(head.text, errors) };
}
