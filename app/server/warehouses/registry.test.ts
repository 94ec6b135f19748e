import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import db from "../../db.server";
import { uniqueShop } from "../../test/webhooks";
import { planShipments } from "../shipping/engine/routing";
import { parseRateRequest } from "../shipping/engine/request-schema";
import { buildEngine, buildItem, buildRateRequest } from "../shipping/engine/test-builders";
import { CHINA_WAREHOUSES, OVERSEAS_WAREHOUSES } from "../suppliers/sandbox/catalog/catalog-templates";
import { CJ_AREAS } from "../suppliers/cj/emulator/cj-catalog";
import { JD_CONSOLIDATION_STOCK_CODE } from "../consolidation/jd-via-consolidation.server";
import { CODES, WAREHOUSES } from "./registry-seed";
import { WarehouseRegistry } from "./registry";
import { forgetWarehouseRegistry, warehouseRegistry } from "./registry.server";

const seed = new WarehouseRegistry(WAREHOUSES, CODES);
const shops: string[] = [];
afterAll(async () => {
  await db.variantMapping.deleteMany({ where: { shop: { in: shops } } });
  await db.registryWarehouseCode.deleteMany({ where: { supplier: "test-supplier" } });
  await db.registryWarehouse.deleteMany({ where: { id: "PL-WAW-TEST" } });
  forgetWarehouseRegistry();
});

// Every code each supplier (or its emulator) reports stock under, and the country that warehouse is in.
const REPORTED: [supplier: string, code: string, country: string][] = [
  ...CHINA_WAREHOUSES.map((code) => ["sandbox", code, "CN"] as [string, string, string]),
  ...OVERSEAS_WAREHOUSES.map((code) => ["sandbox", code, code === "UK" ? "GB" : code] as [string, string, string]),
  ...Object.keys(CJ_AREAS).map((code) => ["cj", code, code] as [string, string, string]),
  ["jd", JD_CONSOLIDATION_STOCK_CODE, "CN"],
];

describe("the warehouse registry", () => {
  it.each(REPORTED)("maps %s's warehouse code %s to a registry warehouse in %s", (supplier, code, country) => {
    const id = seed.idFor(supplier, code);
    expect(seed.get(id), `${supplier} ${code} → ${id}`).toBeDefined();
    expect(seed.get(id)!.country).toBe(country);
    expect(seed.idFor(supplier, seed.codeFor(supplier, id))).toBe(id);
  });

  it("maps today's codes to the ids rate cards route by: US → US-LA, DE → DE-FRA, UK/GB → UK-BHX, CJ's CN → CN-SZ", () => {
    expect(["US", "DE", "UK"].map((c) => seed.idFor("sandbox", c))).toEqual(["US-LA", "DE-FRA", "UK-BHX"]);
    expect(["CN", "US", "DE", "GB"].map((c) => seed.idFor("cj", c))).toEqual(["CN-SZ", "US-LA", "DE-FRA", "UK-BHX"]);
    expect(seed.codeFor("cj", "UK-BHX")).toBe("GB");
    expect(seed.codeFor("sandbox", "UK-BHX")).toBe("UK");
  });

  it("leaves a registry id and an unknown code as they are, and adds stock that two codes report for one warehouse", () => {
    expect(seed.idFor("cj", "US-LA")).toBe("US-LA");
    expect(seed.idFor("cj", "TH")).toBe("TH");
    expect(seed.stockToIds("cj", { CN: 3, US: 4, "CN-SZ": 2 })).toEqual({ "CN-SZ": 5, "US-LA": 4 });
  });

  it("gives every supplier warehouse with stock a Shopify location of its own, except the consolidation warehouse, whose location follows the merchant's address", () => {
    const withLocation = new Set(seed.withLocations().map((w) => w.id));
    for (const [supplier, code] of REPORTED) {
      const entry = seed.get(seed.idFor(supplier, code))!;
      expect(withLocation.has(entry.id)).toBe(entry.operator !== "consolidation");
    }
  });

  it("routes checkout for JD stock from the consolidation warehouse (CN-JD), not the default China warehouse", () => {
    const engine = buildEngine({ warehouses: seed.engineWarehouses() });
    const parsed = parseRateRequest(buildRateRequest({ items: [buildItem({ supplier: { stock: { "CN-JD": 5 } } })] }));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(planShipments(parsed.request, engine)).toEqual([{ warehouseCode: "CN-JD", lineIndexes: [0] }]);
    expect(planShipments(parsed.request, buildEngine())).toEqual([{ warehouseCode: "CN-SZ", lineIndexes: [0] }]); // before: the default
  });

  it("ships only a warehouse's own rate-card lines when its row names them", () => {
    const registry = new WarehouseRegistry(WAREHOUSES.map((w) => (w.id === "US-LA" ? { ...w, rateCards: ["SR-US-GROUND"] } : w)), CODES);
    expect(registry.engineWarehouses().find((w) => w.code === "US-LA")!.services).toEqual(["SR-US-GROUND"]);
    expect(registry.engineWarehouses().find((w) => w.code === "CN-SZ")!.services).toBeUndefined();
  });

  it("takes a new supplier warehouse from a table row and its code row, without code", async () => {
    await db.registryWarehouse.upsert({
      where: { id: "PL-WAW-TEST" }, update: {},
      create: { id: "PL-WAW-TEST", name: "Warsaw", country: "PL", timeZone: "Europe/Warsaw", kind: "overseas", serves: "PL,CZ", locationName: "Silkroute Warsaw", address: { address1: "1 Test St", city: "Warszawa", zip: "00-001" } },
    });
    await db.registryWarehouseCode.upsert({ where: { supplier_code: { supplier: "test-supplier", code: "PL" } }, update: {}, create: { supplier: "test-supplier", code: "PL", warehouseId: "PL-WAW-TEST" } });
    forgetWarehouseRegistry();
    const registry = await warehouseRegistry();
    expect(registry.idFor("test-supplier", "PL")).toBe("PL-WAW-TEST");
    expect(registry.engineWarehouses().find((w) => w.code === "PL-WAW-TEST")).toMatchObject({ kind: "overseas", serves: ["PL", "CZ"], timeZone: "Europe/Warsaw" });
    expect(registry.withLocations().map((w) => w.id)).toContain("PL-WAW-TEST");
    expect(registry.idFor("cj", "US")).toBe("US-LA"); // the seed is there too
  });
});

