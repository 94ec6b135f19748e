import { z } from "zod";
import type { ComplianceData } from "../compliance/compliance-data";

/** The JSON columns of ImportItem, parsed on read so a bad row fails loudly instead of pushing garbage. */
const MoneyShape = z.object({ amount: z.number().int(), currency: z.string() });

export const ImportVariantSchema = z.object({
  supplierVariantId: z.string(),
  sku: z.string(),
  options: z.record(z.string(), z.string()),
  cost: MoneyShape,
  weightGrams: z.number().nullable(),
  dims: z.object({ lengthMm: z.number(), widthMm: z.number(), heightMm: z.number() }).nullable(),
  imageUrl: z.string().optional(),
  /** Warehouse code → units; null when the supplier hides the count. */
  stock: z.record(z.string(), z.number().nullable()),
  keep: z.boolean(),
  /** Merchant's own price in the shop currency's minor units; null to use the pricing rules. */
  priceOverride: z.number().int().nonnegative().nullable(),
  /** GTIN/EAN/UPC from the supplier or the merchant; pushed as the variant barcode. Absent on older rows. */
  barcode: z.string().nullable().optional(),
});

export const ImportImageSchema = z.object({ url: z.string(), keep: z.boolean() });

export const SnapshotSchema = z.object({
  titleZh: z.string().nullable(),
  /** The supplier's Chinese description (plain text), shown beside the English field; absent on older rows. */
  descriptionZh: z.string().nullable().optional(),
  categoryId: z.string(),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  hsCode: z.string().nullable(),
  originCountry: z.string().nullable(),
  hazards: z.object({ battery: z.boolean(), liquid: z.boolean(), magnet: z.boolean(), powder: z.boolean(), source: z.string() }),
  warehouses: z.array(z.string()),
  /** Customs and GPSR text (issue #15), from the supplier where it has it, else the merchant. Absent on older rows. */
  compliance: z.object({
    customsDescription: z.string().nullable(),
    gpsrManufacturer: z.string().nullable(),
    gpsrResponsiblePerson: z.string().nullable(),
    gpsrSafetyInfo: z.string().nullable(),
  }).optional(),
});

export type ImportVariant = z.infer<typeof ImportVariantSchema>;
export type ImportImage = z.infer<typeof ImportImageSchema>;
export type ImportSnapshot = z.infer<typeof SnapshotSchema>;

export interface ImportItemView {
  id: string;
  shop: string;
  supplier: string;
  supplierProductId: string;
  status: string;
  handle: string;
  productGid: string | null;
  title: string;
  descriptionHtml: string;
  tags: string[];
  productType: string;
  collections: string[];
  images: ImportImage[];
  variants: ImportVariant[];
  snapshot: ImportSnapshot;
  lastError: string | null;
  pushedAt: string | null;
  /** Sales channels the pushed product is published to (where buyers can see it). */
  publishedTo: string[];
}

/** Everything customs and GPSR need for this item, in one shape (compliance-data.ts). */
export function itemCompliance(item: Pick<ImportItemView, "snapshot">): ComplianceData {
  const c = item.snapshot.compliance;
  return {
    hsCode: item.snapshot.hsCode, originCountry: item.snapshot.originCountry,
    customsDescription: c?.customsDescription ?? null, gpsrManufacturer: c?.gpsrManufacturer ?? null,
    gpsrResponsiblePerson: c?.gpsrResponsiblePerson ?? null, gpsrSafetyInfo: c?.gpsrSafetyInfo ?? null,
  };
}

const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

export function toImportItemView(row: {
  id: string; shop: string; supplier: string; supplierProductId: string; status: string; handle: string; productGid: string | null;
  title: string; descriptionHtml: string; tags: string; productType: string; collections: string; images: unknown; variants: unknown;
  snapshot: unknown; lastError: string | null; pushedAt: Date | null; publishedTo?: string;
}): ImportItemView {
  return {
    ...row,
    tags: list(row.tags),
    collections: list(row.collections),
    images: z.array(ImportImageSchema).parse(row.images),
    variants: z.array(ImportVariantSchema).parse(row.variants),
    snapshot: SnapshotSchema.parse(row.snapshot),
    pushedAt: row.pushedAt?.toISOString() ?? null,
    publishedTo: list(row.publishedTo ?? ""),
  };
}

/** Units we can promise: known counts summed over warehouses; a hidden count ("in stock") counts as none. */
export function totalStock(variant: ImportVariant): number {
  return Object.values(variant.stock).reduce<number>((acc, q) => acc + (q ?? 0), 0);
}

/** A handle we control, fixed at add time, unlikely to clash with a merchant's own products. */
export function importHandle(title: string, supplier: string, supplierProductId: string): string {
  const slug = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `${slug || "product"}-${supplier}-${supplierProductId.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}
