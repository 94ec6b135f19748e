import { afterEach, describe, expect, it, vi } from "vitest";
import db from "../../../db.server";
import { mappingStore } from "../mapping-cache.server";
import { rateContextSlots } from "../rate-context-cache";
import { checkoutReads } from "./checkout-reads.server";
import { answerRateRequest } from "./rates.server";
import { buildRatePayload, signedRateRequest } from "./test-builders";
import { NO_SHOP, warmCheckoutRates } from "./warm-up.server";

afterEach(() => vi.restoreAllMocks());

describe("the warm-up before a web process listens", () => {
  it("runs a new shop's reads on the driver and its mapping lookup once per round", async () => {
    const installReads = vi.spyOn(checkoutReads(), "installRow");
    const contextReads = vi.spyOn(checkoutReads(), "rateContextRows");
    const mappingReads = vi.spyOn(mappingStore, "lookup");
    const calls = async (rounds: number) => {
      for (const spy of [installReads, contextReads, mappingReads]) spy.mockClear();
      await warmCheckoutRates(rounds);
      const forNoShop = (spy: typeof mappingReads | typeof installReads | typeof contextReads) => spy.mock.calls.filter(([shop]) => shop === NO_SHOP).length;
      return [forNoShop(installReads), forNoShop(contextReads), forNoShop(mappingReads)];
    };
    expect(await calls(1)).toEqual([1, 1, 1]);
    expect(await calls(3)).toEqual([3, 3, 3]);
  });

  it("quotes a sample cart in every round, as a callback would", async () => {
    expect(await warmCheckoutRates(4)).toBe(4);
  });

  it("leaves nothing behind: no shop or settings row, no rate context, no mapping state", async () => {
    await db.shippingSettings.deleteMany({ where: { shop: NO_SHOP } });
    const heldBefore = mappingStore.holding().shops;
    await warmCheckoutRates(2);
    expect(await db.shop.findUnique({ where: { domain: NO_SHOP } })).toBeNull();
    // A context read for a shop without settings quotes with the defaults; it used to create the row.
    expect(await db.shippingSettings.findUnique({ where: { shop: NO_SHOP } })).toBeNull();
    expect(rateContextSlots().peek(NO_SHOP)).toBeUndefined();
    expect(mappingStore.holding().shops).toBe(heldBefore);
    expect(mappingStore.loadedSize(NO_SHOP)).toBeNull();
  });

  it("uses a domain no rate request can name", async () => {
    const response = await answerRateRequest(signedRateRequest(NO_SHOP, buildRatePayload()));
    expect(response.status).toBe(400);
  });
});
