import { describe, expect, it } from "vitest";
import { adminSchema } from "../schema";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET, publishProduct } from "../test-builders";
import { sampleArgs } from "./sample-input";
import { schemaRules } from "./table";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const normalise = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ");

function descriptionAt(coordinate: string): string {
  const schema = adminSchema();
  const m = /^(\w+)\.(\w+)(?:\((\w+)\))?$/.exec(coordinate)!;
  const type = schema.getType(m[1]!) as Any;
  if (type.getValues) return type.getValue(m[2])?.description ?? "";
  const field = (type.getFields?.() ?? {})[m[2]!];
  return m[3] ? field?.args.find((a: Any) => a.name === m[3])?.description ?? "" : field?.description ?? "";
}

async function world() {
  const { emulator } = buildEmulator();
  const shop = buildShop(emulator);
  const gql = async (q: string, v?: Record<string, unknown>) => (await emulator.graphql(shop, q, v)) as Any;
  return { emulator, shop, gql };
}

async function stocked() {
  const w = await world();
  const product = (await w.gql(PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })).data.productSet.product;
  const itemId = product.variants.nodes[0].inventoryItem.id as string;
  const locationId = w.emulator.controls.shop(w.shop).locations[0]!.id as string;
  return { ...w, product, itemId, locationId };
}

