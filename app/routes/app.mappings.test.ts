import { afterEach, describe, expect, it } from "vitest";
import { startSourcingWorld, type SourcingWorld } from "../server/sourcing/test-support/sourcing-world";
import { adminRequest, routeArgs } from "../test/admin-session";
import { action, loader } from "./app.mappings";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

// Route answers are read loosely; the assertions say what matters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = async (response: Response): Promise<any> => response.json();

describe("the supplier mappings page", () => {
  it("auto-matches a product already in the store and shows the new link", async () => {
    world = await startSourcingWorld();
    const supplier = world.sandbox.catalog.product("SBX000041")!;
    await world.emulator.graphql(world.shop, `mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id } } }`, {
      input: { title: "Existing", productOptions: [{ name: "Title", values: [{ name: "Default Title" }] }],
        variants: [{ optionValues: [{ optionName: "Title", name: "Default Title" }], price: "9.00", sku: supplier.variants[0]!.sku }] },
    });
    const result = await body(await action(routeArgs(adminRequest(world.shop, "/app/mappings", { form: { intent: "auto-match", supplier: "sandbox", supplierProductIds: "SBX000041" } }))));
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/^Matched 1 variant/) });
    const page = await body(await loader(routeArgs(adminRequest(world.shop, "/app/mappings"))));
    expect(page.products[0]?.variants[0]?.mapping).toMatchObject({ supplier: "sandbox", sku: supplier.variants[0]!.vid, source: "auto-match" });
  });

  it("explains a manual link to a supplier variant that does not exist", async () => {
    world = await startSourcingWorld();
    await world.emulator.graphql(world.shop, `mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id } } }`, {
      input: { title: "Existing", productOptions: [{ name: "Title", values: [{ name: "Default Title" }] }], variants: [{ optionValues: [{ optionName: "Title", name: "Default Title" }], price: "9.00", sku: "OWN" }] },
    });
    const variantGid = world.products()[0].variants[0].id;
    const response = await action(routeArgs(adminRequest(world.shop, "/app/mappings", { form: { intent: "link", supplier: "sandbox", variantGid, supplierProductId: "SBX000041", supplierVariantId: "NOPE" } })));
    expect(response.status).toBe(422);
    expect((await response.json()).message).toMatch(/has no variant NOPE/);
  });

  it("shows a supplier's offer for a variant row, links from it, and reports a CSV's bad line by number", async () => {
    world = await startSourcingWorld();
    await world.emulator.graphql(world.shop, `mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id } } }`, {
      input: { title: "Existing", productOptions: [{ name: "Title", values: [{ name: "Default Title" }] }], variants: [{ optionValues: [{ optionName: "Title", name: "Default Title" }], price: "30.00", sku: "OWN-1" }] },
    });
    const variantGid = world.products()[0].variants[0].id;
    const query = new URLSearchParams({ link: variantGid, supplier: "sandbox", kw: "", price: "30.00", offer: "SBX000041" });
    const page = await body(await loader(routeArgs(adminRequest(world.shop, `/app/mappings?${query}`))));
    expect(page.linking.finder.offer.variants[0]).toMatchObject({ cost: { currency: "CNY" }, marginBps: expect.any(Number), stock: expect.any(Object) });
    const vid = page.linking.finder.offer.variants[0].supplierVariantId;
    const linked = await body(await action(routeArgs(adminRequest(world.shop, "/app/mappings", { form: { intent: "link-offer", variantGid, supplier: "sandbox", supplierProductId: "SBX000041", supplierVariantId: vid, fulfilVia: "merchant_location" } }))));
    expect(linked).toMatchObject({ ok: true, message: expect.stringContaining(`Linked to sandbox ${vid}`) });

    const csv = await action(routeArgs(adminRequest(world.shop, "/app/mappings", { form: { intent: "csv", fulfilVia: "merchant_location", csvText: "sku,supplier,supplier_sku\nNOT-MINE,sandbox,X" } })));
    expect(csv.status).toBe(422);
    expect((await csv.json()).csvErrors).toEqual([{ line: 2, text: "NOT-MINE,sandbox,X", message: "No variant in your store has SKU NOT-MINE." }]);
  });
});
