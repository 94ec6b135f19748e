import { afterAll, describe, expect, it } from "vitest";
import db from "../../db.server";
import { installedShops } from "../../test/admin-session";
import { buildRateItem, buildRatePayload, signedRateRequest } from "./carrier-service/test-builders";
import { answerRateRequest } from "./carrier-service/rates.server";
import { buildRateCardCsv } from "./rate-card-fixtures";
import { deleteRateCard, effectiveRateCards, listRateCards, rateCardCsv, setRateCardActive, uploadRateCard } from "./rate-cards.server";

const { shops, newShop } = installedShops();
// Quotes, uploads and the card list at one fixed time: delivery dates move at a warehouse's cut-off (04:00-07:00 UTC
// for the China cards), and a card's period at 00:00 UTC. A run at 06:59:59.5 UTC quoted "before" ahead of the 07:00
// cut-off and the comparison after it; one at 23:59:59.9 UTC listed the current version as expired.
const NOW = new Date("2026-11-18T10:00:00.000Z");
const quoteCodes = async (shop: string) => {
  const response = await answerRateRequest(signedRateRequest(shop, buildRatePayload({ items: [buildRateItem()] })), () => NOW);
  return ((await response.json()) as { rates: { service_code: string; total_price: string }[] }).rates;
};

afterAll(async () => {
  await db.shippingRateCard.deleteMany({ where: { shop: { in: shops } } });
});

describe("rate cards", () => {
  it("uses the sample cards until the shop uploads its own", async () => {
    const shop = await newShop("cards-sample");
    expect((await listRateCards(shop)).every((c) => c.sample)).toBe(true);
    expect((await quoteCodes(shop)).map((r) => r.service_code)).toContain("SR-CN-DIRECT");
    expect(await uploadRateCard(shop, buildRateCardCsv())).toEqual({ ok: true, code: "ACME-LINE", version: 1, effectiveFrom: null, comparedWith: null, changes: [] });
    expect((await quoteCodes(shop)).map((r) => r.service_code)).toEqual(["ACME-LINE"]);
  });

  it("rejects a bad card with line-numbered errors and keeps the previous card in force", async () => {
    const shop = await newShop("cards-bad");
    await uploadRateCard(shop, buildRateCardCsv());
    const before = await quoteCodes(shop);
    const result = await uploadRateCard(shop, buildRateCardCsv({ usBand: "band,US,0,20000,-3.00,9.50" }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^line 13: /);
    expect(await quoteCodes(shop)).toEqual(before);
    expect(await rateCardCsv(shop, "ACME-LINE")).toBe(buildRateCardCsv());
  });

  it("replaces a card of the same code with a new version that checkout uses at once", async () => {
    const shop = await newShop("cards-version");
    await uploadRateCard(shop, buildRateCardCsv());
    const cheap = Number((await quoteCodes(shop))[0]!.total_price);
    expect(await uploadRateCard(shop, buildRateCardCsv({ usBand: "band,US,0,20000,9.00,9.50" }))).toMatchObject({ ok: true, version: 2 });
    expect(Number((await quoteCodes(shop))[0]!.total_price)).toBeGreaterThan(cheap);
  });

  it("deactivates and deletes cards, and downloads a sample card in the upload format", async () => {
    const shop = await newShop("cards-toggle");
    await uploadRateCard(shop, buildRateCardCsv());
    await uploadRateCard(shop, buildRateCardCsv({ code: "ACME-2", name: "Acme Two" }));
    await setRateCardActive(shop, "ACME-LINE", false);
    expect((await effectiveRateCards(shop)).map((c) => c.code)).toEqual(["ACME-2"]);
    await deleteRateCard(shop, "ACME-2");
    expect(await effectiveRateCards(shop)).toEqual([]);
    expect(await rateCardCsv(shop, "SR-EXPRESS")).toContain("card,code,SR-EXPRESS");
    expect(await rateCardCsv(shop, "NOPE")).toBeNull();
  });

  it("keeps a scheduled new version beside the one in force, and shows what it changes", async () => {
    const shop = await newShop("cards-scheduled");
    const tomorrow = new Date(NOW.getTime() + 86_400_000).toISOString().slice(0, 10);
    await uploadRateCard(shop, buildRateCardCsv({ extra: `card,effective_until,${tomorrow}` }), NOW);
    const before = await quoteCodes(shop);
    const result = await uploadRateCard(shop, buildRateCardCsv({ usBand: "band,US,0,20000,3.505,9.50", extra: `card,effective_from,${tomorrow}` }), NOW);
    expect(result).toMatchObject({
      ok: true, version: 1, effectiveFrom: tomorrow, comparedWith: { key: "messages:rateCard.versionOpen", values: { code: "ACME-LINE" } },
      changes: expect.arrayContaining([{ kind: "changed", what: { key: "messages:cardDiff.band", values: { zone: "US", from: 0, to: 20000 } }, before: "3 USD + 9.5 USD/kg", after: "3.505 USD + 9.5 USD/kg" }]),
    });
    expect(await quoteCodes(shop)).toEqual(before); // today's orders still get today's table
    const listed = await listRateCards(shop, NOW);
    expect(listed.map((c) => [c.code, c.period])).toEqual([["ACME-LINE", "current"], ["ACME-LINE", "scheduled"]]);
    expect(await rateCardCsv(shop, "ACME-LINE")).toContain(`card,effective_from,${tomorrow}`);
  });

  it("rejects a new version whose period overlaps a stored one, keeping the stored one", async () => {
    const shop = await newShop("cards-overlap");
    await uploadRateCard(shop, buildRateCardCsv());
    const result = await uploadRateCard(shop, buildRateCardCsv({ extra: "card,effective_from,2027-01-01" }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/overlaps/);
    expect((await listRateCards(shop)).length).toBe(1);
  });
});