const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id changes { delta quantityAfterChange } } userErrors { field message code } }
}`;
const setInput = (itemId: string, locationId: string, quantity: number, changeFromQuantity: number | null, repeat = 1) => ({
  name: "available", reason: "correction",
  quantities: Array.from({ length: repeat }, () => ({ inventoryItemId: itemId, locationId, quantity, changeFromQuantity })),
});

describe("the rules table", () => {
  const rules = schemaRules();

  it("derives 16 idempotency-required mutations and 5 mandatory-but-nullable inputs from the 2026-10 descriptions", () => {
    expect(rules.filter((r) => r.kind === "idempotency").map((r) => r.coordinates[0])).toEqual(expect.arrayContaining(["Mutation.inventorySetQuantities", "Mutation.inventoryAdjustQuantities", "Mutation.refundCreate", "Mutation.locationActivate"]));
    expect(rules.filter((r) => r.kind === "idempotency")).toHaveLength(16);
    expect(rules.filter((r) => r.kind === "mandatory-nullable").map((r) => r.coordinates[0])).toContain("InventoryQuantityInput.changeFromQuantity");
    expect(rules.filter((r) => r.kind === "mandatory-nullable")).toHaveLength(5);
  });

  it.each(rules.filter((r) => r.phrase).map((r) => [r.id, r] as const))("%s still reads so in the 2026-10 schema", (_id, rule) => {
    expect(rule.coordinates.some((c) => normalise(descriptionAt(c)).includes(normalise(rule.phrase)))).toBe(true);
  });
});

describe("idempotency rules", () => {
  const schema = adminSchema();
  const mandatory = new Map<string, string[]>();
  for (const r of schemaRules().filter((x) => x.kind === "mandatory-nullable")) {
    const [t, f] = r.coordinates[0]!.split(".") as [string, string];
    mandatory.set(t, [...(mandatory.get(t) ?? []), f]);
  }
  const mutations = schemaRules().filter((r) => r.kind === "idempotency").map((r) => r.coordinates[0]!.slice("Mutation.".length));

  it.each(mutations)("%s without @idempotent is refused with BAD_REQUEST, and runs with a key", async (name) => {
    const { gql } = await world();
    const sample = sampleArgs(schema.getMutationType()!.getFields()[name]!, { mandatory });
    const head = (extra: string) => `mutation Probe(${[sample.declarations, extra].filter(Boolean).join(", ")})`;
    const call = `${name}${sample.callArgs ? `(${sample.callArgs})` : ""}`;
    const without = await gql(`${head("")} { ${call} { __typename } }`, sample.variables);
    expect(without.data[name]).toBeNull();
    expect(without.errors[0]).toMatchObject({ message: "The @idempotent directive is required for this mutation but was not provided.", path: [name], extensions: { code: "BAD_REQUEST" } });
    const withKey = await gql(`${head("$key: String!")} { ${call} @idempotent(key: $key) { __typename } }`, { ...sample.variables, key: `probe-${name}` });
    // Mutations the emulator does not model answer a schema-valid null payload; the point is: no refusal.
    expect(withKey.errors ?? []).toEqual([]);
  });

  it("replays the first result for a repeated key: stock moves once", async () => {
    const { gql, itemId, locationId, emulator, shop } = await stocked();
    const first = await gql(SET, { key: "push-1", input: setInput(itemId, locationId, 40, 0) });
    const again = await gql(SET, { key: "push-1", input: setInput(itemId, locationId, 40, 0) });
    expect(again.data.inventorySetQuantities).toEqual(first.data.inventorySetQuantities);
    expect(first.data.inventorySetQuantities.inventoryAdjustmentGroup.changes).toEqual([{ delta: 40, quantityAfterChange: 40 }]);
    expect(Object.values(emulator.controls.products(shop)[0]!.variants[0].available)).toEqual([40]);
  });

  it("refuses the same key with other arguments (IDEMPOTENCY_KEY_PARAMETER_MISMATCH) and after a failed attempt", async () => {
    const { gql, itemId, locationId } = await stocked();
    await gql(SET, { key: "k1", input: setInput(itemId, locationId, 40, 0) });
    const changed = await gql(SET, { key: "k1", input: setInput(itemId, locationId, 41, 0) });
    expect(changed.data.inventorySetQuantities.userErrors).toEqual([{ field: null, message: "The same idempotency key cannot be used with different operation parameters.", code: "IDEMPOTENCY_KEY_PARAMETER_MISMATCH" }]);
    const stale = await gql(SET, { key: "k2", input: setInput(itemId, locationId, 5, 0) });
    expect(stale.data.inventorySetQuantities.userErrors[0].code).toBe("CHANGE_FROM_QUANTITY_STALE");
    const retried = await gql(SET, { key: "k2", input: setInput(itemId, locationId, 5, 0) });
    expect(retried.data.inventorySetQuantities.userErrors[0].code).toBe("IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED");
  });

  it("refuses @idempotent on a mutation that does not document it, and an empty key", async () => {
    const { gql } = await stocked();
    const other = await gql(`mutation P($key: String!) { webhookSubscriptionDelete(id: "gid://shopify/WebhookSubscription/1") @idempotent(key: $key) { userErrors { message } } }`, { key: "x" });
    expect(other.errors[0].extensions.code).toBe("BAD_REQUEST");
    const empty = await stocked();
    const blank = await empty.gql(SET, { key: "  ", input: setInput(empty.itemId, empty.locationId, 1, 0) });
    expect(blank.errors[0]).toMatchObject({ message: "The idempotency key cannot be an empty string or whitespace only.", extensions: { code: "BAD_REQUEST" } });
  });
});

describe("mandatory-but-nullable rules", () => {
  const schema = adminSchema();
  const rules = schemaRules().filter((r) => r.kind === "mandatory-nullable");
  const mandatory = new Map<string, string[]>();
  for (const r of rules) {
    const [t, f] = r.coordinates[0]!.split(".") as [string, string];
    mandatory.set(t, [...(mandatory.get(t) ?? []), f]);
  }
  const idempotent = new Set(schemaRules().filter((r) => r.kind === "idempotency").map((r) => r.coordinates[0]!.slice("Mutation.".length)));

  it.each(rules.map((r) => r.coordinates[0]!.split(".") as [string, string]))("%s.%s absent is refused with INVALID_FIELD_ARGUMENTS; null is accepted", async (type, field) => {
    const fields = Object.values(schema.getMutationType()!.getFields());
    const mutation = fields.find((f) => sampleArgs(f, { mandatory }).types.has(type) && !f.deprecationReason)
      ?? fields.find((f) => sampleArgs(f, { mandatory }).types.has(type));
    const probe = async (omit: boolean) => {
      const { gql } = await world();
      if (!mutation) {
        // Only reachable through an optional list: ProductVariantsBulkInput.quantityAdjustments.
        expect(type).toBe("InventoryAdjustmentInput");
        const adjustment = { adjustment: 1, locationId: "gid://shopify/Location/1", ...(omit ? {} : { [field]: null }) };
        return gql(`mutation P($v: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: "gid://shopify/Product/1", variants: $v) { userErrors { message } } }`, { v: [{ id: "gid://shopify/ProductVariant/1", quantityAdjustments: [adjustment] }] });
      }
      const sample = sampleArgs(mutation, { mandatory, omit: omit ? { type, field } : undefined });
      const key = idempotent.has(mutation.name);
      const decl = [sample.declarations, key ? "$key: String!" : ""].filter(Boolean).join(", ");
      return gql(`mutation Probe(${decl}) { ${mutation.name}(${sample.callArgs})${key ? " @idempotent(key: $key)" : ""} { __typename } }`, { ...sample.variables, key: "mandatory-probe" });
    };
    const absent = await probe(true);
    expect(absent.errors[0]).toMatchObject({ message: `${type} must include the following argument: ${field}.`, extensions: { code: "INVALID_FIELD_ARGUMENTS" } });
    expect((await probe(false)).errors ?? []).toEqual([]);
  });
});

describe("limit rules", () => {
  it("limit:input-array-250: 251 quantities in one inventorySetQuantities are refused, 250 are accepted", async () => {
    const { gql, itemId, locationId } = await stocked();
    const over = await gql(SET, { key: "a", input: setInput(itemId, locationId, 1, null, 251) });
    expect(over.data.inventorySetQuantities).toBeNull();
    expect(over.errors[0]).toMatchObject({ message: "The input array size of 251 is greater than the maximum allowed of 250.", path: ["inventorySetQuantities", "input", "quantities"], extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" } });
    const at = await gql(SET, { key: "b", input: setInput(itemId, locationId, 1, null, 250) });
    expect(at.errors).toBeUndefined();
    expect(at.data.inventorySetQuantities.userErrors).toEqual([]);
  });

  it("limit:holds-per-app-per-fulfillment-order: the 11th hold by one app is refused", async () => {
    const { gql, product, emulator, shop } = await stocked();
    const order = emulator.controls.placeOrder(shop, { lines: [{ variantId: product.variants.nodes[0].id, quantity: 1 }], shippingAddress: { countryCode: "DE", city: "Berlin", zip: "10115", address1: "Unter den Linden 1" } });
    const hold = (handle: string) => gql(`mutation H($id: ID!, $hold: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) { fulfillmentHold { id } userErrors { field message code } } }`, { id: order.fulfillmentOrders[0].id, hold: { reason: "OTHER", handle } });
    for (let i = 0; i < 10; i++) expect((await hold(`h${i}`)).data.fulfillmentOrderHold.userErrors).toEqual([]);
    const eleventh = await hold("h10");
    expect(eleventh.data.fulfillmentOrderHold.userErrors[0].code).toBe("FULFILLMENT_ORDER_HOLD_LIMIT_REACHED");
  });

  it("limit:hold-handle-64: a 65-character handle is refused, 64 is accepted", async () => {
    const { gql, product, emulator, shop } = await stocked();
    const order = emulator.controls.placeOrder(shop, { lines: [{ variantId: product.variants.nodes[0].id, quantity: 1 }], shippingAddress: { countryCode: "DE", city: "Berlin", zip: "10115", address1: "Unter den Linden 1" } });
    const hold = (handle: string) => gql(`mutation H($id: ID!, $hold: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) { userErrors { field message } } }`, { id: order.fulfillmentOrders[0].id, hold: { reason: "OTHER", handle } });
    expect((await hold("x".repeat(65))).data.fulfillmentOrderHold.userErrors[0].field).toEqual(["fulfillmentHold", "handle"]);
    expect((await hold("x".repeat(64))).data.fulfillmentOrderHold.userErrors).toEqual([]);
  });

  it("limit:product-variants-2048 and limit:product-options-3: productSet refuses 2049 variants and 4 options", async () => {
    const { gql } = await world();
    // 13 × 13 × 13 combinations; each option stays under the 250-item input-array cap.
    const values = Array.from({ length: 13 }, (_, i) => ({ name: `v${i}` }));
    const productOptions = ["A", "B", "C"].map((name) => ({ name, values }));
    const variants = Array.from({ length: 2049 }, (_, i) => ({ optionValues: [
      { optionName: "A", name: `v${i % 13}` }, { optionName: "B", name: `v${Math.floor(i / 13) % 13}` }, { optionName: "C", name: `v${Math.floor(i / 169)}` },
    ] }));
    const many = await gql(PRODUCT_SET, { input: buildProductSetInput({ productOptions, variants }), synchronous: true });
    expect(many.data.productSet.userErrors[0].code).toBe("VARIANTS_OVER_LIMIT");
    const options = ["A", "B", "C", "D"].map((name) => ({ name, values: [{ name: "x" }] }));
    expect((await gql(PRODUCT_SET, { input: buildProductSetInput({ productOptions: options, variants: [] }), synchronous: true })).data.productSet.userErrors[0].code).toBe("OPTIONS_OVER_LIMIT");
    expect((await gql(PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })).data.productSet.userErrors).toEqual([]);
  });

  it("limit:product-set-inventory-quantities-50000: more than 50,000 quantities in one productSet are refused", async () => {
    const { gql, locationId } = await stocked();
    const quantities = Array.from({ length: 249 }, () => ({ locationId, name: "available", quantity: 1 }));
    const variants = Array.from({ length: 201 }, (_, i) => ({ optionValues: [{ optionName: "Size", name: `S${i}` }], inventoryQuantities: quantities }));
    const res = await gql(PRODUCT_SET, { input: buildProductSetInput({ handle: "big", productOptions: [{ name: "Size", values: variants.map((v) => ({ name: v.optionValues[0]!.name })) }], variants }), synchronous: true });
    expect(res.data.productSet.userErrors).toEqual([{ field: ["input", "variants"], message: "Input contains 50049 inventory quantities, which exceeds the limit of 50000", code: "INVENTORY_QUANTITIES_LIMIT_EXCEEDED" }]);
  });

  it("limit:metafields-set-25: 26 metafields in one metafieldsSet are refused", async () => {
    const { gql, product } = await stocked();
    const set = (n: number) => gql(`mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { code } } }`, { m: Array.from({ length: n }, (_, i) => ({ ownerId: product.id, namespace: "custom", key: `k${i}`, type: "single_line_text_field", value: "v" })) });
    expect((await set(26)).data.metafieldsSet.userErrors[0].code).toBe("LESS_THAN_OR_EQUAL_TO");
    expect((await set(25)).data.metafieldsSet.userErrors).toEqual([]);
  });

  it("limit:hs-code-6-13-digits: a 5-digit HS code is refused on the variant, 6214.10 is accepted", async () => {
    const { gql } = await world();
    const withHs = (hs: string) => buildProductSetInput({ variants: [{ optionValues: [{ optionName: "Color", name: "Red" }], inventoryItem: { harmonizedSystemCode: hs } }] });
    const bad = await gql(PRODUCT_SET, { input: withHs("62141"), synchronous: true });
    expect(bad.data.productSet.userErrors[0]).toMatchObject({ field: ["input", "variants", "0", "inventoryItem", "harmonizedSystemCode"], message: "Harmonized system code must be a number between six and thirteen digits" });
    expect((await gql(PRODUCT_SET, { input: withHs("6214.10"), synchronous: true })).data.productSet.userErrors).toEqual([]);
  });

  it("limit:inventory-set-name and limit:inventory-reason: other names and unknown reasons are refused", async () => {
    const { gql, itemId, locationId } = await stocked();
    const bad = await gql(SET, { key: "n", input: { ...setInput(itemId, locationId, 1, null), name: "incoming", reason: "Not A Reason" } });
    expect(bad.data.inventorySetQuantities.userErrors.map((e: Any) => e.code)).toEqual(["INVALID_NAME", "INVALID_REASON"]);
  });

  it("limit:bulk-operations-concurrent: a sixth bulk mutation while five run is refused", async () => {
    const { gql, emulator, shop } = await world();
    const state = emulator.controls.shop(shop);
    for (let i = 0; i < 5; i++) state.bulkOperations.push({ __typename: "BulkOperation", id: `gid://shopify/BulkOperation/${i + 1}`, status: "RUNNING", type: "MUTATION" });
    const run = () => gql(`mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { userErrors { code } } }`, { m: "mutation M($input: ProductSetInput!) { productSet(input: $input) { product { id } } }", p: "tmp/none.jsonl" });
    expect((await run()).data.bulkOperationRunMutation.userErrors[0].code).toBe("LIMIT_REACHED");
    state.bulkOperations.pop();
    expect((await run()).data.bulkOperationRunMutation.userErrors[0]?.code).not.toBe("LIMIT_REACHED");
  });

  it("every limit rule in the table has a test above", () => {
    const tested = ["limit:bulk-operations-concurrent", "limit:input-array-250", "limit:holds-per-app-per-fulfillment-order", "limit:hold-handle-64", "limit:product-variants-2048", "limit:product-options-3",
      "limit:product-set-inventory-quantities-50000", "limit:metafields-set-25", "limit:hs-code-6-13-digits", "limit:inventory-set-name", "limit:inventory-reason"];
    expect(schemaRules().filter((r) => r.kind === "limit").map((r) => r.id).sort()).toEqual(tested.sort());
  });
});

