import { describe, expect, it } from "vitest";
import { parseFallbackTitles } from "./titles";

describe("fallback rate titles", () => {
  it("splits on commas and new lines, trims, and drops blanks and case-insensitive repeats", () => {
    expect(parseFallbackTitles(" International flat rate ,\nEconomy\r\n\n, economy ,")).toEqual({ ok: true, titles: ["International flat rate", "Economy"] });
  });

  it("asks for at least one title when the field is blank or only separators", () => {
    expect(parseFallbackTitles(" , \n ")).toEqual({ ok: false, error: { key: "messages:fallback.noTitles" } });
  });

  it("accepts 20 titles and refuses 21", () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `Rate ${i}`).join("\n");
    expect(parseFallbackTitles(names(20)).ok).toBe(true);
    expect(parseFallbackTitles(names(21))).toEqual({ ok: false, error: { key: "messages:fallback.tooManyTitles", values: { max: 20, count: 21 } } });
  });

  it("refuses a title longer than 255 characters", () => {
    expect(parseFallbackTitles("x".repeat(255)).ok).toBe(true);
    expect(parseFallbackTitles(`Flat, ${"y".repeat(256)}`)).toEqual({ ok: false, error: { key: "messages:fallback.titleTooLong", values: { title: "y".repeat(40), max: 255 } } });
  });
});
