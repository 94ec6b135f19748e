/**
 * Tenant isolation (issue #10): shop B has data in every admin domain; every admin loader and action, called as
 * shop A with B's ids and codes wherever a route takes one, must neither show B's data nor change B's rows.
 * Routes and intents are discovered from the route files, so a new page is covered without editing this test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import db from "../db.server";
import { adminRequest, routeArgs } from "../test/admin-session";
import { useShopifyEmulator } from "../test/emulator";
import { uniqueShop } from "../test/webhooks";
import { buildRateCardCsv } from "../server/shipping/rate-card-fixtures";
import { seedVariantMapping } from "../server/shipping/carrier-service/test-builders";

type RouteModule = { loader?: (args: unknown) => Promise<unknown>; action?: (args: unknown) => Promise<unknown> };
const MODULES = import.meta.glob<RouteModule>("./app.*.tsx");
// The catalog pages call the supplier's own API (no supplier service runs here); their shop scoping is the adapter's.
const SKIPPED = new Set(["./app.catalog._index.tsx", "./app.catalog.$supplier.$id.tsx"]);

const shopify = useShopifyEmulator();
let shopA: string;
let shopB: string;
const MARKERS = ["#B-SECRET-1", "B Secret Person", "B-SECRET-SKU", "B-SECRET-ERROR", "BSECRET", "B Secret Line"];
const ids: Record<string, string> = {};

/** Every row shop B owns in the tables admin pages read or write (updatedAt included, so any write shows). */
async function shopBRows() {
  const where = { where: { shop: shopB } };
  return JSON.stringify(await Promise.all([
    db.supplierOrder.findMany(where), db.variantMapping.findMany(where), db.shippingRateCard.findMany(where), db.shippingSettings.findMany(where),
    db.job.findMany(where), db.supplierConnection.findMany(where), db.encryptedSecret.findMany(where), db.sourcingSettings.findMany(where),
    db.fulfillmentSettings.findMany(where), db.importItem.findMany(where), db.importJob.findMany(where),
  ]));
}

/** Every intent a page or component can post: `intent="x"`, `intent === "x"`, `value="x"`, `case "x"`, handler keys. */
const intents = (() => {
  const sources = [...Object.keys(MODULES).map((f) => path.resolve(__dirname, f)), ...sourceFiles(path.resolve(__dirname, "../components"))].map((f) => readFileSync(f, "utf8"));
  const found = sources.flatMap((source) => [...source.matchAll(/(?:intent\s*(?:=|===)\s*|value=|case\s+)"([a-z][a-z-]*)"|(?:^|[{,]\s*)"?([a-z][a-z-]*)"?:\s*(?:register|deactivate|delete|approve|retry|cancel)\w*/gm)].map((m) => m[1] ?? m[2]!));
  return [...new Set(found)];
})();
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".tsx") ? [path.join(dir, e.name)] : []));
}

beforeAll(async () => {
  shopA = shopify.createShop({ domain: uniqueShop("tenant-a") });
  shopB = shopify.createShop({ domain: uniqueShop("tenant-b") });
  await shopify.installApp(shopA);
  await shopify.installApp(shopB);
  const order = await db.supplierOrder.create({
    data: { shop: shopB, orderGid: "gid://shopify/Order/91", orderName: "#B-SECRET-1", fulfillmentOrderGid: "gid://shopify/FulfillmentOrder/91", supplier: "sandbox", warehouse: "CN-SZ",
      idempotencyKey: `SR-B-${shopB}`, state: "awaiting_approval", lines: [{ sku: "B-SECRET-SKU", quantity: 1, supplierVariantId: "SBX000001-01" }], shipTo: { name: "B Secret Person" },
      currency: "USD", revenueMinor: 4900 },
  });
  ids.order = order.id;
  ids.mapping = (await seedVariantMapping(shopB, 9100, { shopifySku: "B-SECRET-SKU" })).id;
  ids.job = (await db.job.create({ data: { queue: "sourcing.import", shop: shopB, payload: { note: "B-SECRET-SKU" }, state: "dead", attempts: 5, maxAttempts: 5, lastError: "B-SECRET-ERROR" } })).id;
  const cards = await MODULES["./app.shipping.rate-cards.tsx"]!();
  await cards.action!(routeArgs(adminRequest(shopB, "/app/shipping/rate-cards", { form: { intent: "upload", csv: buildRateCardCsv({ code: "BSECRET", name: "B Secret Line" }) } })));
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  for (const shop of [shopA, shopB]) {
    await db.supplierOrder.deleteMany({ where: { shop } });
    await db.variantMapping.deleteMany({ where: { shop } });
    await db.job.deleteMany({ where: { shop } });
    await db.shippingRateCard.deleteMany({ where: { shop } });
  }
});

