import { describe, expect, it } from "vitest";
import { quoteRates } from "./quote-rates";
import { buildContext, buildItem, buildRateRequest } from "./test-builders";

// An EU cart with three HS codes (a blouse 6206.10, a T-shirt 6109.10, two bags 4202.92) to France, DDP from China.
// Rules: €3 per distinct HS6 line (Council, from 2026-07-01), France €2 per line (from 2026-03-01), EU €2 per line
// expected from 2026-11-01 — supply-and-logistics.md B.3, platform-and-peers-2026.md §2.3.
const cart = buildRateRequest({
  destination: { country: "FR", province: null, postal_code: "75001", city: "Paris" },
  currency: "EUR",
  items: [
    buildItem({ sku: "BLOUSE", priceMinor: 40_00, grams: 200, supplier: { hsCode: "6206100000", originCountry: "CN", weightGrams: 200 } }),
    buildItem({ sku: "TEE", priceMinor: 20_00, grams: 150, supplier: { hsCode: "610910", originCountry: "CN", weightGrams: 150 } }),
    buildItem({ sku: "BAG", quantity: 2, priceMinor: 20_00, grams: 300, supplier: { hsCode: "420292", originCountry: "CN", weightGrams: 300 } }),
  ],
});

describe("EU line awareness in a quote", () => {
  const result = quoteRates(cart, buildContext());
  const direct = result.quotes.find((q) => q.serviceCode === "SR-CN-DIRECT")!;
  const parcel = direct.parcels[0]!;

  it("counts three distinct HS6 lines and shows each line's duty and fees", () => {
    expect(parcel.duties.distinctHsLines).toBe(3);
    const lines = parcel.duties.hsLines.map((l) => [l.hs6, l.duty.amount, l.fees.amount]).sort();
    expect(lines).toEqual([["420292", 3_00, 4_00], ["610910", 3_00, 4_00], ["620610", 3_00, 4_00]]);
    expect(parcel.duties.feeCharges.map((f) => f.id)).toEqual(["fr-line-fee", "eu-line-fee-expected"]);
  });

  it("charges duty, fees and VAT in a DDP price, and the parts add up to the total", () => {
    const shipping = [parcel.base, parcel.fuel, parcel.remote, parcel.sensitive, parcel.handlingFee, parcel.markup, parcel.freeShipping].reduce((a, m) => a + m.amount, 0);
    expect(parcel.duties).toMatchObject({ duty: { amount: 9_00 }, fees: { amount: 12_00 }, tax: { amount: 21_80 }, included: true, taxIncluded: true });
    expect(direct.total.amount).toBe(shipping + 9_00 + 12_00 + 21_80);
  });

  it("tells the buyer how many customs lines the duty covers", () => {
    expect(direct.description).toMatch(/Duties & taxes prepaid, included \(est\. 42\.80 EUR for 3 customs lines\)/);
  });

  it("still tells the buyer the customs lines when the plan quotes the service as DDU", () => {
    const ddu = quoteRates(cart, buildContext({ merchantRules: { ddpAllowed: false } })).quotes.find((q) => q.serviceCode === "SR-CN-DIRECT")!;
    expect(ddu.incoterm).toBe("DDU");
    // The VAT goes through IOSS at checkout; the €3-per-line duty is a customs debt the buyer pays on delivery (ADR 0100).
    expect(ddu.description).toMatch(/VAT\/GST charged at checkout \(est\. 21\.80 EUR\); customs duty & fees due on delivery \(est\. 21\.00 EUR for 3 customs lines\)/);
  });
});

describe("duties already in the product prices (landed-cost pricing)", () => {
  const result = quoteRates(cart, buildContext({ merchantRules: { dutiesInProductPrices: true } }));
  const direct = result.quotes.find((q) => q.serviceCode === "SR-CN-DIRECT")!;
  const parcel = direct.parcels[0]!;

  it("prepays duty and fees without charging them again in the DDP rate", () => {
    const shipping = [parcel.base, parcel.fuel, parcel.remote, parcel.sensitive, parcel.handlingFee, parcel.markup, parcel.freeShipping].reduce((a, m) => a + m.amount, 0);
    expect(parcel.duties).toMatchObject({ inProductPrices: true, included: false, duty: { amount: 9_00 }, fees: { amount: 12_00 } });
    expect(direct.total.amount).toBe(shipping + 21_80); // VAT only
    expect(direct.description).toMatch(/Duties prepaid, included in the product prices; VAT\/GST included \(est\. 21\.80 EUR\)/);
  });
});

// DDU wording (ADR 0100): the EU €3 per customs line is a customs debt paid at import, not through IOSS (Commission
// guidance of 2026-06-02, platform-and-peers-2026.md §2.3), so a DDU parcel's buyer is told VAT is charged at
// checkout and duty and fees are due on delivery — never "nothing to pay on delivery".
describe("the EU duty line on a DDU (postal) rate", () => {
  const result = quoteRates(cart, buildContext());
  const economy = result.quotes.find((q) => q.serviceCode === "SR-POST-ECONOMY")!;
  const parcel = economy.parcels[0]!;

  it("charges neither duty nor fees in the rate", () => {
    expect(economy.incoterm).toBe("DDU");
    expect(parcel.duties).toMatchObject({ included: false, collectedAt: "checkout", duty: { amount: 9_00 }, fees: { amount: 12_00 }, tax: { amount: 21_80 } });
  });

  it("says VAT is charged at checkout and duty and fees per customs line are due on delivery", () => {
    expect(economy.description).toContain(
      "VAT/GST charged at checkout (est. 21.80 EUR); customs duty & fees due on delivery (est. 21.00 EUR for 3 customs lines), plus any carrier collection fee");
    expect(economy.description).not.toMatch(/nothing to pay on delivery/);
  });

  it("words a one-line cart without a line count", () => {
    const single = buildRateRequest({ ...cart, items: [cart.items[0]!] });
    const text = quoteRates(single, buildContext()).quotes.find((q) => q.serviceCode === "SR-POST-ECONOMY")!.description;
    expect(text).toMatch(/customs duty & fees due on delivery \(est\. 7\.00 EUR\), plus any carrier collection fee/);
  });
});
