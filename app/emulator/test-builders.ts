import { createEmulator, type Emulator, type EmulatorOptions } from "./emulator";
import { manualClock, type ManualClock } from "./clock";
import type { CreateShopInput, Rec } from "./state";

export const TEST_API_KEY = "silkroute-test-api-key";
export const TEST_API_SECRET = "silkroute-test-api-secret";

export function buildEmulator(overrides: Partial<EmulatorOptions> = {}): { emulator: Emulator; clock: ManualClock } {
  const clock = (overrides.clock as ManualClock | undefined) ?? manualClock();
  const emulator = createEmulator({
    apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET, appUrl: "http://127.0.0.1:3999", clock,
    appTomlPath: null, webhookRetryDelaysMs: [5, 5, 5], webhookTimeoutMs: 2000, ...overrides,
  });
  return { emulator, clock };
}

export function buildShop(emulator: Emulator, overrides: Partial<CreateShopInput> = {}): string {
  const domain = overrides.domain ?? `shop-${Math.random().toString(36).slice(2, 8)}.myshopify.com`;
  emulator.controls.createShop({
    domain, name: "Test Shop", plan: "advanced", currencyCode: "USD", ianaTimezone: "America/New_York",
    address: { address1: "1 Main St", city: "Springfield", provinceCode: "IL", zip: "62701", countryCode: "US" },
    ...overrides,
  });
  return domain;
}

export function buildProductSetInput(overrides: Rec = {}): Rec {
  return {
    title: "Silk Scarf",
    handle: "silk-scarf",
    vendor: "Hangzhou Silk Co",
    productType: "Scarves",
    tags: ["silk", "imported"],
    productOptions: [{ name: "Color", values: [{ name: "Red" }, { name: "Blue" }] }],
    variants: [
      { optionValues: [{ optionName: "Color", name: "Red" }], price: "19.99", sku: "SCARF-RED", inventoryItem: { cost: "4.10", harmonizedSystemCode: "621410", countryCodeOfOrigin: "CN", measurement: { weight: { unit: "GRAMS", value: 120 } } } },
      { optionValues: [{ optionName: "Color", name: "Blue" }], price: "21.00", sku: "SCARF-BLUE", inventoryItem: { cost: "4.30", measurement: { weight: { unit: "GRAMS", value: 125 } } } },
    ],
    ...overrides,
  };
}

export const PRODUCT_SET = `#graphql
mutation ProductSet($input: ProductSetInput!, $identifier: ProductSetIdentifiers, $synchronous: Boolean) {
  productSet(input: $input, identifier: $identifier, synchronous: $synchronous) {
    product { id handle title variants(first: 10) { nodes { id sku price inventoryItem { id unitCost { amount } measurement { weight { value unit } } } } } }
    productSetOperation { id status }
    userErrors { field message code }
  }
}`;

export interface RecordedRequest { url: string; headers: Headers; body: string }

/** An outbound-fetch stand-in: records what the emulator sends and answers with the given responder. */
export function recordingFetch(respond: (req: RecordedRequest, attempt: number) => Response | Promise<Response> = () => new Response("ok")) {
  const requests: RecordedRequest[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const recorded = { url: request.url, headers: request.headers, body: await request.text() };
    requests.push(recorded);
    return respond(recorded, requests.filter((r) => r.url === recorded.url).length);
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

const PUBLICATIONS = `#graphql
query Publications { publications(first: 10) { nodes { id catalog { title } } } }`;
const PUBLISH = `#graphql
mutation Publish($id: ID!, $input: [PublicationInput!]!) { publishablePublish(id: $id, input: $input) { userErrors { field message } } }`;

/** Publishes a product to the named channels (Online Store by default), as an app or the merchant would. */
export async function publishProduct(emulator: Emulator, shop: string, productId: string, channels: string[] = ["Online Store"]): Promise<void> {
  const res = (await emulator.graphql(shop, PUBLICATIONS)) as { data: { publications: { nodes: { id: string; catalog: { title: string } }[] } } };
  const input = res.data.publications.nodes.filter((p) => channels.includes(p.catalog.title)).map((p) => ({ publicationId: p.id }));
  await emulator.graphql(shop, PUBLISH, { id: productId, input });
}
