import { describe, expect, it } from "vitest";
import { buildS10, isValidS10, s10CheckDigit } from "./tracking-number";

describe("UPU S10 tracking numbers", () => {
  it("computes the check digit of the published example serial 47312482 as 9", () => {
    expect(s10CheckDigit("47312482")).toBe(9);
  });

  it("maps a raw check of 10 to 0 and 11 to 5", () => {
    expect(s10CheckDigit("00060000")).toBe(0); // weighted sum 12 → 11 - 1 = 10 → 0
    expect(s10CheckDigit("00000000")).toBe(5); // weighted sum 0 → 11 → 5
  });

  it("builds LX12345678?CN and validates it", () => {
    const number = buildS10("LX", "12345678", "CN");
    expect(number).toMatch(/^LX12345678\dCN$/);
    expect(isValidS10(number)).toBe(true);
  });

  it("rejects a number whose check digit is wrong", () => {
    const number = buildS10("RA", "47312482", "CN");
    expect(isValidS10(number.replace("9CN", "8CN"))).toBe(false);
  });

  it("refuses reserved service indicators", () => {
    expect(() => buildS10("JX", "12345678", "CN")).toThrow();
  });
});
