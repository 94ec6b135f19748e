import { describe, expect, it } from "vitest";
import { withWarehouseAliases } from "./warehouse-aliases";

describe("warehouse location aliases", () => {
  it("stocks CJ's China warehouse (CN) at Silkroute Shenzhen's location", () => {
    const locations = withWarehouseAliases(new Map([["CN-SZ", "gid://shopify/Location/1"], ["CN-GZ", "gid://shopify/Location/2"]]));
    expect(locations.get("CN")).toBe("gid://shopify/Location/1");
    expect(locations.get("CN-GZ")).toBe("gid://shopify/Location/2");
  });

  it("leaves a country without a Silkroute location unstocked rather than guessing", () => {
    expect(withWarehouseAliases(new Map([["CN-SZ", "gid://shopify/Location/1"]])).has("US")).toBe(false);
    expect(withWarehouseAliases(new Map()).has("CN")).toBe(false);
  });
});
