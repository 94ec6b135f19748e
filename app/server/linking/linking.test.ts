import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../db.server";
import { PRODUCT_SET } from "../../emulator/test-builders";
import { startWorld, type World } from "../fulfillment/test-world";
import { saveWarehouse } from "../consolidation/warehouses.server";
import { ensureJdConsolidationLocation } from "../consolidation/jd-location.server";
import { useSupplierAdapters } from "../fulfillment/supplier-gateway.server";
import { createCjAdapter } from "../suppliers/cj/index";
import { CJ_EMULATOR_ACCOUNTS, createCjEmulator, type CjEmulator } from "../suppliers/cj/emulator/cj-emulator";
import { createJdAdapter } from "../suppliers/jd/index";
import { createJdVopEmulator, type JdVopEmulator } from "../suppliers/jd/emulator/jd-vop-emulator";
import { createManualClock } from "../suppliers/resilience/clock";
import { shopSupplierAdapter } from "../suppliers/shop-adapters.server";
import type { SupplierAdapter } from "../suppliers/supplier-adapter";
import type { SupplierCode } from "../suppliers/supplier-models";
import { proposeMatches } from "./auto-match.server";
import { linkFromCsv, parseCsv } from "./csv-link.server";
import { linkVariantToSupplier } from "./link.server";
import { searchSupplier, supplierOffer } from "./supplier-offer.server";

let world: World;
let cj: CjEmulator;
let jd: JdVopEmulator;

const resilience = { timeoutMs: 5_000, retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 }, breaker: { failureThreshold: 1_000, openMs: 1_000 } };

beforeEach(async () => {
  world = await startWorld();
  const sandbox = await shopSupplierAdapter(world.shop, "sandbox");
  cj = createCjEmulator({ productCount: 40 });
  const { apiBaseUrl } = await cj.listen(0);
  const cjAdapter = createCjAdapter({ apiKey: CJ_EMULATOR_ACCOUNTS.demo.apiKey, baseUrl: apiBaseUrl, resilience });
  const clock = createManualClock(Date.now());
  jd = createJdVopEmulator({ clock });
  const { url } = await jd.listen();
  const jdAdapter = createJdAdapter({ credentials: { ...jd.account }, baseUrl: url, clock, resilience });
  const adapters: Record<SupplierCode, SupplierAdapter> = { sandbox, cj: cjAdapter, jd: jdAdapter };
  useSupplierAdapters(async (_shop, supplier) => adapters[supplier]);
  for (const supplier of ["cj", "jd"]) await db.supplierConnection.create({ data: { shop: world.shop, supplier, status: "connected" } });
  // JD delivers to the shop's China consolidation warehouse; its stock is that warehouse's area (ADR 0300).
  const saved = await saveWarehouse(world.shop, { name: "Foshan forwarder", contactName: "王经理", phone: "13800000000", address: "集运路 8 号", provinceId: 19, cityId: 1666, countyId: 1669, townId: 52082 });
  if (saved.ok) await ensureJdConsolidationLocation(world.admin, saved.warehouse);
});
afterEach(async () => { await cj.close(); await jd.close(); await world.close(); });

async function existingProduct(title: string, variants: Array<{ sku: string; barcode?: string }>) {
  const r = await world.emulator.graphql(world.shop, PRODUCT_SET, {
    synchronous: true,
    input: { title, productOptions: [{ name: "Style", values: variants.map((_, i) => ({ name: `S${i}` })) }],
      variants: variants.map((v, i) => ({ optionValues: [{ optionName: "Style", name: `S${i}` }], price: "49.00", sku: v.sku, barcode: v.barcode ?? null })) },
  }) as { data: { productSet: { product: { id: string; variants: { nodes: { id: string }[] } } } } };
  return r.data.productSet.product.variants.nodes.map((n) => n.id);
}

/** A supplier product with stock somewhere, found the way the merchant finds one: through the supplier's search. */
async function stockedOffer(supplier: SupplierCode) {
  const page = await searchSupplier(world.shop, supplier, supplier === "jd" ? "" : "phone");
  for (const item of page.items) {
    const offer = await supplierOffer(world.shop, supplier, item.supplierProductId, "49.00");
    const variant = offer.variants.find((v) => Object.values(v.stock).some((q) => q > 0));
    if (variant) return { offer, variant };
  }
  throw new Error(`no stocked ${supplier} product on the first page`);
}

