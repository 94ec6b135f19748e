import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildCjAdapter, serveCj, useMswServer } from "./cj.fixture";

useMswServer({ beforeAll, afterEach, afterAll });
const PRODUCT = { "GET /product/query": "product-query" };

describe("CJ access token lifecycle", () => {
  it("asks for a token with the API key and sends it as CJ-Access-Token", async () => {
    const cj = serveCj(PRODUCT);
    await buildCjAdapter().adapter.getProduct("1459382839193800704");
    expect(cj.calls[0]).toMatchObject({ method: "POST", path: "/authentication/getAccessToken", body: { apiKey: "CJ1234567@api@0123456789abcdef" } });
    expect(cj.last("/product/query")).toMatchObject({ token: "cj-access-1", query: { pid: "1459382839193800704" } });
  });

  it("reuses the 15-day token instead of asking again", async () => {
    const cj = serveCj(PRODUCT);
    const { adapter } = buildCjAdapter();
    for (let i = 0; i < 3; i++) await adapter.getProduct("1459382839193800704");
    expect(cj.paths().filter((p) => p.endsWith("getAccessToken"))).toHaveLength(1);
  });

  it("refreshes with the refresh token a day before the access token expires", async () => {
    const cj = serveCj({ ...PRODUCT, "POST /authentication/refreshAccessToken": "refresh-access-token" });
    const { adapter, clock } = buildCjAdapter();
    await adapter.getProduct("1");
    clock.advance(14 * 86_400_000);
    await adapter.getProduct("1");
    expect(cj.last("/authentication/refreshAccessToken").body).toEqual({ refreshToken: "cj-refresh-1" });
    expect(cj.last("/product/query").token).toBe("cj-access-2");
  });

  it("never calls getAccessToken twice within 5 minutes, even after CJ drops the token", async () => {
    const cj = serveCj({ "GET /product/query": ["invalid-api-key", "product-query"], "POST /authentication/refreshAccessToken": "invalid-api-key" });
    const { adapter } = buildCjAdapter({ resilience: { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } } });
    const r = await adapter.getProduct("1");
    expect(cj.paths().filter((p) => p.endsWith("getAccessToken"))).toHaveLength(1);
    expect(!r.ok && r.error).toMatchObject({ kind: "rate_limited", retryable: true });
  });

  it("explains an invalid API key and does not retry it", async () => {
    const cj = serveCj({ "POST /authentication/getAccessToken": "invalid-api-key" });
    const r = await buildCjAdapter().adapter.getProduct("1");
    expect(!r.ok && r.error).toMatchObject({ kind: "auth", retryable: false, supplierCode: "1600001", message: expect.stringContaining("API key") });
    expect(cj.calls).toHaveLength(1);
  });
});

describe("CJ rate limits and resilience", () => {
  it("paces requests to the account's QPS", async () => {
    serveCj(PRODUCT);
    const { adapter, clock } = buildCjAdapter({ requestsPerSecond: 50 });
    await Promise.all([adapter.getProduct("1"), adapter.getProduct("1"), adapter.getProduct("1")]);
    const pacingWaits = clock.slept.filter((ms) => ms > 0 && ms <= 20 * 4); // slots are 20 ms apart
    expect(pacingWaits.length).toBeGreaterThanOrEqual(2);
  });

  it("backs off and retries on HTTP 429 and on 'system busy'", async () => {
    const cj = serveCj({ "GET /product/query": ["system-busy", "product-query"] });
    const r = await buildCjAdapter().adapter.getProduct("1");
    expect(r.ok).toBe(true);
    expect(cj.paths().filter((p) => p.endsWith("/product/query"))).toHaveLength(2);
    serveCj({ "GET /product/query": { status: 429 } });
    const limited = await buildCjAdapter().adapter.getProduct("1");
    expect(!limited.ok && limited.error.kind).toBe("rate_limited");
  });

  it("opens the circuit after repeated 502s", async () => {
    const cj = serveCj({ "GET /product/query": { status: 502 } });
    const { adapter } = buildCjAdapter();
    await adapter.getProduct("1");
    const blocked = await adapter.getProduct("1");
    expect(!blocked.ok && blocked.error.kind).toBe("circuit_open");
    expect(cj.paths().filter((p) => p.endsWith("/product/query"))).toHaveLength(3);
  });
});