/** Loader/action params: B's ids wherever a route has a dynamic segment. */
const paramsFor = (file: string) => ({ id: file.includes("orders") ? ids.order! : file.includes("jobs") ? ids.job! : ids.mapping!, supplier: "sandbox", "*": "x" });

async function bodyOf(call: () => Promise<unknown>): Promise<string> {
  try {
    const result = await call();
    return result instanceof Response ? await result.text() : JSON.stringify(result ?? null);
  } catch (thrown) {
    return thrown instanceof Response ? await thrown.text() : ""; // an error shows nothing of B's
  }
}

describe("tenant isolation: shop A's admin never reads or changes shop B's data", () => {
  it("has discovered the admin routes and their intents", () => {
    expect(Object.keys(MODULES).length).toBeGreaterThanOrEqual(10);
    expect(intents).toEqual(expect.arrayContaining(["approve", "upload", "save-settings", "register", "set-default"]));
  });

  it("no loader shows shop B's orders, mappings, jobs or rate cards to shop A", async () => {
    expect(await bodyOf(async () => (await MODULES["./app.orders._index.tsx"]!()).loader!(routeArgs(adminRequest(shopB, "/app/orders?tab=attention"))))).toContain("#B-SECRET-1"); // the marker is visible to B itself
    for (const file of Object.keys(MODULES).filter((f) => !SKIPPED.has(f))) {
      const module = await MODULES[file]!();
      if (!module.loader) continue;
      const url = `/${file.slice(2, -4).replace(/\./g, "/").replace(/\$(\w+)/g, (_, p: string) => (paramsFor(file) as Record<string, string>)[p] ?? "x").replace("/_index", "")}`;
      const body = await bodyOf(() => module.loader!(routeArgs(adminRequest(shopA, `${url}?edit=BSECRET&tab=attention`), paramsFor(file))));
      for (const marker of MARKERS) expect({ file, leaked: body.includes(marker) ? marker : null }).toEqual({ file, leaked: null });
    }
  });

  it("no action changes shop B's rows, whatever intent and B's ids shop A sends", async () => {
    const before = await shopBRows();
    for (const file of Object.keys(MODULES).filter((f) => !SKIPPED.has(f))) {
      const module = await MODULES[file]!();
      if (!module.action) continue;
      for (const intent of intents) {
        const form = { intent, id: ids.mapping!, ids: ids.order!, code: "BSECRET", supplier: "sandbox", productId: "gid://shopify/Product/509100", csv: buildRateCardCsv({ code: "BSECRET" }) };
        await bodyOf(() => module.action!(routeArgs(adminRequest(shopA, `/${file.slice(2, -4)}`, { form }), paramsFor(file))));
      }
    }
    expect(await shopBRows()).toBe(before);
    // Control: the same action sent by B itself does change B's rows, so the comparison can see a change.
    const detail = await MODULES["./app.orders.$id.tsx"]!();
    await detail.action!(routeArgs(adminRequest(shopB, `/app/orders/${ids.order}`, { form: { intent: "approve" } }), { id: ids.order! }));
    expect(await shopBRows()).not.toBe(before);
  });
});
