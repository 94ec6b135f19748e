import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET } from "./test-builders";

const SET_QUANTITIES = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } }
    userErrors { field message code }
  }
}`;

async function seeded() {
  const { emulator } = buildEmulator();
  const shop = buildShop(emulator);
  const res = (await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const itemId = res.data.productSet.product.variants.nodes[0].inventoryItem.id as string;
  const locationId = emulator.controls.shop(shop).locations[0]!.id as string;
  const set = (quantity: number, changeFromQuantity: number | null) => emulator.graphql(shop, SET_QUANTITIES, {
    input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: itemId, locationId, quantity, changeFromQuantity }] },
    key: `set-${quantity}-${changeFromQuantity}`,
  }) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return { emulator, shop, itemId, locationId, set };
}

describe("inventorySetQuantities compare-and-swap", () => {
  it("sets the quantity when changeFromQuantity matches the current value", async () => {
    const { set } = await seeded();
    const first = await set(40, 0);
    expect(first.data.inventorySetQuantities).toEqual({
      inventoryAdjustmentGroup: { reason: "correction", changes: [{ name: "available", delta: 40, quantityAfterChange: 40 }] }, userErrors: [],
    });
  });

  it("rejects a stale changeFromQuantity with CHANGE_FROM_QUANTITY_STALE and leaves stock untouched", async () => {
    const { set, emulator, shop } = await seeded();
    await set(40, 0);
    const stale = await set(10, 0);
    expect(stale.data.inventorySetQuantities.inventoryAdjustmentGroup).toBeNull();
    expect(stale.data.inventorySetQuantities.userErrors[0]).toMatchObject({ code: "CHANGE_FROM_QUANTITY_STALE", field: ["input", "quantities", "0", "changeFromQuantity"] });
    expect(Object.values(emulator.controls.products(shop)[0]!.variants[0].available)).toEqual([40]);
  });

  it("skips the check when changeFromQuantity is explicitly null", async () => {
    const { set } = await seeded();
    await set(40, 0);
    expect((await set(7, null)).data.inventorySetQuantities.userErrors).toEqual([]);
  });

  it("requires changeFromQuantity to be present, as 2026-04+ does", async () => {
    const { emulator, shop, itemId, locationId } = await seeded();
    const res = (await emulator.graphql(shop, SET_QUANTITIES, { key: "k", input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: itemId, locationId, quantity: 3 }] } })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(res.data.inventorySetQuantities).toBeNull();
    expect(res.errors[0]).toMatchObject({ message: "InventoryQuantityInput must include the following argument: changeFromQuantity.", extensions: { code: "INVALID_FIELD_ARGUMENTS" } });
  });
});
