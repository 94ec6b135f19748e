import { afterAll, describe, expect, it, vi } from "vitest";
import db from "../../db.server";
import { installedShops } from "../../test/admin-session";
import { buildRateCardCsv } from "./rate-card-fixtures";
import { uploadRateCard } from "./rate-cards.server";
import { clearRateContextCache, invalidateShopRateContext, RATE_CONTEXT_TTL_MS, rateContextSlots } from "./rate-context-cache";
import { getShippingSettings } from "./settings.server";
import { loadedShopRateContext, RATE_CONTEXT_STALE_MS, shopRateContext, warmRateContexts } from "./shop-rate-context.server";

const { shops, newShop } = installedShops();

describe("compiled rate contexts in memory", () => {
  afterAll(async () => {
    await db.shippingRateCard.deleteMany({ where: { shop: { in: shops } } });
  });

  it("shops quoting with the sample cards share one compiled engine, so a thousand of them do not hold a thousand copies", async () => {
    const [a, b] = [await newShop("ctx-share-a"), await newShop("ctx-share-b")];
    clearRateContextCache();
    const [first, second] = [await shopRateContext(a), await shopRateContext(b)];
    expect(first.engine).toBe(second.engine);
    expect(first.cardsVersion).toBe("sample");
  });

  it("the warm-up before a server listens compiles the very engine the first sample-card shop then quotes with", async () => {
    clearRateContextCache();
    const warmed = await warmRateContexts();
    const first = await shopRateContext(await newShop("ctx-warm"));
    expect(first.cardsVersion).toBe("sample");
    expect(first.engine).toBe(warmed);
  });

  it("a shop with cards of its own gets its own engine quoting those cards, and the sample shops keep theirs", async () => {
    const [own, sample] = [await newShop("ctx-own"), await newShop("ctx-sample")];
    expect(await uploadRateCard(own, buildRateCardCsv())).toMatchObject({ ok: true });
    clearRateContextCache();
    const [mine, theirs] = [await shopRateContext(own), await shopRateContext(sample)];
    expect(mine.engine).not.toBe(theirs.engine);
    expect(mine.engine.cards.map((c) => c.card.code)).toEqual(["ACME-LINE"]);
    expect(theirs.engine.cards.map((c) => c.card.code)).toContain("SR-CN-DIRECT");
  });

  /** Another process's save: the row changes, nothing in this process is told. */
  const savedElsewhere = async (shop: string) => {
    await getShippingSettings(shop);
    await db.shippingSettings.update({ where: { shop }, data: { handlingFeeMinor: 250, version: { increment: 1 } } });
  };

  it("an expired context keeps answering at once while one load in the background replaces it with the newer settings", async () => {
    const shop = await newShop("ctx-stale");
    clearRateContextCache();
    const T = Date.now();
    const first = await shopRateContext(shop, T);
    await savedElsewhere(shop);
    expect(loadedShopRateContext(shop, T + RATE_CONTEXT_TTL_MS - 1)).toBe(first); // fresh: not looked at again
    expect(loadedShopRateContext(shop, T + RATE_CONTEXT_TTL_MS + 1)).toBe(first); // expired: answers, starts the load
    expect(await shopRateContext(shop, T + RATE_CONTEXT_TTL_MS + 2)).toBe(first); // the awaited path does not wait either
    await vi.waitFor(() => expect(loadedShopRateContext(shop, T + RATE_CONTEXT_TTL_MS + 3)).not.toBe(first));
    const replaced = loadedShopRateContext(shop, T + RATE_CONTEXT_TTL_MS + 3)!;
    expect(replaced.settingsVersion).toBe(first.settingsVersion + 1);
    expect(replaced.merchantRules).not.toEqual(first.merchantRules);
    expect(loadedShopRateContext(shop, T + 2 * RATE_CONTEXT_TTL_MS)).toBe(replaced); // fresh for a TTL from the load
  });

  it("a context expired for longer than the stale window is loaded again before anything answers with it", async () => {
    const shop = await newShop("ctx-long-expired");
    clearRateContextCache();
    const T = Date.now();
    const first = await shopRateContext(shop, T);
    const late = T + RATE_CONTEXT_TTL_MS + RATE_CONTEXT_STALE_MS;
    expect(loadedShopRateContext(shop, late)).toBeUndefined();
    const again = await shopRateContext(shop, late);
    expect(again).not.toBe(first);
    expect(again.settingsVersion).toBe(first.settingsVersion);
  });

  it("a write in this process while the background load runs wins over that load, which may have read before it", async () => {
    const shop = await newShop("ctx-stale-race");
    clearRateContextCache();
    const T = Date.now();
    const first = await shopRateContext(shop, T);
    expect(loadedShopRateContext(shop, T + RATE_CONTEXT_TTL_MS + 1)).toBe(first); // starts the background load
    const { replacing } = rateContextSlots().peek(shop)!;
    invalidateShopRateContext(shop); // a save here, before that load lands
    const afterWrite = await shopRateContext(shop, T + RATE_CONTEXT_TTL_MS + 2);
    const slot = rateContextSlots().peek(shop);
    await replacing; // the background load has landed (and been judged)
    expect(rateContextSlots().peek(shop)).toBe(slot);
    expect(loadedShopRateContext(shop, T + RATE_CONTEXT_TTL_MS + 3)).toBe(afterWrite);
  });
});
