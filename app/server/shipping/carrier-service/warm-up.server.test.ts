import { afterEach, describe, expect, it, vi } from "vitest";
import db from "../../../db.server";
import { mappingStore } from "../mapping-cache.server";
import { rateContextSlots } from "../rate-context-cache";
import { answerRateRequest } from "./rates.server";
import { buildRatePayload, signedRateRequest } from "./test-builders";
import { NO_SHOP, warmCheckoutRates } from "./warm-up.server";

afterEach(() => vi.restoreAllMocks());

describe("the warm-up before a web process listens", () => {
  it("runs a new shop's reads, through Prisma and the driver, once per round", async () => {
    const shopReads = vi.spyOn(db.shop, "findUnique");
    const mappingReads = vi.spyOn(mappingStore, "lookup");
    const calls = async (rounds: number) => {
      shopReads.mockClear();
      mappingReads.mockClear();
      await warmCheckoutRates(rounds);
      return [shopReads.mock.calls.filter(([args]) => args.where.domain === NO_SHOP).length, mappingReads.mock.calls.filter(([shop]) => shop === NO_SHOP).length];
    };
    const [shopOnce, mappingsOnce] = await calls(1);
    expect(shopOnce).toBeGreaterThanOrEqual(1); // the install check, and the rate context's own reads of the shop
    expect(mappingsOnce).toBe(1);
    expect(await calls(3)).toEqual([3 * shopOnce!, 3]);
  });

  it("quotes a sample cart in every round, as a callback would", async () => {
    expect(await warmCheckoutRates(4)).toBe(4);
  });

  it("leaves nothing behind: no shop row, no rate context, no mapping state", async () => {
    const heldBefore = mappingStore.holding().shops;
    await warmCheckoutRates(2);
    expect(await db.shop.findUnique({ where: { domain: NO_SHOP } })).toBeNull();
    expect(rateContextSlots().peek(NO_SHOP)).toBeUndefined();
    expect(mappingStore.holding().shops).toBe(heldBefore);
    expect(mappingStore.loadedSize(NO_SHOP)).toBeNull();
  });

  it("uses a domain no rate request can name", async () => {
    const response = await answerRateRequest(signedRateRequest(NO_SHOP, buildRatePayload()));
    expect(response.status).toBe(400);
  });
});
