import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_CARDS } from "../defaults/default-context";
import { parseRateCardCsv } from "./parse-rate-card-csv";
import { describeCsvError } from "./parse-values";
import { serializeRateCardCsv } from "./serialize-rate-card-csv";

/** A valid card; `replace` swaps whole lines (1-based) and `append` adds rows, to aim errors at known lines. */
function buildCsv(o: { replace?: Record<number, string>; append?: string[]; drop?: number[] } = {}): string {
  const lines = [
    "# test card", //                                 1
    "card,code,TEST-LINE", //                         2
    "card,name,Test Line", //                         3
    "card,currency,CNY", //                           4
    "card,incoterm,DDP", //                           5
    "card,origins,CN", //                             6
    "card,volumetric_divisor,8000", //                7
    "card,step_g,10", //                              8
    "card,max_g,20000", //                            9
    "card,handling_days,1", //                       10
    "card,cutoff,15:00", //                          11
    "zone,US,US", //                                 12
    "transit,US,China → US,6,12", //                 13
    "band,US,0,2000,22.00,95", //                    14
    "band,US,2001,20000,28.00,90", //                15
    "restrict,liquid,*,forbid", //                   16
  ];
  const out = lines.map((line, i) => o.replace?.[i + 1] ?? line).filter((_, i) => !o.drop?.includes(i + 1));
  return [...out, ...(o.append ?? [])].join("\n");
}

function errorsOf(text: string): string[] {
  const result = parseRateCardCsv(text);
  if (result.ok) throw new Error("expected the card to be rejected");
  expect(result).not.toHaveProperty("card");
  return result.errors.map(describeCsvError);
}

describe("rate card CSV", () => {
  it.each(SAMPLE_CARDS.map((c) => [c.code, c] as const))("round-trips the %s sample card", (_code, card) => {
    const parsed = parseRateCardCsv(serializeRateCardCsv(card));
    expect(parsed).toEqual({ ok: true, card });
  });

  it("parses the example in rate-card-csv.md", () => {
    const doc = readFileSync(new URL("../rate-card-csv.md", import.meta.url), "utf8");
    const example = /```csv\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(parseRateCardCsv(example)).toMatchObject({ ok: true, card: { code: "SR-CN-DIRECT", currency: "CNY" } });
  });

  it("parses the documented example with exact per-kg rates", () => {
    const parsed = parseRateCardCsv(buildCsv({ replace: { 14: "band,US,0,2000,6.39,71.514" } }));
    expect(parsed.ok && parsed.card.zones[0]!.price).toMatchObject({ bands: [{ itemFeeMinor: 639, perKgMinor: 7151.4 }, {}] });
  });

  it("accepts quoted fields, CRLF line endings and a BOM", () => {
    const text = "\uFEFF" + buildCsv({ replace: { 3: 'card,name,"Line, ""fast"""' } }).replace(/\n/g, "\r\n");
    const parsed = parseRateCardCsv(text);
    expect(parsed.ok && parsed.card.name).toBe('Line, "fast"');
  });

  it.each([
    ["a reversed weight band", { replace: { 15: "band,US,2000,1000,28.00,90" } }, "line 15: weight band 2000–1000 g is reversed"],
    ["overlapping weight bands", { replace: { 15: "band,US,1500,20000,28.00,90" } }, "line 15: weight band 1500–20000 g overlaps 0–2000 g"],
    ["a gap between weight bands", { replace: { 15: "band,US,2500,20000,28.00,90" } }, "line 15: gap between weight bands: nothing prices 2001–2499 g"],
    ["a band for an undeclared zone", { replace: { 15: "band,EU,2001,20000,28.00,90" } }, 'line 15: unknown zone "EU" (declare it with a zone row)'],
    ["a non-numeric weight", { replace: { 14: "band,US,0,2kg,22.00,95" } }, 'line 14: to grams "2kg" is not a whole number ≥ 0'],
    ["a negative price", { replace: { 14: "band,US,0,2000,-22.00,95" } }, 'line 14: item fee "-22.00" is not an amount with at most 2 decimals'],
    ["an amount more precise than the currency", { replace: { 14: "band,US,0,2000,22.005,95" } }, 'line 14: item fee "22.005" is not an amount with at most 2 decimals'],
    ["an unknown record type", { append: ["surcharge,fuel,12"] }, 'line 17: unknown record type "surcharge" (use card, zone, transit, band, first, remote, restrict, remote_surcharge)'],
    ["a row with the wrong column count", { replace: { 13: "transit,US,6,12" } }, "line 13: transit row needs 5 columns, found 4"],
    ["a missing required setting", { drop: [4] }, 'line 2: missing required setting "card,currency,…"'],
    ["a repeated setting", { append: ["card,step_g,20"] }, 'line 17: card setting "step_g" is repeated (first on line 8)'],
    ["an invalid cut-off time", { replace: { 11: "card,cutoff,25:00" } }, 'line 11: cut-off "25:00" is not HH:mm'],
    ["reversed transit days", { replace: { 13: "transit,US,China → US,12,6" } }, "line 13: transit 12–6 days is reversed"],
    ["a country in two zones", { append: ["zone,US2,US CA", "transit,US2,x,1,2", "first,US2,500,10,500,2"] }, "line 17: country US is in zones US and US2"],
    ["two price models in one zone", { append: ["first,US,500,10,500,2"] }, "line 17: zone US already has a price; a zone uses one price model"],
    ["an unknown restriction flag", { replace: { 16: "restrict,perfume,*,forbid" } }, 'line 16: unknown restriction flag "perfume" (use battery, liquid, powder, magnet, cosmetic)'],
    ["a reversed postal range", { append: ["remote,US,99999,99500"] }, "line 17: postal range 99999–99500 is reversed"],
    ["a bad country code", { replace: { 12: "zone,US,USA" } }, 'line 12: "USA" is not an ISO-2 country code'],
    ["an unterminated quote", { replace: { 3: 'card,name,"Test' } }, "line 3: unterminated quoted field"],
    ["a zone without a price", { drop: [14, 15] }, "line 12: zone has no price (add weight bands or a first/additional row)"],
  ])("rejects %s with a line-numbered message", (_label, edit, message) => {
    expect(errorsOf(buildCsv(edit))).toContain(message);
  });

  it("reports every field error at once, in line order", () => {
    const errors = errorsOf(buildCsv({ replace: { 16: "restrict,liquid,*,ban", 13: "transit,US,x,a,1" } }));
    expect(errors.map((e) => e.split(":")[0])).toEqual(["line 13", "line 16"]);
  });

  it("checks band order only once every field parses, so one typo does not cascade", () => {
    const errors = errorsOf(buildCsv({ replace: { 8: "card,step_g,ten", 15: "band,US,2000,1000,28.00,90" } }));
    expect(errors).toEqual(['line 8: step_g "ten" is not a whole number ≥ 0']);
  });
});