describe("linking an existing product to any supplier", () => {
  it.each([["sandbox", "CNY", "CN-"], ["cj", "USD", "CN-SZ"], ["jd", "CNY", "CN-JD"]] as const)(
    "links a variant to a %s SKU found through its catalog, showing cost, stock per warehouse and margin first",
    async (supplier, currency, warehouse) => {
      const [variantGid] = await existingProduct("Merchant's charger", [{ sku: `OWN-${supplier}` }]);
      const { offer, variant } = await stockedOffer(supplier);
      expect(variant.cost).toMatchObject({ currency, amount: expect.any(Number) });
      expect(variant.costInShopCurrency?.currency).toBe("USD");
      expect(variant.marginBps).toBe(Math.round(((4900 - variant.costInShopCurrency!.amount) * 10_000) / 4900));

      await linkVariantToSupplier(world.shop, world.admin, { variantGid: variantGid!, supplier, supplierProductId: offer.product.supplierProductId, supplierVariantId: variant.supplierVariantId, fulfilVia: "merchant_location" });
      const mapping = await db.variantMapping.findUniqueOrThrow({ where: { shop_variantGid: { shop: world.shop, variantGid: variantGid! } } });
      expect(mapping).toMatchObject({ supplier, supplierSku: variant.supplierVariantId, costMinor: variant.cost.amount, costCurrency: currency, fulfilVia: "merchant_location", stock: variant.stock });
      expect(mapping.linkedWarehouse!.startsWith(warehouse)).toBe(true);
    });

  it("proposes matches across every connected supplier with a confidence, and links nothing until the merchant accepts", async () => {
    const cjProduct = [...cj.catalog.products.values()][0]!;
    const cjVariant = cjProduct.variants[0]!;
    const sandboxProduct = world.sandbox.catalog.products[3]!;
    // A product the merchant once copied from CJ by hand: CJ's title and SKU (CJ's search matches titles, not SKUs).
    const [bySku] = await existingProduct(cjProduct.productNameEn, [{ sku: cjVariant.variantSku }]);
    const [byTitle] = await existingProduct(sandboxProduct.title_en, [{ sku: "NO-SUCH-SKU-1" }]);

    const run = await proposeMatches(world.shop, world.admin);

    expect(run.failures).toEqual([]);
    expect(run.proposals).toEqual(expect.arrayContaining([
      expect.objectContaining({ variantGid: bySku, supplier: "cj", supplierVariantId: cjVariant.vid, by: "sku", confidence: 98 }),
      expect.objectContaining({ variantGid: byTitle, supplier: "sandbox", supplierProductId: sandboxProduct.pid, by: "title" }),
    ]));
    const titleMatch = run.proposals.find((p) => p.variantGid === byTitle && p.supplier === "sandbox")!;
    expect(titleMatch.confidence).toBeGreaterThanOrEqual(40);
    expect(titleMatch.confidence).toBeLessThan(98);
    expect(await db.variantMapping.count({ where: { shop: world.shop, variantGid: { in: [bySku!, byTitle!] } } })).toBe(0);
  });

  it("links a CSV's good lines and reports each bad line by its number, with its text and the reason", async () => {
    const [a, b, c] = await existingProduct("CSV product", [{ sku: "CSV-A" }, { sku: "CSV-B" }, { sku: "CSV-C" }]);
    const sandboxVariant = world.sandbox.catalog.products[5]!.variants[0]!;
    const cjProduct = [...cj.catalog.products.values()][1]!;
    const numericId = a!.split("/").pop();
    const csv = [
      "variant_id,sku,supplier,supplier_sku,supplier_product_id",
      `${numericId},,sandbox,${sandboxVariant.vid},`,
      `,CSV-B,cj,${cjProduct.variants[0]!.vid},${cjProduct.pid}`,
      `,CSV-C,aliexpress,X1,`,
      `,NOPE-SKU,sandbox,${sandboxVariant.vid},`,
      `,CSV-C,sandbox,NO-SUCH-SUPPLIER-SKU,`,
      `${numericId},,sandbox,${sandboxVariant.vid},`,
      `,"CSV-C",sandbox,"${sandboxVariant.vid}",`,
    ].join("\n");

    const result = await linkFromCsv(world.shop, world.admin, csv, "merchant_location");

    expect(result.linked).toBe(3);
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [4, expect.stringContaining("Unknown supplier")],
      [5, expect.stringContaining("No variant in your store has SKU NOPE-SKU")],
      [6, expect.stringContaining("no SKU NO-SUCH-SUPPLIER-SKU")],
      [7, expect.stringContaining("already linked by line 2")],
    ]);
    expect(result.errorReport!.split("\n")[0]).toBe("line,error,variant_id,sku,supplier,supplier_sku,supplier_product_id");
    // The report is itself a CSV: each bad line's original cells follow its line number and reason, ready to fix.
    const report = parseCsv(result.errorReport!);
    expect(report[1]!.cells).toEqual(["4", 'Unknown supplier "aliexpress" (use sandbox, cj or jd).', "", "CSV-C", "aliexpress", "X1", ""]);
    expect(report.slice(1).map((r) => r.cells[0])).toEqual(["4", "5", "6", "7"]);
    const rows = await db.variantMapping.findMany({ where: { shop: world.shop, variantGid: { in: [a!, b!, c!] } } });
    expect(rows.map((r) => [r.variantGid, r.supplier, r.source]).sort()).toEqual([[a, "sandbox", "csv"], [b, "cj", "csv"], [c, "sandbox", "csv"]].sort());
  });

  it("numbers CSV lines by where they start, so a quoted line break does not shift the report", () => {
    const rows = parseCsv('h1,h2\n"multi\nline",x\nlast,"a ""q"", b"\n');
    expect(rows.map((r) => [r.line, r.cells])).toEqual([[1, ["h1", "h2"]], [2, ["multi\nline", "x"]], [4, ["last", 'a "q", b']]]);
  });
});
