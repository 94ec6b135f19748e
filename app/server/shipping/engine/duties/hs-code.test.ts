import { describe, expect, it } from "vitest";
import { checkHsCode } from "./hs-code";

describe("HS code check for customs", () => {
  it.each([
    [null, "missing"],
    ["", "missing"],
    ["6109", "heading-only"],
    ["6109.10", "ok"],
    ["610910", "ok"],
    ["6109.10.0012", "ok"],
    ["61091", "invalid"],
    ["61A9", "invalid"],
    ["12345678901234", "invalid"],
  ] as const)("rates %s as %s", (code, level) => {
    const check = checkHsCode(code);
    expect(check.level).toBe(level);
    expect(check.message === null).toBe(level === "ok");
  });
});
