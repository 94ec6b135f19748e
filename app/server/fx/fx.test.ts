import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import db from "../../db.server";
import { money } from "../money";
import { uniqueShop } from "../../test/webhooks";
import { EcbParseError, parseEcbDailyXml } from "./ecb-parser";
import { ECB_DAILY_URL, fxTableForShop, latestFxTable, recentFxTable, refreshEcbRates, setFxOverride } from "./fx-rates.server";
import { convertMoney, FxRateMissing, rateBetween, type FxTable } from "./fx-table";

const ecbXml = (date: string, usd: string, cny: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube><Cube time='${date}'>
    <Cube currency='USD' rate='${usd}'/><Cube currency='JPY' rate='163.50'/><Cube currency='GBP' rate='0.8370'/>
    <Cube currency='CNY' rate='${cny}'/><Cube currency='AUD' rate='1.6300'/><Cube currency='CAD' rate='1.4780'/>
  </Cube></Cube>
</gesmes:Envelope>`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const table: FxTable = { base: "EUR", source: "test", effectiveDate: "2026-11-20", rates: { USD: 1.05, CNY: 7.5, JPY: 160 } };

describe("exchange rates", () => {
  it("crosses two currencies through the euro", () => {
    expect(rateBetween(table, "CNY", "USD")).toBeCloseTo(0.14, 10);
    expect(convertMoney(money(10000, "CNY"), "USD", table)).toEqual(money(1400, "USD"));
  });

  it("converts into a currency without minor units and rounds once", () => {
    expect(convertMoney(money(9999, "CNY"), "JPY", table)).toEqual(money(2133, "JPY")); // 99.99 × 21.333… = 2133.12
  });

  it("lets a merchant's manual rate win for its pair only", () => {
    const withOverride = { ...table, overrides: { "CNY>USD": 0.15 } };
    expect(rateBetween(withOverride, "CNY", "USD")).toBe(0.15);
    expect(rateBetween(withOverride, "USD", "CNY")).toBeCloseTo(7.5 / 1.05, 10);
  });

  it("says which pair is missing instead of guessing", () => {
    expect(() => rateBetween(table, "CNY", "XYZ")).toThrow(FxRateMissing);
  });

  it("parses the ECB daily file and refuses one that is not", () => {
    expect(parseEcbDailyXml(ecbXml("2026-11-21", "1.0601", "7.5312"))).toMatchObject({ effectiveDate: "2026-11-21", rates: { USD: 1.0601, CNY: 7.5312 } });
    expect(() => parseEcbDailyXml("<html>maintenance</html>")).toThrow(EcbParseError);
  });

  it("works offline from the bundled, dated snapshot until a daily fetch has been stored", async () => {
    const latest = await latestFxTable();
    expect(latest.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(latest.rates.CNY).toBeGreaterThan(0);
  });

  it("stores each ECB publication once and serves it as the latest table", async () => {
    server.use(http.get(ECB_DAILY_URL, () => new HttpResponse(ecbXml("2031-01-02", "1.1000", "7.7000"), { headers: { "Content-Type": "text/xml" } })));
    expect(await refreshEcbRates()).toEqual({ effectiveDate: "2031-01-02", stored: true });
    expect(await refreshEcbRates()).toEqual({ effectiveDate: "2031-01-02", stored: false });
    expect(await db.fxRates.count({ where: { effectiveDate: "2031-01-02" } })).toBe(1);
    const latest = await latestFxTable();
    expect(latest).toMatchObject({ source: "ecb", effectiveDate: "2031-01-02", rates: { USD: 1.1 } });
    await db.fxRates.deleteMany({ where: { effectiveDate: "2031-01-02" } });
  });

  it("reads the table once for a checkout's many context loads, and again once it is older than asked", async () => {
    server.use(http.get(ECB_DAILY_URL, () => new HttpResponse(ecbXml("2031-02-03", "1.2000", "7.8000"), { headers: { "Content-Type": "text/xml" } })));
    const reads = vi.spyOn(db.fxRates, "findFirst");
    try {
      await refreshEcbRates(); // a refresh in this process is served at once
      reads.mockClear();
      const tables = await Promise.all([recentFxTable(), recentFxTable(), recentFxTable(60_000)]);
      expect(reads).not.toHaveBeenCalled();
      expect(tables.map((t) => t.effectiveDate)).toEqual(["2031-02-03", "2031-02-03", "2031-02-03"]);
      // Another process stored a newer publication: seen once the table read is older than the age asked for.
      await db.fxRates.create({ data: { source: "ecb", effectiveDate: "2031-02-04", rates: { USD: 1.3, CNY: 7.9 } } });
      expect((await recentFxTable(60_000)).effectiveDate).toBe("2031-02-03");
      const again = await Promise.all([recentFxTable(0), recentFxTable(0)]);
      expect(reads).toHaveBeenCalledTimes(1);
      expect(again.map((t) => t.effectiveDate)).toEqual(["2031-02-04", "2031-02-04"]);
    } finally {
      reads.mockRestore();
      await db.fxRates.deleteMany({ where: { effectiveDate: { in: ["2031-02-03", "2031-02-04"] } } });
      await latestFxTable();
    }
  });

  it("keeps the rates it has when the ECB cannot be reached", async () => {
    server.use(http.get(ECB_DAILY_URL, () => HttpResponse.error()));
    await expect(refreshEcbRates()).rejects.toThrow();
    expect((await latestFxTable()).rates.CNY).toBeGreaterThan(0);
  });

  it("applies a shop's override to that shop only", async () => {
    const shop = uniqueShop("fx");
    await setFxOverride(shop, "CNY", "USD", 0.2);
    expect(rateBetween(await fxTableForShop(shop), "CNY", "USD")).toBe(0.2);
    expect(rateBetween(await fxTableForShop(uniqueShop("other")), "CNY", "USD")).not.toBe(0.2);
    await expect(setFxOverride(shop, "CNY", "USD", -1)).rejects.toThrow(/positive/);
  });
});
