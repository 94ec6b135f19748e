import { formatMoney, parseDecimal, toDecimalString, money } from "../../money";
import type { AdminClient } from "../../shopify/admin-client";
import { latestImportJob } from "../imports/import-jobs.server";
import { loadPricingContext } from "../pricing/pricing-context.server";
import { shopCountry } from "../settings.server";
import { COLLECTIONS } from "../push/push-operations";
import { getImportItem, listImportItems, type ImportItemEdit } from "./import-list.server";
import { quoteItem } from "./item-quotes";
import { englishGapMessage, englishGaps } from "./english-copy";
import { itemCompliance, type ImportItemView } from "./import-item-model";
import { missingForEu } from "../compliance/compliance-data";
import { message, type Message } from "../../../i18n/message";

const pct = (bps: number | null) => (bps === null ? "–" : `${(bps / 100).toFixed(1)} %`);

/** `destination` is the shop's country, so margins include the same shipping estimate the catalog showed. */
export async function importListView(shop: string, destination: string | null) {
  const [items, pricing, job] = await Promise.all([listImportItems(shop), loadPricingContext(shop, destination), latestImportJob(shop)]);
  return {
    job,
    items: items.map((item) => {
      const kept = quoteItem(pricing, item).filter((q) => item.variants.find((v) => v.supplierVariantId === q.supplierVariantId)?.keep);
      const prices = kept.map((q) => q.price.amount);
      const margins = kept.map((q) => q.marginBps ?? 0);
      return {
        id: item.id, title: item.title, titleZh: item.snapshot.titleZh, englishMissing: englishGapMessage(englishGaps(item)), supplier: item.supplier, supplierProductId: item.supplierProductId, status: item.status,
        lastError: item.lastError, productGid: item.productGid, image: item.images.find((i) => i.keep)?.url ?? null,
        visibleOn: item.status === "pushed" ? item.publishedTo : [],
        // Required to sell to the EU: an order lacking them is held before the supplier (customs-hold.server.ts).
        euMissing: missingForEu(itemCompliance(item)), // gap codes; the page names them in the merchant's language
        variants: `${kept.length} of ${item.variants.length}`,
        price: prices.length ? `${formatMoney(money(Math.min(...prices), pricing.rules.currency))} – ${formatMoney(money(Math.max(...prices), pricing.rules.currency))}` : "–",
        margin: margins.length ? `${pct(Math.min(...margins))} – ${pct(Math.max(...margins))}` : "–",
      };
    }),
  };
}

export async function importItemEditView(shop: string, id: string, admin: AdminClient | null) {
  const item = await getImportItem(shop, id);
  if (!item) return null;
  const pricing = await loadPricingContext(shop, admin ? await shopCountry(admin).catch(() => null) : null);
  const quotes = quoteItem(pricing, item);
  const collections = admin ? (await admin.request(COLLECTIONS).catch(() => null))?.collections.nodes ?? [] : [];
  return {
    item: { ...item, tags: item.tags.join(", "), hsCode: item.snapshot.hsCode ?? "" },
    compliance: complianceFormView(item),
    // What still lacks English (gap codes); the page words it in the merchant's language.
    chinese: { title: item.snapshot.titleZh, description: item.snapshot.descriptionZh, missing: englishGaps(item) },
    currency: pricing.rules.currency,
    collections: collections.map((c) => ({ label: c.title, value: c.id })),
    variants: item.variants.map((v) => {
      const q = quotes.find((x) => x.supplierVariantId === v.supplierVariantId)!;
      return {
        // Money in minor units: the page formats it in the merchant's locale. `price` is the form field's text.
        id: v.supplierVariantId, sku: v.sku, specs: Object.values(v.options).join(" / "), keep: v.keep, cost: q.cost,
        price: v.priceOverride === null ? "" : toDecimalString(money(v.priceOverride, pricing.rules.currency)),
        rulePrice: q.price, margin: q.margin, marginBps: q.marginBps,
        stock: Object.values(v.stock).reduce<number>((a, b) => a + (b ?? 0), 0),
      };
    }),
  };
}

/** Reads the edit form; a blank price means "use the pricing rules". */
export function editFromForm(form: FormData, currency: string): { edit: ImportItemEdit; error: Message | null } {
  const prices: Record<string, number | null> = {};
  let error: Message | null = null;
  for (const [key, value] of form) {
    if (!key.startsWith("price:")) continue;
    const text = String(value).trim();
    try { prices[key.slice(6)] = text ? parseDecimal(text, currency).amount : null; } catch { error = message("import-item:errors.price", { text }); }
  }
  return {
    error,
    edit: {
      title: String(form.get("title") ?? ""), descriptionHtml: String(form.get("descriptionHtml") ?? ""),
      tags: String(form.get("tags") ?? "").split(",").map((t) => t.trim()).filter(Boolean), productType: String(form.get("productType") ?? ""),
      collections: form.getAll("collections").map(String), keepImages: form.getAll("keepImage").map(String),
      keepVariants: form.getAll("keepVariant").map(String), prices,
      ...(form.has("hsCode") ? { hsCode: String(form.get("hsCode")) } : {}),
      ...(COMPLIANCE_FIELDS.some((k) => form.has(k)) ? { compliance: Object.fromEntries(COMPLIANCE_FIELDS.filter((k) => form.has(k)).map((k) => [k, String(form.get(k))])) } : {}),
      barcodes: Object.fromEntries([...form].filter(([key]) => key.startsWith("barcode:")).map(([key, value]) => [key.slice(8), String(value)])),
    },
  };
}

const COMPLIANCE_FIELDS = ["originCountry", "customsDescription", "gpsrManufacturer", "gpsrResponsiblePerson", "gpsrSafetyInfo"] as const;

function complianceFormView(item: ImportItemView) {
  const c = itemCompliance(item);
  return {
    hsCode: c.hsCode ?? "", originCountry: c.originCountry ?? "", customsDescription: c.customsDescription ?? "",
    gpsrManufacturer: c.gpsrManufacturer ?? "", gpsrResponsiblePerson: c.gpsrResponsiblePerson ?? "", gpsrSafetyInfo: c.gpsrSafetyInfo ?? "",
    missingForEu: missingForEu(c), // gap codes; the page names them in the merchant's language
    variants: item.variants.filter((v) => v.keep).map((v) => ({ id: v.supplierVariantId, label: Object.values(v.options).join(" / ") || v.sku, barcode: v.barcode ?? "" })),
  };
}
