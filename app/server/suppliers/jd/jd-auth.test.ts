import { describe, expect, it } from "vitest";
import { startJdWorld } from "./emulator/jd-emulator.fixture";
import { formatJdTimestamp, signJosRequest } from "./signing";

describe("JD VOP token lifecycle against the emulator", () => {
  it("logs in once and reuses the token on every business call", async () => {
    const world = await startJdWorld();
    try {
      await world.adapter.jd.listPools();
      await world.adapter.jd.listPools();
      expect(world.emulator.calls.filter((p) => p === "/oauth2/accessToken")).toHaveLength(1);
    } finally { await world.close(); }
  });

  it("refreshes with the refresh token shortly before the 24 h expiry", async () => {
    const world = await startJdWorld();
    try {
      await world.adapter.jd.listPools();
      world.clock.advance(23.9 * 3_600_000);
      expect((await world.adapter.jd.listPools()).ok).toBe(true);
      expect(world.emulator.calls).toEqual(["/oauth2/accessToken", "/api/product/getPageNum", "/oauth2/refreshToken", "/api/product/getPageNum"]);
    } finally { await world.close(); }
  });

  it("renews and repeats the call once when JD answers 2007 token expired early", async () => {
    const world = await startJdWorld();
    try {
      await world.adapter.jd.listPools();
      world.emulator.expireTokens();
      expect((await world.adapter.jd.listPools()).ok).toBe(true);
      expect(world.emulator.calls.slice(2)).toEqual(["/api/product/getPageNum", "/oauth2/refreshToken", "/api/product/getPageNum"]);
    } finally { await world.close(); }
  });

  it("logs in again when the refresh token has expired too", async () => {
    const world = await startJdWorld();
    try {
      await world.adapter.jd.listPools();
      world.clock.advance(31 * 86_400_000);
      expect((await world.adapter.jd.listPools()).ok).toBe(true);
      expect(world.emulator.calls.filter((p) => p === "/oauth2/accessToken")).toHaveLength(2);
      expect(world.emulator.calls).not.toContain("/oauth2/refreshToken");
    } finally { await world.close(); }
  });

});

describe("JD signing helpers", () => {
  it("formats timestamps in Beijing time", () => {
    expect(formatJdTimestamp(Date.UTC(2026, 11, 31, 20, 5, 9))).toBe("2027-01-01 04:05:09");
  });

  it("signs JOS router calls over sorted name+value pairs wrapped in the secret", () => {
    const params = { method: "biz.product.sku.query", app_key: "appk", timestamp: "2026-11-01 08:00:00", v: "2.0",
      "360buy_param_json": '{"pageNum":"1"}', access_token: "tok" };
    expect(signJosRequest(params, "sec")).toBe("B020E49D254240E3BB46A604D884AAEB");
    expect(signJosRequest({ ...params, sign: "ignored" }, "sec")).toBe("B020E49D254240E3BB46A604D884AAEB");
  });
});
