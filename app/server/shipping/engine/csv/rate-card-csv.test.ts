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

  it("parses every example in rate-card-csv.md", () => {
    const doc = readFileSync(new URL("../rate-card-csv.md", import.meta.url), "utf8");
    const examples = [...doc.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => parseRateCardCsv(m[1]!));
    expect(examples.map((e) => (e.ok ? e.card.code : e.errors.map(describeCsvError)))).toEqual(["SR-CN-DIRECT", "HKP-AIR-LARGE-LETTER", "EPC-AR"]);
  });

  it("parses the documented example with exact per-kg rates", () => {
    const parsed = parseRateCardCsv(buildCsv({ replace: { 14: "band,US,0,2000,6.39,71.514" } }));
    expect(parsed.ok && parsed.card.zones[0]!.price).toMatchObject({ bands: [{ itemFeeMinor: 639, perKgMinor: 7151.4 }, {}] });
  });

  it("keeps a three-decimal item fee as exact fractional fen", () => {
    const parsed = parseRateCardCsv(buildCsv({ replace: { 14: "band,US,0,2000,6.395,71.514" } }));
    expect(parsed.ok && parsed.card.zones[0]!.price).toMatchObject({ bands: [{ itemFeeMinor: 639.5, perKgMinor: 7151.4 }, {}] });
  });

  it("reads the new settings with honest defaults: (a, b] bounds, no smoothing, courier, no dates", () => {
    const parsed = parseRateCardCsv(buildCsv());
    expect(parsed).toMatchObject({ ok: true, card: { bandBoundary: "upper", smoothing: false, transport: "courier", effectiveFrom: null, effectiveUntil: null } });
  });

  it("round-trips a mixed zone, three-decimal fees and an effective period", () => {
    const text = buildCsv({
      replace: { 14: "band,US,0,30,8.205,0", 15: "increment,US,30,20000,13.6,10,2.1" },
      append: ["card,band_boundary,lower", "card,smoothing,yes", "card,transport,postal", "card,effective_from,2027-01-01", "card,effective_until,2027-07-01T00:00:00+08:00"],
    });
    const parsed = parseRateCardCsv(text);
    if (!parsed.ok) throw new Error(parsed.errors.map(describeCsvError).join("; "));
    expect(parsed.card).toMatchObject({ bandBoundary: "lower", smoothing: true, transport: "postal", effectiveFrom: "2027-01-01", effectiveUntil: "2027-07-01T00:00:00+08:00" });
    expect(parsed.card.zones[0]!.price).toEqual({ kind: "weight-bands", bands: [
      { fromGrams: 0, toGrams: 30, itemFeeMinor: 820.5, perKgMinor: 0 },
      { fromGrams: 30, toGrams: 20000, itemFeeMinor: 13_60, perKgMinor: 0, increment: { grams: 10, minor: 2_10 } },
    ] });
    expect(parseRateCardCsv(serializeRateCardCsv(parsed.card))).toEqual({ ok: true, card: parsed.card });
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
    ["a negative price", { replace: { 14: "band,US,0,2000,-22.00,95" } }, 'line 14: item fee "-22.00" is not an amount with at most 3 decimals'],
    ["an amount more precise than three decimals", { replace: { 14: "band,US,0,2000,22.0055,95" } }, 'line 14: item fee "22.0055" is not an amount with at most 3 decimals'],
    ["an unknown record type", { append: ["surcharge,fuel,12"] }, 'line 17: unknown record type "surcharge" (use card, zone, transit, band, increment, first, remote, restrict, remote_surcharge)'],
    ["an unknown band boundary", { append: ["card,band_boundary,both"] }, 'line 17: band_boundary "both" must be upper ((a, b]) or lower ([a, b))'],
    ["an effective date that is not a date", { append: ["card,effective_from,next monday"] }, 'line 17: effective_from "next monday" is not a date (YYYY-MM-DD) or ISO instant'],
    ["a version that ends before it starts", { append: ["card,effective_from,2027-01-01", "card,effective_until,2026-12-31"] }, "line 18: effective_until 2026-12-31 is not after effective_from 2027-01-01"],
    ["an increment with no step", { replace: { 15: "increment,US,2000,20000,28.00,0,1.50" } }, "line 15: increment needs a positive whole step in grams and a non-negative price"],
    ["a one-gram band that a shared bound leaves empty", { replace: { 15: "band,US,2000,2000,28.00,90" }, append: ["band,US,2000,20000,28.00,90"] }, "line 15: weight band 2000–2000 g prices no weight under the (a, b] convention"],
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
