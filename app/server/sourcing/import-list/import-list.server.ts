import db from "../../../db.server";
import { englishText } from "../../../i18n/english";
import { message, type Message } from "../../../i18n/message";
import type { SupplierAdapter, SupplierProduct, VariantAvailability } from "../../suppliers/supplier-adapter";
import type { SupplierCode } from "../../suppliers/supplier-models";
import { adapterFor } from "../supplier-connections.server";
import { inChunks } from "../chunked";
import { ComplianceInputError, parseBarcode, parseComplianceInput, type ComplianceData } from "../compliance/compliance-data";
import { releaseCustomsHolds } from "../../fulfillment/preflight/customs-hold.server";
import { importHandle, itemCompliance, toImportItemView, type ImportImage, type ImportItemView, type ImportSnapshot, type ImportVariant } from "./import-item-model";

export class ImportListError extends Error {
  override name = "ImportListError";
  /**
   * `i18n`: the reason as a catalog message, shown in the merchant's language (the Error's message is its English).
   * `planLimit`: refused by the shop's plan allowance, so the page offers the way to upgrade.
   */
  constructor(readonly i18n: Message, readonly planLimit = false) {
    super(englishText(i18n));
  }
}

/** Stock per variant and warehouse; warehouses the supplier cannot answer for are left out, not zeroed. */
export async function stockByWarehouse(adapter: SupplierAdapter, product: SupplierProduct): Promise<Map<string, Record<string, number | null>>> {
  const stock = new Map<string, Record<string, number | null>>(product.variants.map((v) => [v.supplierVariantId, {}]));
  if (!adapter.descriptor.capabilities.includes("stock.by-warehouse")) return stock;
  const ids = product.variants.map((v) => v.supplierVariantId);
  const answers = await Promise.all(product.warehouses.map((code) => adapter.getAvailability({ supplierVariantIds: ids, location: { kind: "warehouse", code } })));
  for (const answer of answers) {
    if (!answer.ok) continue;
    for (const a of answer.value as readonly VariantAvailability[]) {
      const row = stock.get(a.supplierVariantId);
      if (row && a.location.kind === "warehouse") row[a.location.code] = a.state === "out_of_stock" ? 0 : a.quantity;
    }
  }
  return stock;
}

