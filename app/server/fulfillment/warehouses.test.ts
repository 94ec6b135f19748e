import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorld, type World } from "./test-world";

// docs/adr/0710-public-routes.md: tracking is pushed with fulfillmentCreate/fulfillmentTrackingInfoUpdate, so Shopify
// is never asked to poll a fetch_tracking_numbers callback (an unauthenticated GET that listed any shop's tracking).
let world: World;
beforeAll(async () => { world = await startWorld(); });
afterAll(async () => { await world.close(); });

describe("warehouse fulfillment services", () => {
  it("are registered without tracking support, so Shopify never polls for tracking numbers", async () => {
    const answer = await world.emulator.graphql(world.shop, `query($id: ID!) { fulfillmentService(id: $id) { serviceName trackingSupport } }`, { id: world.warehouse.serviceGid }) as {
      data: { fulfillmentService: { serviceName: string; trackingSupport: boolean } };
    };
    expect(answer.data.fulfillmentService).toEqual({ serviceName: "Silkroute Shenzhen", trackingSupport: false });
  });

  it("have no fetch_tracking_numbers route that could answer an unsigned request", () => {
    const routes = path.resolve(__dirname, "../../routes");
    expect(existsSync(path.join(routes, "fulfillment-service.fetch_tracking_numbers.tsx"))).toBe(false);
    expect(existsSync(path.join(routes, "fulfillment-service.fulfillment_order_notification.tsx"))).toBe(true);
  });
});
