// Tests only: an imported product in an emulated shop plus the sandbox supplier, with helpers to change the
// supplier's facts, act as the merchant in Shopify's admin, and read what the store shows.
import db from "../../../db.server";
import { addToImportList } from "../import-list/import-list.server";
import { startImport } from "../imports/import-jobs.server";
import { runImportJob } from "../imports/run-import.server";
import { startSourcingWorld, type SourcingWorld } from "../test-support/sourcing-world";
import { runSync, type SyncDeps, type SyncScope, type SyncTrigger } from "./sync-engine.server";
import { reconcileInventoryLevel, reconcileProductUpdate } from "./shopify-edits.server";

export interface StoreVariant { id: string; price: string; compareAtPrice: string | null; inventoryPolicy: string; available: Record<string, number>; productStatus: string }

export async function startSyncWorld(productIds: string[] = ["SBX000021"], options: { productCount?: number } = {}) {
  const world: SourcingWorld = await startSourcingWorld({ productCount: options.productCount ?? 300 });
  for (const pid of productIds) {
    const item = await addToImportList(world.shop, "sandbox", pid);
    await runImportJob(await startImport(world.shop, [item.id], { mode: "sync" }), world.deps);
  }
  const mappings = await db.variantMapping.findMany({ where: { shop: world.shop }, orderBy: { id: "asc" } });
  const mapping = mappings[0]!;
  const record = world.sandbox.catalog.variant(mapping.supplierSku)!;
  const locationOf = async (code: string) => (await db.fulfillmentWarehouse.findFirstOrThrow({ where: { shop: world.shop, code } })).locationGid!;
  const code = Object.keys(record.variant.stock)[0]!;
  const location = await locationOf(code);

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const body = await world.emulator.graphql(world.shop, query, variables) as { data?: Record<string, any>; errors?: unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const lastEvent = (topic: string) => [...world.emulator.core.shops.get(world.shop)!.events].reverse().find((e) => e.topic === topic)!.payload;

  return {
    world, shop: world.shop, mappings, mapping, record, code, location,
    sync: (trigger: SyncTrigger = "manual", scope: SyncScope = {}, extra: Partial<SyncDeps> = {}) => runSync(world.shop, trigger, scope, { adminFor: world.deps.adminFor, ...extra }),
    /** What the store shows for a variant, read the way the merchant's admin would. */
    async store(variantGid = mapping.variantGid): Promise<StoreVariant> {
      const { productVariant: v } = await gql(`query silkrouteTestStoreVariant($id: ID!) { productVariant(id: $id) { id price compareAtPrice inventoryPolicy product { status }
        inventoryItem { inventoryLevels(first: 10) { nodes { location { id } quantities(names: ["available"]) { quantity } } } } } }`, { id: variantGid });
      return {
        id: v.id, price: v.price, compareAtPrice: v.compareAtPrice, inventoryPolicy: v.inventoryPolicy, productStatus: v.product.status,
        available: Object.fromEntries(v.inventoryItem.inventoryLevels.nodes.map((l: any) => [l.location.id, l.quantities[0].quantity])), // eslint-disable-line @typescript-eslint/no-explicit-any
      };
    },
    /** The merchant edits the price in Shopify's admin; the products/update webhook reaches the app. */
    async merchantSetsPrice(price: string, variantGid = mapping.variantGid) {
      await gql(`mutation silkrouteTestMerchantPrice($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { message } } }`,
        { productId: mapping.productGid, variants: [{ id: variantGid, price }] });
      return reconcileProductUpdate(world.shop, lastEvent("products/update"));
    },
    /** Stock moves in Shopify without the app (a sale, the merchant); `deliver` sends the webhook to the app. */
    async shopifySetsStock(quantity: number, deliver = true, itemGid = mapping.inventoryItemGid!) {
      await gql(`mutation silkrouteTestMerchantStock($input: InventorySetQuantitiesInput!, $key: String!) { inventorySetQuantities(input: $input) @idempotent(key: $key) { userErrors { message } } }`,
        { key: crypto.randomUUID(), input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: itemGid, locationId: location, quantity, changeFromQuantity: null }] } });
      return deliver ? reconcileInventoryLevel(world.shop, lastEvent("inventory_levels/update")) : null;
    },
    /**
     * Maps `count` more sandbox SKUs (in stock at the supplier's first warehouse) to variants of products made
     * in the store with 0 units at that warehouse's location, as if imported earlier and since restocked.
     */
    async seedMappedVariants(count: number): Promise<number> {
      const skus = world.sandbox.catalog.products.flatMap((p) => p.variants).filter((v) => (v.stock[code] ?? 0) > 1 && v.vid !== record.variant.vid && !mappings.some((m) => m.supplierSku === v.vid)).slice(0, count);
      for (let start = 0; start < skus.length; start += 100) {
        const slice = skus.slice(start, start + 100);
        const { productSet } = await gql(`mutation silkrouteTestSeedProducts($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id variants(first: 100) { nodes { id sku inventoryItem { id } } } } userErrors { message } } }`, {
          input: {
            title: `Seeded ${start}`, status: "ACTIVE", productOptions: [{ name: "Kind", values: slice.map((v) => ({ name: v.vid })) }],
            variants: slice.map((v) => ({ optionValues: [{ optionName: "Kind", name: v.vid }], sku: v.vid, price: "10.00", inventoryItem: { tracked: true }, inventoryQuantities: [{ locationId: location, name: "available", quantity: 0 }] })),
          },
        });
        await db.variantMapping.createMany({
          data: productSet.product.variants.nodes.map((n: { id: string; sku: string; inventoryItem: { id: string } }) => ({
            shop: world.shop, productGid: productSet.product.id, variantGid: n.id, shopifySku: n.sku, supplier: "sandbox", supplierProductId: n.sku.slice(0, 9), supplierSku: n.sku,
            inventoryItemGid: n.inventoryItem.id, stock: { [code]: 0 }, pushedStock: { [location]: 0 }, pushedPriceMinor: 1000, pushedCurrency: "USD", autoPrice: false,
          })),
        });
      }
      return skus.length;
    },
    inventoryWrites: () => world.emulator.core.shops.get(world.shop)!.events.filter((e) => e.topic === "inventory_levels/update").length,
    fresh: () => db.variantMapping.findUniqueOrThrow({ where: { id: mapping.id } }),
    close: () => world.close(),
  };
}

export type SyncWorld = Awaited<ReturnType<typeof startSyncWorld>>;