export function importDraftFrom(product: SupplierProduct, stock: Map<string, Record<string, number | null>>) {
  const variants: ImportVariant[] = product.variants.map((v) => ({
    supplierVariantId: v.supplierVariantId, sku: v.sku, options: { ...v.options }, cost: { ...v.cost },
    weightGrams: v.weightGrams, dims: v.dimensions ? { ...v.dimensions } : null, imageUrl: v.imageUrl,
    stock: stock.get(v.supplierVariantId) ?? {}, keep: true, priceOverride: null, barcode: v.barcode ?? null,
  }));
  const images: ImportImage[] = product.images.map((url) => ({ url, keep: true }));
  const snapshot: ImportSnapshot = {
    titleZh: product.title.zh ?? null, descriptionZh: product.description.zh ?? null, categoryId: product.categoryId,
    options: product.options.map((o) => ({ name: o.name, values: [...o.values] })),
    hsCode: product.hsCode, originCountry: product.originCountry, hazards: { ...product.hazards }, warehouses: [...product.warehouses],
    compliance: {
      customsDescription: product.compliance?.customsDescription ?? null, gpsrManufacturer: product.compliance?.manufacturer ?? null,
      // No supplier publishes an EU responsible person: the merchant names one (GPSR Art. 4).
      gpsrResponsiblePerson: null, gpsrSafetyInfo: null,
    },
  };
  // Chinese-only suppliers (JD) give no English: the fields stay empty for the merchant to write (english-copy.ts).
  const descriptionHtml = product.description.en ? `<p>${escapeHtml(product.description.en)}</p>` : "";
  return { title: product.title.en, descriptionHtml, variants, images, snapshot };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Adds a supplier product to the import list; adding it again returns the existing item untouched. */
export async function addToImportList(shop: string, supplier: SupplierCode, supplierProductId: string): Promise<ImportItemView> {
  const existing = await db.importItem.findUnique({ where: { shop_supplier_supplierProductId: { shop, supplier, supplierProductId } } });
  if (existing) return toImportItemView(existing);
  const adapter = await adapterFor(shop, supplier);
  const detail = await adapter.getProduct(supplierProductId);
  // The supplier's own words stay as they are, inside a sentence in the merchant's language.
  if (!detail.ok) throw new ImportListError(message("import-item:errors.supplier", { detail: detail.error.message }));
  const draft = importDraftFrom(detail.value, await stockByWarehouse(adapter, detail.value));
  const row = await db.importItem.upsert({
    where: { shop_supplier_supplierProductId: { shop, supplier, supplierProductId } },
    create: { shop, supplier, supplierProductId, handle: importHandle(draft.title, supplier, supplierProductId), ...draft, tags: supplier },
    update: {},
  });
  return toImportItemView(row);
}

export async function listImportItems(shop: string, ids?: string[]): Promise<ImportItemView[]> {
  if (!ids) return (await db.importItem.findMany({ where: { shop }, orderBy: { createdAt: "desc" } })).map(toImportItemView);
  const rows = await inChunks(ids, (slice) => db.importItem.findMany({ where: { shop, id: { in: slice } } }));
  return rows.map(toImportItemView);
}

export async function getImportItem(shop: string, id: string): Promise<ImportItemView | null> {
  const row = await db.importItem.findFirst({ where: { shop, id } });
  return row ? toImportItemView(row) : null;
}

export interface ImportItemEdit {
  title?: string;
  descriptionHtml?: string;
  tags?: string[];
  productType?: string;
  collections?: string[];
  keepImages?: string[];
  keepVariants?: string[];
  /** supplierVariantId → minor units in the shop currency, or null to go back to the rules. */
  prices?: Record<string, number | null>;
  /** The merchant's HS code when the supplier gives none (JD): customs needs it for parcels leaving China. */
  hsCode?: string;
  /** Customs and GPSR fields as typed (validated here); a field left out keeps its value. */
  compliance?: Partial<Record<Exclude<keyof ComplianceData, "hsCode">, string>>;
  /** supplierVariantId → barcode as typed; blank clears it. */
  barcodes?: Record<string, string>;
}

/** Validates the merchant's customs entries against what the item has; form errors become ImportListErrors. */
function mergedCompliance(item: ImportItemView, edit: ImportItemEdit): { data: ComplianceData; barcodes: Map<string, string | null> } {
  try {
    // Only the fields the merchant sent are parsed: a supplier's value the form did not touch stays as it is.
    const typed: Partial<Record<keyof ComplianceData, string>> = { ...edit.compliance, ...(edit.hsCode !== undefined ? { hsCode: edit.hsCode } : {}) };
    const parsed = parseComplianceInput(typed);
    const data = { ...itemCompliance(item), ...Object.fromEntries(Object.keys(typed).map((k) => [k, parsed[k as keyof ComplianceData]])) };
    const barcodes = new Map(Object.entries(edit.barcodes ?? {}).map(([id, text]) => [id, parseBarcode(text)]));
    return { data, barcodes };
  } catch (error) {
    if (error instanceof ComplianceInputError) throw new ImportListError(error.i18n);
    throw error;
  }
}

export async function updateImportItem(shop: string, id: string, edit: ImportItemEdit): Promise<ImportItemView> {
  const item = await getImportItem(shop, id);
  if (!item) throw new ImportListError(message("import-item:errors.notInList"));
  // A Chinese-only product may be saved before its English title is written; pushing it is refused until then.
  if (edit.title !== undefined && !edit.title.trim() && !item.snapshot.titleZh) throw new ImportListError(message("import-item:errors.titleBlank"));
  const compliance = mergedCompliance(item, edit);
  const variants = item.variants.map((v) => ({
    ...v,
    keep: edit.keepVariants ? edit.keepVariants.includes(v.supplierVariantId) : v.keep,
    priceOverride: edit.prices && v.supplierVariantId in edit.prices ? edit.prices[v.supplierVariantId]! : v.priceOverride,
    barcode: compliance.barcodes.has(v.supplierVariantId) ? compliance.barcodes.get(v.supplierVariantId)! : (v.barcode ?? null),
  }));
  if (!variants.some((v) => v.keep)) throw new ImportListError(message("import-item:errors.keepVariant"));
  const images = item.images.map((i) => ({ ...i, keep: edit.keepImages ? edit.keepImages.includes(i.url) : i.keep }));
  const row = await db.importItem.update({
    where: { id },
    data: {
      title: edit.title?.trim() ?? item.title,
      descriptionHtml: edit.descriptionHtml ?? item.descriptionHtml,
      tags: (edit.tags ?? item.tags).join(","),
      productType: edit.productType ?? item.productType,
      collections: (edit.collections ?? item.collections).join(","),
      variants, images,
      snapshot: snapshotWith(item.snapshot, compliance.data),
    },
  });
  // A pushed product's mappings carry the data the EU pre-flight and the duty estimate read: keep them current,
  // and let orders held for it go (Shopify gets the fields with the next push).
  if (item.productGid) await applyComplianceToMappings(shop, item.productGid, compliance.data);
  return toImportItemView(row);
}

function snapshotWith(snapshot: ImportSnapshot, c: ComplianceData): ImportSnapshot {
  return {
    ...snapshot, hsCode: c.hsCode, originCountry: c.originCountry,
    compliance: { customsDescription: c.customsDescription, gpsrManufacturer: c.gpsrManufacturer, gpsrResponsiblePerson: c.gpsrResponsiblePerson, gpsrSafetyInfo: c.gpsrSafetyInfo },
  };
}

/** Writes the product's customs data to its variant mappings and releases EU orders it completes. */
export async function applyComplianceToMappings(shop: string, productGid: string, c: ComplianceData): Promise<number> {
  await db.variantMapping.updateMany({ where: { shop, productGid }, data: { ...c } });
  const variantGids = (await db.variantMapping.findMany({ where: { shop, productGid }, select: { variantGid: true } })).map((m) => m.variantGid);
  return variantGids.length ? releaseCustomsHolds(shop, variantGids) : 0;
}

/** Removes staged items; pushed products stay in Shopify (and mapped), only the staging row goes. */
export async function removeImportItems(shop: string, ids: string[]): Promise<number> {
  const { count } = await db.importItem.deleteMany({ where: { shop, id: { in: ids } } });
  return count;
}
