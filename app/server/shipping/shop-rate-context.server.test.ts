import { afterAll, describe, expect, it } from "vitest";
import db from "../../db.server";
import { installedShops } from "../../test/admin-session";
import { buildRateCardCsv } from "./rate-card-fixtures";
import { uploadRateCard } from "./rate-cards.server";
import { clearRateContextCache } from "./rate-context-cache";
import { shopRateContext } from "./shop-rate-context.server";

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

  it("a shop with cards of its own gets its own engine quoting those cards, and the sample shops keep theirs", async () => {
    const [own, sample] = [await newShop("ctx-own"), await newShop("ctx-sample")];
    expect(await uploadRateCard(own, buildRateCardCsv())).toMatchObject({ ok: true });
    clearRateContextCache();
    const [mine, theirs] = [await shopRateContext(own), await shopRateContext(sample)];
    expect(mine.engine).not.toBe(theirs.engine);
    expect(mine.engine.cards.map((c) => c.card.code)).toEqual(["ACME-LINE"]);
    expect(theirs.engine.cards.map((c) => c.card.code)).toContain("SR-CN-DIRECT");
  });
});