describe("the warehouse registry migration (issue 20)", () => {
  const provider = (process.env.DATABASE_URL ?? "").startsWith("postgres") ? "postgresql" : "sqlite";
  // Found by name, not number: migrations are renumbered when branches merge.
  const migrations = path.join(process.cwd(), "prisma", provider, "migrations");
  const dir = readdirSync(migrations).find((d) => d.endsWith("_20_warehouse_registry"))!;
  const sql = readFileSync(path.join(migrations, dir, "migration.sql"), "utf8");
  const rewrite = sql.slice(sql.indexOf("UPDATE \"VariantMapping\""));

  it("re-keys existing mappings' stock by registry id per supplier, leaving ids, unknown codes and other columns alone", async () => {
    const shop = uniqueShop("registry-migration");
    shops.push(shop);
    const row = (n: number, supplier: string, stock: unknown) => ({
      shop, productGid: `gid://shopify/Product/${n}`, variantGid: `gid://shopify/ProductVariant/${n}`, supplier, supplierProductId: `P${n}`, supplierSku: `S${n}`,
      stock: stock as object, shopifySku: `SKU-${n}`,
    });
    await db.variantMapping.createMany({ data: [
      row(1, "sandbox", { "CN-SZ": 4, US: 7, UK: 2 }),
      row(2, "cj", { CN: 9, US: 3, GB: 1, DE: 5 }),
      row(3, "jd", { "CN-JD": 5 }),
      row(4, "cj", { TH: 2, "US-LA": 1 }),
    ] });
    // Only this test's rows: other test files share the database.
    await db.$executeRawUnsafe(rewrite.replace(/WHERE (m\.)?"stock" IS NOT NULL/, (all) => `${all} AND ${provider === "postgresql" ? "m." : ""}"shop" = '${shop}'`));
    const after = Object.fromEntries((await db.variantMapping.findMany({ where: { shop } })).map((m) => [m.supplierSku, m.stock]));
    expect(after).toEqual({
      S1: { "CN-SZ": 4, "US-LA": 7, "UK-BHX": 2 },
      S2: { "CN-SZ": 9, "US-LA": 3, "UK-BHX": 1, "DE-FRA": 5 },
      S3: { "CN-JD": 5 },
      S4: { TH: 2, "US-LA": 1 },
    });
  });
});
