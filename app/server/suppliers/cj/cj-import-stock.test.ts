import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { addToImportList } from "../../sourcing/import-list/import-list.server";
import { startImport } from "../../sourcing/imports/import-jobs.server";
import { runImportJob } from "../../sourcing/imports/run-import.server";
import { startSourcingWorld, type SourcingWorld } from "../../sourcing/test-support/sourcing-world";
import { answerRawRateRequest } from "../../shipping/carrier-service/rates.server";
import { buildRateItem, buildRatePayload } from "../../shipping/carrier-service/test-builders";
import { clearQuoteCache } from "../../shipping/carrier-service/quote-cache";
import { legacyId } from "../../shopify/gid";
import { useSupplierAdapters } from "../shop-adapters.server";
import { startCj } from "./cj.fixture";

let world: SourcingWorld | undefined;
let cj: Awaited<ReturnType<typeof startCj>> | undefined;
afterEach(async () => { useSupplierAdapters(null); await world?.close(); await cj?.close(); world = cj = undefined; });

async function importCjProductIn(country: string) {
  world = await startSourcingWorld();
  cj = await startCj();
  const adapter = cj.adapter;
  useSupplierAdapters(async (_shop, supplier) => { if (supplier !== "cj") throw new Error("only CJ here"); return adapter; });
  const { product, variant } = cj.variantIn(country);
  const item = await addToImportList(world.shop, "cj", product.pid);
  const jobId = await startImport(world.shop, [item.id], { mode: "sync" });
  await runImportJob(jobId, world.deps);
  const location = async (id: string) => (await db.fulfillmentWarehouse.findUnique({ where: { shop_code: { shop: world!.shop, code: id } } }))?.locationGid;
  return { item, variant, location };
}

const signed = (shop: string, payload: unknown) => {
  const body = Buffer.from(JSON.stringify(payload));
  return { body, shopHeader: shop, hmacHeader: crypto.createHmac("sha256", process.env.SHOPIFY_API_SECRET!).update(body).digest("base64") };
};

describe("importing a CJ product", () => {
  it("stocks each variant at the Silkroute location of the CJ warehouse it ships from (CJ's CN → registry CN-SZ, Silkroute Shenzhen)", async () => {
    const { item, location } = await importCjProductIn("CN");
    expect(item.variants.every((v) => v.stock["CN-SZ"] === cj!.emulator.catalog.variant(v.supplierVariantId)!.variant.stock.CN)).toBe(true);
    expect(item.variants.some((v) => "CN" in v.stock)).toBe(false);
    const shenzhen = (await location("CN-SZ"))!;
    const [pushed] = world!.products();
    for (const v of item.variants) {
      const onShopify = pushed.variants.find((x: { sku: string }) => x.sku === v.sku);
      expect(onShopify.available).toMatchObject({ [shenzhen]: v.stock["CN-SZ"] });
    }
    const mapping = await db.variantMapping.findFirst({ where: { shop: world!.shop } });
    expect(mapping).toMatchObject({ supplier: "cj" });
  });

  it("stocks a variant held in CJ's US warehouse at Silkroute Los Angeles, in the US, and checkout to the US offers the US warehouse's service", async () => {
    const { variant, location } = await importCjProductIn("US");
    const losAngeles = await location("US-LA");
    expect(losAngeles).toBeDefined();
    const mapping = (await db.variantMapping.findFirst({ where: { shop: world!.shop, supplierSku: variant.vid } }))!;
    expect(mapping.stock).toMatchObject({ "US-LA": variant.stock.US });
    expect(Object.keys(mapping.stock as object)).not.toContain("US");
    const [pushed] = world!.products();
    expect(pushed.variants.find((x: { sku: string }) => x.sku === mapping.shopifySku).available).toMatchObject({ [losAngeles!]: variant.stock.US });

    clearQuoteCache();
    const item = buildRateItem({ variant_id: Number(legacyId(mapping.variantGid)), sku: mapping.shopifySku, grams: 300, quantity: 1 });
    const toUs = await answerRawRateRequest(signed(world!.shop, buildRatePayload({ items: [item] })));
    const codes = (JSON.parse(toUs.body) as { rates: { service_code: string }[] }).rates.map((r) => r.service_code);
    expect(codes).toContain("SR-US-GROUND");
    // The same product to Germany has no local warehouse: it ships from China only.
    const toDe = await answerRawRateRequest(signed(world!.shop, buildRatePayload({ items: [item], destination: { country: "DE", postal_code: "10115", province: null, city: "Berlin" } })));
    expect((JSON.parse(toDe.body) as { rates: { service_code: string }[] }).rates.map((r) => r.service_code)).not.toContain("SR-US-GROUND");
  });
});
