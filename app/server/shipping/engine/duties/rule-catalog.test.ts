import { describe, expect, it } from "vitest";
import { expiringRules, ruleCatalog } from "./rule-catalog";

describe("duty and fee rule catalog", () => {
  it("lists every rule in force on a date with its source and estimate flag", () => {
    const inForce = ruleCatalog(new Date("2026-11-22T12:00:00Z")).filter((r) => r.status === "in-force");
    expect(inForce.map((r) => r.id)).toEqual(expect.arrayContaining(["us-no-de-minimis", "eu-ioss-vat-flat-duty", "gb-vat-135", "ca-cusma-courier", "ca-c20", "fr-line-fee", "eu-line-fee-expected", "default"]));
    expect(inForce.map((r) => r.id)).not.toContain("us-no-de-minimis-s122");
    for (const r of inForce) expect(r.source).not.toBe("");
    expect(inForce.find((r) => r.id === "eu-line-fee-expected")).toMatchObject({ kind: "fee", estimate: true });
    expect(inForce.find((r) => r.id === "ca-cusma-courier")?.lane).toEqual([
      { key: "rules:lane.shipsFrom", values: { countries: "US, MX" } }, { key: "rules:lane.mode.courier" },
    ]);
  });

  it("describes where and on which lane a rule applies as catalog messages, not English", () => {
    const rules = ruleCatalog(new Date("2026-11-22T12:00:00Z"));
    expect(rules.find((r) => r.id === "default")).toMatchObject({ countries: { key: "rules:countries.everyOther" }, lane: [{ key: "rules:lane.any" }], hasNote: true });
    expect(rules.find((r) => r.id === "eu-ioss-vat-flat-duty")).toMatchObject({ countries: { key: "rules:countries.many", values: { count: 27, first: "AT, BE, BG" } } });
    expect(rules.find((r) => r.id === "gb-vat-135")).toMatchObject({ countries: { key: "rules:countries.list", values: { countries: "GB" } }, lane: [{ key: "rules:lane.registration.ukVat" }], hasNote: false });
  });

  it("warns 14 days before a rule ends, not 15", () => {
    // Section 122 ended 2026-07-24 (exclusive): on 2026-07-10 it has 14 days left, on 2026-07-09 15.
    expect(expiringRules(new Date("2026-07-10T00:00:00Z")).map((r) => [r.id, r.daysLeft])).toEqual([["us-no-de-minimis-s122", 14]]);
    expect(expiringRules(new Date("2026-07-09T00:00:00Z"))).toEqual([]);
  });

  it("stops warning once the rule has ended", () => {
    expect(expiringRules(new Date("2026-07-24T00:00:00Z")).map((r) => r.id)).not.toContain("us-no-de-minimis-s122");
  });
});
