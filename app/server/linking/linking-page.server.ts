// The mappings page's linking parts: the supplier finder on a variant row (search → offer → link), auto-match with
// review, CSV linking, unlinking, and the merchant-managed move setting. Routes stay thin; this maps form ↔ services.
import db from "../../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { AdminUserErrors } from "../shopify/admin-errors";
import { isSupplierCode } from "../sourcing/supplier-connections.server";
import { SupplierConfigError } from "../suppliers/registry";
import type { CatalogPage } from "../suppliers/supplier-adapter";
import type { SupplierCode } from "../suppliers/supplier-models";
import { connectedSuppliers, proposeMatches, type MatchProposal } from "./auto-match.server";
import { linkFromCsv, type CsvLineError } from "./csv-link.server";
import { isFulfilVia, linkVariantToSupplier, unlinkVariant } from "./link.server";
import { LinkingError, searchSupplier, supplierOffer, type SupplierOffer } from "./supplier-offer.server";

export const LINKING_INTENTS = new Set(["link-offer", "link", "unlink", "propose", "accept-proposals", "csv", "move-when"]);

export interface FinderView {
  variantGid: string;
  supplier: SupplierCode;
  keyword: string;
  price: string | null;
  results: CatalogPage["items"] | null;
  offer: Omit<SupplierOffer, "product"> & { productId: string; title: string; warehouses: string[] } | null;
  error: string | null;
}

export async function linkingPageData(shop: string, params: URLSearchParams) {
  const suppliers = await connectedSuppliers(shop);
  const settings = await db.fulfillmentSettings.findUnique({ where: { shop }, select: { linkedMoveWhen: true } });
  const variantGid = params.get("link");
  const supplier = params.get("supplier");
  let finder: FinderView | null = null;
  if (variantGid && isSupplierCode(supplier)) {
    const keyword = params.get("kw") ?? "";
    const price = params.get("price");
    finder = { variantGid, supplier, keyword, price, results: null, offer: null, error: null };
    try {
      finder.results = (await searchSupplier(shop, supplier, keyword)).items;
      const offerId = params.get("offer");
      if (offerId) {
        const { product, ...offer } = await supplierOffer(shop, supplier, offerId, price);
        finder.offer = { ...offer, productId: product.supplierProductId, title: product.title.en, warehouses: [...product.warehouses] };
      }
    } catch (error) {
      if (!(error instanceof LinkingError || error instanceof SupplierConfigError)) throw error;
      finder.error = error.message;
    }
  }
  return { suppliers, moveWhen: settings?.linkedMoveWhen ?? "out_of_stock", finder };
}

export interface LinkingActionResult {
  ok: boolean;
  message: string;
  proposals?: MatchProposal[];
  csvErrors?: CsvLineError[];
  errorReport?: string | null;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export async function linkingPageAction(shop: string, admin: AdminClient, form: FormData): Promise<LinkingActionResult> {
  const intent = field(form, "intent");
  const fulfilVia = field(form, "fulfilVia") || "merchant_location"; // the choice that moves nothing
  try {
    if (intent === "unlink") {
      await unlinkVariant(shop, admin, field(form, "variantGid"));
      return { ok: true, message: "Unlinked. The variant is yours again: its stock is back at your location." };
    }
    if (intent === "move-when") {
      const value = field(form, "moveWhen") === "always" ? "always" : "out_of_stock";
      await db.fulfillmentSettings.upsert({ where: { shop }, create: { shop, linkedMoveWhen: value }, update: { linkedMoveWhen: value } });
      return { ok: true, message: value === "always" ? "Silkroute will fulfil linked items of every order." : "Silkroute will fulfil linked items when your own stock runs out." };
    }
    if (!isFulfilVia(fulfilVia)) return { ok: false, message: "Choose where the stock of linked products lives." };
    if (intent === "link-offer" || intent === "link") {
      const supplier = field(form, "supplier");
      if (!isSupplierCode(supplier)) return { ok: false, message: "Unknown supplier." };
      const { warehouse } = await linkVariantToSupplier(shop, admin, {
        variantGid: field(form, "variantGid"), supplier, supplierProductId: field(form, "supplierProductId"), supplierVariantId: field(form, "supplierVariantId"), fulfilVia,
      });
      return { ok: true, message: `Linked to ${supplier} ${field(form, "supplierVariantId")} (${warehouse}). ${fulfilVia === "silkroute_location" ? "Its stock now lives at Silkroute's location." : "You keep stocking it; Silkroute fulfils it as set below."}` };
    }
    if (intent === "propose") {
      const run = await proposeMatches(shop, admin, { query: field(form, "q") || undefined });
      const failed = run.failures.map((f) => `${f.supplier}: ${f.message}`).join("; ");
      return { ok: true, proposals: run.proposals,
        message: `${run.proposals.length} proposal(s) to review; ${run.unmatched.length} variant(s) without a match.${failed ? ` Not searched: ${failed}` : ""}` };
    }
    if (intent === "accept-proposals") {
      const picked = form.getAll("proposal").map(String);
      if (!picked.length) return { ok: false, message: "Select at least one proposal." };
      let linked = 0;
      const problems: string[] = [];
      for (const value of picked) {
        const [variantGid, supplier, supplierProductId, supplierVariantId] = value.split("|");
        if (!variantGid || !isSupplierCode(supplier) || !supplierProductId || !supplierVariantId) { problems.push(`bad proposal ${value}`); continue; }
        try {
          await linkVariantToSupplier(shop, admin, { variantGid, supplier, supplierProductId, supplierVariantId, fulfilVia, source: "auto-match" });
          linked++;
        } catch (error) {
          if (!(error instanceof LinkingError || error instanceof AdminUserErrors)) throw error;
          problems.push(`${supplierVariantId}: ${error.message}`);
        }
      }
      return { ok: problems.length === 0, message: `Linked ${linked} variant(s).${problems.length ? ` Not linked: ${problems.join("; ")}` : ""}` };
    }
    if (intent === "csv") {
      const file = form.get("csvFile");
      const text = file && typeof file !== "string" && file.size > 0 ? await file.text() : field(form, "csvText");
      if (!text) return { ok: false, message: "Choose a CSV file or paste its rows." };
      const result = await linkFromCsv(shop, admin, text, fulfilVia);
      return { ok: result.errors.length === 0, csvErrors: result.errors, errorReport: result.errorReport,
        message: `Linked ${result.linked} variant(s) from the CSV.${result.errors.length ? ` ${result.errors.length} line(s) need fixing: download the error report, fix them and upload just those.` : ""}` };
    }
    return { ok: false, message: `Unknown action "${intent}"` };
  } catch (error) {
    if (error instanceof LinkingError || error instanceof AdminUserErrors || error instanceof SupplierConfigError) return { ok: false, message: error.message };
    throw error;
  }
}
