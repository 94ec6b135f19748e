import { describe, expect, it } from "vitest";
import { diffRateCards } from "./card-diff";
import { RateCardError } from "./compile";
import { bands, zone } from "./defaults/card-helpers";
import { quoteRates } from "./quote-rates";
import { buildCard, buildContext, buildEngine, buildItem, buildRateRequest } from "./test-builders";

// Two versions of one service: the 2026 table until 2027-01-01, the 2027 table from then (UTC midnight).
const v2026 = buildCard({ effectiveUntil: "2027-01-01", zones: [zone("US", ["US"], [5, 8], bands([0, 2000, 3_00, 9_00]))] });
const v2027 = buildCard({ effectiveFrom: "2027-01-01", zones: [zone("US", ["US"], [5, 8], bands([0, 2000, 3_50, 9_00]))] });
const engine = buildEngine({ cards: [v2026, v2027] });

const totalAt = (iso: string) => {
  const result = quoteRates(buildRateRequest({ items: [buildItem({ grams: 1000 })] }), buildContext({ engine, now: new Date(iso) }));
  return result.quotes.map((q) => [q.serviceCode, q.total.amount]);
};

describe("effective-dated card versions", () => {
  it("quotes the version in force on the order date, switching at the boundary instant", () => {
    expect(totalAt("2026-12-31T23:59:59Z")).toEqual([["TEST-CARD", 3_00 + 9_00]]);
    expect(totalAt("2027-01-01T00:00:00Z")).toEqual([["TEST-CARD", 3_50 + 9_00]]);
  });

  it("offers no quote for a service on a date none of its versions covers", () => {
    const future = buildEngine({ cards: [v2027] });
    const result = quoteRates(buildRateRequest(), buildContext({ engine: future, now: new Date("2026-06-01") }));
    expect(result.quotes).toEqual([]);
  });

  it("rejects two versions of one service whose periods overlap", () => {
    const overlapping = buildCard({ effectiveFrom: "2026-12-01" });
    expect(() => buildEngine({ cards: [v2026, overlapping] })).toThrow(RateCardError);
    expect(() => buildEngine({ cards: [v2026, overlapping] })).toThrow(/overlaps/);
  });

  it("lists the settings, zones and bands a new version changes", () => {
    const next = buildCard({
      effectiveFrom: "2027-01-01",
      zones: [
        zone("US", ["US"], [5, 9], bands([0, 2000, 3_50, 9_00], [2000, 5000, 4_00, 8_50])),
        zone("CA", ["CA"], [8, 12], bands([0, 2000, 5_00, 10_00])),
      ],
    });
    const before = buildCard({ zones: [zone("US", ["US"], [5, 8], bands([0, 2000, 3_00, 9_00])), zone("MX", ["MX"], [9, 14], bands([0, 2000, 6_00, 12_00]))] });
    expect(diffRateCards(before, next)).toEqual([
      { kind: "changed", what: { key: "messages:cardDiff.setting", values: { setting: "effective_from" } }, before: "—", after: "2027-01-01" },
      { kind: "changed", what: { key: "messages:cardDiff.transit", values: { zone: "US" } }, before: "transit 5–8 d", after: "transit 5–9 d" },
      { kind: "changed", what: { key: "messages:cardDiff.band", values: { zone: "US", from: 0, to: 2000 } }, before: "3 USD + 9 USD/kg", after: "3.5 USD + 9 USD/kg" },
      { kind: "added", what: { key: "messages:cardDiff.band", values: { zone: "US", from: 2000, to: 5000 } }, before: null, after: "4 USD + 8.5 USD/kg" },
      { kind: "removed", what: { key: "messages:cardDiff.zone", values: { zone: "MX" } }, before: "MX", after: null },
      { kind: "added", what: { key: "messages:cardDiff.zone", values: { zone: "CA" } }, before: null, after: "CA" },
    ]);
  });

  it("finds nothing to review when a version is re-uploaded unchanged", () => {
    expect(diffRateCards(v2026, v2026)).toEqual([]);
  });
});
