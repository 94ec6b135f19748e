import { describe, expect, it } from "vitest";
import { convert, formatMoney, money, MoneyError, multiply, parseDecimal, toCarrierServiceSubunits, toDecimalString } from "./money";

describe("money", () => {
  it.each([
    ["19.99", "USD", 1999],
    ["19.995", "USD", 2000],
    ["0.004", "EUR", 0],
    ["1000", "JPY", 1000],
    ["1000.5", "JPY", 1001],
    ["1.2345", "KWD", 1235],
    ["-3.10", "GBP", -310],
  ])("parses %s %s into %i minor units, rounding half away from zero once", (text, currency, minor) => {
    expect(parseDecimal(text, currency).amount).toBe(minor);
  });

  it("rejects amounts that are not decimal numbers", () => {
    expect(() => parseDecimal("12,50", "EUR")).toThrow(MoneyError);
    expect(() => parseDecimal("abc", "EUR")).toThrow(/not a decimal amount/);
  });

  it("refuses fractional minor units so floats never sneak into stored money", () => {
    expect(() => money(10.5, "USD")).toThrow(/integer/);
  });

  it.each([
    [money(1999, "USD"), "19.99"],
    [money(5, "USD"), "0.05"],
    [money(-5, "USD"), "-0.05"],
    [money(1000, "JPY"), "1000"],
    [money(1235, "KWD"), "1.235"],
  ])("formats %o for APIs as %s", (m, text) => {
    expect(toDecimalString(m)).toBe(text);
  });

  it("converts CNY to JPY across different minor-unit exponents", () => {
    // 100.00 CNY at 1 CNY = 21.0345 JPY → 2103.45 → 2103 JPY (no minor unit)
    expect(convert(money(10000, "CNY"), "JPY", 21.0345)).toEqual(money(2103, "JPY"));
    expect(convert(money(10000, "CNY"), "USD", 0.1385)).toEqual(money(1385, "USD"));
  });

  it("multiplies and rounds once", () => {
    expect(multiply(money(333, "USD"), 1.5)).toEqual(money(500, "USD"));
  });

  it("reports carrier-service prices in subunits, x100 even for zero-decimal currencies", () => {
    expect(toCarrierServiceSubunits(money(1295, "USD"))).toBe(1295);
    expect(toCarrierServiceSubunits(money(1000, "JPY"))).toBe(100000);
  });

  it("formats for people with the currency symbol", () => {
    expect(formatMoney(money(123456, "USD"))).toBe("$1,234.56");
    expect(formatMoney(money(1000, "JPY"))).toBe("¥1,000");
  });
});
