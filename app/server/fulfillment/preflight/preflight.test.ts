import { describe, expect, it } from "vitest";
import { money } from "../../money";
import { checkAddress, toLatin } from "./address-check";
import { translator } from "../../../i18n/translate.server";
import { checkGuardrails } from "./guardrails";
import type { FxTable } from "../../fx/fx-table";
import { carrierFor, shopifyEventFor, validateTrackingNumber } from "../tracking/carriers";

const address = (o: Record<string, string | null> = {}) => ({ firstName: "Ada", lastName: "Lovelace", address1: "1 High St", city: "London", zip: "SW1A 1AA", countryCode: "GB", phone: "+441234567890", ...o });
const settings = { maxSupplierCostMinor: null, maxSupplierCostCurrency: "CNY", marginFloorBps: null };
// 1 EUR = 1.05 USD = 7.35 CNY, so 7 CNY = 1 USD.
const fx: FxTable = { base: "EUR", source: "test", effectiveDate: "2026-11-20", rates: { USD: 1.05, CNY: 7.35 } };

describe("address pre-flight", () => {
  it("accepts a complete UK address", () => expect(checkAddress(address(), { latinOnly: true }).ok).toBe(true));
  it("names the missing fields", () => {
    const r = checkAddress(address({ city: "", address1: null }), { latinOnly: true });
    expect(r).toMatchObject({ ok: false, problem: { reason: "INCORRECT_ADDRESS" } });
    expect(!r.ok && r.problem.message).toEqual({ key: "notes:reject.addressMissing", values: { addressFields: "address1,city" } });
    expect(!r.ok && translator("en")(r.problem.message)).toMatch(/missing the street address, city\./);
    expect(!r.ok && translator("zh-CN")(r.problem.message)).toMatch(/缺少街道地址、城市。/);
  });
  it("leaves the buyer's email out of the ship-to a supplier gets (no supplier needs it)", () => {
    const checked = checkAddress({ ...address(), email: "ada@example.com" }, { latinOnly: true });
    expect(checked.ok && checked.address).toEqual({ name: "Ada Lovelace", address1: "1 High St", city: "London", zip: "SW1A 1AA", countryCode: "GB", phone: "+441234567890" });
  });
  it("checks US ZIP codes", () => expect(checkAddress(address({ countryCode: "US", zip: "1234" }), { latinOnly: true })).toMatchObject({ ok: false }));
  it("allows Chinese script for deliveries inside China", () => expect(checkAddress(address({ countryCode: "CN", city: "深圳", zip: "518000" }), { latinOnly: true }).ok).toBe(true));
  it("spells out ligatures and drops accents", () => expect(toLatin("Straße Łódź Ærø")).toBe("Strasse Lodz AEro"));
});

describe("money guardrails", () => {
  it("passes when no limits are set", () => expect(checkGuardrails({ cost: money(5000, "CNY"), revenue: money(2000, "USD"), settings, fx })).toBeNull());
  it("blocks a cost above the maximum", () => expect(checkGuardrails({ cost: money(5000, "CNY"), revenue: money(2000, "USD"), settings: { ...settings, maxSupplierCostMinor: 4000 }, fx })).toMatchObject({ code: "MAX_COST_EXCEEDED" }));
  it("blocks a margin below the floor, converting CNY with the FX service's reference rates", () => {
    // 70 CNY = 10 USD against 12 USD of sales: 16.6 % margin, below 20 %.
    expect(checkGuardrails({ cost: money(7000, "CNY"), revenue: money(1200, "USD"), settings: { ...settings, marginFloorBps: 2000 }, fx })).toMatchObject({ code: "MARGIN_BELOW_FLOOR" });
    expect(checkGuardrails({ cost: money(7000, "CNY"), revenue: money(1300, "USD"), settings: { ...settings, marginFloorBps: 2000 }, fx })).toBeNull();
  });
  it("converts a USD supplier cost into a CNY cap through the reference rates, not a fixed 7.1", () => {
    // 10 USD = 70 CNY at these rates: under a 75 CNY cap (a fixed 7.1 would also pass), over a 69 CNY cap.
    expect(checkGuardrails({ cost: money(1000, "USD"), revenue: money(5000, "USD"), settings: { ...settings, maxSupplierCostMinor: 7500 }, fx })).toBeNull();
    expect(checkGuardrails({ cost: money(1000, "USD"), revenue: money(5000, "USD"), settings: { ...settings, maxSupplierCostMinor: 6900 }, fx })).toMatchObject({ code: "MAX_COST_EXCEEDED" });
  });
  it("uses the merchant's manual rate for the pair when one is set", () => {
    const withOverride = { ...fx, overrides: { "CNY>USD": 0.1 } }; // 70 CNY = 7 USD: 41.6 % margin on 12 USD
    expect(checkGuardrails({ cost: money(7000, "CNY"), revenue: money(1200, "USD"), settings: { ...settings, marginFloorBps: 2000 }, fx: withOverride })).toBeNull();
  });
  it("holds the order with a reason instead of guessing when a rate is missing", () => {
    expect(checkGuardrails({ cost: money(7000, "CNY"), revenue: money(1200, "XYZ"), settings: { ...settings, marginFloorBps: 2000 }, fx })).toMatchObject({ code: "FX_RATE_MISSING" });
  });
});

describe("tracking hand-off", () => {
  it("uses Shopify's exact carrier names and a link for unknown carriers", () => {
    expect(carrierFor("China Post ePacket", "china-post", "LX473124829CN")).toEqual({ company: "China Post" });
    expect(carrierFor("YunExpress", undefined, "YT1234567890123456")).toEqual({ company: "YunExpress" });
    expect(carrierFor("Sandbox Local Courier", "sandbox-local", "SBL1").url).toMatch(/17track/);
  });
  it("validates S10 check digits", () => {
    expect(validateTrackingNumber("RR473124829CN")).toEqual({ ok: true, number: "RR473124829CN" });
    // A wrong S10 check digit is passed on with a warning (carriers do issue such numbers), not dropped.
    expect(validateTrackingNumber("RR473124828CN")).toMatchObject({ ok: true, number: "RR473124828CN", warning: "s10CheckDigit" });
    expect(validateTrackingNumber("x")).toEqual({ ok: false, reason: "shape" });
  });
  it("posts customs as IN_TRANSIT messages and returns as FAILURE", () => {
    expect(shopifyEventFor("customs_clearance", "Held for inspection")).toEqual({ status: "IN_TRANSIT", message: "Customs: Held for inspection" });
    expect(shopifyEventFor("returning", "Refused by addressee")).toEqual({ status: "FAILURE", message: "Returning to sender: Refused by addressee" });
  });
});
