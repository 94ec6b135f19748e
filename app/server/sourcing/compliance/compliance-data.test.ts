import { describe, expect, it } from "vitest";
import fs from "node:fs";
import zlib from "node:zlib";
import { ADMIN_SCHEMA_FILE } from "../../shopify/admin-schema";
import { ORIGIN_COUNTRY_CODES } from "./country-codes";
import { ComplianceInputError, euCustomsGaps, isValidGtin, parseBarcode, parseComplianceInput, parseHsCode, parseOriginCountry, supplierGtin } from "./compliance-data";

const complete = { hsCode: "850760", originCountry: "CN", gpsrResponsiblePerson: "EU Rep GmbH, Hauptstr. 1, 10115 Berlin, rep@example.eu" };

describe("compliance data", () => {
  it("keeps the origin list equal to the vendored 2026-10 CountryCode enum, minus ZZ", () => {
    const json = JSON.parse(zlib.gunzipSync(fs.readFileSync(ADMIN_SCHEMA_FILE)).toString("utf8"));
    const enumType = json.data.__schema.types.find((t: { name: string }) => t.name === "CountryCode");
    const schemaCodes = enumType.enumValues.map((v: { name: string }) => v.name).filter((c: string) => c !== "ZZ");
    expect([...ORIGIN_COUNTRY_CODES].sort()).toEqual(schemaCodes.sort());
  });

  it.each([
    ["8507.60", "850760"], ["8507 60 00 20", "8507600020"], ["6109-10", "610910"], ["", null], [null, null],
  ])("reads the HS code %j as %j", (input, expected) => expect(parseHsCode(input)).toBe(expected));

  it.each(["8507", "85076", "85076000201", "8507x0"])("refuses the HS code %j (6–10 digits)", (input) => {
    expect(() => parseHsCode(input)).toThrow(ComplianceInputError);
  });

  it("upper-cases an origin and refuses codes that are not countries", () => {
    expect(parseOriginCountry(" vn ")).toBe("VN");
    expect(() => parseOriginCountry("EU")).toThrow(/not an ISO 3166/);
    expect(() => parseOriginCountry("China")).toThrow(/not an ISO 3166/);
    expect(() => parseOriginCountry("ZZ")).toThrow(/not an ISO 3166/);
  });

  // Check digits from GS1's published examples (GS1 General Specifications §7.9.1: 629104150021 → 3; EAN-8 96385074).
  it.each([["6291041500213", true], ["6291041500214", false], ["96385074", true], ["036000291452", true], ["036000291453", false]])(
    "checks the GTIN %s as %s", (code, valid) => expect(isValidGtin(code)).toBe(valid));

  it("refuses a GTIN-shaped barcode with a wrong check digit and keeps a store's own codes", () => {
    expect(() => parseBarcode("6291041500214")).toThrow(/check digit/);
    expect(parseBarcode(" 6291041500213 ")).toBe("6291041500213");
    expect(parseBarcode("SR-BLK-001")).toBe("SR-BLK-001");
    expect(parseBarcode("")).toBeNull();
  });

  it("drops a supplier barcode that is not a valid GTIN", () => {
    expect(supplierGtin("6291041500213")).toBe("6291041500213");
    expect(supplierGtin("12345")).toBeNull();
    expect(supplierGtin(undefined)).toBeNull();
  });

  it("names the bad field when the form has one", () => {
    try {
      parseComplianceInput({ hsCode: "850760", originCountry: "XX" });
      expect.unreachable();
    } catch (error) {
      expect((error as ComplianceInputError).field).toBe("originCountry");
    }
  });

  it("asks an EU parcel for HS code, origin and responsible person, and nothing of a US parcel", () => {
    expect(euCustomsGaps("FR", { hsCode: null, originCountry: null, gpsrResponsiblePerson: " " })).toEqual(["hsCode", "originCountry", "gpsrResponsiblePerson"]);
    expect(euCustomsGaps("fr", { ...complete, hsCode: "8507" })).toEqual(["hsCode"]);
    expect(euCustomsGaps("DE", complete)).toEqual([]);
    expect(euCustomsGaps("US", { hsCode: null, originCountry: null, gpsrResponsiblePerson: null })).toEqual([]);
    expect(euCustomsGaps("GB", { hsCode: null, originCountry: null, gpsrResponsiblePerson: null })).toEqual([]);
  });
});
