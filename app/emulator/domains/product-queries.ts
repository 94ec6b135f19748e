import type { Core } from "../context";
import type { Rec, ShopState } from "../state";
import { isoAt } from "../clock";
import { matchesQuery } from "../search-query";
import { userError } from "../shopify-errors";
import { expandNamespace } from "./metafields";
import { applyVariantInput } from "./product-set";
import { productPayload } from "../webhooks/rest-payloads";
import { legacyId } from "../../server/shopify/gid";

export function findProductByCustomId(state: ShopState, customId: Rec, appId: number): Rec | undefined {
  const namespace = expandNamespace(customId.namespace ?? "custom", appId);
  return [...state.products.values()].find((p) => p.metafields.some((m: Rec) => m.namespace === namespace && m.key === customId.key && m.value === customId.value));
}

export function productByIdentifier(state: ShopState, identifier: Rec, appId: number): Rec | null {
  if (identifier.id) return state.products.get(identifier.id) ?? null;
  if (identifier.handle) return [...state.products.values()].find((p) => p.handle === identifier.handle) ?? null;
  if (identifier.customId) return findProductByCustomId(state, identifier.customId, appId) ?? null;
  return null;
}

export function searchProducts(state: ShopState, query: string | null | undefined): Rec[] {
  return [...state.products.values()].filter((p) => matchesQuery(query, (key) => {
    switch (key) {
      case "sku": return p.variants.map((v: Rec) => v.inventoryItem.sku);
      case "barcode": return p.variants.map((v: Rec) => v.barcode);
      case "handle": return [p.handle];
      case "title": return [p.title];
      case "tag": return p.tags;
      case "tag_not": return p.tags;
      case "status": return [p.status];
      case "vendor": return [p.vendor];
      case "product_type": return [p.productType];
      case "id": return [legacyId(p.id)];
      case "created_at": return [p.createdAt];
      case "updated_at": return [p.updatedAt];
      default: return undefined;
    }
  }, `${p.title} ${p.vendor} ${p.productType} ${p.tags.join(" ")} ${p.variants.map((v: Rec) => v.inventoryItem.sku ?? "").join(" ")}`));
}

export function searchVariants(state: ShopState, query: string | null | undefined): Rec[] {
  return [...state.products.values()].flatMap((p) => p.variants).filter((v: Rec) => matchesQuery(query, (key) => {
    switch (key) {
      case "sku": return [v.inventoryItem.sku];
      case "barcode": return [v.barcode];
      case "product_id": return [legacyId(v.product.id)];
      case "id": return [legacyId(v.id)];
      case "title": return [v.title];
      case "product_status": return [v.product.status];
      case "inventory_quantity": return [v.inventoryQuantity()];
      case "updated_at": return [v.updatedAt];
      default: return undefined;
    }
  }, `${v.product.title} ${v.title} ${v.inventoryItem.sku ?? ""} ${v.barcode ?? ""}`));
}

export function productVariantsBulkUpdate(core: Core, state: ShopState, args: Rec): Rec {
  const product = state.products.get(args.productId);
  if (!product) return { product: null, productVariants: null, userErrors: [userError(["productId"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST")] };
  const errors: Rec[] = [];
  const targets: [Rec, Rec][] = [];
  (args.variants as Rec[]).forEach((input, i) => {
    if (!input.id) return void errors.push(userError(["variants", String(i), "id"], "Product variant is missing ID attribute", "PRODUCT_VARIANT_ID_MISSING"));
    const variant = product.variants.find((v: Rec) => v.id === input.id);
    if (!variant) return void errors.push(userError(["variants", String(i), "id"], "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
    if (input.price != null && Number(input.price) < 0) return void errors.push(userError(["variants", String(i), "price"], "Price must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO"));
    if (input.inventoryQuantities) return void errors.push(userError(["variants", String(i), "inventoryQuantities"], "Inventory quantities can only be provided during create. To update inventory for existing variants, use inventoryAdjustQuantities.", "NO_INVENTORY_QUANTITIES_ON_VARIANTS_UPDATE"));
    targets.push([variant, input]);
  });
  if (errors.length && !args.allowPartialUpdates) return { product, productVariants: null, userErrors: errors };
  for (const [variant, input] of targets) applyVariantInput(core, state, product, variant, input);
  product.updatedAt = isoAt(core.clock);
  core.emit(state, "products/update", productPayload(product));
  return { product, productVariants: targets.map(([v]) => v), userErrors: errors };
}

export function productDelete(core: Core, state: ShopState, id: string): Rec {
  const product = state.products.get(id);
  if (!product) return { deletedProductId: null, shop: state.shop, userErrors: [userError(["id"], "Product does not exist")] };
  state.products.delete(id);
  state.nodes.delete(id);
  for (const v of product.variants) { state.nodes.delete(v.id); state.nodes.delete(v.inventoryItem.id); }
  core.emit(state, "products/delete", { id: Number(legacyId(id)) });
  return { deletedProductId: id, shop: state.shop, userErrors: [] };
}
