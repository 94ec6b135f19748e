import { describe, expect, it } from "vitest";
import { exclusion } from "./exclusion";

describe("exclusion", () => {
  it("carries the catalog message pages translate and the catalog's English sentence for logs", () => {
    const e = exclusion("SR-EXPRESS", "restricted-item", "messages:exclusion.restricted", { service: "Express", flag: "battery", country: "DE" }, "SKU-1");
    expect(e.text).toEqual({ key: "messages:exclusion.restricted", values: { service: "Express", flag: "battery", country: "DE" } });
    expect(e.detail).toBe("Express does not carry battery items to DE");
    expect(JSON.parse(JSON.stringify(e))).toEqual({ serviceCode: "SR-EXPRESS", reason: "restricted-item", detail: e.detail, text: e.text, sku: "SKU-1" });
  });

  it("has no sku when none was given, as whole-service exclusions", () => {
    const whole = exclusion("SR-EXPRESS", "hidden-by-merchant", "messages:exclusion.hidden");
    expect(whole.sku).toBeUndefined();
    expect(Object.keys(JSON.parse(JSON.stringify(whole)))).toEqual(["serviceCode", "reason", "detail", "text"]);
  });
});
