import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromCarrierServicePayload } from "../engine";
import { parseRateRequestPayload, rateRequestPayloadSchema } from "./payload";
import { rateRequestPayload } from "./test-arbitraries";
import { buildRateItem, buildRatePayload } from "./test-builders";

describe("rate request payload", () => {
  it("accepts and rejects exactly what the schema does, and the engine sees the same request either way", () => {
    let accepted = 0;
    fc.assert(fc.property(rateRequestPayload, (value) => {
      const body = JSON.stringify(value);
      const parsed = parseRateRequestPayload(body);
      const schema = rateRequestPayloadSchema.safeParse(JSON.parse(body));
      expect(parsed.ok).toBe(schema.success);
      if (!parsed.ok || !schema.success) return;
      accepted++;
      expect(fromCarrierServicePayload(parsed.payload)).toEqual(fromCarrierServicePayload(schema.data));
    }), { numRuns: 2000 });
    expect(accepted).toBeGreaterThan(200);
  });

  it("names the first failing path of an invalid payload", () => {
    const parsed = parseRateRequestPayload(JSON.stringify(buildRatePayload({ items: [buildRateItem(), buildRateItem({ grams: -5 })] })));
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/^rate\.items\.1\.grams: /) });
    expect(parseRateRequestPayload("{not json")).toEqual({ ok: false, message: "body is not valid JSON" });
  });
});
