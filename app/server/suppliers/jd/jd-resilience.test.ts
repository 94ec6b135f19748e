import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../resilience/clock";
import { buildJdAdapter, serveJd, useMswServer } from "./jd.fixture";

useMswServer({ beforeAll, afterEach, afterAll });

describe("JD adapter resilience", () => {
  it("retries a 503 and then succeeds", async () => {
    serveJd({ "/api/product/getDetail": "product-detail", "/api/price/getSellPrice": "sell-price" });
    let first = true;
    const { adapter } = buildJdAdapter({ fetch: async (input, init) => {
      if (first && String(input).endsWith("/api/product/getDetail")) { first = false; return new Response(null, { status: 503 }); }
      return fetch(input, init);
    } });
    expect((await adapter.getProduct("100012043978")).ok).toBe(true);
  });

  it("retries JD's 5001 服务异常 answer", async () => {
    const jd = serveJd({ "/api/product/getDetail": ["system-busy", "product-detail"], "/api/price/getSellPrice": "sell-price" });
    const r = await buildJdAdapter().adapter.getProduct("100012043978");
    expect(r.ok).toBe(true);
    expect(jd.paths().filter((p) => p === "/api/product/getDetail")).toHaveLength(2);
  });

  it("times out a slow answer and reports a retryable timeout", async () => {
    serveJd({ "/api/price/getSellPrice": { delayMs: 2_000, fixture: "sell-price" } });
    const { adapter } = buildJdAdapter({ clock: systemClock, resilience: { timeoutMs: 50, retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 } } });
    const r = await adapter.getProduct("100012043978");
    expect(!r.ok && r.error).toMatchObject({ kind: "timeout", retryable: true });
  });

  it("opens the circuit after repeated 500s and stops calling JD", async () => {
    const jd = serveJd({ "/api/price/getSellPrice": { status: 500 } });
    const { adapter } = buildJdAdapter();
    await adapter.getProduct("1"); // 3 attempts → threshold 3 reached
    const blocked = await adapter.getProduct("1");
    expect(!blocked.ok && blocked.error.kind).toBe("circuit_open");
    expect(jd.paths().filter((p) => p === "/api/price/getSellPrice")).toHaveLength(3);
  });
});
