import { describe, expect, it } from "vitest";
import { buildEmulator, buildShop } from "./test-builders";

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions: { cost: Record<string, any> } }; // eslint-disable-line @typescript-eslint/no-explicit-any

const PRODUCTS_250 = `{ products(first: 250) { nodes { id title } } }`;

describe("query cost and throttling", () => {
  it("prices objects at 1, scalars at 0, connections at 2 + first x node cost and mutations at 10", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    const cost = async (q: string) => ((await emulator.graphql(shop, q)) as Body).extensions.cost.requestedQueryCost;
    expect(await cost("{ shop { name } }")).toBe(1);
    expect(await cost("{ shop { name plan { displayName } } }")).toBe(2);
    expect(await cost("{ products(first: 10) { edges { node { id title } } } }")).toBe(12);
    expect(await cost("{ products(first: 5) { nodes { id variants(first: 4) { nodes { id } } } } }")).toBe(2 + 5 * (1 + 2 + 4));
    expect(await cost(`mutation { inventorySetQuantities(input: {name: "available", reason: "correction", quantities: []}) { userErrors { message } } }`)).toBe(10);
  });

  it("refunds the difference when fewer nodes come back than were requested", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    const body = (await emulator.graphql(shop, PRODUCTS_250)) as Body;
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 252, actualQueryCost: 2 });
    expect(body.extensions.cost.throttleStatus).toEqual({ maximumAvailable: 4000, currentlyAvailable: 3998, restoreRate: 200 });
  });

  it("drains the bucket, throttles with Shopify's THROTTLED shape, then restores at the plan's rate", async () => {
    const { emulator, clock } = buildEmulator();
    const shop = buildShop(emulator, { plan: "basic" });
    const expensive = `{ products(first: 199) { nodes { id } } }`; // requested 201, actual 2
    const state = emulator.controls.shop(shop);
    state.bucket.tryTake(1950); // leave 50 points: less than one expensive request
    const throttled = (await emulator.graphql(shop, expensive)) as Body;
    expect(throttled).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: { cost: { requestedQueryCost: 201, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 50, restoreRate: 100 } } },
    });
    clock.advance(1000); // Basic restores 100 points per second
    const ok = (await emulator.graphql(shop, "{ shop { name } }")) as Body;
    expect(ok.extensions.cost.throttleStatus.currentlyAvailable).toBe(149);
    clock.advance(60_000);
    expect(((await emulator.graphql(shop, "{ shop { id } }")) as Body).extensions.cost.throttleStatus.currentlyAvailable).toBe(1999);
  });

  it("restores faster on Plus", async () => {
    const { emulator, clock } = buildEmulator();
    const shop = buildShop(emulator, { plan: "plus" });
    emulator.controls.shop(shop).bucket.tryTake(20_000);
    clock.advance(1000);
    const body = (await emulator.graphql(shop, "{ shop { name } }")) as Body;
    expect(body.extensions.cost.throttleStatus).toEqual({ maximumAvailable: 20000, currentlyAvailable: 999, restoreRate: 1000 });
  });

  it("refuses a single query above 1000 points with MAX_COST_EXCEEDED", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    const body = (await emulator.graphql(shop, `{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }`)) as Body;
    expect(body.errors![0]!.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
    expect(body.errors![0]!.message).toMatch(/^Query cost is \d+, which exceeds the single query max cost limit \(1000\)/);
    expect(body.extensions.cost.actualQueryCost).toBeNull();
  });
});
