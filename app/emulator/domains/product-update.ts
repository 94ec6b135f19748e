import type { Core } from "../context";
import type { Rec, ShopState } from "../state";
import { isoAt } from "../clock";
import { userError } from "../shopify-errors";
import { productPayload } from "../webhooks/rest-payloads";

const SCALARS = ["title", "descriptionHtml", "vendor", "productType", "status", "templateSuffix", "handle"] as const;

/**
 * `productUpdate(product: ProductUpdateInput!)` for the product's own fields (status, title…): fields left
 * out stay as they are; variants are not touched (https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/productUpdate).
 * Emits products/update like every product change.
 */
export function productUpdate(core: Core, state: ShopState, input: Rec): Rec {
  const product = input?.id ? state.products.get(input.id) : undefined;
  if (!product) return { product: null, userErrors: [userError(["id"], "Product does not exist")] };
  for (const key of SCALARS) if (input[key] !== undefined && input[key] !== null) product[key] = input[key];
  if (input.tags) product.tags = input.tags;
  product.updatedAt = isoAt(core.clock);
  core.emit(state, "products/update", productPayload(product));
  return { product, userErrors: [] };
}
