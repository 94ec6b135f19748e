import type { Emulator } from "../../app/emulator";
import { DEFAULT_SANDBOX_SEED, generateCatalog } from "../../app/server/suppliers/sandbox/catalog/catalog-generator";

export interface DemoShopOptions { domain: string; name?: string }

const PRODUCT_SET = `#graphql
mutation DemoProductSet($input: ProductSetInput!) {
  productSet(input: $input, synchronous: true) { product { id } userErrors { field message } }
}`;
const ONLINE_STORE = `#graphql
query DemoPublications { publications(first: 10) { nodes { id catalog { title } } } }`;
const PUBLISH = `#graphql
mutation DemoPublish($id: ID!, $input: [PublicationInput!]!) { publishablePublish(id: $id, input: $input) { userErrors { field message } } }`;

interface SeedVariant { option?: string; price: string; sku: string; grams: number; stock: number }
interface SeedProduct { title: string; handle: string; vendor: string; productType: string; option?: string; hs: string; variants: SeedVariant[] }

// A small store the merchant already runs, so the test-order panel has something to sell before sourcing.
const PRODUCTS: SeedProduct[] = [
  { title: "Mulberry Silk Scarf", handle: "mulberry-silk-scarf", vendor: "Silkroute Demo", productType: "Scarves", option: "Color", hs: "621410",
    variants: [{ option: "Crimson", price: "39.00", sku: "DEMO-SCARF-CRIMSON", grams: 90, stock: 40 }, { option: "Jade", price: "39.00", sku: "DEMO-SCARF-JADE", grams: 90, stock: 25 }] },
  { title: "Bamboo Travel Tumbler", handle: "bamboo-travel-tumbler", vendor: "Silkroute Demo", productType: "Drinkware", hs: "961700",
    variants: [{ price: "24.50", sku: "DEMO-TUMBLER", grams: 320, stock: 60 }] },
  { title: "Porcelain Tea Set", handle: "porcelain-tea-set", vendor: "Silkroute Demo", productType: "Kitchen", option: "Pattern", hs: "691110",
    variants: [{ option: "Blue and white", price: "68.00", sku: "DEMO-TEA-BLUE", grams: 1800, stock: 12 }, { option: "Celadon", price: "72.00", sku: "DEMO-TEA-CELADON", grams: 1800, stock: 8 }] },
];

/**
 * One more of the merchant's own products: one they once copied from the sandbox supplier by hand (same title and
 * SKU), so auto-match on the mappings page has a sure match to propose (ADR 2010).
 */
function copiedFromSupplier(): SeedProduct {
  const p = generateCatalog(DEFAULT_SANDBOX_SEED, 40).find((x) => x.variants.length === 1) ?? generateCatalog(DEFAULT_SANDBOX_SEED, 1)[0]!;
  const v = p.variants[0]!;
  return { title: p.title_en, handle: "copied-from-supplier", vendor: "Silkroute Demo", productType: "Accessories", hs: p.hs_code ?? "392690",
    variants: [{ price: "19.90", sku: v.sku, grams: v.weight_g ?? 200, stock: 15 }] };
}

/** The demo store: a development-plan shop (so the carrier service is allowed) in USD with a US address. */
export async function createDemoShop(emulator: Emulator, options: DemoShopOptions): Promise<void> {
  emulator.controls.createShop({
    domain: options.domain, name: options.name ?? "Silkroute Demo", plan: "development", currencyCode: "USD",
    ianaTimezone: "America/Los_Angeles", email: `owner@${options.domain}`,
    // The merchant's own rate, which checkout shows when no carrier service answers.
    backupRates: [{ service_name: "Standard shipping", service_code: "standard", total_price: "995", currency: "USD", description: "Store rate, used when live rates are unavailable" }],
    address: { address1: "1 Ferry Building", city: "San Francisco", province: "California", provinceCode: "CA", zip: "94111", countryCode: "US", country: "United States" },
  });
  await shipEverywhereAtAFlatRate(emulator, options.domain);
  const locationId = emulator.controls.shop(options.domain).locations[0]!.id as string;
  const channels = (await emulator.graphql(options.domain, ONLINE_STORE)) as { data: { publications: { nodes: { id: string; catalog: { title: string } }[] } } };
  const onlineStore = channels.data.publications.nodes.filter((n) => n.catalog.title === "Online Store").map((n) => ({ publicationId: n.id }));
  for (const p of [...PRODUCTS, copiedFromSupplier()]) {
    const input = {
      title: p.title, handle: p.handle, vendor: p.vendor, productType: p.productType, status: "ACTIVE",
      productOptions: [{ name: p.option ?? "Title", values: p.variants.map((v) => ({ name: v.option ?? "Default Title" })) }],
      variants: p.variants.map((v) => ({
        optionValues: [{ optionName: p.option ?? "Title", name: v.option ?? "Default Title" }], price: v.price, sku: v.sku,
        inventoryItem: { tracked: true, harmonizedSystemCode: p.hs, countryCodeOfOrigin: "CN", measurement: { weight: { unit: "GRAMS", value: v.grams } } },
        inventoryQuantities: [{ locationId, name: "available", quantity: v.stock }],
      })),
    };
    const result = (await emulator.graphql(options.domain, PRODUCT_SET, { input })) as { data?: { productSet?: { product?: { id: string } | null; userErrors?: unknown[] } }; errors?: unknown[] };
    const problems = result.errors ?? result.data?.productSet?.userErrors ?? [];
    if (problems.length) throw new Error(`seeding ${p.handle} failed: ${JSON.stringify(problems)}`);
    // The merchant's own products are on their storefront already.
    await emulator.graphql(options.domain, PUBLISH, { id: result.data!.productSet!.product!.id, input: onlineStore });
  }
}

const GENERAL_PROFILE = `#graphql
query DemoGeneralProfile { deliveryProfiles(first: 5) { nodes { id default profileLocationGroups { locationGroup { id } } } } }`;
const PROFILE_UPDATE = `#graphql
mutation DemoGeneralProfileUpdate($id: ID!, $profile: DeliveryProfileInput!) {
  deliveryProfileUpdate(id: $id, profile: $profile) { userErrors { field message } }
}`;

/**
 * The merchant already ships abroad at their own flat rate (Settings → Shipping and delivery → General profile →
 * a "Rest of World" zone), so a checkout abroad shows that rate until Silkroute's rates are turned on.
 */
async function shipEverywhereAtAFlatRate(emulator: Emulator, shop: string): Promise<void> {
  const body = (await emulator.graphql(shop, GENERAL_PROFILE)) as { data: { deliveryProfiles: { nodes: Array<{ id: string; default: boolean; profileLocationGroups: Array<{ locationGroup: { id: string } }> }> } } };
  const general = body.data.deliveryProfiles.nodes.find((p) => p.default)!;
  const result = (await emulator.graphql(shop, PROFILE_UPDATE, { id: general.id, profile: { locationGroupsToUpdate: [{
    id: general.profileLocationGroups[0]!.locationGroup.id,
    zonesToCreate: [{ name: "International", countries: [{ restOfWorld: true }], methodDefinitionsToCreate: [
      { name: "Standard shipping", active: true, rateDefinition: { price: { amount: "9.95", currencyCode: "USD" } } },
    ] }],
  }] } })) as { data: { deliveryProfileUpdate: { userErrors: unknown[] } } };
  if (result.data.deliveryProfileUpdate.userErrors.length) throw new Error(`seeding shipping zones failed: ${JSON.stringify(result.data.deliveryProfileUpdate.userErrors)}`);
}
