import { describe, expect, it } from "vitest";
import { csvCell, exportCsv } from "./export-format";

describe("data request export as CSV", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const value of ["=HYPERLINK(\"http://evil\")", "+49 151 123", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      const cell = csvCell(value);
      expect(cell.replace(/^"/, "")).toMatch(/^'/);
    }
    expect(csvCell("Hauptstraße 5")).toBe("Hauptstraße 5");
  });

  it("flattens each record to one row per field, quoting commas, quotes and line breaks", () => {
    const csv = exportCsv({
      orders: [{ orderGid: "gid://shopify/Order/1", shippingAddress: { name: "Mia \"M\" Schneider", address1: "Straße 5, Hof" }, lineItems: [{ sku: "A" }] }],
      supplierOrders: [],
    });
    expect(csv.split("\r\n")).toEqual([
      "section,record,field,value",
      "orders,1,orderGid,gid://shopify/Order/1",
      "orders,1,shippingAddress.name,\"Mia \"\"M\"\" Schneider\"",
      "orders,1,shippingAddress.address1,\"Straße 5, Hof\"",
      "orders,1,lineItems[0].sku,A",
      "",
    ]);
  });
});
