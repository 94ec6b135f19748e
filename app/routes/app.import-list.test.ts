import { afterEach, describe, expect, it } from "vitest";
import db from "../db.server";
import { runImportJob } from "../server/sourcing/imports/run-import.server";
import { startSourcingWorld, type SourcingWorld } from "../server/sourcing/test-support/sourcing-world";
import { adminRequest, routeArgs } from "../test/admin-session";
import * as catalogPage from "./app.catalog._index";
import * as productPage from "./app.catalog.$supplier.$id";
import * as itemPage from "./app.import-list.$id";
import * as listPage from "./app.import-list._index";
import * as jobStatus from "./app.import-list.jobs.$id";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

const get = (shop: string, path: string, params: Record<string, string> = {}) => routeArgs(adminRequest(shop, path), params);
const post = (shop: string, path: string, form: Record<string, string>, params: Record<string, string> = {}) => routeArgs(adminRequest(shop, path, { form }), params);

// Route answers are read loosely; the assertions say what matters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = async (response: Response): Promise<any> => response.json();

describe("catalog to store through the admin pages", () => {
  it("searches in Chinese with filters, shows landed cost and margin per variant, and stages a product", async () => {
    world = await startSourcingWorld();
    const search = await body(await catalogPage.loader(get(world.shop, "/app/catalog?q=%E6%89%8B%E6%9C%BA%E5%A3%B3&inStock=on&sort=price_asc")));
    expect(search.result.error).toBeNull();
    expect(search.result.items.length).toBeGreaterThan(0);
    expect(search.result.rate).toMatchObject({ from: "CNY", to: "USD" });
    const first = search.result.items[0];

    const detail = await body(await productPage.loader(get(world.shop, `/app/catalog/sandbox/${first.id}`, { supplier: "sandbox", id: first.id })));
    expect(detail.detail.ok).toBe(true);
    // Money in the shop's currency (minor units); the page formats it in the merchant's language.
    expect(detail.detail.variants[0]).toMatchObject({ price: { currency: "USD", amount: expect.any(Number) }, margin: { currency: "USD" } });
    expect(detail.detail.variants[0].shipping).toMatchObject({ amount: { currency: "USD" }, minDays: expect.any(Number) }); // the emulated shop is in the US

    const added = await body(await catalogPage.action(post(world.shop, "/app/catalog", { supplier: "sandbox", productId: first.id })));
    expect(added.ok).toBe(true);
    expect(await db.importItem.count({ where: { shop: world.shop } })).toBe(1);
  });

  it("edits an item, pushes it, and reports progress on the status route", async () => {
    world = await startSourcingWorld();
    await catalogPage.action(post(world.shop, "/app/catalog", { supplier: "sandbox", productId: "SBX000031" }));
    const item = await db.importItem.findFirstOrThrow({ where: { shop: world.shop } });
    const view = await body(await itemPage.loader(get(world.shop, `/app/import-list/${item.id}`, { id: item.id })));
    const [keep] = view.variants;
    await itemPage.action(post(world.shop, `/app/import-list/${item.id}`, {
      intent: "save", title: "Edited title", descriptionHtml: "<p>Mine</p>", tags: "summer, sale", productType: "Cases",
      keepVariant: keep.id, [`price:${keep.id}`]: "19.50",
    }, { id: item.id }));
    const list = await body(await listPage.loader(get(world.shop, "/app/import-list")));
    expect(list.items[0]).toMatchObject({ title: "Edited title", variants: `1 of ${view.variants.length}`, price: "$19.50 – $19.50" });

    await listPage.action(post(world.shop, "/app/import-list", { intent: "import", id: item.id }));
    const job = await db.importJob.findFirstOrThrow({ where: { shop: world.shop } });
    await runImportJob(job.id, world.deps);
    const status = await body(await jobStatus.loader(get(world.shop, `/app/import-list/jobs/${job.id}`, { id: job.id })));
    expect(status).toMatchObject({ status: "completed", total: 1, done: 1, failed: 0, failures: [] });
    expect(world.products()[0]).toMatchObject({ title: "Edited title", tags: ["summer", "sale"] });
    expect(world.products()[0].variants).toHaveLength(1);
    expect(world.products()[0].variants[0].price).toBe("19.50");
  });

  it("refuses a bad price or HS code with a catalog message the page shows in the merchant's language", async () => {
    world = await startSourcingWorld();
    const { shop } = world;
    await catalogPage.action(post(shop, "/app/catalog", { supplier: "sandbox", productId: "SBX000031" }));
    const item = await db.importItem.findFirstOrThrow({ where: { shop } });
    const view = await body(await itemPage.loader(get(shop, `/app/import-list/${item.id}`, { id: item.id })));
    const [keep] = view.variants;
    const save = (form: Record<string, string>) => itemPage.action(post(shop, `/app/import-list/${item.id}`, { intent: "save", title: "Mine", keepVariant: keep.id, ...form }, { id: item.id })) as Promise<Response>;

    const badPrice = await save({ [`price:${keep.id}`]: "12,5x" });
    expect(badPrice.status).toBe(422);
    expect(await body(badPrice)).toMatchObject({ message: { key: "import-item:errors.price", values: { text: "12,5x" } } });
    const badHs = await save({ hsCode: "6109" });
    expect(await body(badHs)).toMatchObject({ message: { key: "import-item:errors.hsCode" } });
    const noVariant = await itemPage.action(post(shop, `/app/import-list/${item.id}`, { intent: "save", title: "Mine" }, { id: item.id })) as Response;
    expect(await body(noVariant)).toMatchObject({ message: { key: "import-item:errors.keepVariant" }, upgrade: false });
  });

  it("reports a refused push with the error's catalog message, which the page translates, not its English", async () => {
    world = await startSourcingWorld();
    const refused = await listPage.action(post(world.shop, "/app/import-list", { intent: "import" })) as Response;
    expect(refused.status).toBe(422);
    expect(await body(refused)).toMatchObject({ message: { key: "import-list:failed", reason: { key: "import-item:errors.selectOne" } } });
  });
});
