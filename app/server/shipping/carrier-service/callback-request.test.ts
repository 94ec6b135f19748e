import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromCarrierServicePayload } from "../engine";
import { callbackCart, lineKey, withSuppliers } from "./callback-request";
import { enrichedRequest } from "./enrich";
import { acceptRateRequestPayload } from "./payload";
import { defaultBox, rateRequestPayload, storedMapping } from "./test-arbitraries";
import { buildRateItem, buildRatePayload } from "./test-builders";

const keyOf = (k: { variantGid: string | null; sku: string | null; variantNumber?: number }) => [k.variantGid, k.sku, k.variantNumber];

describe("the callback's request in one pass", () => {
  it("is what accepting the payload, mapping it and checking the enriched lines return, for any request and mappings", () => {
    let onePass = 0;
    fc.assert(fc.property(rateRequestPayload, fc.array(fc.option(storedMapping, { nil: null }), { minLength: 4, maxLength: 4 }), defaultBox, (value, mappings, box) => {
      const json: unknown = JSON.parse(JSON.stringify(value)); // as the body arrives
      const cart = callbackCart(json);
      const accepted = acceptRateRequestPayload(json);
      if (cart === null) return;
      // Whatever the one pass takes, the steps accept too, with the same lines to look up.
      expect(accepted.ok).toBe(true);
      if (!accepted.ok) return;
      const input = fromCarrierServicePayload(accepted.payload);
      expect(cart.keys.map(keyOf)).toEqual(input.items.map(lineKey).map(keyOf));
      const joined = mappings.slice(0, input.items.length);
      const request = withSuppliers(cart, joined, box);
      expect(request).toEqual(enrichedRequest(input, joined, box));
      onePass += request === null ? 0 : 1;
    }), { numRuns: 4000 });
    expect(onePass).toBeGreaterThan(800); // the generator reaches the building branch, not only refusals
  });

  it("takes a plainly valid cart, leaving a refused one, an empty one and an over-large price to the steps that explain", () => {
    const valid = buildRatePayload({ destination: { country: "de" }, items: [buildRateItem({ variant_id: 42, price: "1999" }), buildRateItem({ requires_shipping: false })] });
    const cart = callbackCart(JSON.parse(JSON.stringify(valid)))!;
    expect(cart.destination.country).toBe("DE");
    expect(cart.lines).toEqual([expect.objectContaining({ variantId: "42", priceMinor: 1999 })]); // the gift card line needs no shipping
    expect(cart.keys[0]!.variantGid).toBe("gid://shopify/ProductVariant/42");
    expect(callbackCart(buildRatePayload({ currency: "usd" }))).toBeNull();
    expect(callbackCart(buildRatePayload({ items: [buildRateItem({ requires_shipping: false })] }))).toBeNull();
    expect(callbackCart(buildRatePayload({ items: [buildRateItem({ price: "9999999999" })] }))).toBeNull();
  });
});
