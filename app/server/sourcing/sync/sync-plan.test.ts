import { describe, expect, it } from "vitest";
import { money } from "../../money";
import { DEFAULT_SYNC_POLICY, bufferedQuantity, clampInterval, effectivePolicy, parsePolicyOverride, type SyncPolicy } from "./sync-policy";
import { planProductStatus, planVariant, type PriceFacts, type VariantSyncState } from "./sync-plan";

const LOC = "gid://shopify/Location/1";
const state = (overrides: Partial<VariantSyncState> = {}): VariantSyncState => ({
  mappingId: "m1", productGid: "gid://shopify/Product/1", variantGid: "gid://shopify/ProductVariant/1", inventoryItemGid: "gid://shopify/InventoryItem/1",
  autoPrice: true, pushedPriceMinor: 1999, pushedCompareAtMinor: null, pushedStock: { [LOC]: 10 }, pushedInventoryPolicy: "DENY", priceLock: null, stockLock: null,
  ...overrides,
});
const price = (priceMinor: number, landedMinor = 500): PriceFacts => ({ price: money(priceMinor, "USD"), compareAt: null, landed: money(landedMinor, "USD") });
const ctx = (policy: Partial<SyncPolicy> = {}, autoPriceSync = true) => ({ policy: { ...DEFAULT_SYNC_POLICY, ...policy }, autoPriceSync, locations: new Map([["CN-SZ", LOC]]), currency: "USD" });
const ok = (qty: number, cost = 100) => ({ kind: "ok" as const, stock: { "CN-SZ": qty }, cost: money(cost, "CNY") });

describe("sync planning", () => {
  it("plans nothing when the supplier agrees with what the store holds", () => {
    expect(planVariant(state(), ok(10), price(1999), ctx()).changes).toEqual([]);
  });

  it("never turns an unreadable supplier into zero stock", () => {
    const plan = planVariant(state(), { kind: "unknown", error: "timeout" }, null, ctx());
    expect(plan.changes).toEqual([]);
    expect(plan.alerts.map((a) => a.kind)).toEqual(["supplier_error"]);
  });

  it("ignores warehouses the variant is not stocked at in the store", () => {
    const plan = planVariant(state(), { kind: "ok", stock: { "CN-SZ": 10, "US-LA": 99 }, cost: null }, null, ctx());
    expect(plan.changes).toEqual([]);
  });

  it("takes the larger of the unit and percentage buffers and never publishes below zero", () => {
    expect(bufferedQuantity(40, { bufferUnits: 3, bufferPercent: 25 })).toBe(30);
    expect(bufferedQuantity(40, { bufferUnits: 15, bufferPercent: 25 })).toBe(25);
    expect(bufferedQuantity(2, { bufferUnits: 5, bufferPercent: 0 })).toBe(0);
  });

  it("leaves locked fields alone but still reports the supplier's state", () => {
    const plan = planVariant(state({ stockLock: "manual", priceLock: "shopify_edit" }), ok(0, 900), price(2999), ctx());
    expect(plan.changes).toEqual([]);
    expect(plan.outOfStock).toBe(true);
  });

  it("keeps the price but alerts when the margin floor breaks, unless the merchant chose to raise", () => {
    const kept = planVariant(state({ autoPrice: false }), ok(10), price(1999, 1800), ctx({ marginFloorPercent: 20 }));
    expect(kept.changes).toEqual([]);
    expect(kept.alerts.map((a) => a.kind)).toEqual(["margin_breach"]);
    const raised = planVariant(state({ autoPrice: false }), ok(10), price(1999, 1800), ctx({ marginFloorPercent: 20, marginAction: "raise" }));
    expect(raised.changes).toMatchObject([{ field: "price", from: "19.99", to: "22.50", reason: "margin floor 20 %" }]);
  });

  it("holds a change above the approval threshold and lets a smaller one through", () => {
    expect(planVariant(state(), ok(10), price(2999), ctx({ approvalPercent: 30 })).changes).toMatchObject([{ field: "price", awaitingApproval: true }]);
    expect(planVariant(state(), ok(10), price(2199), ctx({ approvalPercent: 30 })).changes).toMatchObject([{ field: "price", to: "21.99", awaitingApproval: false }]);
  });

  it("does not touch prices when the shop's price sync is off", () => {
    expect(planVariant(state(), ok(10), price(2999), ctx({}, false)).changes).toEqual([]);
  });

  it("drafts a product only when every variant is out (unpublish) or discontinued, and re-activates only what it drafted", () => {
    const policy = { ...DEFAULT_SYNC_POLICY, outOfStock: "unpublish" as const };
    expect(planProductStatus({ pushedStatus: "ACTIVE", draftedBy: null, policy, variants: [{ outOfStock: true, discontinued: false }, { outOfStock: false, discontinued: false }] })).toBeNull();
    expect(planProductStatus({ pushedStatus: "ACTIVE", draftedBy: null, policy, variants: [{ outOfStock: true, discontinued: false }] })).toMatchObject({ status: "DRAFT", draftedBy: "out_of_stock" });
    expect(planProductStatus({ pushedStatus: "DRAFT", draftedBy: "out_of_stock", policy, variants: [{ outOfStock: false, discontinued: false }] })).toMatchObject({ status: "ACTIVE" });
    expect(planProductStatus({ pushedStatus: "DRAFT", draftedBy: null, policy, variants: [{ outOfStock: false, discontinued: false }] })).toBeNull();
  });

  it("reads a product's policy override key by key and clamps the schedule to 5 minutes – 24 hours", () => {
    expect(effectivePolicy(DEFAULT_SYNC_POLICY, parsePolicyOverride({ bufferUnits: 2, outOfStock: "nonsense" }))).toMatchObject({ bufferUnits: 2, outOfStock: "set_zero" });
    expect([clampInterval(1), clampInterval(15), clampInterval(10_000)]).toEqual([5, 15, 1440]);
  });
});
