import { describe, expect, it } from "vitest";
import { GidError, isGid, legacyId, parseGid, toGid } from "./gid";

describe("gid", () => {
  it("turns a numeric id into a GID and back", () => {
    const gid = toGid("ProductVariant", 42);
    expect(gid).toBe("gid://shopify/ProductVariant/42");
    expect(legacyId(gid)).toBe("42");
    expect(parseGid(gid)).toEqual({ resource: "ProductVariant", id: "42" });
  });

  it("accepts a GID of the right resource unchanged", () => {
    expect(toGid("Order", "gid://shopify/Order/7")).toBe("gid://shopify/Order/7");
  });

  it("refuses a GID of another resource", () => {
    expect(() => toGid("Order", "gid://shopify/Product/7")).toThrow(GidError);
  });

  it("refuses ids that are neither numeric nor GIDs", () => {
    expect(() => toGid("Order", "7; drop table")).toThrow(/not a numeric Order id/);
  });

  it("recognises GIDs, optionally of one resource", () => {
    expect(isGid("gid://shopify/Location/1", "Location")).toBe(true);
    expect(isGid("gid://shopify/Location/1", "Order")).toBe(false);
    expect(isGid(12)).toBe(false);
  });
});
