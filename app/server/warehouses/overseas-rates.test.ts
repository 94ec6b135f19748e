// Checkout rates from an overseas warehouse for a product imported from the sandbox supplier, whose stock reports
// say "DE" (the CJ emulator's US warehouse is covered in suppliers/cj/cj-import-stock.test.ts).
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import db from "../../db.server";
import { addToImportList } from "../sourcing/import-list/import-list.server";
import { startImport } from "../sourcing/imports/import-jobs.server";
import { runImportJob } from "../sourcing/imports/run-import.server";
import { startSourcingWorld, type SourcingWorld } from "../sourcing/test-support/sourcing-world";
import { answerRawRateRequest } from "../shipping/carrier-service/rates.server";
import { clearQuoteCache } from "../shipping/carrier-service/quote-cache";
import { buildRateItem, buildRatePayload } from "../shipping/carrier-service/test-builders";
import { legacyId } from "../shopify/gid";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

const signed = (shop: string, payload: unknown) => {
  const body = Buffer.from(JSON.stringify(payload));
  return { body, shopHeader: shop, hmacHeader: crypto.createHmac("sha256", process.env.SHOPIFY_API_SECRET!).update(body).digest("base64") };
};
const serviceCodes = (answer: { body: string }) => (JSON.parse(answer.body) as { rates: { service_code: string }[] }).rates.map((r) => r.service_code);

describe("checkout rates from a supplier's overseas warehouse", () => {
  it("offers the Frankfurt warehouse's EU parcel service to France for a sandbox product whose stock report says DE", async () => {
    world = await startSourcingWorld();
    const product = world.sandbox.catalog.products.find((p) => p.warehouses.includes("DE") && p.variants.every((v) => (v.stock.DE ?? 0) > 0))!;
    const item = await addToImportList(world.shop, "sandbox", product.pid);
    expect(item.snapshot.warehouses).toContain("DE-FRA");
    await runImportJob(await startImport(world.shop, [item.id], { mode: "sync" }), world.deps);

    const frankfurt = (await db.fulfillmentWarehouse.findUnique({ where: { shop_code: { shop: world.shop, code: "DE-FRA" } } }))!.locationGid;
    const mapping = (await db.variantMapping.findFirst({ where: { shop: world.shop, supplierSku: product.variants[0]!.vid } }))!;
    expect(mapping.stock).toMatchObject({ "DE-FRA": product.variants[0]!.stock.DE });
    expect(mapping.pushedStock).toMatchObject({ [frankfurt]: product.variants[0]!.stock.DE });

    clearQuoteCache();
    const line = buildRateItem({ variant_id: Number(legacyId(mapping.variantGid)), sku: mapping.shopifySku, grams: 300 });
    const toFrance = await answerRawRateRequest(signed(world.shop, buildRatePayload({ items: [line], destination: { country: "FR", postal_code: "75001", province: null, city: "Paris" } })));
    expect(serviceCodes(toFrance)).toContain("SR-EU-PARCEL");
    const toUs = await answerRawRateRequest(signed(world.shop, buildRatePayload({ items: [line] })));
    expect(serviceCodes(toUs)).not.toContain("SR-EU-PARCEL");
  });
});
