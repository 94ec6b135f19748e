import type { RootResolvers } from "../context";
import { register, type Rec } from "../state";
import { productSet } from "../domains/product-set";
import { productUpdate } from "../domains/product-update";
import { productByIdentifier, productDelete, productVariantsBulkUpdate, searchProducts, searchVariants } from "../domains/product-queries";
import { applyInventoryItemInput, inventoryActivate, inventoryDeactivate, inventorySetQuantities } from "../domains/inventory";
import { editLocation } from "../domains/locations";
import { setMetafield } from "../domains/metafields";
import { matchesQuery } from "../search-query";
import { userError } from "../shopify-errors";

export const catalogQueries: RootResolvers = {
  product: (a, { shop }) => shop.products.get(a.id) ?? null,
  productByIdentifier: (a, { shop, core }) => productByIdentifier(shop, a.identifier, core.appId),
  productByHandle: (a, { shop }) => [...shop.products.values()].find((p) => p.handle === a.handle) ?? null,
  products: (a, { shop }) => searchProducts(shop, a.query),
  productVariants: (a, { shop }) => searchVariants(shop, a.query),
  productVariant: (a, { shop }) => nodeOf(shop.nodes.get(a.id), "ProductVariant"),
  productOperation: (a, { shop }) => nodeOf(shop.nodes.get(a.id), "ProductSetOperation"),
  inventoryItem: (a, { shop }) => nodeOf(shop.nodes.get(a.id), "InventoryItem"),
  inventoryItems: (a, { shop }) => [...shop.products.values()].flatMap((p) => p.variants.map((v: Rec) => v.inventoryItem))
    .filter((i: Rec) => matchesQuery(a.query, (k) => (k === "sku" ? [i.sku] : k === "id" ? [i.id.split("/").pop()] : undefined), i.sku ?? "")),
  inventoryLevel: (a, { shop }) => nodeOf(shop.nodes.get(a.id), "InventoryLevel"),
  location: (a, { shop }) => (a.id ? nodeOf(shop.nodes.get(a.id), "Location") : shop.locations[0] ?? null),
  locations: (a, { shop }) => shop.locations.filter((l) => (a.includeInactive || l.isActive) && matchesQuery(a.query, (k) => (k === "name" ? [l.name] : undefined), l.name)),
};

function nodeOf(rec: Rec | undefined, typename: string): Rec | null {
  return rec && rec.__typename === typename ? rec : null;
}

export const catalogMutations: RootResolvers = {
  productSet: (a, { core, shop }) => {
    if (a.synchronous === false) {
      const operation: Rec = register(shop, { __typename: "ProductSetOperation", id: core.ids.next("ProductSetOperation"), status: "CREATED", product: null, userErrors: [] });
      core.background(async () => {
        await new Promise((r) => setImmediate(r));
        operation.status = "ACTIVE";
        const result = productSet(core, shop, a.input, a.identifier);
        Object.assign(operation, { status: "COMPLETE", product: result.product, userErrors: result.userErrors });
      });
      return { product: null, productSetOperation: operation, userErrors: [] };
    }
    const result = productSet(core, shop, a.input, a.identifier);
    return { product: result.product, productSetOperation: null, userErrors: result.userErrors };
  },
  productVariantsBulkUpdate: (a, { core, shop }) => productVariantsBulkUpdate(core, shop, a),
  productUpdate: (a, { core, shop }) => productUpdate(core, shop, a.product),
  productDelete: (a, { core, shop }) => productDelete(core, shop, a.input.id),
  inventorySetQuantities: (a, { core, shop }) => inventorySetQuantities(core, shop, a.input),
  inventoryActivate: (a, { core, shop }) => inventoryActivate(core, shop, a),
  inventoryDeactivate: (a, { core, shop }) => inventoryDeactivate(core, shop, a),
  inventoryItemUpdate: (a, { shop }) => {
    const item = nodeOf(shop.nodes.get(a.id), "InventoryItem");
    if (!item) return { inventoryItem: null, userErrors: [userError(["id"], "Inventory item does not exist")] };
    applyInventoryItemInput(shop, item, a.input);
    return { inventoryItem: item, userErrors: [] };
  },
  locationEdit: (a, { core, shop }) => editLocation(core, shop, a.id, a.input),
  metafieldsSet: (a, { core, shop }) => {
    if (a.metafields.length > 25) return { metafields: null, userErrors: [{ field: ["metafields"], message: "Exceeded the maximum metafields input limit of 25.", code: "LESS_THAN_OR_EQUAL_TO", elementIndex: null }] };
    const errors: Rec[] = [];
    a.metafields.forEach((m: Rec, i: number) => {
      const owner = shop.nodes.get(m.ownerId);
      if (!owner) errors.push({ field: ["metafields", String(i), "ownerId"], message: "Owner does not exist.", code: "INVALID_VALUE", elementIndex: i });
      const current = owner?.metafields?.find((x: Rec) => x.key === m.key && x.namespace === m.namespace);
      if (m.compareDigest && current && current.compareDigest() !== m.compareDigest) {
        errors.push({ field: ["metafields", String(i)], message: "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.", code: "STALE_OBJECT", elementIndex: i });
      }
    });
    if (errors.length) return { metafields: null, userErrors: errors };
    return { metafields: a.metafields.map((m: Rec) => setMetafield(core, shop, shop.nodes.get(m.ownerId)!, m)), userErrors: [] };
  },
};
