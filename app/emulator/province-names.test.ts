import { describe, expect, it } from "vitest";
import { provinceName } from "./province-names";

describe("emulated mailing-address province names", () => {
  it("fills the province name from its code as Shopify does (NY → New York, ON → Ontario)", () => {
    expect(provinceName("US", "NY")).toBe("New York");
    expect(provinceName("CA", "on")).toBe("Ontario");
  });

  it("leaves an unknown or missing code without a name instead of inventing one", () => {
    expect(provinceName("DE", "BE")).toBeNull();
    expect(provinceName("US", null)).toBeNull();
  });
});
