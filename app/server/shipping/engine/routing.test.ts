import { describe, expect, it } from "vitest";
import { parseRateRequest, type RateRequest } from "./request-schema";
import { planShipments } from "./routing";
import { buildEngine, buildItem, buildRateRequest } from "./test-builders";

const engine = buildEngine();

function request(...args: Parameters<typeof buildRateRequest>): RateRequest {
  const parsed = parseRateRequest(buildRateRequest(...args));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

const stocked = (stock: Record<string, number>, sku = "SKU") => buildItem({ sku, quantity: 2, supplier: { stock } });

describe("warehouse routing", () => {
  it("ships lines without stock data from the default China warehouse", () => {
    expect(planShipments(request(), engine)).toEqual([{ warehouseCode: "CN-SZ", lineIndexes: [0] }]);
  });

  it("ships from the US warehouse when it holds every line", () => {
    const items = [stocked({ "US-LA": 5, "CN-GZ": 9 }, "A"), stocked({ "US-LA": 2 }, "B")];
    expect(planShipments(request({ items }), engine)).toEqual([{ warehouseCode: "US-LA", lineIndexes: [0, 1] }]);
  });

  it("ships EU destinations from the German warehouse", () => {
    const items = [stocked({ "DE-FRA": 5 })];
    expect(planShipments(request({ items, destination: { country: "FR" } }), engine)[0]!.warehouseCode).toBe("DE-FRA");
  });

  it("does not use an overseas warehouse outside its region", () => {
    const items = [stocked({ "US-LA": 5, "CN-YW": 5 })];
    expect(planShipments(request({ items, destination: { country: "GB" } }), engine)[0]!.warehouseCode).toBe("CN-YW");
  });

  it("prefers one China warehouse holding everything over splitting", () => {
    const items = [stocked({ "US-LA": 5, "CN-GZ": 5 }, "A"), stocked({ "CN-GZ": 5 }, "B")];
    expect(planShipments(request({ items }), engine)).toEqual([{ warehouseCode: "CN-GZ", lineIndexes: [0, 1] }]);
  });

  it("splits only when stock is spread across warehouses", () => {
    const items = [stocked({ "US-LA": 5 }, "A"), stocked({ "CN-YW": 5 }, "B"), stocked({}, "C")];
    expect(planShipments(request({ items }), engine)).toEqual([
      { warehouseCode: "US-LA", lineIndexes: [0] },
      { warehouseCode: "CN-YW", lineIndexes: [1] },
      { warehouseCode: "CN-SZ", lineIndexes: [2] },
    ]);
  });

  it("treats stock below the ordered quantity as not held", () => {
    const items = [stocked({ "US-LA": 1, "CN-GZ": 2 })];
    expect(planShipments(request({ items }), engine)[0]!.warehouseCode).toBe("CN-GZ");
  });
});