describe("behaviour rules", () => {
  it("behaviour:visible-only-when-active: a published draft is not on the storefront", async () => {
    const { gql, emulator, shop } = await world();
    const product = (await gql(PRODUCT_SET, { input: buildProductSetInput({ status: "DRAFT" }), synchronous: true })).data.productSet.product;
    await publishProduct(emulator, shop, product.id);
    expect(emulator.controls.storefrontProducts(shop)).toEqual([]);
    await gql(PRODUCT_SET, { input: { status: "ACTIVE" }, identifier: { id: product.id }, synchronous: true });
    expect(emulator.controls.storefrontProducts(shop).map((p) => p.id)).toEqual([product.id]);
  });

  it("behaviour:selling-plan-online-only: a subscription-only product is refused on Point of Sale, accepted on the Online Store", async () => {
    const { gql } = await world();
    const product = (await gql(PRODUCT_SET, { input: buildProductSetInput({ requiresSellingPlan: true }), synchronous: true })).data.productSet.product;
    const publications = (await gql(`query { publications(first: 5) { nodes { id catalog { title } } } }`)).data.publications.nodes;
    const publish = (title: string) => gql(`mutation($id: ID!, $p: ID!) { publishablePublish(id: $id, input: [{ publicationId: $p }]) { userErrors { field message } } }`,
      { id: product.id, p: publications.find((p: Any) => p.catalog.title === title).id });
    expect((await publish("Point of Sale")).data.publishablePublish.userErrors[0].field).toEqual(["input", "0", "publicationId"]);
    expect((await publish("Online Store")).data.publishablePublish.userErrors).toEqual([]);
  });

  it("every behaviour rule in the table has a test above", () => {
    expect(schemaRules().filter((r) => r.kind === "behaviour").map((r) => r.id).sort()).toEqual(["behaviour:selling-plan-online-only", "behaviour:visible-only-when-active"]);
  });
});
